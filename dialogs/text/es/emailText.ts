/**
 * Lo que dicen los correos al cliente: la confirmación después de firmar y cada cambio de estado de su solicitud que
 * también se le avisa en el chat. Breves y claros; cada correo da el número de referencia. Nunca un PIN ni un número de
 * cuenta completo.
 */
import type { Catalogue } from '../../../src/i18n/language';
import { formatPhoneNumberList } from '../../../src/domain/phoneNumbers';
import { joinAsList } from '../../../src/domain/text';
import type { ReceiptLink } from '../../../src/hosting/receiptLinks';
import type { EmailParagraph } from '../../../src/mail/emailLayout';
import type { PortState } from '../../../src/submission/events/portingEvent';
import type { PortNotice } from '../../../src/submission/notifications/portNotice';
import { formatFocDate, noticeText } from '../../../src/submission/notifications/noticeText';
import { correctionText } from '../correctionText';
import type { ChatLink, RejectionNextStep, SigningLinkEmailDetails, emailTextEn } from '../emailText';
import { inSentence } from '../inSentence';
import { signText } from '../signText';

const linkExpiry = new Intl.DateTimeFormat('es-US', { dateStyle: 'long', timeZone: 'UTC' });

const signOff = 'Saludos cordiales,\nEl equipo del Asistente de Portabilidad';
const footer = 'Recibe estos correos porque nos pidió transferir su número y nos dio esta dirección.';

function letterParagraph(letter: ReceiptLink | undefined): EmailParagraph[] {
  if (letter === undefined) return [];
  return [
    {
      text: `Su copia de la carta firmada, con su número de cuenta oculto, está a un clic (el enlace funciona hasta el ${linkExpiry.format(letter.expiresAt)}):`,
      label: 'abrir su carta',
      url: letter.url,
    },
  ];
}

function chatParagraph(text: string, chat: ChatLink): EmailParagraph {
  return chat === undefined ? `${text} en el chat donde firmó su carta.` : { text: `${text} en el chat:`, label: 'abrir el chat', url: chat };
}

function letter(greeting: string, paragraphs: readonly EmailParagraph[]): EmailParagraph[] {
  return [greeting, ...paragraphs, signOff, footer];
}

function whatYouSigned(numbers: readonly string[], carrier: string, maskedAccount: string): string {
  const moving = formatPhoneNumberList(numbers);
  return `Nos pidió transferir ${numbers.length === 1 ? 'el número' : 'los números'} ${moving} de su cuenta de ${carrier} ${maskedAccount}.`;
}

function subjectOf(notice: PortNotice): string {
  const { referenceNumber, carrier, focDate } = notice;
  switch (notice.state) {
    case 'submitted':
      return `Su solicitud de portabilidad ${referenceNumber} ya se envió a ${carrier}`;
    case 'pending':
      return `${carrier} está trabajando en su solicitud de portabilidad ${referenceNumber}`;
    case 'foc_confirmed':
      return focDate === undefined
        ? `Ya hay fecha para su transferencia (referencia ${referenceNumber})`
        : `Ya hay fecha: su transferencia se realizará el ${formatFocDate(focDate)}`;
    case 'completed':
      return `Su transferencia está completa (referencia ${referenceNumber})`;
    case 'rejected':
      return `Su solicitud de portabilidad ${referenceNumber} necesita su atención`;
    case 'cancelled':
      return `Su solicitud de portabilidad ${referenceNumber} se canceló`;
  }
}

const emailOnlyNews: Partial<Record<PortState, (notice: PortNotice) => string>> = {
  submitted: ({ referenceNumber, carrier }) =>
    `Su solicitud de portabilidad ${referenceNumber} ya se envió a ${carrier}, que la comparará con los datos de su cuenta. ` +
    'Le escribiremos en cuanto se confirme la fecha de la transferencia.',
  pending: ({ referenceNumber, carrier }) =>
    `${carrier} está trabajando en su solicitud de portabilidad ${referenceNumber}. Usted no tiene que hacer nada: le ` +
    'escribiremos en cuanto se confirme la fecha de la transferencia.',
};

function newsParagraphs(notice: PortNotice): string[] {
  return (emailOnlyNews[notice.state] ?? noticeText[notice.state])(notice).split('\n\n');
}

