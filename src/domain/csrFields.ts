/**
 * The registry of Customer Service Record fields: one validator per field, shared by the step-by-step dialog, the
 * form card and any API, each taking its context (carrier, country, numbers) from the draft collected so far.
 */
import { z } from 'zod';
import { validateAccountNumber } from './accountNumber';
import { ServiceAddressSchema, formatAddress, validateServiceAddress } from './address';
import { type CarrierRef, carrierRules, validateCarrier } from './carriers';
import { validateContactEmail } from './contactEmail';
import { accept, type FieldResult } from './fieldResult';
import { holderNameText, validateHolderName } from './holderName';
import {
  type E164,
  type NumbersPolicy,
  PORTING_COUNTRIES,
  type PortingCountry,
  formatPhoneNumber,
  validateBillingNumber,
  validateNumbersToPort,
} from './phoneNumbers';
import { validatePin } from './pin';
import { PortabilityChecksSchema, pinWaivedByCheck } from './portability';
import { billingNumberAsked } from './billingNumber';
import { CarrierRefSchema, HolderNameSchema, NanpE164Schema, PortingCountrySchema } from './sharedSchemas';
import { type Catalogue, localized } from '../i18n/language';

/** In collection order: numbers and carrier first, because the other fields are checked against them. */
export const CSR_FIELDS = [
  'numbers',
  'carrier',
  'accountNumber',
  'pin',
  'holderName',
  'serviceAddress',
  'billingNumber',
  'contactEmail',
] as const;
export type CsrFieldName = (typeof CSR_FIELDS)[number];

/** The draft as kept with the customer's session: each value as its field's validator gives it. */
export const CsrDraftSchema = z.object({
  numbers: z
    .object({
      country: PortingCountrySchema,
      numbers: z.array(NanpE164Schema).min(1),
      /** The porting provider's check of these numbers, when one was made (see portability.ts). */
      portability: PortabilityChecksSchema.optional(),
    })
    .optional(),
  carrier: CarrierRefSchema.optional(),
  accountNumber: z.string().min(1).optional(),
  /** '' records that the customer has no PIN, where the carrier doesn't require one. */
  pin: z.string().optional(),
  holderName: HolderNameSchema.optional(),
  /** For business accounts: the person who signs the LOA on the business's behalf. */
  authorizedPerson: z.string().min(1).optional(),
  serviceAddress: ServiceAddressSchema.optional(),
  billingNumber: NanpE164Schema.optional(),
  contactEmail: z.string().min(1).optional(),
  /**
   * The numbers are on one account with one carrier: the customer said so, or picked them as one account's numbers
   * from several (see portScope.ts). Asked only for several numbers.
   */
  sameAccount: z.literal(true).optional(),
  /** Whether the port moves every number on the account; false is a partial port. Asked only where it matters. */
  wholeAccount: z.boolean().optional(),
  /** In a partial port that moves the billing number: the new billing number of the lines that stay. */
  remainingBillingNumber: NanpE164Schema.optional(),
  /**
   * The secrets the customer confirmed as exactly what their carrier gave although they break an unconfirmed rule of
   * that carrier's (see RuleQuestion), each with the carrier's name: while the carrier stays, checking them again
   * (after new numbers, say) takes them as typed rather than asking again.
   */
  takenAsTyped: z.partialRecord(z.enum(['accountNumber', 'pin']), z.string()).optional(),
});
export type CsrDraft = z.infer<typeof CsrDraftSchema>;

export type CsrValue<F extends CsrFieldName> = NonNullable<CsrDraft[F]>;

export interface CsrFieldOptions {
  /** The customer confirmed that a carrier we don't know is spelled right. */
  confirmedUnknownCarrier?: boolean;
  /** The customer said the account number or PIN is exactly what the carrier gave: an unconfirmed rule no longer asks. */
  asTyped?: boolean;
  policy?: NumbersPolicy;
}

const CSR_FIELD_LABELS_EN = {
  numbers: 'Numbers to move',
  carrier: 'Current carrier',
  accountNumber: 'Account number',
  pin: 'Transfer PIN',
  holderName: 'Account holder',
  serviceAddress: 'Service address',
  billingNumber: 'Billing telephone number',
  contactEmail: 'Contact email',
} as const satisfies Record<CsrFieldName, string>;

