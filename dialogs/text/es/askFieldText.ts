/**
 * Las preguntas de cada dato de la portabilidad, dónde encontrar cada uno y lo que dice el asistente al guardar una
 * respuesta. El número de cuenta y el PIN nunca se repiten: el número de cuenta se muestra enmascarado; el PIN, nunca.
 */
import type { Catalogue } from '../../../src/i18n/language';
import type { QuestionContext, askFieldTextEn } from '../askFieldText';
import { inSentence } from '../inSentence';

const carrierName = (ctx: QuestionContext) => ctx.carrier?.name ?? 'su compañía actual';

export const askFieldTextEs: Catalogue<typeof askFieldTextEn> = {
  question: {
    numbers: () =>
      '¿Qué número de teléfono desea transferir a nuestra compañía? Incluya el código de área, por ejemplo (415) 555-0123. ' +
      '¿Son varios? Envíelos todos en un solo mensaje, separados por comas.',
    carrier: () =>
      '¿Qué compañía le da servicio a ese número hoy? Use el nombre que aparece en su factura, por ejemplo Verizon, ' +
      'T-Mobile o Xfinity Voice.',
    accountNumber: (ctx) =>
      `¿Cuál es su número de cuenta con ${carrierName(ctx)}? ${ctx.rules.instructions.accountNumber} También aparece en su CSR.`,
    pin: (ctx) => `¿Cuál es su ${ctx.rules.pin.name}? ${ctx.rules.instructions.pin}`,
    holderName: () =>
      '¿Cuál es el nombre del titular de la cuenta, exactamente como aparece en su factura o en su CSR? Si es una cuenta ' +
      'de negocio, escriba el nombre legal completo del negocio, con LLC, Inc. o similar.',
    authorizedPerson: (ctx) =>
      `¿Quién está autorizado para firmar en nombre ${ctx.business ? `de ${ctx.business}` : 'del negocio'}? Escriba el nombre y apellido de esa persona.`,
    serviceAddress: () =>
      '¿Cuál es la dirección de servicio, es decir, la dirección donde está el servicio telefónico, tal como aparece en su ' +
      'factura o en su CSR? Puede ser distinta de la dirección a la que le llega la factura. Por ejemplo: 123 Main St, ' +
      'Apt 4, Springfield, IL 62704.',
    billingNumber: (ctx) =>
      '¿Cuál es el número de teléfono de facturación (BTN) de la cuenta? Es el número principal de la cuenta y aparece en ' +
      'su factura.' +
      (ctx.firstNumber ? ` Si es el ${ctx.firstNumber}, solo toque el botón.` : ''),
    contactEmail: () => 'Por último: ¿a qué correo electrónico le enviamos las novedades de su transferencia?',
  },

  help: {
    numbers: () =>
      'Envíe todos los números de esta cuenta que desea transferir, cada uno con su código de área. Aparecen en su ' +
      'factura y en su CSR (a veces como "working telephone numbers"). Los números gratuitos (800, 888, etc.) se ' +
      'transfieren por un proceso aparte, así que no los incluya.',
    carrier: () =>
      'Su compañía actual es la que hoy le cobra por este número: su nombre aparece en la parte de arriba de su factura. ' +
      'Si su servicio es de una marca más pequeña o de una compañía de telefonía por internet, escriba el nombre de esa compañía.',
    accountNumber: (ctx) =>
      `${ctx.rules.instructions.accountNumber} Su número de cuenta con ${carrierName(ctx)} es ` +
      `${ctx.rules.accountNumber.description}. ${ctx.rules.instructions.csr}`,
    pin: (ctx) =>
      `${ctx.rules.instructions.pin}${ctx.pinExpiry ? ` ${ctx.pinExpiry}` : ''} El PIN solo se usa para esta ` +
      'transferencia y nunca se lo vuelvo a mostrar.',
    holderName: () =>
      'Escriba el nombre exactamente como aparece en su factura o en su CSR, con la inicial del segundo nombre o la ' +
      'terminación del negocio (como LLC) si la tiene. Un nombre escrito de otra forma es uno de los motivos más comunes ' +
      'por los que se rechaza una transferencia.',
    authorizedPerson: () =>
      'En una cuenta de negocios, la autorización la firma una persona que puede actuar en nombre del negocio, como el ' +
      'dueño, un directivo o un gerente. Escriba el nombre y apellido de esa persona; esa persona firmará al final.',
    serviceAddress: () =>
      'Es la dirección donde está el servicio telefónico, no la dirección a la que le llega la factura (a menos que sea la ' +
      'misma). En su CSR aparece como "service address". Incluya la calle, el número de apartamento o unidad si lo hay, ' +
      'la ciudad, el estado o provincia, y el código postal (ZIP).',
    billingNumber: () =>
      'El número de teléfono de facturación (BTN) es el número principal de la cuenta. En una cuenta de una sola línea es ' +
      'su número; en una cuenta de negocios o familiar suele ser el primer número de la factura.',
    contactEmail: () =>
      'Solo usamos este correo para enviarle novedades de su transferencia, como la fecha en que se transferirá su número.',
  },

  current: (value: string) => `Dato actual: ${value}.`,

  saved: {
    numbers: (value: string) => `Listo: ${value}.`,
    carrier: (value: string) => `Listo: su compañía actual es ${value}.`,
    accountNumber: (masked: string) => `Listo: guardé el número de cuenta ${masked}.`,
    pin: () => 'Listo: guardé el PIN.',
    holderName: (value: string) => `Listo: ${value}.`,
    authorizedPerson: (value: string) => `Listo: ${value} firmará en nombre del negocio.`,
    serviceAddress: (value: string) => `Listo: ${value}.`,
    billingNumber: (value: string) => `Listo: el número de facturación es ${value}.`,
    contactEmail: (value: string) => `Listo: le enviaremos las novedades a ${value}.`,
  },

  invalidated: (label: string) => `Por ese cambio, necesito que me dé de nuevo este dato: ${inSentence(label)}.`,

  carrier: {
    spelledRight: (name: string) => `¿“${name}” es el nombre que aparece en su factura?`,
    confirmHelp:
      'Elija **Sí** si esa es la compañía que hoy le cobra por este número, o **No** para escribir el nombre otra vez.',
    retype: 'No hay problema. Escriba el nombre de su compañía tal como aparece en su factura.',
  },

  stuck: 'Este dato parece complicado. Puede obtener más ayuda con él, hablar con un agente o seguir intentando.',

  pasted: {
    intro: 'Gracias. Tomé estos datos de su mensaje:',
    refused: (label: string, message: string) => `No pude usar este dato (${inSentence(label)}): ${message}`,
    nothingNew: 'Gracias. Ya tengo los datos de ese mensaje.',
  },
};
