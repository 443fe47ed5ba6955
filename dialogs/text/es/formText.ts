/** Lo que dice el formulario al cliente: las palabras de la tarjeta del formulario y los mensajes alrededor de ella. */
import type { Catalogue } from '../../../src/i18n/language';
import type { formTextEn } from '../formText';
import { inSentence } from '../inSentence';
import { buttonLabelsEs } from './buttonLabels';

const card: Catalogue<typeof formTextEn.card> = {
  heading: 'Los datos de su portabilidad',
  intro:
    'Copie cada dato exactamente como lo tiene registrado su compañía actual: los encontrará en su factura o en su cuenta en línea. ' +
    'Los datos que no coinciden son el motivo principal por el que se retrasa una transferencia.',
  fixSummary: (count: number) =>
    count === 1
      ? 'Hay un dato que conviene revisar otra vez. Encontrará una nota debajo de él.'
      : `Hay ${count} datos que conviene revisar otra vez. Encontrará una nota debajo de cada uno.`,
  addressHeading: 'Dirección de servicio',
  addressHint: 'La dirección donde está el servicio telefónico, tal como aparece en su factura (no un apartado postal).',
  submit: 'Revisar mis datos',
  stepByStep: 'Responder paso a paso',
  fallback: 'Llene los datos de su portabilidad, o escriba "paso a paso" para responder una pregunta a la vez.',
  required: (label: string) => `Complete este dato: ${inSentence(label)}.`,
  authorizedPersonLabel: 'Persona autorizada (solo cuentas de negocios)',
  businessAuthorizedPersonLabel: (business: string) => `Persona autorizada por ${business}`,
  authorizedPersonRequired: (business: string) =>
    `${business} es una cuenta de negocios, así que escriba el nombre y apellido de la persona que firma en su nombre.`,
  addressLabels: {
    street: 'Calle y número',
    unit: 'Apartamento, suite o unidad',
    city: 'Ciudad',
    region: 'Estado o provincia',
    postalCode: 'Código postal (ZIP)',
  },
  placeholders: {
    numbers: 'Por ejemplo 415-555-0123, 415-555-0124',
    carrier: 'Por ejemplo Verizon o Xfinity Mobile',
    accountNumber: 'Tal como aparece en su factura',
    pin: 'Déjelo en blanco si su cuenta no tiene PIN',
    holderName: 'Exactamente como en su factura',
    authorizedPerson: 'Nombre y apellido de quien firma por el negocio',
    street: 'Por ejemplo 123 Main St',
    unit: 'Opcional',
    city: 'Por ejemplo Springfield',
    region: 'Por ejemplo IL o ON',
    postalCode: 'Por ejemplo 62704 o K1A 0B1',
    contactEmail: 'nombre@ejemplo.com',
  },
  savedSecret: 'Guardado. Déjelo en blanco para conservarlo',
  askedSecret: 'Déjelo en blanco para conservar lo que escribió, o escríbalo de nuevo',
  ruleQuestion: ({ rule, question }) =>
    `${rule} ${question} Si es así, marque la casilla "${buttonLabelsEs.thatsIt}" abajo; si no, escríbalo de nuevo.`,
  ruleCheckTitle: buttonLabelsEs.thatsIt,
  billingNumber: {
    beforeNumbers: 'Déjelo en blanco si transfiere un solo número de celular',
    asked: 'El número principal de la cuenta, como aparece en su factura',
    notAsked: (number: string) => `Déjelo en blanco para usar el ${number}`,
  },
  carrierCheckLabel: '¿El nombre de la compañía está bien escrito?',
  carrierCheckTitle: 'Sí, revisé el nombre de la compañía y está bien',
};

export const formTextEs: Catalogue<typeof formTextEn> = {
  card,
  help:
    'Este formulario reúne todos los datos de su portabilidad en una sola tarjeta: los números, su compañía actual y su ' +
    'cuenta con ella, el titular de la cuenta y la dirección de servicio. Copie cada dato exactamente como aparece en su ' +
    `factura o en su CSR y luego elija "${card.submit}": los reviso todos y dejo una nota debajo de lo que haya que revisar. ` +
    'Cada dato correcto se guarda al instante, así que no se pierde nada si se detiene aquí. ¿Prefiere responder una ' +
    `pregunta a la vez? Elija "${card.stepByStep}".`,
  typedWhileWaiting:
    `El formulario de arriba le está esperando: llénelo y elija "${card.submit}". Si prefiere responder una pregunta a ` +
    'la vez, escriba "paso a paso".',
  completed: 'Gracias, todo está correcto.',
  doubleCheck: (notes: readonly string[]) => ['Algunos datos que conviene verificar:', ...notes.map((note) => `- ${note}`)].join('\n'),
  switchingToSteps: 'Claro, vamos una pregunta a la vez. Todo lo que ha llenado hasta ahora está guardado.',
};
