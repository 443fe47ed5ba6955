/**
 * Free text that people will read (the transcript an agent sees, a customer's message relayed to an agent) with the
 * customer's secrets taken out. Two rules, because a secret can be typed where no question asked for it:
 * - every known secret (the draft's PIN and account number), however spaced or hyphenated, is masked;
 * - in a message that talks about a PIN, passcode or account, every run of four or more digits is masked, since an
 *   account number or PIN the bot has not been told yet looks like any other number.
 */
import { MASKED_PIN, maskSecret } from './masking';

const SECRET_TOPIC = /\b(?:pin|pins|passcode|pass code|password|passwd|account|acct|a\/c|security code|transfer code|port[- ]?out code)\b/iu;
/** Digits, possibly broken up by spaces, dots or hyphens, four digits or more in all. */
const DIGIT_RUN = /(?<![•\d])\d(?:[\s.-]?\d){3,}/gu;
const SEPARATOR = '[\\s.-]?';
const compact = (value: string) => value.replace(/[\s.-]/gu, '');

function separatorTolerant(secret: string): RegExp {
  const characters = Array.from(compact(secret)).map((character) => character.replace(/[\\^$.*+?()[\]{}|/]/gu, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{N}])${characters.join(SEPARATOR)}(?![\\p{L}\\p{N}])`, 'giu');
}

/** The secrets of one customer's port request, as far as the bot knows them. */
export interface KnownSecrets {
  readonly pin?: string;
  readonly accountNumber?: string;
}

/**
 * `text` with the known PIN hidden, the known account number shown as its last four characters, and, where secrets
 * are discussed, every long digit run hidden. Secrets shorter than three characters are too common to look for.
 */
/** What the bot quotes of the customer's message (text.ts `quoted`). */
const QUOTED = /“[^”]*”/gu;

export function redactSecrets(text: string, known: KnownSecrets): string {
  const redacted = redactKnownSecrets(text, known);
  return SECRET_TOPIC.test(redacted) ? redacted.replace(DIGIT_RUN, MASKED_PIN) : redacted;
}

/**
 * The bot's own words, which talk about PINs all the time (with the carrier's short codes, "*PORT (*7678)"): the
 * known PIN and account number hidden, and what they quote of the customer's message (in curly quotes, see
 * `quoted`) redacted as the customer's own lines are.
 */
export function redactBotWords(text: string, known: KnownSecrets): string {
  return redactKnownSecrets(text, known).replace(QUOTED, (quote) => redactSecrets(quote, known));
}

/** Only the known PIN and account number hidden. */
function redactKnownSecrets(text: string, known: KnownSecrets): string {
  let redacted = text;
  const replacements: [string | undefined, string][] = [
    [known.accountNumber, known.accountNumber === undefined ? '' : maskSecret(compact(known.accountNumber))],
    [known.pin, MASKED_PIN],
  ];
  for (const [secret, mask] of replacements) {
    if (secret === undefined || compact(secret).length < 3) continue;
    redacted = redacted.replace(separatorTolerant(secret), mask);
  }
  return redacted;
}
