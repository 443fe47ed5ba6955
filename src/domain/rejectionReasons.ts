/**
 * Why a carrier refused a port, in plain words, and what it takes to fix it: the details the customer gives again
 * before signing a corrected letter, or a person on our porting team. One table for the reason codes the porting
 * backend passes on from the providers' APIs (Twilio and Telnyx), plus our own code for a billing dispute, which
 * neither provider names. A code not in the table goes to a person: we can't guess what to ask for.
 */
import { type Catalogue, localized } from '../i18n/language';
import { isPinNeeded, type CsrDraft } from './csrFields';
import type { PortRequestField } from './portRequest';

type ReasonEntry =
  /** The customer can fix it by giving these details again. */
  | { readonly words: ReasonWords; readonly fields: readonly [PortRequestField, ...PortRequestField[]] }
  /** Only our porting team can sort it out with the customer (and often with the current carrier). */
  | { readonly words: ReasonWords; readonly needsPerson: true };

const wordsEn = {
  address: "The service address doesn't match what your current carrier has on file for your account.",
  postalCode: "The ZIP or postal code of the service address doesn't match what your current carrier has on file.",
  holderName: "The account holder's name doesn't match the name on your current carrier's account.",
  authorizer: "The name of the person authorizing the move doesn't match who your current carrier has on the account.",
  pin:
    'The transfer PIN was wrong or has expired. Transfer PINs often last only a few days, so you may need a new one ' +
    'from your current carrier.',
  accountNumber: "The account number doesn't match your current carrier's records.",
  billingNumber: "The billing telephone number (the account's main number) doesn't match your current carrier's records.",
  numbers: "One or more of the numbers aren't on the account you gave.",
  locked:
    'Your current carrier has a lock on the number that stops it from moving (often called Number Lock or Port Out ' +
    "Protection). Please turn it off in your carrier's app or account and get a new transfer PIN.",
  inactive: "Your current carrier says the number isn't active or has been disconnected, and only an active number can move.",
  contactSupport: 'Your current carrier needs our porting team to sort something out on your account.',
  notPortable: "Your current carrier says this number can't be moved.",
  specialFeature:
    'The number has a special service on it (such as a hunt group or a shared line) that has to be taken off before it can move.',
  pending: 'There is already another request or change in progress on your account.',
  focExpired: 'The date agreed for the move passed before it could happen, so a new date is needed.',
  focRejected: "Your current carrier didn't accept the date for the move.",
  carrierSilent: "Your current carrier hasn't answered the request.",
  portType: 'The request went out as the wrong kind of move for this number.',
  rateCenter: "We can't take numbers from that area yet, so this number can't move to us.",
  billingDispute: 'Your current carrier has raised a billing question on the account, such as an unpaid balance or a dispute.',
  unknown: "Your current carrier turned the request down without a reason we can act on.",
} as const;

const wordsEs: Catalogue<typeof wordsEn> = {
  address: 'La dirección de servicio no coincide con la que su compañía actual tiene registrada para su cuenta.',
  postalCode: 'El código postal (ZIP) de la dirección de servicio no coincide con el que tiene registrado su compañía actual.',
  holderName: 'El nombre del titular de la cuenta no coincide con el nombre de la cuenta en su compañía actual.',
  authorizer: 'El nombre de la persona que autoriza la transferencia no coincide con quien figura en la cuenta de su compañía actual.',
  pin:
    'El PIN de transferencia era incorrecto o ya venció. Los PIN de transferencia a menudo duran solo unos días, así que ' +
    'puede que necesite uno nuevo de su compañía actual.',
  accountNumber: 'El número de cuenta no coincide con los registros de su compañía actual.',
  billingNumber:
    'El número de teléfono de facturación (el número principal de la cuenta) no coincide con los registros de su compañía actual.',
  numbers: 'Uno o más de los números no están en la cuenta que nos dio.',
  locked:
    'Su compañía actual tiene un bloqueo en el número que impide transferirlo (a menudo se llama Number Lock o Port Out ' +
    'Protection). Desactívelo en la aplicación o en la cuenta de su compañía y obtenga un nuevo PIN de transferencia.',
  inactive: 'Su compañía actual dice que el número no está activo o fue desconectado, y solo se puede transferir un número activo.',
  contactSupport: 'Su compañía actual necesita que nuestro equipo de portabilidad resuelva algo en su cuenta.',
  notPortable: 'Su compañía actual dice que este número no se puede transferir.',
  specialFeature:
    'El número tiene un servicio especial (como un grupo de búsqueda o una línea compartida) que hay que quitar antes de transferirlo.',
  pending: 'Ya hay otra solicitud o cambio en curso en su cuenta.',
  focExpired: 'La fecha acordada para la transferencia pasó antes de que se pudiera realizar, así que hace falta una nueva fecha.',
  focRejected: 'Su compañía actual no aceptó la fecha de la transferencia.',
  carrierSilent: 'Su compañía actual no ha respondido a la solicitud.',
  portType: 'La solicitud se envió como un tipo de transferencia equivocado para este número.',
  rateCenter: 'Todavía no podemos recibir números de esa zona, así que este número no se puede transferir a nuestra compañía.',
  billingDispute:
    'Su compañía actual señaló un problema de facturación en la cuenta, como un saldo pendiente o una disputa.',
  unknown: 'Su compañía actual rechazó la solicitud sin indicar un motivo que podamos resolver.',
};

