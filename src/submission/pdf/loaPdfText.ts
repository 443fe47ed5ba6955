/**
 * The words around the details on the LOA PDF. The carrier's copy is in English; the customer's copy is in the
 * language they signed in, so that a Spanish signer reads their whole letter in Spanish.
 */
import type { Language } from '../../i18n/language';

export type LoaCopy = 'carrier' | 'customer';

const LANGUAGE_NAMES: Readonly<Record<string, string>> = { es: 'Spanish' };

const letterTextEn = {
  /** The PDF's language tag and how its dates read. */
  locale: 'en-US',
  longDate: new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }),
  title: 'Letter of Authorization',
  subtitle: 'Authorization to port (transfer) telephone numbers',
  reference: (reference: string) => `Reference ${reference}`,
  versionAndCopy: (version: number, copy: LoaCopy) => `Version ${version} · ${copy === 'carrier' ? 'Carrier copy' : 'Customer copy'}`,
  holderSection: "Account holder, as on the current carrier's account",
  holderName: 'Account holder name',
  holderKind: { person: 'Individual', business: 'Business' },
  authorizedPerson: 'Authorized person',
  serviceAddress: 'Service address',
  billingNumber: 'Billing telephone number (BTN)',
  accountSection: 'Current carrier account',
  currentCarrier: 'Current carrier',
  accountNumber: 'Account number',
  transferPin: 'Transfer PIN',
  pinProvided: 'Provided with the port request; never printed on this letter',
  numbersSection: (count: number) => `Telephone numbers to port (${count})`,
  portScope: 'Port',
  wholeAccount: { true: 'Full port: every number on the account', false: 'Partial port: other numbers stay on the account' },
  remainingBillingNumber: 'New BTN for the numbers that stay',
  parentReference: 'Part of port',
  authorizationSection: 'Authorization',
  /** Above the statement the customer signed, on the carrier's copy of a letter signed in another language. */
  signedStatement: (language: string) => `As read and signed by the customer, in ${LANGUAGE_NAMES[language] ?? language}:`,
  newCarrier: 'New carrier',
  signatureSection: 'Electronic signature',
  signedBy: 'Signed by',
  printedName: 'Printed name',
  signedAt: 'Date and time signed',
  signedAtValue: (date: string, time: string) => `${date}, ${time} UTC`,
  channel: 'Signed through',
  letterReference: 'Reference and version',
  letterReferenceValue: (reference: string, version: number) => `${reference}, version ${version}`,
  signatureNote:
    'The signer typed their full name to sign this letter electronically. The time, channel and reference above ' +
    'identify this signature.',
  footer: (copy: LoaCopy) =>
    copy === 'carrier'
      ? 'This letter contains only the authorization to port the telephone numbers listed above.'
      : 'Your copy. The account number is masked; the transfer PIN is never shown. This letter contains only the ' +
        'authorization to port the telephone numbers listed above.',
  metadata: {
    title: (reference: string, version: number) => `Letter of Authorization ${reference} (version ${version})`,
    subject: (count: number, carrier: string, newCarrier: string | undefined) =>
      `Authorization to port ${count} telephone number${count === 1 ? '' : 's'} from ${carrier}` +
      (newCarrier === undefined ? '' : ` to ${newCarrier}`),
    keywords: (reference: string, version: number, copy: LoaCopy) =>
      `letter of authorization, LOA, number port, ${reference}, version ${version}, ${copy} copy`,
    creator: 'Porting Assistant',
  },
};

export type LetterText = typeof letterTextEn;

const copyNameEs = (copy: LoaCopy) => (copy === 'carrier' ? 'copia para la compañía' : 'copia del cliente');

const letterTextEs: LetterText = {
  locale: 'es-US',
  longDate: new Intl.DateTimeFormat('es-US', { dateStyle: 'long', timeZone: 'UTC' }),
  title: 'Carta de Autorización',
  subtitle: 'Autorización para transferir (portar) números de teléfono',
  reference: (reference) => `Referencia ${reference}`,
  versionAndCopy: (version, copy) => `Versión ${version} · ${copy === 'carrier' ? 'Copia para la compañía' : 'Copia del cliente'}`,
  holderSection: 'Titular de la cuenta, tal como figura en la cuenta con la compañía actual',
  holderName: 'Nombre del titular de la cuenta',
  holderKind: { person: 'Persona', business: 'Negocio' },
  authorizedPerson: 'Persona autorizada',
  serviceAddress: 'Dirección de servicio',
  billingNumber: 'Número de teléfono de facturación (BTN)',
  accountSection: 'Cuenta con la compañía actual',
  currentCarrier: 'Compañía actual',
  accountNumber: 'Número de cuenta',
  transferPin: 'PIN de transferencia',
  pinProvided: 'Se entrega con la solicitud de portabilidad; nunca se imprime en esta carta',
  numbersSection: (count) => `Números de teléfono que se transfieren (${count})`,
  portScope: 'Portabilidad',
  wholeAccount: {
    true: 'Portabilidad total: todos los números de la cuenta',
    false: 'Portabilidad parcial: otros números se quedan en la cuenta',
  },
  remainingBillingNumber: 'Nuevo BTN de los números que se quedan',
  parentReference: 'Parte de la portabilidad',
  authorizationSection: 'Autorización',
  signedStatement: (language) => `Tal como lo leyó y firmó el cliente, en ${language === 'es' ? 'español' : language}:`,
  newCarrier: 'Nueva compañía',
  signatureSection: 'Firma electrónica',
  signedBy: 'Firmado por',
  printedName: 'Nombre en letra de molde',
  signedAt: 'Fecha y hora de la firma',
  signedAtValue: (date, time) => `${date}, ${time} UTC`,
  channel: 'Firmado a través de',
  letterReference: 'Referencia y versión',
  letterReferenceValue: (reference, version) => `${reference}, versión ${version}`,
  signatureNote:
    'Quien firma escribió su nombre completo para firmar esta carta electrónicamente. La fecha y hora, el canal y la ' +
    'referencia de arriba identifican esta firma.',
  footer: (copy) =>
    copy === 'carrier'
      ? 'Esta carta contiene solo la autorización para transferir los números de teléfono indicados arriba.'
      : 'Su copia. El número de cuenta está oculto; el PIN de transferencia nunca se muestra. Esta carta contiene solo ' +
        'la autorización para transferir los números de teléfono indicados arriba.',
  metadata: {
    title: (reference, version) => `Carta de Autorización ${reference} (versión ${version})`,
    subject: (count, carrier, newCarrier) =>
      `Autorización para transferir ${count} ${count === 1 ? 'número' : 'números'} de teléfono de ${carrier}` +
      (newCarrier === undefined ? '' : ` a ${newCarrier}`),
    keywords: (reference, version, copy) =>
      `carta de autorización, LOA, portabilidad, ${reference}, versión ${version}, ${copyNameEs(copy)}`,
    creator: 'Asistente de Portabilidad',
  },
};

export const letterText: Readonly<Record<Language, LetterText>> = { en: letterTextEn, es: letterTextEs };
