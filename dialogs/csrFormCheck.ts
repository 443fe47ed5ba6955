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
  billingNumberAsked,
  buildPortRequest,
  forgetPortScope,
  csrFieldText,
  isSecretField,
  isTakenAsTyped,
  noteTakenAsTyped,
  validateAddressParts,
  validateCsrField,
} from '../src/domain';
import {
  ADDRESS_INPUT_IDS,
  AS_TYPED_INPUT_IDS,
  type AsTypedInputId,
  CONFIRM_UNKNOWN_CARRIER_INPUT_ID,
  type FormInputId,
} from '../src/cards/csrFormCard';
import { validateAnswer } from './draftFields';
import type { RuleCheckedField } from './portingSession';
import { formText } from './text/formText';

/** What the card submitted, by input id; every value is a string, as Adaptive Cards send them. */
export type FormValues = Readonly<Partial<Record<FormInputId | typeof CONFIRM_UNKNOWN_CARRIER_INPUT_ID | AsTypedInputId, string>>>;

/** Secrets as typed that wait on the question about an unconfirmed carrier rule (the session's unconfirmedAnswers). */
export type UnconfirmedAnswers = Partial<Record<RuleCheckedField, string>>;

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
  /**
   * The secrets that break an unconfirmed carrier rule: the card asks, under each, whether it is exactly what the
   * carrier gave (the same question as the conversation's), with a "Yes, that's it" box.
   */
  ruleQuestions: RuleCheckedField[];
}

export interface FormCheck {
  /** The draft with every accepted value saved, and secrets that no longer pass removed. */
  draft: CsrDraft;
  round: FormRound;
  /** Every field is accepted and the request is complete and consistent. */
  complete: boolean;
  /** What was typed for the secrets of `round.ruleQuestions`, kept (in the session) until the customer answers. */
  unconfirmed: UnconfirmedAnswers;
}

const UNKNOWN_CARRIER_CODE = 'carrier.unknown';

const tidy = (raw: string | undefined): string => (raw ?? '').replace(/\s+/gu, ' ').trim();

/** Whether the form kept the numbers as saved: the answers about them (one account? all of it?) still hold. */
function sameNumbers(saved: CsrDraft['numbers'], given: CsrValue<'numbers'>): boolean {
  return saved !== undefined && saved.numbers.join() === given.numbers.join();
}

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
  /** The value came from the draft, not from the customer (a kept secret). */
  fromDraft: boolean;
  /** The value was typed in an earlier round and is asked about (a blank secret input stands for it). */
  unconfirmed?: boolean;
}

const isRuleChecked = (field: CsrFieldName): field is RuleCheckedField => field === 'accountNumber' || field === 'pin';

function fieldInput(field: CsrFieldName, values: FormValues, draft: CsrDraft, unconfirmed: UnconfirmedAnswers): FieldInput {
  const typed = tidy(values[field as FormInputId]);
  if (typed !== '') return { raw: typed, fromDraft: false };
  const waiting = isRuleChecked(field) ? unconfirmed[field] : undefined;
  if (waiting !== undefined) return { raw: waiting, fromDraft: false, unconfirmed: true };
  if (isSecretField(field)) {
    const saved = savedSecretText(field, draft);
    if (saved !== undefined) return { raw: saved, fromDraft: true };
  }
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
  return validateCsrField(field, input.raw, draft, { ...opts, asTyped: takenAsTyped(field, input, values, draft) });
}

/**
 * Whether a secret is taken as typed: one asked about in the last round, when the customer ticked "Yes, that's it";
 * a kept one, when they confirmed it so for this carrier. A secret typed anew is checked afresh.
 */
function takenAsTyped(field: CsrFieldName, input: FieldInput, values: FormValues, draft: CsrDraft): boolean {
  if (!isRuleChecked(field)) return false;
  if (input.unconfirmed) return values[AS_TYPED_INPUT_IDS[field]] === 'true';
  return input.fromDraft && isTakenAsTyped(draft, field);
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

/**
 * `unconfirmed`: the secrets asked about in the last round, as typed then (a blank input stands for them). The check's
 * `unconfirmed` is what to keep for the next round. `without`: fields the card does not ask for (the PIN, on the form
 * support staff fill in for a customer, who gives it themselves): neither checked nor missed.
 */
export function checkForm(
  values: FormValues,
  saved: CsrDraft,
  opts: CsrFieldOptions = {},
  unconfirmed: UnconfirmedAnswers = {},
  without: readonly CsrFieldName[] = [],
): FormCheck {
  const draft: CsrDraft = { ...saved };
  const round: FormRound = { errors: {}, notes: {}, entered: {}, carrierUnknown: false, ruleQuestions: [] };
  const waiting: UnconfirmedAnswers = {};

  for (const field of CSR_FIELDS.filter((candidate) => !without.includes(candidate))) {
    const input = fieldInput(field, values, draft, unconfirmed);
    // Where the billing number isn't asked, a blank input is no answer missing: the number moved is the billing number.
    if (field === 'billingNumber' && input.raw === '' && !billingNumberAsked(draft)) {
      delete draft.billingNumber;
      continue;
    }
    const result = validateField(field, input, values, draft, opts);
    if (result.ok) {
      if (field === 'numbers' && !sameNumbers(draft.numbers, result.value as CsrValue<'numbers'>)) forgetPortScope(draft);
      setField(draft, field, result.value as CsrValue<typeof field>);
      noteTakenAsTyped(draft, field, takenAsTyped(field, input, values, draft));
      if (result.warnings.length > 0) round.notes[field] = result.warnings.map((warning) => warning.message);
    } else {
      if (result.question !== undefined && isRuleChecked(field)) {
        round.errors[field] = formText.card.ruleQuestion(result.question);
        round.ruleQuestions.push(field);
        waiting[field] = input.raw;
      } else {
        round.errors[field] = result.error.message;
      }
      if (field === 'carrier') round.carrierUnknown = result.error.code === UNKNOWN_CARRIER_CODE;
      // A kept secret that no longer fits (a new carrier's rules) must be given again (or confirmed), not silently kept.
      if (input.fromDraft && isSecretField(field)) {
        delete draft[field];
        noteTakenAsTyped(draft, field, false);
      }
      rememberEntered(field, input, values, round);
    }
    if (field === 'holderName') checkAuthorizedPerson(values, draft, round, opts);
  }

  if (Object.keys(round.errors).length > 0) return { draft, round, complete: false, unconfirmed: waiting };
  const request = buildPortRequest(draft);
  if (request.ok) return { draft, round, complete: true, unconfirmed: waiting };
  const problems = request.problems.filter((problem) => !(without as readonly string[]).includes(problem.field));
  for (const problem of problems) round.errors[problem.field] ??= problem.message;
  return { draft, round, complete: problems.length === 0, unconfirmed: waiting };
}
