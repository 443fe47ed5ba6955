/** Lo que dice el paso de firma: las palabras de la carta y de la confirmación, y los mensajes alrededor de ellas. */
import type { Catalogue } from '../../../src/i18n/language';
import type { signTextEn } from '../signText';

const linkExpiry = new Intl.DateTimeFormat('es-US', { dateStyle: 'long', timeZone: 'UTC' });

/** Dónde se entera el cliente de su portabilidad: el chat, y su correo cuando se le envía uno. */
const whereWeTellYou = (contactEmail: string | undefined) =>
  contactEmail === undefined ? 'por aquí' : `por aquí y a ${contactEmail}`;

export const signTextEs: Catalogue<typeof signTextEn> = {
  help: {
    letter:
      'Esta es su Carta de Autorización: nos permite pedirle a su compañía actual que transfiera sus números. Revise los ' +
      'datos y luego escriba su nombre completo en el recuadro (o en un mensaje) para firmar. No se envía nada hasta que ' +
      'elija **Firmar y enviar**, y sus datos quedan guardados si se detiene aquí.',
    confirm:
      'Elija **Firmar y enviar** para enviarnos su carta firmada y su solicitud, y nosotros se las pasamos a su compañía ' +
      'actual; o **Todavía no** para detenerse aquí: sus datos quedan guardados y puede firmar más tarde.',
  },
  loaCard: {
    heading: 'Carta de Autorización',
    intro:
      'Lea la autorización que aparece abajo. Se envía a su compañía actual junto con su solicitud y nos permite ' +
      'transferir sus números por usted.',
    statementHeading: 'Lo que usted autoriza',
    detailsHeading: 'Los datos de su carta',
    newCarrierLabel: 'Nueva compañía',
    signatureLabel: 'Para firmar, escriba su nombre completo',
    businessSignatureLabel: (business: string) => `Para firmar en nombre de ${business}, escriba su nombre completo`,
    signaturePlaceholder: 'Su nombre completo',
    signatureRequired: 'Escriba su nombre completo para firmar.',
    sign: 'Firmar',
    fallback: 'Lea su Carta de Autorización y escriba su nombre completo para firmarla.',
  },
  confirmCard: {
    heading: '¿Listo para enviar?',
    body: (signer: string, carrier: string) =>
      `Está firmando como ${signer}. Cuando elija "Firmar y enviar", su carta firmada y su solicitud le llegan a nuestro ` +
      `equipo de portabilidad, y nosotros se las enviamos a ${carrier} para transferir sus números.`,
    send: 'Firmar y enviar',
    notYet: 'Todavía no',
    fallback: 'Escriba "firmar y enviar" para enviar su solicitud firmada, o "todavía no" para esperar.',
  },
  typedConfirmHint: 'Elija "Firmar y enviar" para enviar su solicitud ahora, o "Todavía no" para esperar.',
  notYet: 'No hay problema: no se ha firmado ni enviado nada. Sus datos están guardados, así que puede firmar cuando esté listo.',
  needsChanges: 'Antes de firmar, hay algunos datos que revisar:',
  alreadySent: (referenceNumber: string) =>
    `Usted ya firmó y envió esta solicitud. Su número de referencia es ${referenceNumber}.`,
  // Spanish and English alike: the customer may answer in either.
  sendWords: /(?:\b(?:sign and send|send(?: it| now)?|submit)\b|(?:^|\s)(?:firmar y enviar|enviar(?:la|lo)?(?: ahora)?|env[ií]e(?:la|lo)?|firmo y env[ií]o)(?=$|[\s.,!]))/i,
  notYetWords: /(?:\b(?:not yet|not now|later|wait)\b|(?:^|\s)(?:todav[ií]a no|a[uú]n no|ahora no|m[aá]s tarde|despu[eé]s|esperar|espere)(?=$|[\s.,!]))/i,
  whatHappensNext: (carrier: string) =>
    `Lo que sigue: enviamos su solicitud a ${carrier}, que la compara con los datos de su cuenta. Una transferencia ` +
    'sencilla entre compañías de celular suele tardar unas horas; otras pueden tardar de una a dos semanas.',
  keepService:
    'Mantenga activo su servicio actual hasta que la transferencia se complete: si lo cancela antes, puede perder su número.',
  sent: ({ referenceNumber, carrier, contactEmail }) =>
    [
      `Gracias, su carta está firmada y su solicitud va en camino. Su número de referencia es ${referenceNumber}.`,
      signTextEs.whatHappensNext(carrier),
      signTextEs.keepService,
      `Le avisaremos ${whereWeTellYou(contactEmail)} a medida que avance su portabilidad.`,
    ].join('\n\n'),
  resent: ({ referenceNumber, carrier, contactEmail }) =>
    [
      `Gracias, su carta corregida está firmada y va en camino a ${carrier}, con el mismo número de referencia ` +
        `${referenceNumber}.`,
      `Le avisaremos ${whereWeTellYou(contactEmail)} en cuanto ${carrier} responda. Mantenga activo su servicio actual ` +
        'hasta que la transferencia se complete.',
    ].join('\n\n'),
  letterLink: ({ url, expiresAt }) =>
    `Aquí tiene su copia de la carta firmada: [abrir su carta](${url}). El enlace funciona hasta el ${linkExpiry.format(expiresAt)}; ` +
    'pídame el estado de su portabilidad en cualquier momento para obtener uno nuevo.',
};