const CSR_FIELD_LABELS_ES: Catalogue<typeof CSR_FIELD_LABELS_EN> = {
  numbers: 'Números a transferir',
  carrier: 'Compañía actual',
  accountNumber: 'Número de cuenta',
  pin: 'PIN de transferencia',
  holderName: 'Titular de la cuenta',
  serviceAddress: 'Dirección de servicio',
  billingNumber: 'Número de teléfono de facturación',
  contactEmail: 'Correo electrónico de contacto',
};

/** The CSR fields' labels, in the turn's language. */
export const CSR_FIELD_LABELS: Readonly<Record<CsrFieldName, string>> = localized({ en: CSR_FIELD_LABELS_EN, es: CSR_FIELD_LABELS_ES });

/** The labels of every field of the draft: the CSR fields and a business's authorized person, in the turn's language. */
export const FIELD_LABELS: Readonly<Record<CsrFieldName | 'authorizedPerson', string>> = localized({
  en: { ...CSR_FIELD_LABELS_EN, authorizedPerson: 'Authorized person' },
  es: { ...CSR_FIELD_LABELS_ES, authorizedPerson: 'Persona autorizada' },
});

const SECRET_FIELDS: ReadonlySet<CsrFieldName> = new Set<CsrFieldName>(['accountNumber', 'pin']);

/** Account number and PIN: never logged, never echoed in full. */
export function isSecretField(field: CsrFieldName): boolean {
  return SECRET_FIELDS.has(field);
}

/** The country of the port: the numbers decide it; before they are known, the service address. */
export function draftCountry(draft: CsrDraft): PortingCountry | undefined {
  return draft.numbers?.country ?? draft.serviceAddress?.country;
}

/** The transfer PIN, if the customer has one. */
export function pinOf(draft: CsrDraft): string | undefined {
  return draft.pin === '' ? undefined : draft.pin;
}

/** Whether the carrier's rule asks for a transfer PIN (wireless carriers do; an unknown carrier gets the generic rule). */
export function isPinRequired(carrier: CarrierRef | undefined): boolean {
  return carrierRules(carrier).pin.required;
}

/**
 * Whether this port needs a transfer PIN: the carrier's rule asks for one, unless the porting provider's check said
 * that none of the numbers needs it.
 */
export function isPinNeeded(draft: CsrDraft): boolean {
  return isPinRequired(draft.carrier) && !pinWaivedByCheck(draft.numbers);
}

type FieldValidators = {
  [F in CsrFieldName]: (raw: string, draft: CsrDraft, opts: CsrFieldOptions) => FieldResult<CsrValue<F>>;
};

const VALIDATORS: FieldValidators = {
  numbers: (raw, _draft, opts) => validateNumbersToPort(raw, opts.policy),
  carrier: (raw, _draft, opts) => validateCarrier(raw, { confirmedUnknown: opts.confirmedUnknownCarrier }),
  accountNumber: (raw, draft, opts) =>
    validateAccountNumber(raw, { carrier: draft.carrier, numbers: draft.numbers?.numbers, asTyped: opts.asTyped }),
  pin: (raw, draft, opts) => validatePinInDraft(raw, draft, opts),
  holderName: (raw) => validateHolderName(raw),
  serviceAddress: (raw, draft) => validateServiceAddress(raw, { country: draft.numbers?.country }),
  billingNumber: (raw, draft) => validateBillingNumberInDraft(raw, draft),
  contactEmail: (raw) => validateContactEmail(raw),
};

/** Validates what the customer typed for one field, in the context of the draft collected so far. */
export function validateCsrField<F extends CsrFieldName>(
  field: F,
  raw: string,
  draft: CsrDraft,
  opts: CsrFieldOptions = {},
): FieldResult<CsrValue<F>> {
  const validator: FieldValidators[F] = VALIDATORS[field];
  return validator(raw, draft, opts);
}

/** Where the provider's check waived the PIN, "none" (or a blank form input) is an answer even for a carrier that asks for one. */
function validatePinInDraft(raw: string, draft: CsrDraft, opts: CsrFieldOptions): FieldResult<string> {
  const result = validatePin(raw, { carrier: draft.carrier, asTyped: opts.asTyped });
  return !result.ok && result.error.code === 'pin.required' && !isPinNeeded(draft) ? accept('') : result;
}

/**
 * Before the numbers are known the port's country isn't either: the BTN may then be in any porting country, and the
 * refusal shown is the one for the first country tried.
 */
