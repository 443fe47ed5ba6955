/**
 * Changing the customer's draft from the conversation, and telling them what changed: one answer at a time, or the
 * values volunteered in a pasted record. Secrets are reported masked (account number) or not at all (PIN).
 */
import type { TurnContext } from 'botbuilder';
import {
  type CsrDraft,
  type CsrFieldName,
  type CsrExtraction,
  type CsrFieldOptions,
  type CsrValue,
  type FieldNotice,
  type FieldResult,
  accept,
  extractCsrFields,
  isSecretField,
  maskedDraftSummary,
} from '../src/domain';
import type { ConversationDeps } from './conversationDeps';
import {
  type AnswerValue,
  type AskableField,
  type InvalidatedAnswer,
  type MergedExtraction,
  fieldLabel,
  mergeExtraction,
  saveAnswer,
  validateAnswer,
} from './draftFields';
import { NOT_PORTABLE_CODE, checkPortability } from './portabilityCheck';
import { customerTimeZone, pinGoodUntilLine } from './pinValidity';
import { forgetUnconfirmed, notePinGiven } from './portingSession';
import { markSecretAnswer } from './secretAnswer';
import { askFieldText } from './text/askFieldText';

export function fieldOptions(deps: ConversationDeps, extra: CsrFieldOptions = {}): CsrFieldOptions {
  return { policy: deps.numbersPolicy, ...extra };
}

/**
 * Checks an answer as a question, the form and an agent's correction all do: the field's validator, then, for the
 * numbers, the porting provider's portability check (see portabilityCheck.ts). `draft` is the draft as saved.
 */
export async function validateAnswerWithChecks<F extends AskableField>(
  context: TurnContext,
  deps: ConversationDeps,
  field: F,
  raw: string,
  draft: CsrDraft,
  extra: CsrFieldOptions = {},
): Promise<FieldResult<AnswerValue<F>>> {
  const result = validateAnswer(field, raw, draft, fieldOptions(deps, extra));
  if (field !== 'numbers') return result;
  return (await checkPortability(context, deps, result as FieldResult<CsrValue<'numbers'>>, draft)) as FieldResult<AnswerValue<F>>;
}

/** Whether the answer's notices say that some numbers cannot move (a person is then offered). */
export function hasNotPortableNotice(warnings: readonly FieldNotice[]): boolean {
  return warnings.some((warning) => warning.code === NOT_PORTABLE_CODE);
}

/** What the review would show for the field: masked for the account number and PIN. */
export function shownValue(draft: CsrDraft, field: AskableField): string | undefined {
  return maskedDraftSummary(draft).find((row) => row.field === field)?.value;
}

function savedLine(draft: CsrDraft, field: AskableField): string {
  return askFieldText.saved[field](shownValue(draft, field) ?? '');
}

const invalidatedLines = (invalidated: readonly InvalidatedAnswer[]) =>
  invalidated.map(({ field }) => askFieldText.invalidated(fieldLabel(field)));

async function say(context: TurnContext, lines: readonly string[]): Promise<void> {
  if (lines.length > 0) await context.sendActivities(lines.map((text) => ({ type: 'message', text })));
}

export interface SaveReportOptions {
  /** How the save is confirmed to the customer; by default the bot's own "Got it". */
  readonly confirmation?: (shown: string) => string;
  /**
   * Whether to tell the customer now which answers the save made invalid. Not while a person has the chat: the
   * customer would type them (a PIN, an account number) to the agent; the bot asks for them after the hand-back.
   */
  readonly reportInvalidated?: boolean;
  /** The customer said the value is exactly what their carrier gave, though it breaks an unconfirmed rule (RuleQuestion). */
  readonly asTyped?: boolean;
}

/**
 * "Got it — PIN saved." with until when the PIN is good: one line, told whenever a PIN is saved (an answer, a pasted
 * record, the form). The PIN was given now.
 */
export function pinSavedNote(context: TurnContext, deps: ConversationDeps, draft: CsrDraft): string | undefined {
  return pinGoodUntilLine(draft, deps.clock(), customerTimeZone(context.activity));
}

/**
 * Saves an accepted answer, confirms it briefly, then shows the validator's warnings and any answer it invalidated.
 * Resolves with the draft as saved, the field as shown (masked for the account number) and the answers it cleared.
 */