/** The customer-facing words of each reason, in the turn's language. */
const words = localized({ en: wordsEn, es: wordsEs });
type ReasonWords = keyof typeof wordsEn;

/** Reason code (upper case) → what it means for the customer. */
const REASONS: Readonly<Record<string, ReasonEntry>> = {
  // Twilio port-in rejection reasons.
  INVALID_ADDRESS: { words: 'address', fields: ['serviceAddress'] },
  INVALID_END_USER_NAME: { words: 'holderName', fields: ['holderName'] },
  INVALID_PIN: { words: 'pin', fields: ['pin'] },
  INVALID_ACCOUNT_NUMBER: { words: 'accountNumber', fields: ['accountNumber'] },
  PHONE_NUMBER_INACTIVE_OR_DISCONNECTED: { words: 'inactive', needsPerson: true },
  PHONE_NUMBER_WITH_CARRIER_RESTRICTION: { words: 'locked', fields: ['pin'] },
  CONTACT_SUPPORT_REQUIRED: { words: 'contactSupport', needsPerson: true },
  // Telnyx porting order exceptions.
  ACCOUNT_NUMBER_MISMATCH: { words: 'accountNumber', fields: ['accountNumber'] },
  AUTH_PERSON_MISMATCH: { words: 'authorizer', fields: ['authorizedPerson'] },
  BTN_ATN_MISMATCH: { words: 'billingNumber', fields: ['billingNumber'] },
  ENTITY_NAME_MISMATCH: { words: 'holderName', fields: ['holderName'] },
  LOCATION_MISMATCH: { words: 'address', fields: ['serviceAddress'] },
  POSTAL_CODE_MISMATCH: { words: 'postalCode', fields: ['serviceAddress'] },
  PASSCODE_PIN_INVALID: { words: 'pin', fields: ['pin'] },
  PHONE_NUMBER_MISMATCH: { words: 'numbers', fields: ['numbers'] },
  PHONE_NUMBER_NOT_PORTABLE: { words: 'notPortable', needsPerson: true },
  PHONE_NUMBER_HAS_SPECIAL_FEATURE: { words: 'specialFeature', needsPerson: true },
  LSR_PENDING: { words: 'pending', needsPerson: true },
  FOC_EXPIRED: { words: 'focExpired', needsPerson: true },
  FOC_REJECTED: { words: 'focRejected', needsPerson: true },
  OSP_IRRESPONSIVE: { words: 'carrierSilent', needsPerson: true },
  PORT_TYPE_INCORRECT: { words: 'portType', needsPerson: true },
  RATE_CENTER_NOT_PORTABLE: { words: 'rateCenter', needsPerson: true },
  OTHER: { words: 'unknown', needsPerson: true },
  // Ours: an unpaid balance or a billing dispute (the FCC says it may not block a port, but it still stalls one).
  BILLING_DISPUTE: { words: 'billingDispute', needsPerson: true },
};

/** A reason code as the porting backend may send it: letters, digits and underscores. */
export const REJECTION_CODE_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

export interface RejectionReason {
  /** The code in upper case, as looked up. */
  readonly code: string;
  /** Whether the table knows the code; an unknown one goes to a person. */
  readonly known: boolean;
  /** What went wrong, in plain words, for the customer. */
  readonly words: string;
  /** The details the customer gives again before signing a corrected letter; empty when a person is needed. */
  readonly fields: readonly PortRequestField[];
  readonly needsPerson: boolean;
}

export function rejectionReason(code: string): RejectionReason {
  const upper = code.trim().toUpperCase();
  const entry = Object.hasOwn(REASONS, upper) ? REASONS[upper] : undefined;
  if (entry === undefined) return { code: upper, known: false, words: words.unknown, fields: [], needsPerson: true };
  if ('needsPerson' in entry) return { code: upper, known: true, words: words[entry.words], fields: [], needsPerson: true };
  return { code: upper, known: true, words: words[entry.words], fields: entry.fields, needsPerson: false };
}

/** Every code the table knows, for documentation and tests. */
export const KNOWN_REJECTION_CODES: readonly string[] = Object.keys(REASONS);

/**
 * The details to ask again for this draft, in the order the reason lists them. A personal account is authorized by
 * its holder, so a mismatch of the authorizing person is the holder's name there.
 */
export function fieldsToCorrect(reason: RejectionReason, draft: CsrDraft): PortRequestField[] {
  const business = draft.holderName?.kind === 'business';
  const fields = reason.fields.map((field) => (field === 'authorizedPerson' && !business ? 'holderName' : field));
  // The PIN is not kept once a request is sent, and a resubmission needs it: it is asked again.
  const pinAgain: PortRequestField[] = isPinNeeded(draft) && draft.pin === undefined ? ['pin'] : [];
  return [...new Set([...fields, ...pinAgain])];
}
