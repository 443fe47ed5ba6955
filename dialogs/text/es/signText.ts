/** Lo que dice el paso de firma: las palabras de la carta y de la confirmación, y los mensajes alrededor de ellas. */
import type { Catalogue } from '../../../src/i18n/language';
import type { signTextEn } from '../signText';

const linkExpiry = new Intl.DateTimeFormat('es-US', { dateStyle: 'long', timeZone: 'UTC' });

/** Dónde se entera el cliente de su portabilidad: el chat, y su correo cuando se le envía uno. */
const whereWeTellYou = (contactEmail: string | undefined) =>
  contactEmail === undefined ? 'por aquí' : `por aquí y por correo electrónico a ${contactEmail}`;

export const signTextEs: Catalogue<typeof signTextEn> = {
  help: {
    letter:
      'Esta es su Carta de Autorización: nos permite pedirle a su compañía actual que transfiera sus números. Revise los ' +
      'datos, luego escriba su nombre completo en el recuadro (o en un mensaje) y elija **Firmar**: así firma la carta y ' +
      'envía su solicitud a nuestro equipo de portabilidad, que la envía a su compañía actual. Diga **todavía no** para ' +
      'detenerse aquí: sus datos quedan guardados y puede firmar más tarde.',
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
    consent: (carrier: string | undefined) =>
      'Al elegir Firmar, su carta firmada y su solicitud llegan a nuestro equipo de portabilidad, y nosotros las enviamos ' +
      `a ${carrier ?? 'su compañía actual'} para transferir sus números.`,
    signatureRequired: 'Escriba su nombre completo para firmar.',
    sign: 'Firmar',
    fallback: 'Lea su Carta de Autorización y escriba su nombre completo para firmarla.',
  },
  notYet: 'No hay problema: no se ha firmado ni enviado nada. Sus datos están guardados, así que puede firmar cuando quiera.',
  needsChanges: 'Antes de firmar, hay algunos datos que revisar:',
  alreadySent: (referenceNumber: string) =>
    `Usted ya firmó y envió esta solicitud. Su número de referencia es ${referenceNumber}.`,
  // Spanish and English alike: the customer may answer in either.
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
    'pídame el estado de su portabilidad en cualquier momento y le daré un enlace nuevo.',
};
