/**
 * What a port moves, beyond its numbers: whether the numbers given are on one account with one carrier (one request
 * each account, linked under a parent reference, when they are not), whether the port moves every number on the
 * account (a partial port leaves some behind), and, when a partial port moves the billing number, the new billing
 * number of the lines that stay. Carriers reject requests that mix accounts, and a partial port that takes the billing
 * number away without naming a new one. Each question is asked only where it matters.
 */
import { carrierRules } from './carriers';
import type { CsrDraft } from './csrFields';
import type { E164 } from './phoneNumbers';

/**
 * Whether the number is a landline or VoIP line: the porting provider's check says so when one was made (Twilio tells
 * the type); without it, the carrier directory's kind for a known carrier. An unknown carrier without a check is taken
 * for what most ports are, mobile: nothing is asked that nothing says is needed.
 */
export function isFixedLine(draft: CsrDraft, number: E164): boolean {
  const type = draft.numbers?.portability?.[number]?.numberType;
  if (type === 'mobile') return false;
  if (type === 'landline') return true;
  return draft.carrier?.known === true && carrierRules(draft.carrier).kind !== 'wireless';
}

function numbersOf(draft: CsrDraft): readonly E164[] {
  return draft.numbers?.numbers ?? [];
}

/** "Are they all on one account with the same carrier?": asked once, when more than one number is given. */
export function sameAccountAsked(draft: CsrDraft): boolean {
  return numbersOf(draft).length > 1 && draft.sameAccount === undefined;
}

/**
 * "Are you moving every number on this account?": it matters for several numbers and for a landline or VoIP number
 * (the main line of a home or office, often with others on the account); it is asked once the carrier is known.
 */
export function wholeAccountAsked(draft: CsrDraft): boolean {
  const numbers = numbersOf(draft);
  if (draft.carrier === undefined || draft.wholeAccount !== undefined || sameAccountAsked(draft)) return false;
  return numbers.length > 1 || (numbers[0] !== undefined && isFixedLine(draft, numbers[0]));
}

/** A partial port that moves the account's billing number: the lines that stay need a new one, asked once it is known. */
export function remainingBillingNumberAsked(draft: CsrDraft): boolean {
  return isPartialPortMovingBillingNumber(draft) && draft.remainingBillingNumber === undefined;
}

export function isPartialPortMovingBillingNumber(draft: CsrDraft): boolean {
  const billing = draft.billingNumber;
  return draft.wholeAccount === false && billing !== undefined && numbersOf(draft).includes(billing);
}

/** New numbers make the answers about them stale: they are asked again. */
export function forgetPortScope(draft: CsrDraft): void {
  delete draft.sameAccount;
  delete draft.wholeAccount;
  delete draft.remainingBillingNumber;
}