function validateBillingNumberInDraft(raw: string, draft: CsrDraft): FieldResult<E164> {
  const known = draftCountry(draft);
  const results = (known ? [known] : PORTING_COUNTRIES).map((country) => validateBillingNumber(raw, { country }));
  return results.find((result) => result.ok) ?? (results[0] as FieldResult<E164>);
}

/**
 * The fields still to collect, in collection order; the PIN only where the port needs one (isPinNeeded), and then
 * also when the customer said they have none (an answer given for an earlier carrier); the billing number only where
 * it is asked (billingNumberAsked): otherwise the number moved is the billing number.
 */
export function missingFields(draft: CsrDraft): CsrFieldName[] {
  return CSR_FIELDS.filter((field) => {
    if (field === 'pin') return isPinNeeded(draft) && pinOf(draft) === undefined;
    if (field === 'billingNumber') return billingNumberAsked(draft) && draft.billingNumber === undefined;
    return draft[field] === undefined;
  });
}

/** Which fields' checks depend on which: a new carrier changes the account-number and PIN rules, new numbers the country. */
const DEPENDENTS: Readonly<Partial<Record<CsrFieldName, readonly CsrFieldName[]>>> = {
  numbers: ['accountNumber', 'serviceAddress', 'billingNumber'],
  carrier: ['accountNumber', 'pin'],
};

/** The fields already in the draft that must be checked again when `field` changes. */
export function fieldsInvalidatedBy(field: CsrFieldName, draft: CsrDraft): CsrFieldName[] {
  return (DEPENDENTS[field] ?? []).filter((dependent) => draft[dependent] !== undefined);
}

type FieldTexts = { [F in CsrFieldName]: (value: CsrValue<F>) => string };

const TEXTS: FieldTexts = {
  numbers: (value) => value.numbers.map(formatPhoneNumber).join(', '),
  carrier: (value) => value.name,
  accountNumber: (value) => value,
  pin: (value) => value,
  holderName: holderNameText,
  serviceAddress: formatAddress,
  billingNumber: formatPhoneNumber,
  contactEmail: (value) => value,
};

/**
 * A field's value as text, in full (secrets included: mask before showing them). Validating it again gives
 * the same value, so it is also how a stored value is re-checked against a changed draft.
 */
export function csrFieldText<F extends CsrFieldName>(field: F, value: CsrValue<F>): string {
  const text: FieldTexts[F] = TEXTS[field];
  return text(value);
}

/**
 * Re-checks the fields that depend on `changed` against the updated draft. A refusal here means the customer must
 * give that field again (e.g. an account number that doesn't fit the new carrier's format).
 */
export function recheckDependents(
  changed: CsrFieldName,
  draft: CsrDraft,
  opts: CsrFieldOptions = {},
): { field: CsrFieldName; result: FieldResult<unknown> }[] {
  return fieldsInvalidatedBy(changed, draft).map((field) => ({
    field,
    result: validateCsrField(field, csrFieldText(field, draft[field] as CsrValue<typeof field>), draft, {
      ...opts,
      asTyped: isTakenAsTyped(draft, field),
    }),
  }));
}

type SecretField = keyof NonNullable<CsrDraft['takenAsTyped']>;

const isSecretFieldName = (field: CsrFieldName): field is SecretField => field === 'accountNumber' || field === 'pin';

/** Whether the draft's value of `field` was confirmed as typed for the draft's current carrier. */
export function isTakenAsTyped(draft: CsrDraft, field: CsrFieldName): boolean {
  return isSecretFieldName(field) && draft.carrier !== undefined && draft.takenAsTyped?.[field] === draft.carrier.name;
}

/**
 * Records how a secret now in the draft was taken: confirmed as typed (for the current carrier), or not. A value given
 * anew forgets an earlier confirmation; a value removed takes its confirmation with it.
 */
export function noteTakenAsTyped(draft: CsrDraft, field: CsrFieldName, asTyped: boolean): void {
  if (!isSecretFieldName(field)) return;
  const rest = { ...draft.takenAsTyped };
  delete rest[field];
  const taken = asTyped && draft[field] !== undefined && draft.carrier !== undefined ? { ...rest, [field]: draft.carrier.name } : rest;
  if (Object.keys(taken).length > 0) draft.takenAsTyped = taken;
  else delete draft.takenAsTyped;
}
