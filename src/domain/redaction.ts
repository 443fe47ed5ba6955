/**
 * Free text that people will read (the transcript an agent sees, a customer's message relayed to an agent) with the
 * customer's secrets taken out. Two rules, because a secret can be typed where no question asked for it:
 * - every known secret (the draft's PIN and account number), however spaced or hyphenated, is masked;
 * - in a message that talks about a PIN, passcode or account, every run of four or more digits is masked, since an
 *   account number or PIN the bot has not been told yet looks like any other number.
 * Both look at the text in the form the validators read it (`normalizeTyped`): the PIN validator takes full-width
 * digits, and a zero-width space or a non-breaking hyphen shows nothing unusual to the agent reading the digits.
 */
import { MASKED_PIN, maskSecret } from './masking';
import { normalizeTyped, replaceQuotes } from './text';

const SECRET_TOPIC = /\b(?:pin|pins|passcode|pass code|password|passwd|account|acct|a\/c|security code|transfer code|port[- ]?out code)\b/iu;
/** Digits of any script, possibly broken up by spaces, dots, underscores or hyphens, four digits or more in all. */
const DIGIT_RUN = /(?<![•\p{Nd}])\p{Nd}(?:[\s._-]?\p{Nd}){3,}/gu;
/** Between the characters of a known secret: as many spaces, dots, underscores or hyphens as the validators drop. */
const SEPARATOR = '[\\s._-]*';
const compact = (value: string) => normalizeTyped(value).replace(/[\s._-]/gu, '');

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
 * `text` (normalized: that is the form the agent reads) with the known PIN hidden, the known account number shown as
 * its last four characters, and, where secrets are discussed, every long digit run hidden. Secrets shorter than
 * three characters are too common to look for.
 */
export function redactSecrets(text: string, known: KnownSecrets): string {
  const redacted = redactKnownSecrets(normalizeTyped(text), known);
  return SECRET_TOPIC.test(redacted) ? maskDigitRuns(redacted, MASKED_PIN) : redacted;
}

/**
 * The bot's own words, which talk about PINs all the time (with the carrier's short codes, "*PORT (*7678)"): the
 * known PIN and account number hidden, and what they quote of the customer's message (see `quoted`) redacted as the
 * customer's own lines are. The rest is the bot's and stays as written: any secret in it is one the bot stored, in
 * the validators' form.
 */
export function redactBotWords(text: string, known: KnownSecrets): string {
  return replaceQuotes(redactKnownSecrets(text, known), (quote) => redactSecrets(quote, known));
}

/** `text`, normalized, with every run of four or more digits (see DIGIT_RUN) replaced by `mask`: for logs too. */
export function maskDigitRuns(text: string, mask: string): string {
  return normalizeTyped(text).replace(DIGIT_RUN, mask);
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
