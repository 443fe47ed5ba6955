/** La consulta de estado: el número de referencia y el código postal de servicio, y en qué va una solicitud enviada. */
import type { Catalogue } from '../../../src/i18n/language';
import { formatFocDate } from '../../../src/submission/notifications/noticeText';
import { contactWays } from '../interruptionText';
import type { statusTextEn } from '../statusText';
import { rejectionReason } from '../../../src/domain/rejectionReasons';

/** 'en unos 15 minutos', 'en unas 2 horas'. */
function inAbout(waitMs: number): string {
  const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
  if (minutes < 90) return minutes === 1 ? 'en un minuto' : `en unos ${minutes} minutos`;
  return `en unas ${Math.round(minutes / 60)} horas`;
}

export const statusTextEs: Catalogue<typeof statusTextEn> = {
  askReference:
    '¿Qué solicitud quiere que revise? Escriba su número de referencia: empieza con PA-, como PA-7KX4-M9Q2-TDX, y ' +
    'aparece en el mensaje que le envié cuando firmó.',
  referenceHelp:
    'El número de referencia aparece en el mensaje que le envié cuando firmó su solicitud. Empieza con PA-, como ' +
    'PA-7KX4-M9Q2-TDX. Si no lo encuentra, escriba **agente** y una persona de nuestro equipo de portabilidad puede buscarlo.',
  referenceInvalid:
    'Eso no parece uno de nuestros números de referencia. Empieza con PA- y luego tiene tres grupos de letras y ' +
    'números, como PA-7KX4-M9Q2-TDX. Revíselo y escríbalo de nuevo.',
  askPostalCode: 'Para proteger su solicitud, escriba el código postal (ZIP) de su dirección de servicio.',
  postalCodeHelp:
    'Es el código postal (ZIP) de la dirección donde está el servicio telefónico, tal como lo dio en su solicitud, ' +
    'como 62704 o K1A 0B1.',
  postalCodeInvalid: 'Eso no parece un código postal. Escríbalo así: 62704 o K1A 0B1.',
  notFound: 'No encontré ninguna solicitud con ese número de referencia y ese código postal. Revise los dos e inténtelo de nuevo.',
  notFoundAgain: (contact) => {
    const ways = contactWays(contact);
    return (
      'Sigo sin encontrar una solicitud con ese número de referencia y ese código postal, así que dejémoslo aquí por ahora. ' +
      (ways
        ? `Una persona de nuestro equipo de portabilidad puede buscarla por usted: por favor, ${ways}.`
        : 'Nuestro servicio al cliente puede buscarla por usted.')
    );
  },
  locked: (contact, waitMs: number) => {
    const ways = contactWays(contact);
    return (
      'Por su seguridad, pausé las consultas de estado por ahora: hubo demasiados intentos con datos que no coincidían. ' +
      `Inténtelo de nuevo ${inAbout(waitMs)}, o ` +
      (ways
        ? `${ways} y una persona de nuestro equipo de portabilidad puede buscarla por usted.`
        : 'comuníquese con nuestro servicio al cliente.')
    );
  },
  linkedPort: (parentReference: string, count: number) =>
    `Su portabilidad ${parentReference} transfiere sus números en ${count} solicitudes, una por cada cuenta:`,
  result: {
    received: ({ referenceNumber }) =>
      `Recibimos su solicitud de portabilidad ${referenceNumber} y va en camino a nuestro equipo de portabilidad.`,
    sent: ({ referenceNumber, carrier }) =>
      `Su solicitud de portabilidad ${referenceNumber} está con nuestro equipo de portabilidad, que se la enviará a ` +
      `${carrier}. Todavía no hay fecha para la transferencia.`,
    failed: ({ referenceNumber }) =>
      `No se pudo pasar su solicitud de portabilidad ${referenceNumber} a nuestro equipo de portabilidad.`,
    submitted: ({ referenceNumber, carrier }) =>
      `Su solicitud de portabilidad ${referenceNumber} se envió a ${carrier}, que la está comparando con los datos de su ` +
      'cuenta. Todavía no hay fecha para la transferencia.',
    pending: ({ referenceNumber, carrier }) =>
      `${carrier} está trabajando en su solicitud de portabilidad ${referenceNumber}. Todavía no hay fecha para la transferencia.`,
    foc_confirmed: ({ referenceNumber, focDate }) =>
      `Su solicitud de portabilidad ${referenceNumber} ya tiene fecha: la transferencia se realizará el ` +
      `${focDate === undefined ? 'día acordado' : formatFocDate(focDate)}. Mantenga activo su servicio actual hasta entonces.`,
    completed: ({ referenceNumber }) =>
      `Su solicitud de portabilidad ${referenceNumber} está completa: la transferencia ya se hizo. Los mensajes de texto ` +
      'pueden tardar unas horas más que las llamadas en empezar a llegar.',
    rejected: ({ referenceNumber, carrier, reason }) =>
      `${carrier} no pudo aceptar su solicitud de portabilidad ${referenceNumber}.` + (reason === undefined ? '' : ` ${rejectionReason(reason.code).words}`),
    cancelled: ({ referenceNumber, carrier }) =>
      `Su solicitud de portabilidad ${referenceNumber} se canceló, así que su número se queda con ${carrier}.`,
  },
  fixOffer: 'Escriba **corregir mi solicitud** para corregirla y firmar de nuevo.',
};
