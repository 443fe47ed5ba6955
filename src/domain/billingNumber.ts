/**
 * When the billing telephone number (BTN) is asked, and what it is when it isn't: one rule for the questions, the
 * form card, the review, the letter and the request. On a one-line mobile account the number is its own billing
 * number, so asking for it only costs the customer a message. It matters where the account may have other lines: a
 * landline or VoIP number (the main number of a home or office), several numbers at once, or a port that leaves some
 * of the account's lines behind.
 */
import type { CsrDraft } from './csrFields';
import type { E164 } from './phoneNumbers';
import { isFixedLine } from './portScope';

/** Whether the customer is asked for the billing number (as a question, or as a required input on the form card). */
export function billingNumberAsked(draft: CsrDraft): boolean {
  const numbers = draft.numbers?.numbers ?? [];
  const [only] = numbers;
  if (numbers.length !== 1 || only === undefined || draft.wholeAccount === false) return true;
  return isFixedLine(draft, only);
}

/** The billing number of the port: the one the customer gave, or, where it isn't asked, the one number moved. */
export function billingNumberOf(draft: CsrDraft): E164 | undefined {
  if (draft.billingNumber !== undefined) return draft.billingNumber;
  return billingNumberAsked(draft) ? undefined : draft.numbers?.numbers[0];
}
