/**
 * What a validator takes as the PIN or account number, redaction finds in the same form: both read typed text through
 * normalizeTyped, so a form the bot accepts as an answer cannot slip past the masking towards agents.
 */
import { redactSecrets, validateAccountNumber, validatePin } from '../../src/domain';
import { att } from './carrierRefs';

const PIN = '918273';
const ACCOUNT_NUMBER = '555444333222';

describe('one form for validating and for redacting', () => {
  it.each([
    ['full-width digits', '９１８２７３'],
    ['zero-width spaces', '9\u200B1\u200B8\u200B2\u200B7\u200B3'],
    ['non-breaking hyphens', '918\u2011273'],
  ])('a PIN typed with %s is taken as its digits, and masked when typed so again', (_, typed) => {
    expect(validatePin(typed, { carrier: att })).toMatchObject({ ok: true, value: PIN });
    expect(redactSecrets(`is it ${typed}?`, { pin: PIN })).toBe('is it ••••?');
  });

  it.each([
    ['non-breaking hyphens', '555\u2011444\u2011333\u2011222'],
    ['full-width digits and hyphens', '５５５－４４４－３３３－２２２'],
    ['a zero-width space', '555444\u200B333222'],
  ])('an account number typed with %s is taken as its characters, and masked when typed so again', (_, typed) => {
    expect(validateAccountNumber(typed, { carrier: att })).toMatchObject({ ok: true, value: ACCOUNT_NUMBER });
    expect(redactSecrets(`it's ${typed}`, { accountNumber: ACCOUNT_NUMBER })).toBe("it's ••••3222");
  });
});
