import { CANARY_ACCOUNT_NUMBER, CANARY_PIN } from './drafts';

/**
 * Fails when `shown` (a card, a message, a log, anything serialisable) holds the canary PIN or account number in any
 * form a person reads as those digits: full-width, split by spaces, dots, underscores, dashes of any kind or invisible
 * characters. Written apart from the bot's own normalization, so that it checks it rather than repeats it.
 */
export function expectNoSecretInAnyForm(shown: unknown): void {
  const text = typeof shown === 'string' ? shown : JSON.stringify(shown);
  const digits = text.normalize('NFKC').replace(/[\s._\p{Pd}\p{Cf}\p{Cc}\u2212]/gu, '');
  expect(digits).not.toContain(CANARY_PIN);
  expect(digits).not.toContain(CANARY_ACCOUNT_NUMBER);
}
