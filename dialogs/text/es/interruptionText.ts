/** Lo que dice el asistente cuando el cliente sale de la pregunta actual: ayuda, estado, agente, cancelar, empezar de nuevo. */
import type { Catalogue } from '../../../src/i18n/language';
import type { interruptionTextEn } from '../interruptionText';
import { contactWays } from '../interruptionText';
import { inSentence } from '../inSentence';

const signedDate = new Intl.DateTimeFormat('es-US', { dateStyle: 'long', timeZone: 'UTC' });

export const interruptionTextEs: Catalogue<typeof interruptionTextEn> = {
  contact: {
    call: (phone: string) => `llame al ${phone}`,
    email: (email: string) => `escriba a ${email}`,
    or: 'o',
  },
  language: {
    switched: 'Con gusto. A partir de ahora le atiendo en español.',
    already: 'Ya le estoy atendiendo en español.',
  },
  generalHelp:
    'Estoy aquí para ayudarle a transferir su número de teléfono a nuestra compañía. Le pido los datos que su compañía actual ' +
    'tiene registrados, reviso cada uno sobre la marcha y preparo la autorización para que usted la firme.',
  anytime:
    'En cualquier momento puede escribir **estado**, **agente**, **cancelar**, **empezar de nuevo** o **English**.',
  confirm: {
    cancel: '¿Desea detenerse aquí? Guardaré lo que me ha dicho hasta ahora para que pueda terminar más tarde.',
    cancelAndDelete:
      '¿Desea que borre todo lo que me ha dado? Se borran sus datos y también cualquier solicitud firmada que todavía no ' +
      'se haya enviado a nuestro equipo de portabilidad: esa solicitud no se enviará.',
    startOver: '¿Desea empezar de nuevo? Esto borra los datos que me ha dado hasta ahora.',
  },
  confirmHelp: {
    cancel: 'Elija Sí para detenerse por ahora: sus datos quedan guardados y puede continuar más tarde. Elija No para seguir donde estaba.',
    cancelAndDelete:
      'Elija Sí para borrar sus datos definitivamente y detener cualquier solicitud que no se haya enviado. Elija No para seguir donde estaba.',
    startOver: 'Elija Sí para borrar sus datos y comenzar otra vez. Elija No para seguir donde estaba.',
  },
  done: {
    cancel: 'De acuerdo, me detuve. Sus datos están guardados: vuelva cuando quiera y siga donde se quedó.',
    startOver: 'De acuerdo, empecemos otra vez desde el principio.',
  },
  deleted: (forgotten, contact) =>
    [
      'De acuerdo, borré todo lo que me dio.',
      ...forgotten.withdrawn.map((reference) => `Su solicitud **${reference}** no se envió, y ya nunca se enviará.`),
      ...forgotten.sent.map(
        (reference) =>
          `Su solicitud **${reference}** ya está con nuestro equipo de portabilidad, así que borrarla aquí no la detiene: ` +
          `para detenerla, ${contactWays(contact) || 'comuníquese con nuestro servicio al cliente'}.`,
      ),
    ].join('\n\n'),
  stopped: 'De acuerdo, me detuve.',
  carryOn: 'De acuerdo, sigamos.',
  agent: (contact) =>
    (contactWays(contact)
      ? `Para hablar con una persona de nuestro equipo de portabilidad, ${contactWays(contact)}.`
      : 'Una persona de nuestro equipo de portabilidad puede ayudarle: comuníquese con nuestro servicio al cliente.') +
    ' Sus datos quedan guardados aquí, así que puede volver y continuar cuando quiera.',
  status: {
    none: 'Todavía no ha iniciado una solicitud de portabilidad. Elija **Iniciar mi portabilidad** cuando quiera.',
    draft: (done: number, total: number, next: string) =>
      `Su solicitud de portabilidad es un borrador: ${done} de ${total} datos listos. Siguiente paso: ${inSentence(next)}.`,
    readyToSign: 'Ya tengo todos sus datos. Siguiente paso: revisarlos y firmar la autorización (la Carta de Autorización, o LOA).',
    signed: (referenceNumber: string, signedAt: string, email: string | undefined) =>
      `Usted firmó su solicitud de portabilidad el ${signedDate.format(new Date(signedAt))}; su número de referencia es ` +
      `**${referenceNumber}**. Nuestro equipo de portabilidad está trabajando en ella` +
      (email ? ` y le enviará las novedades a ${email}.` : '.'),
  },
};
