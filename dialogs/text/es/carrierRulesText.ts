/**
 * Lo que dice el asistente sobre las reglas de la compañía actual: la pregunta sobre un dato que no cumple una regla
 * no confirmada, hasta cuándo vale el PIN de transferencia (y que ya venció), y el bloqueo de portabilidad que hay que
 * desactivar antes de firmar. El PIN nunca se repite.
 */
import type { Catalogue } from '../../../src/i18n/language';
import type { carrierRulesTextEn } from '../carrierRulesText';

export const carrierRulesTextEs: Catalogue<typeof carrierRulesTextEn> = {
  // "martes, 8 de diciembre, a las 3:40 p. m. PST": the sentences around it say "el" before the day.
  timeOnDay: (time: string, day: string) => `${day}, a las ${time}`,
  ruleQuestion: {
    yourCarrier: 'su compañía',
    help: (carrier: string) =>
      'A veces las compañías usan un formato distinto del que conozco. Elija **Sí, es exactamente ese** si es justo lo ' +
      `que le dio ${carrier}, y lo usaré tal como lo escribió; o **Quiero escribirlo de nuevo** para corregirlo. También ` +
      'puede simplemente escribirlo otra vez.',
    typeAgain: 'No hay problema, escríbalo de nuevo, por favor.',
  },

  pin: {
    subject: (carrier: string | undefined, pinName: string) => `Su ${pinName}${carrier ? ` de ${carrier}` : ''}`,
    goodUntil: (subject: string, until: string, confirmed: boolean) =>
      confirmed ? `${subject} es válido hasta el ${until}.` : `${subject} debería ser válido hasta aproximadamente el ${until}.`,
    expired: (subject: string, givenOn: string, confirmed: boolean, instructions: string) =>
      `${subject} se obtuvo el ${givenOn} y ${confirmed ? 'ya venció' : 'lo más probable es que ya haya vencido'}. ` +
      `Obtenga uno nuevo antes de firmar: ${instructions}`,
  },

  // The lock's name (the carrier's own, with the Spanish first) is called "esa protección" around it, so that no
  // article or ending has to agree with a name whose gender differs from carrier to carrier.
  lock: {
    question: (lock, carrier: string) =>
      `Una última verificación antes de firmar: ¿ya desactivó la protección ${lock.name} en su cuenta de ${carrier}? Mientras esa ` +
      `protección esté activa, ${carrier} rechaza toda transferencia.`,
    help: (lock, carrier: string) =>
      `${lock.name} es la protección de ${carrier} para que nadie transfiera sus números sin la autorización del ` +
      'titular. Elija **Sí** si ya está desactivada (o si nunca la activó), o **No** si sigue activa, y le diré cómo desactivarla.',
    turnOff: (lock) =>
      `Desactive la protección ${lock.name} ${lock.where}. Solo toma un momento, y sus datos siguen guardados aquí mientras lo hace.`,
    waiting: (lock) => `Avíseme cuando lo haya hecho: ¿ya desactivó la protección ${lock.name}?`,
  },
};
