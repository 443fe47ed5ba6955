/** Lo que dice el paso de revisión: las palabras de la tarjeta de resumen, los mensajes alrededor de ella y las palabras que entiende. */
import type { Catalogue } from '../../../src/i18n/language';
import type { reviewTextEn } from '../reviewText';

const card: Catalogue<typeof reviewTextEn.card> = {
  heading: 'Revise sus datos',
  intro:
    'Esto es lo que va en su Carta de Autorización. Cada dato debe coincidir exactamente con los registros de su ' +
    'compañía actual, así que revisarlo ahora le ahorra días después.',
  problemsHeading: 'Antes de firmar, corrija lo siguiente:',
  changeLabel: '¿Algo que cambiar?',
  changePlaceholder: 'Elija un dato',
  confirm: 'Todo está bien, continuar a la firma',
  change: 'Cambiarlo',
  fallback: 'Revise los datos de su portabilidad y luego escriba "todo bien" o qué dato desea cambiar.',
};

export const reviewTextEs: Catalogue<typeof reviewTextEn> = {
  card,
  partialPort: {
    label: 'Se transfieren',
    value: 'Algunos números de la cuenta, no todos',
    remainingBillingNumber: 'Nuevo número de facturación de las líneas que se quedan',
  },
  help:
    'Esta tarjeta muestra todos los datos que van en su Carta de Autorización, con su número de cuenta y su PIN ' +
    'ocultos. Compárelos con su factura o con su CSR: la compañía los revisa letra por letra. Si todo está bien, elija ' +
    `"${card.confirm}". Para corregir algo, elija el dato en "${card.changeLabel}" y luego "${card.change}": le pediré ` +
    'solo ese dato y todo lo demás queda igual. Todavía no se firma ni se envía nada.',
  typedHint:
    'Si todo está bien, escriba "todo bien". Para corregir algo, diga qué dato, por ejemplo "cambiar la dirección".',
  notReady: 'Todavía hay algunos datos que revisar antes de firmar. Aparecen en la tarjeta.',
  chooseDetail: `Elija en la lista de la tarjeta el dato que desea cambiar y luego "${card.change}".`,
  // Spanish and English alike: the customer may answer in either.
  looksRight:
    /(?:\b(?:looks? (?:good|right|fine|great|correct|ok)|all (?:good|correct|right)|good to go|continue to sign(?:ing)?|ready to sign)\b|(?:^|\s)(?:todo (?:bien|correcto|est[aá] bien)|est[aá] (?:todo )?(?:bien|correcto)|list[oa] para firmar|continuar a la firma)(?=$|[\s.,!]))/i,
  fieldWords: [
    ['billingNumber', /\b(?:billing|btn|facturaci[oó]n)(?![\p{L}])/iu],
    // "cuenta" alone only when it is all the customer names: "el titular de la cuenta" is the holder, "el correo de la
    // cuenta" the email.
    [
      'accountNumber',
      /\b(?:account (?:number|no)|acct|n[uú]mero de (?:la )?cuenta)(?![\p{L}])|^\s*(?:(?:cambiar|corregir|editar|modificar)\s+)?(?:(?:la|mi)\s+)?cuenta\s*[.!]*\s*$/iu,
    ],
    ['authorizedPerson', /\b(?:authori[sz]ed|signer|signatory|autorizad[oa]|firmante)(?![\p{L}])/iu],
    ['holderName', /\b(?:holder|name|titular|nombre)(?![\p{L}])/iu],
    ['contactEmail', /\b(?:e-?mail|correo)(?![\p{L}])/iu],
    ['pin', /\b(?:pin|passcode|pass code|contrase[nñ]a|clave)(?![\p{L}])/iu],
    ['serviceAddress', /\b(?:address|street|city|zip|postal code|state|province|direcci[oó]n|calle|ciudad|c[oó]digo postal|estado|provincia)(?![\p{L}])/iu],
    ['carrier', /\b(?:carrier|provider|company|compa[nñ][ií]a|proveedor)(?![\p{L}])/iu],
    ['numbers', /\b(?:numbers?|phones?|n[uú]meros?|tel[eé]fonos?|l[ií]neas?)(?![\p{L}])/iu],
  ],
};
