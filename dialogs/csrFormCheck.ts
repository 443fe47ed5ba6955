/**
 * Checks a submitted form card on the server with the same validators as the step-by-step path, field by field in
 * CSR_FIELDS order so that each field sees the values accepted before it (the carrier's rules for the PIN, the
 * numbers' country for the address). Plain TypeScript: the dialog decides what to say and what to store.
 */
import {
  CSR_FIELDS,
  type CsrDraft,
  type CsrFieldName,
  type CsrFieldOptions,
  type CsrValue,
  type FieldResult,
  type PortRequestField,
  buildPortRequest,
  csrFieldText,
  isSecretField,
  validateAddressParts,
  validateCsrField,
} from '../src/domain';
import { ADDRESS_INPUT_IDS, CONFIRM_UNKNOWN_CARRIER_INPUT_ID, type FormInputId } from '../src/cards/csrFormCard';
import { validateAnswer } from './draftFields';
import { formText } from './text/formText';

/** What the card submitted, by input id; every value is a string, as Adaptive Cards send them. */
export type FormValues = Readonly<Partial<Record<FormInputId | typeof CONFIRM_UNKNOWN_CARRIER_INPUT_ID, string>>>;

/** The result of one round of the form, kept in dialog state to draw the card again. It never holds a secret. */
export interface FormRound {
  /** Why a value was refused, by field ('serviceAddress' for the address as a whole). */
  errors: Partial<Record<PortRequestField, string>>;
  /** Things to double-check about accepted values, by field. */
  notes: Partial<Record<PortRequestField, string[]>>;
  /** What the customer typed into refused inputs, to give it back for correcting (secrets excluded). */
  entered: Partial<Record<FormInputId, string>>;
  /** The carrier isn't in our list: the card asks the customer to confirm its name. */
  carrierUnknown: boolean;
}

export interface FormCheck {
  /** The draft with every accepted value saved, and secrets that no longer pass removed. */
  draft: CsrDraft;
  round: FormRound;
  /** Every field is accepted and the request is complete and consistent. */
  complete: boolean;
}

const UNKNOWN_CARRIER_CODE = 'carrier.unknown';

const tidy = (raw: string | undefined): string => (raw ?? '').replace(/\s+/gu, ' ').trim();

function setField<F extends CsrFieldName>(draft: CsrDraft, field: F, value: CsrValue<F>): void {
  draft[field] = value as CsrDraft[F];
}

/** A secret is never sent back to the card, so a blank secret input means "keep the one you have". */
function savedSecretText(field: CsrFieldName, draft: CsrDraft): string | undefined {
  const saved = draft[field];
  if (saved === undefined || saved === '') return undefined;
  return csrFieldText(field, saved as CsrValue<typeof field>);
}

interface FieldInput {
  raw: string;
  /** The value came from the draft, not from the customer (a kept secret, the default billing number). */
  fromDraft: boolean;
}

function fieldInput(field: CsrFieldName, values: FormValues, draft: CsrDraft): FieldInput {
  const typed = tidy(values[field as FormInputId]);
  if (typed !== '') return { raw: typed, fromDraft: false };
  if (isSecretField(field)) {
    const saved = savedSecretText(field, draft);
    if (saved !== undefined) return { raw: saved, fromDraft: true };
  }
  // The billing number is most often the first number being moved: a blank input takes that one.
  const firstNumber = draft.numbers?.numbers[0];
  if (field === 'billingNumber' && firstNumber !== undefined) return { raw: firstNumber, fromDraft: true };
  return { raw: '', fromDraft: false };
}

function validateField(
  field: CsrFieldName,
  input: FieldInput,
  values: FormValues,
  draft: CsrDraft,
  opts: CsrFieldOptions,
): FieldResult<unknown> {
  if (field === 'serviceAddress') {
    const parts = Object.fromEntries(ADDRESS_INPUT_IDS.map((id) => [id, tidy(values[id])]));
    return validateAddressParts(parts, { country: draft.numbers?.country });
  }
  if (field === 'carrier') {
    // A carrier we don't know was confirmed when it was saved: the same name needs no second confirmation.
    const alreadyConfirmed = draft.carrier?.known === false && draft.carrier.name.toLowerCase() === input.raw.toLowerCase();
    const confirmedUnknownCarrier = values[CONFIRM_UNKNOWN_CARRIER_INPUT_ID] === 'true' || alreadyConfirmed;
    return validateCsrField(field, input.raw, draft, { ...opts, confirmedUnknownCarrier });
  }
  return validateCsrField(field, input.raw, draft, opts);
}

/**
 * The person signing for a business, checked as the step-by-step question checks it, and asked for in the same round
 * as everything else when it is blank. A personal account is signed by its holder, so it keeps none; while the
 * holder's name is refused, what was typed is given back with it.
 */
function checkAuthorizedPerson(values: FormValues, draft: CsrDraft, round: FormRound, opts: CsrFieldOptions): void {
  const typed = tidy(values.authorizedPerson);
  const holder = draft.holderName;
  if (holder?.kind !== 'business') {
    delete draft.authorizedPerson;
    if (round.errors.holderName !== undefined && typed !== '') round.entered.authorizedPerson = typed;
    return;
  }
  if (typed === '') {
    delete draft.authorizedPerson;
    round.errors.authorizedPerson = formText.card.authorizedPersonRequired(holder.fullName);
    return;
  }
  const result = validateAnswer('authorizedPerson', typed, draft, opts);
  if (result.ok) {
    draft.authorizedPerson = result.value;
  } else {
    round.errors.authorizedPerson = result.error.message;
    round.entered.authorizedPerson = typed;
  }
}

function rememberEntered(field: CsrFieldName, input: FieldInput, values: FormValues, round: FormRound): void {
  if (field === 'serviceAddress') {
    for (const id of ADDRESS_INPUT_IDS) round.entered[id] = tidy(values[id]);
  } else if (!isSecretField(field) && !input.fromDraft) {
    round.entered[field as FormInputId] = input.raw;
  }
}

export function checkForm(values: FormValues, saved: CsrDraft, opts: CsrFieldOptions = {}): FormCheck {
  const draft: CsrDraft = { ...saved };
  const round: FormRound = { errors: {}, notes: {}, entered: {}, carrierUnknown: false };

  for (const field of CSR_FIELDS) {
    const input = fieldInput(field, values, draft);
    const result = validateField(field, input, values, draft, opts);
    if (result.ok) {
      setField(draft, field, result.value as CsrValue<typeof field>);
      if (result.warnings.length > 0) round.notes[field] = result.warnings.map((warning) => warning.message);
    } else {
      round.errors[field] = result.error.message;
      if (field === 'carrier') round.carrierUnknown = result.error.code === UNKNOWN_CARRIER_CODE;
      // A kept secret that no longer fits (a new carrier's rules) must be given again, not silently kept.
      if (input.fromDraft && isSecretField(field)) delete draft[field];
      rememberEntered(field, input, values, round);
    }
    if (field === 'holderName') checkAuthorizedPerson(values, draft, round, opts);
  }

  if (Object.keys(round.errors).length > 0) return { draft, round, complete: false };
  const request = buildPortRequest(draft);
  if (request.ok) return { draft, round, complete: true };
  for (const problem of request.problems) round.errors[problem.field] ??= problem.message;
  return { draft, round, complete: false };
}
