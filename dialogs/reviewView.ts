/** The data the review card is drawn from: every detail with the secrets masked, and what still blocks signing. */
import { CSR_FIELDS, type CsrDraft, buildPortRequest, maskedDraftSummary } from '../src/domain';
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

export function reviewCardData(draft: CsrDraft, cardId: string): ReviewCardData {
  const problems = signingProblems(draft);
  return {
    cardId,
    text: reviewText.card,
    rows: maskedDraftSummary(draft).map(({ label, value }) => ({ label, value })),
    hasProblems: problems.length > 0,
    problems: problems.map((message) => ({ message })),
    choices: changeableFields(draft).map((field) => ({ title: fieldLabel(field), value: field })),
    actions: REVIEW_ACTIONS,
  };
}