export async function saveAndReport<F extends AskableField>(
  context: TurnContext,
  deps: ConversationDeps,
  field: F,
  value: AnswerValue<F>,
  warnings: readonly FieldNotice[],
  { confirmation = askFieldText.saved[field], reportInvalidated = true, asTyped = false }: SaveReportOptions = {},
): Promise<{ draft: CsrDraft; shown: string; invalidated: readonly InvalidatedAnswer[] }> {
  let invalidated: InvalidatedAnswer[] = [];
  const session = await deps.sessions.update(context, (current) => {
    invalidated = saveAnswer(current.draft, field, value, fieldOptions(deps, { asTyped }));
    delete current.refusals[field];
    forgetUnconfirmed(current, field);
    // Even the same PIN as before is a fresh one when the customer gives it again (after it expired, say).
    if (field === 'pin') notePinGiven(current, deps.clock());
  });
  const shown = shownValue(session.draft, field) ?? '';
  const invalidatedNotes = reportInvalidated ? invalidatedLines(invalidated) : [];
  const saved = [confirmation(shown), ...(field === 'pin' ? [pinSavedNote(context, deps, session.draft)] : [])].filter(Boolean).join(' ');
  await say(context, [saved, ...warnings.map((warning) => warning.message), ...invalidatedNotes]);
  return { draft: session.draft, shown, invalidated };
}

/** A pasted record's numbers, when they are new, through the portability check: refused or cut down before merging. */
async function checkPastedNumbers(context: TurnContext, deps: ConversationDeps, extraction: CsrExtraction, draft: CsrDraft): Promise<FieldNotice[]> {
  const numbers = extraction.accepted.numbers;
  // Only fields not answered yet are merged: numbers already in the draft are not asked about.
  if (numbers === undefined || draft.numbers !== undefined) return [];
  const checked = await checkPortability(context, deps, accept(numbers), draft);
  if (checked.ok) {
    extraction.accepted.numbers = checked.value;
    return checked.warnings.filter((warning) => warning.code === NOT_PORTABLE_CODE);
  }
  delete extraction.accepted.numbers;
  extraction.refused.push({ field: 'numbers', error: checked.error });
  return [];
}

/** What a pasted record did to the draft; `notPortable` when the portability check refused some of its numbers. */
export interface PastedValues extends MergedExtraction {
  readonly notPortable: boolean;
}

/** Where pasted values come from: a message by default; a bill's text reads only the details a bill shows. */
export interface PastedSource {
  readonly extract: (text: string, draft: CsrDraft) => CsrExtraction;
  /** The line before the list of what was taken. */
  readonly intro: string;
}

const PASTED_MESSAGE: PastedSource = { extract: extractCsrFields, intro: askFieldText.pasted.intro };

/**
 * Takes the values in a pasted CSR (or a message with several "label: value" pairs) into the draft, and reports what
 * was saved and what was refused, with the validator's message. Fields already answered are left as they are.
 */
export async function takePastedValues(context: TurnContext, deps: ConversationDeps, text: string, source: PastedSource = PASTED_MESSAGE): Promise<PastedValues> {
  const { draft } = await deps.sessions.get(context);
  const extraction = source.extract(text, draft);
  if (extraction.found.some(isSecretField)) markSecretAnswer(context);
  const numberNotices = await checkPastedNumbers(context, deps, extraction, draft);
  let merged: MergedExtraction = { saved: [], refused: [], invalidated: [] };
  const session = await deps.sessions.update(context, (current) => {
    merged = mergeExtraction(current.draft, extraction, fieldOptions(deps));
    for (const field of merged.saved) forgetUnconfirmed(current, field);
  });
  const { saved, refused, invalidated } = merged;
  const notPortable = numberNotices.length > 0 || refused.some(({ error }) => error.code === NOT_PORTABLE_CODE);
  if (saved.length === 0 && refused.length === 0) {
    await say(context, [askFieldText.pasted.nothingNew]);
    return { ...merged, notPortable };
  }
  const pinNote = saved.includes('pin') ? pinSavedNote(context, deps, session.draft) : undefined;
  const line = (field: CsrFieldName) => [savedLine(session.draft, field), ...(field === 'pin' && pinNote ? [pinNote] : [])].join(' ');
  await say(context, [
    ...(saved.length > 0 ? [[source.intro, ...saved.map((field) => `- ${line(field)}`)].join('\n')] : []),
    ...numberNotices.map((notice) => notice.message),
    ...refused.map(({ field, error }) => askFieldText.pasted.refused(fieldLabel(field), error.message)),
    ...invalidatedLines(invalidated),
  ]);
  return { ...merged, notPortable };
}
