/**
 * The CSR draft as the conversation sees it: the CSR fields plus, for a business account, the person who authorizes
 * the port. Which field to ask next, how far along the customer is, and how an accepted answer changes the draft
 * (clearing the answers it makes invalid) — shared by the step-by-step questions, pasted records and the status.
 */
import {
  FIELD_LABELS,
  CSR_FIELDS,
  accept,
  type CsrDraft,
  forgetPortScope,
  type CsrExtraction,
  type CsrFieldName,
  type CsrFieldOptions,
  type CsrValue,
  type FieldNotice,
  type FieldResult,
  missingFields,
  noteTakenAsTyped,
  recheckDependents,
  validateCsrField,
  validateHolderName,
} from '../src/domain';

export type AskableField = CsrFieldName | 'authorizedPerson';
export type AnswerValue<F extends AskableField> = F extends CsrFieldName ? CsrValue<F> : string;

export function fieldLabel(field: AskableField): string {
  return FIELD_LABELS[field];
}

/** A business account is signed for by a named person; a personal account by its holder. */
export function needsAuthorizedPerson(draft: CsrDraft): boolean {
  return draft.holderName?.kind === 'business' && draft.authorizedPerson === undefined;
}

const HOLDER_POSITION = CSR_FIELDS.indexOf('holderName');

/** What is still to ask, in order; the authorized person comes right after the account holder. */
export function fieldsToAsk(draft: CsrDraft): AskableField[] {
  const missing: AskableField[] = missingFields(draft);
  if (!needsAuthorizedPerson(draft)) return missing;
  const firstAfterHolder = missing.findIndex((field) => CSR_FIELDS.indexOf(field as CsrFieldName) > HOLDER_POSITION);
  const at = firstAfterHolder === -1 ? missing.length : firstAfterHolder;
  return [...missing.slice(0, at), 'authorizedPerson', ...missing.slice(at)];
}

export interface DraftProgress {
  readonly done: number;
  readonly total: number;
  /** The next question, if any is left. */
  readonly next?: AskableField;
}

export function draftProgress(draft: CsrDraft): DraftProgress {
  const remaining = fieldsToAsk(draft);
  const authorized = draft.holderName?.kind === 'business' && draft.authorizedPerson !== undefined ? 1 : 0;
  const done = CSR_FIELDS.filter((field) => draft[field] !== undefined).length + authorized;
  return { done, total: done + remaining.length, next: remaining[0] };
}

export function hasAnyAnswer(draft: CsrDraft): boolean {
  return draftProgress(draft).done > 0;
}

/**
 * Checks an answer for one field against the draft so far. The authorized person is a person's name, checked like a
 * personal account holder's; the holder's "match the bill" reminder doesn't apply to it, so no warnings are kept.
 */
export function validateAnswer<F extends AskableField>(
  field: F,
  raw: string,
  draft: CsrDraft,
  opts: CsrFieldOptions,
): FieldResult<AnswerValue<F>> {
  if (field === 'authorizedPerson') {
    const result = validateHolderName(raw, { kind: 'person' });
    return (result.ok ? accept(result.value.fullName) : result) as FieldResult<AnswerValue<F>>;
  }
  return validateCsrField(field as CsrFieldName, raw, draft, opts) as FieldResult<AnswerValue<F>>;
}

/** An answer already in the draft that a new answer made invalid: it has been removed and must be given again. */
export interface InvalidatedAnswer {
  readonly field: CsrFieldName;
  readonly error: FieldNotice;
}

/**
 * Puts an accepted answer into the draft, noting whether the customer confirmed it as typed (`opts.asTyped`), then
 * re-checks the answers that depend on it (a new carrier has other account-number rules) and removes those that no
 * longer pass. A personal account needs no authorized person.
 */
export function saveAnswer<F extends AskableField>(
  draft: CsrDraft,
  field: F,
  value: AnswerValue<F>,
  opts: CsrFieldOptions,
): InvalidatedAnswer[] {
  Object.assign(draft, { [field]: value });
  if (field === 'authorizedPerson') return [];
  const { asTyped = false, ...recheckOpts } = opts;
  noteTakenAsTyped(draft, field as CsrFieldName, asTyped);
  if (field === 'holderName' && draft.holderName?.kind === 'person') delete draft.authorizedPerson;
  if (field === 'numbers') forgetPortScope(draft);
  const invalidated: InvalidatedAnswer[] = [];
  for (const { field: dependent, result } of recheckDependents(field as CsrFieldName, draft, recheckOpts)) {
    if (result.ok) continue;
    delete draft[dependent];
    noteTakenAsTyped(draft, dependent, false);
    invalidated.push({ field: dependent, error: result.error });
  }
  return invalidated;
}

export interface MergedExtraction {
  /** Fields newly filled from the pasted text, in collection order. */
  readonly saved: CsrFieldName[];
  /** Values found for fields still missing but refused, with the reason. */
  readonly refused: CsrExtraction['refused'];
  readonly invalidated: InvalidatedAnswer[];
}

/**
 * Takes values volunteered in a pasted record into the draft. Only fields not answered yet are filled: an answer the
 * customer already gave is never replaced behind their back.
 */
export function mergeExtraction(draft: CsrDraft, extraction: CsrExtraction, opts: CsrFieldOptions): MergedExtraction {
  const saved: CsrFieldName[] = [];
  const invalidated: InvalidatedAnswer[] = [];
  for (const field of CSR_FIELDS) {
    const value = extraction.accepted[field];
    if (value === undefined || draft[field] !== undefined) continue;
    invalidated.push(...saveAnswer(draft, field, value as AnswerValue<typeof field>, opts));
    saved.push(field);
  }
  const refused = extraction.refused.filter(({ field }) => draft[field] === undefined);
  return { saved: saved.filter((field) => draft[field] !== undefined), refused, invalidated };
}
