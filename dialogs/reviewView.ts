/** The data the review card is drawn from: every detail with the secrets masked, and what still blocks signing. */
import { CSR_FIELDS, type CsrDraft, buildPortRequest, formatPhoneNumber, isPartialPortMovingBillingNumber, maskedDraftSummary } from '../src/domain';
import type { ReviewCardData } from '../src/cards/reviewCard';
import { type AskableField, fieldLabel } from './draftFields';
import { reviewText } from './text/reviewText';

/** What the review card's buttons submit. */
export const REVIEW_ACTIONS = { confirm: 'review.confirm', change: 'review.change' } as const;

/**
 * The details the customer can change, in collection order: every CSR field (a missing optional one, such as a PIN
 * the carrier doesn't require, can be added), and for a business account the person who signs for it.
 */
export function changeableFields(draft: CsrDraft): AskableField[] {
  return CSR_FIELDS.flatMap((field): AskableField[] =>
    field === 'holderName' && draft.holderName?.kind === 'business' ? [field, 'authorizedPerson'] : [field],
  );
}

/** What stands in the way of signing, as the port request's own messages; none when the request is complete. */
export function signingProblems(draft: CsrDraft): string[] {
  const request = buildPortRequest(draft);
  return request.ok ? [] : request.problems.map((problem) => problem.message);
}

/** What the customer said about the rest of the account, for a partial port: it goes on the letter too. */
function portScopeRows(draft: CsrDraft): { label: string; value: string }[] {
  if (draft.wholeAccount !== false) return [];
  const remaining = isPartialPortMovingBillingNumber(draft) ? draft.remainingBillingNumber : undefined;
  return [
    { label: reviewText.partialPort.label, value: reviewText.partialPort.value },
    ...(remaining === undefined ? [] : [{ label: reviewText.partialPort.remainingBillingNumber, value: formatPhoneNumber(remaining) }]),
  ];
}

export function reviewCardData(draft: CsrDraft, cardId: string): ReviewCardData {
  const problems = signingProblems(draft);
  return {
    cardId,
    text: reviewText.card,
    rows: [...maskedDraftSummary(draft).map(({ label, value }) => ({ label, value })), ...portScopeRows(draft)],
    hasProblems: problems.length > 0,
    problems: problems.map((message) => ({ message })),
    choices: changeableFields(draft).map((field) => ({ title: fieldLabel(field), value: field })),
    actions: REVIEW_ACTIONS,
  };
}