function nextStepParagraphs(step: RejectionNextStep, referenceNumber: string, chat: ChatLink): EmailParagraph[] {
  if (step.kind === 'fix') {
    return [
      `Corrijámosla juntos. Solo necesitamos de nuevo estos datos: ${joinAsList(step.labels.map(inSentence))}. Luego usted ` +
        'firma la carta corregida y nosotros la enviamos de nuevo con el mismo número de referencia. Toma unos minutos.',
      chatParagraph('Elija "Corregir mi solicitud"', chat),
    ];
  }
  if (step.inChat) {
    return [
      'Una persona de nuestro equipo de portabilidad tiene que resolver esto con usted.',
      chatParagraph(`Un agente tendrá a la vista su solicitud ${referenceNumber}. Pida hablar con uno`, chat),
    ];
  }
  return [correctionText.personNeeded(step.contact, referenceNumber)];
}

const linkTime = new Intl.DateTimeFormat('es-US', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });

function signingParagraphs({ numbers, carrier, maskedAccount, link }: SigningLinkEmailDetails): EmailParagraph[] {
  return [
    `La solicitud transfiere ${numbers.length === 1 ? 'el número' : 'los números'} ${formatPhoneNumberList(numbers)} de su cuenta de ${carrier} ${maskedAccount}.`,
    'Para enviar la solicitud, abra el enlace de abajo: en el chat verá los datos para revisarlos, le pediremos su PIN de ' +
      'transferencia (nunca se lo pedimos por teléfono ni por correo) y firmará la carta ahí mismo.',
    {
      text: `El enlace funciona una sola vez, hasta el ${linkTime.format(link.expiresAt)} UTC. Si ya no funciona, llámenos y le enviaremos uno nuevo:`,
      label: 'revisar y firmar',
      url: link.url,
    },
    'Si usted no pidió esto, puede ignorar este correo: no se envía nada sin su firma.',
  ];
}

export const emailTextEs: Catalogue<typeof emailTextEn> = {
  signingLink: (details) => ({
    subject: `Su solicitud de portabilidad ${details.referenceNumber} está lista para que la firme`,
    paragraphs: letter(`Hola, ${details.holderName}:`, [
      `${details.staffName ?? 'Nuestro equipo de servicio al cliente'} llenó con usted por teléfono su solicitud para transferir su número. ` +
        `Su número de referencia es ${details.referenceNumber}.`,
      ...signingParagraphs(details),
    ]),
  }),
  signingReminder: (details) => ({
    subject: `Recordatorio: su solicitud de portabilidad ${details.referenceNumber} espera su firma`,
    paragraphs: letter(`Hola, ${details.holderName}:`, [
      `Su solicitud para transferir su número (referencia ${details.referenceNumber}) todavía espera su firma.`,
      ...signingParagraphs(details),
    ]),
  }),
  signed: ({ referenceNumber, version, carrier, signerName, numbers, maskedAccount, letter: copy }) =>
    version === 1
      ? {
          subject: `Su solicitud de portabilidad ${referenceNumber} va en camino`,
          paragraphs: letter(`Hola, ${signerName}:`, [
            `Gracias: su carta está firmada y su solicitud va en camino. Su número de referencia es ${referenceNumber}.`,
            whatYouSigned(numbers, carrier, maskedAccount),
            signText.whatHappensNext(carrier),
            signText.keepService,
            ...letterParagraph(copy),
            'Le escribiremos en cada paso, y también se lo diremos en el chat.',
          ]),
        }
      : {
          subject: `Su solicitud de portabilidad corregida ${referenceNumber} va en camino`,
          paragraphs: letter(`Hola, ${signerName}:`, [
            `Gracias: su carta corregida está firmada y va en camino a ${carrier}, con el mismo número de referencia ${referenceNumber}.`,
            `Le escribiremos en cuanto ${carrier} responda. ${signText.keepService}`,
            ...letterParagraph(copy),
          ]),
        },
  status: (notice, step, chat) => {
    const next = step === undefined ? [] : nextStepParagraphs(step, notice.referenceNumber, chat);
    return { subject: subjectOf(notice), paragraphs: letter('Hola:', [...newsParagraphs(notice), ...next]) };
  },
};
