/** Lo que dice el asistente cuando una compañía rechazó una solicitud firmada: la oferta de corregirla, la corrección, y cuándo hace falta una persona. */
import type { Catalogue } from '../../../src/i18n/language';
import { joinAsList } from '../../../src/domain/text';
import type { correctionTextEn } from '../correctionText';
import { contactWays } from '../interruptionText';
import { inSentence } from '../inSentence';

const fieldList = (labels: readonly string[]) => joinAsList(labels.map(inSentence));

export const correctionTextEs: Catalogue<typeof correctionTextEn> = {
  invite: (labels: readonly string[]) =>
    `Corrijámosla juntos. Solo le volveré a pedir estos datos: ${fieldList(labels)}. Luego usted firma la carta ` +
    'corregida y yo la envío de nuevo con el mismo número de referencia. Elija **Corregir mi solicitud** cuando quiera.',
  intro: (referenceNumber: string, reason: string, labels: readonly string[]) =>
    `Corrijamos su solicitud de portabilidad ${referenceNumber}. ${reason} Le volveré a pedir estos datos: ` +
    `${fieldList(labels)}; todo lo demás queda tal como me lo dio.`,
  readyToSign: 'Gracias. Ahora firme la carta corregida y la enviaré de nuevo con el mismo número de referencia.',
  notSent:
    'Sus correcciones están guardadas, pero todavía no se ha enviado nada. Cuando quiera, escriba **corregir mi ' +
    'solicitud** para firmar y enviar la carta corregida.',
  waiting: (referenceNumber: string) =>
    `Su compañía actual no pudo aceptar su solicitud de portabilidad ${referenceNumber} tal como estaba. Escriba ` +
    '**corregir mi solicitud** para corregirla y firmar de nuevo.',
  nothingToFix: 'No hay nada que corregir en este momento: ninguna de sus solicitudes está esperando una corrección.',
  personHere: (referenceNumber: string) =>
    'Una persona de nuestro equipo de portabilidad tiene que resolver esto con usted. Elija **Hablar con un agente** ' +
    `para comunicarse con alguien aquí mismo: tendrá a la vista su solicitud ${referenceNumber}.`,
  personNeeded: (contact, referenceNumber: string) => {
    const ways = contactWays(contact);
    return (
      'Una persona de nuestro equipo de portabilidad tiene que resolver esto con usted: ' +
      (ways ? `por favor, ${ways}` : 'por favor, comuníquese con nuestro servicio al cliente') +
      `, y tenga a mano su número de referencia: ${referenceNumber}.`
    );
  },
};
