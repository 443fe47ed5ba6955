/** What the customer is told when their port request changes state: the news itself, in their own conversation. */
import { formatPhoneNumberList } from '../../domain/phoneNumbers';
import { currentLocale, localized } from '../../i18n/language';
import type { PortState } from '../events/portingEvent';
import type { PortNotice } from './portNotice';
import { rejectionReason } from '../../domain/rejectionReasons';

/** 'Tuesday, March 10, 2026' ('martes, 10 de marzo de 2026') for '2026-03-10', in the turn's language. */
export function formatFocDate(focDate: string): string {
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${focDate}T00:00:00Z`));
}

/** 'your number (415) 555-0123' or 'your numbers (415) 555-0123 and (415) 555-0124'. */
function yourNumbers(numbers: readonly string[]): string {
  const list = formatPhoneNumberList(numbers);
  return numbers.length === 1 ? `your number ${list}` : `your numbers ${list}`;
}

type NoticeCatalogue = { readonly [S in PortState]: (notice: PortNotice) => string };

const noticeTextEn: NoticeCatalogue = {
  submitted: ({ referenceNumber, carrier }) =>
    `Your port request ${referenceNumber} is now with ${carrier}, who will check it against your account. ` +
    "I'll tell you here as soon as the date of the move is confirmed.",
  pending: ({ referenceNumber, carrier }) =>
    `${carrier} is working on your port request ${referenceNumber}. There's nothing you need to do: I'll tell you ` +
    'here as soon as the date of the move is confirmed.',
  foc_confirmed: ({ referenceNumber, numbers, focDate }) =>
    `Good news: the date is set. ${capitalized(yourNumbers(numbers))} will move to us on ` +
    `${focDate === undefined ? 'the agreed day' : formatFocDate(focDate)} (reference ${referenceNumber}). ` +
    'Please keep your current service active until then.',
  completed: ({ referenceNumber, numbers }) =>
    `Your move is complete: ${yourNumbers(numbers)} ${numbers.length === 1 ? 'is' : 'are'} now with us ` +
    `(reference ${referenceNumber}).\n\nPlease test it now: make a call and receive one, then send a text and ` +
    'receive one. Texts can take a few hours longer than calls to start arriving.',
  rejected: ({ referenceNumber, carrier, reason }) =>
    `${carrier} couldn't accept your port request ${referenceNumber}.` + (reason === undefined ? '' : ` ${rejectionReason(reason.code).words}`),
  cancelled: ({ referenceNumber, carrier }) =>
    `Your port request ${referenceNumber} has been cancelled, so your number stays with ${carrier} for now. ` +
    'Please keep your current service as it is.',
};

/** 'su número (415) 555-0123' o 'sus números (415) 555-0123 y (415) 555-0124'. */
function suNumeros(numbers: readonly string[]): string {
  const list = formatPhoneNumberList(numbers);
  return numbers.length === 1 ? `su número ${list}` : `sus números ${list}`;
}

const noticeTextEs: NoticeCatalogue = {
  submitted: ({ referenceNumber, carrier }) =>
    `Su solicitud de portabilidad ${referenceNumber} ya se envió a ${carrier}, que la comparará con los datos de su cuenta. ` +
    'Le avisaré por aquí en cuanto se confirme la fecha de la transferencia.',
  pending: ({ referenceNumber, carrier }) =>
    `${carrier} está trabajando en su solicitud de portabilidad ${referenceNumber}. Usted no tiene que hacer nada: le ` +
    'avisaré por aquí en cuanto se confirme la fecha de la transferencia.',
  foc_confirmed: ({ referenceNumber, numbers, focDate }) =>
    `Buenas noticias: ya hay fecha. ${capitalized(suNumeros(numbers))} ${numbers.length === 1 ? 'pasará' : 'pasarán'} ` +
    `a nuestra compañía el ${focDate === undefined ? 'día acordado' : formatFocDate(focDate)} (referencia ${referenceNumber}). ` +
    'Mantenga activo su servicio actual hasta entonces.',
  completed: ({ referenceNumber, numbers }) =>
    `Su transferencia está completa: ${suNumeros(numbers)} ya ${numbers.length === 1 ? 'está' : 'están'} con nosotros ` +
    `(referencia ${referenceNumber}).\n\n${numbers.length === 1 ? 'Pruébelo' : 'Pruébelos'} ahora: haga una llamada y reciba otra, y luego envíe y reciba un ` +
    'mensaje de texto. Los mensajes de texto pueden tardar unas horas más que las llamadas en empezar a llegar.',
  rejected: ({ referenceNumber, carrier, reason }) =>
    `${carrier} no pudo aceptar su solicitud de portabilidad ${referenceNumber}.` + (reason === undefined ? '' : ` ${rejectionReason(reason.code).words}`),
  cancelled: ({ referenceNumber, carrier }) =>
    `Su solicitud de portabilidad ${referenceNumber} se canceló, así que por ahora su número se queda con ${carrier}. ` +
    'Mantenga su servicio actual tal como está.',
};

// A rejection's reason is told by its code, in the words of the turn's language: the notice was made outside the turn.
export const noticeText = localized<NoticeCatalogue>({ en: noticeTextEn, es: noticeTextEs });

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
