/**
 * The account number at the losing carrier. It is a secret: messages describe what is expected and never repeat
 * what the customer typed.
 */
import { carrierRules, type Carrier, type CarrierRef } from './carriers';
import { accept, refuse, type FieldNotice, type FieldResult } from './fieldResult';
import { toE164, type E164 } from './phoneNumbers';
import { collapseWhitespace, normalizeTyped } from './text';

/** Bounds for any carrier, after removing spaces and dashes. */
const MIN_LENGTH = 4;
const MAX_LENGTH = 20;
/** "Account number:", "Acct # ", "my account number is " typed or copied from the bill along with the number. */
const LABEL = /^(?:(?:my|the)\s+)?(?:acct|account)(?:[\s.]*(?:number|num|nbr|no))?(?:\s+is\b)?[\s.:#]+/i;
/** Characters a written phone number has and an account number never does: "(415) 555-0123", "+1 …", "415.555.0123". */
const PHONE_PUNCTUATION = /[()+.]/;

const your = (ref: CarrierRef | undefined): string => (ref ? `your ${ref.name}` : 'your');

const messages = {
  empty: (ref: CarrierRef | undefined, carrier: Carrier) =>
    `Please enter ${your(ref)} account number. ${carrier.instructions.accountNumber}`,
  invalidCharacters: (carrier: Carrier) =>
    'An account number has only letters and digits (spaces and dashes are fine). Please copy it from your bill. ' +
    carrier.instructions.accountNumber,
  tooShort: (carrier: Carrier) =>
    `That's too short for an account number: they have at least ${MIN_LENGTH} letters or digits. ` +
    carrier.instructions.accountNumber,
  tooLong: (carrier: Carrier) =>
    `That's too long for an account number: they have at most ${MAX_LENGTH} letters or digits. ` +
    carrier.instructions.accountNumber,
  wrongFormat: (ref: CarrierRef | undefined, carrier: Carrier) =>
    `That doesn't look right: ${your(ref)} account number is ${carrier.accountNumber.description}. ` +
    carrier.instructions.accountNumber,
  unusualFormat: (ref: CarrierRef | undefined, carrier: Carrier) =>
    `That doesn't look like the usual format (${your(ref)} account number is usually ` +
    `${carrier.accountNumber.description}). Please double-check it on your bill; if it's right, carry on.`,
  isPhoneNumber: (carrier: Carrier) =>
    `That looks like a phone number rather than an account number. ${carrier.instructions.accountNumber}`,
  looksLikePhoneNumber: (carrier: Carrier) =>
    'That looks like a phone number — if it really is your account number, that\'s fine. ' +
    carrier.instructions.accountNumber,
  prepaidPhoneNumber: (carrier: Carrier) =>
    `That's a phone number, which is right for ${carrier.name} prepaid plans (there the phone number is the ` +
    `account number). On a monthly plan, your account number is ${carrier.accountNumber.description} instead.`,
  suffixRemoved: (keptLength: number) =>
    `I've kept the first ${keptLength} characters, which are your account number; the extra digits after them ` +
    "aren't needed for the transfer.",
} as const;

function matchesCarrierFormat(carrier: Carrier, value: string): RegExpExecArray | null | 'no_rule' {
  const { pattern } = carrier.accountNumber;
  return pattern === undefined ? 'no_rule' : new RegExp(pattern).exec(value);
}

export function validateAccountNumber(
  raw: string,
  ctx: { carrier?: CarrierRef; numbers?: readonly E164[] },
): FieldResult<string> {
  const carrier = carrierRules(ctx.carrier);
  const rule = carrier.accountNumber;
  const text = collapseWhitespace(normalizeTyped(raw)).replace(LABEL, '').replace(/^#\s*/, '');
  if (text === '') return refuse('account_number.empty', messages.empty(ctx.carrier, carrier));

  const warnings: FieldNotice[] = [];
  const phone = toE164(text);
  if (phone !== undefined) {
    const national = phone.startsWith('+1') ? phone.slice(2) : undefined;
    if (rule.phoneNumberIsAccount && national !== undefined) {
      const fits = matchesCarrierFormat(carrier, national);
      return accept(
        national,
        fits === null ? [{ code: 'account_number.prepaid_phone_number', message: messages.prepaidPhoneNumber(carrier) }] : [],
      );
    }
    const certainlyPhone =
      (ctx.numbers ?? []).includes(phone) ||
      PHONE_PUNCTUATION.test(text) ||
      (rule.confirmed && matchesCarrierFormat(carrier, text.replace(/[\s-]/g, '')) === null);
    if (certainlyPhone) return refuse('account_number.is_phone_number', messages.isPhoneNumber(carrier));
    warnings.push({ code: 'account_number.looks_like_phone', message: messages.looksLikePhoneNumber(carrier) });
  }

  const compact = text.replace(/[\s-]/g, '').toUpperCase();
  if (/[^A-Z0-9]/.test(compact)) return refuse('account_number.invalid_characters', messages.invalidCharacters(carrier));
  if (compact.length < MIN_LENGTH) return refuse('account_number.too_short', messages.tooShort(carrier));
  if (compact.length > MAX_LENGTH) return refuse('account_number.too_long', messages.tooLong(carrier));

  const format = matchesCarrierFormat(carrier, compact);
  if (format === null) {
    if (rule.confirmed) return refuse('account_number.format', messages.wrongFormat(ctx.carrier, carrier));
    // A phone-number warning already tells the customer to check; a second warning would only repeat it.
    if (phone === undefined) {
      warnings.push({ code: 'account_number.unusual_format', message: messages.unusualFormat(ctx.carrier, carrier) });
    }
    return accept(compact, warnings);
  }
  const account = format === 'no_rule' ? undefined : format.groups?.account;
  if (account !== undefined && account !== compact) {
    warnings.push({ code: 'account_number.suffix_removed', message: messages.suffixRemoved(account.length) });
    return accept(account, warnings);
  }
  return accept(compact, warnings);
}
