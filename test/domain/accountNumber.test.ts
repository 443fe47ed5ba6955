import fc from 'fast-check';
import { validateAccountNumber } from '../../src/domain/accountNumber';
import { type CarrierRef, unknownCarrierRef } from '../../src/domain/carriers';
import { att, ref, rogers, tmobile, verizon, xfinityVoice } from './carrierRefs';

const RUNS = { numRuns: 300 };

describe('validateAccountNumber: accepted', () => {
  it.each<[string, CarrierRef | undefined, string]>([
    ['123456789', verizon, '123456789'],
    [' 123 456 789 ', verizon, '123456789'],
    ['123-456-789', verizon, '123456789'],
    ['123456789', tmobile, '123456789'],
    ['123456789', att, '123456789'],
    ['123456789012', att, '123456789012'],
    ['8499 1234 5678 9012', xfinityVoice, '8499123456789012'],
    ['ab12-cd34', undefined, 'AB12CD34'],
    ['1234', undefined, '1234'],
    ['A1B2C3D4E5F6G7H8I9J0', unknownCarrierRef('Local Telco'), 'A1B2C3D4E5F6G7H8I9J0'],
    ['Account number: 123456789', tmobile, '123456789'],
    ['Acct # 123456789', tmobile, '123456789'],
    ['acct no. 123456789', tmobile, '123456789'],
    ['#123456789', tmobile, '123456789'],
    ['my account number is 123456789', tmobile, '123456789'],
    ['１２３４５６７８９', verizon, '123456789'],
  ])('accepts %j for %o as %s', (raw, carrier, value) => {
    expect(validateAccountNumber(raw, { carrier })).toEqual({ ok: true, value, warnings: [] });
  });

  it.each(['123456789-00001', '123456789 00001', '12345678900001'])(
    'keeps the 9-digit Verizon account from %j and explains the dropped suffix',
    (raw) => {
      expect(validateAccountNumber(raw, { carrier: verizon })).toEqual({
        ok: true,
        value: '123456789',
        warnings: [{ code: 'account_number.suffix_removed', message: expect.stringMatching(/first 9 characters.*aren't needed/) }],
      });
    },
  );

});

describe('validateAccountNumber: a rule we have not confirmed asks, once, and never refuses', () => {
  it.each<[string, CarrierRef, RegExp]>([
    ['12345678', tmobile, /^T-Mobile's account number is a 9-digit number\.$/],
    ['1234567890', att, /^AT&T's account number is a 9- or 12-digit number\.$/],
    ['ABC123456', tmobile, /^T-Mobile's account number is a 9-digit number\.$/],
    ['(415) 555-0123', verizon, /^That's a phone number\. On Verizon prepaid plans the phone number is usually the account number; on a monthly plan it's a 9-digit number/],
    ['4155550199', xfinityVoice, /^That looks like a phone number rather than an account number\.$/],
    ['4155550199', tmobile, /^That looks like a phone number, and T-Mobile's account number is a 9-digit number\.$/],
  ])('asks about %j for %o, and takes it as typed once the customer confirms it', (raw, carrier, rule) => {
    const asked = validateAccountNumber(raw, { carrier, numbers: ['+14155550123'] });
    expect(asked).toEqual({
      ok: false,
      error: { code: 'account_number.unconfirmed_rule', message: expect.stringContaining('Please check it against your') },
      question: {
        code: 'account_number.unconfirmed_rule',
        rule: expect.stringMatching(rule),
        question: `Is the account number you typed exactly what ${carrier.name} gave you?`,
      },
    });
    const confirmed = validateAccountNumber(raw, { carrier, numbers: ['+14155550123'], asTyped: true });
    expect(confirmed).toEqual({ ok: true, value: expect.any(String), warnings: [] });
  });

  it('takes a Verizon prepaid phone number as the account number once confirmed, in its 10 digits', () => {
    expect(validateAccountNumber('(415) 555-0123', { carrier: verizon, asTyped: true })).toEqual({ ok: true, value: '4155550123', warnings: [] });
  });

  it('still refuses what breaks a confirmed rule, or no account number at all, even when confirmed as typed', () => {
    expect(validateAccountNumber('12345678', { carrier: verizon, asTyped: true })).toMatchObject({ ok: false, error: { code: 'account_number.format' } });
    expect(validateAccountNumber('12', { carrier: tmobile, asTyped: true })).toMatchObject({ ok: false, error: { code: 'account_number.too_short' } });
  });
});

describe('validateAccountNumber: refused', () => {
  it.each<[string, CarrierRef | undefined, string, RegExp]>([
    ['', verizon, 'account_number.empty', /enter your Verizon account number.*My Verizon/],
    ['Account number:', undefined, 'account_number.empty', /enter your account number.*on your bill/],
    ['12', undefined, 'account_number.too_short', /at least 4.*bill/],
    ['1'.repeat(21), undefined, 'account_number.too_long', /at most 20.*bill/],
    ['1234/5678', undefined, 'account_number.invalid_characters', /only letters and digits.*copy it from your bill/],
    ['12345678', verizon, 'account_number.format', /Verizon account number is a 9-digit number.*My Verizon/],
    ['1234567890', verizon, 'account_number.format', /9-digit/],
    ['ABC123456', verizon, 'account_number.format', /9-digit/],
    ['(415) 555-0123', tmobile, 'account_number.is_phone_number', /looks like a phone number.*T-Mobile bill/],
    ['+1 415 555 0123', undefined, 'account_number.is_phone_number', /looks like a phone number.*on your bill/],
    ['415.555.0123', att, 'account_number.is_phone_number', /phone number.*myAT&T/],
  ])('refuses %j for %o with %s', (raw, carrier, code, message) => {
    expect(validateAccountNumber(raw, { carrier })).toEqual({ ok: false, error: { code, message: expect.stringMatching(message) } });
  });

  it('refuses one of the numbers being ported, typed plainly, as a phone number', () => {
    const result = validateAccountNumber('415 555 0123', { carrier: xfinityVoice, numbers: ['+14155550123'] });
    expect(!result.ok && result.error.code).toBe('account_number.is_phone_number');
  });
});

describe('properties', () => {
  const carriers = fc.constantFrom<CarrierRef | undefined>(
    undefined, verizon, tmobile, att, xfinityVoice, ref('google-fi'), rogers, unknownCarrierRef('Local Telco'),
  );
  const accountLike = fc.stringMatching(/^[A-Za-z0-9 -]{0,24}$/);

  it('never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite', maxLength: 60 }), carriers, (raw, carrier) => {
        validateAccountNumber(raw, { carrier, numbers: ['+14155550123'] });
      }),
      RUNS,
    );
  });

  it('is idempotent: an accepted account number validates to itself, as typed or not', () => {
    fc.assert(
      fc.property(fc.oneof(accountLike, fc.string()), carriers, fc.boolean(), (raw, carrier, asTyped) => {
        const first = validateAccountNumber(raw, { carrier, asTyped });
        if (!first.ok) return true;
        const again = validateAccountNumber(first.value, { carrier, asTyped });
        return again.ok && again.value === first.value;
      }),
      RUNS,
    );
  });

  it('never repeats the account number typed in any message', () => {
    const secret = fc.stringMatching(/^[A-Za-z0-9]{5,20}$/).filter((value) => /\d/.test(value));
    const written = fc.tuple(secret, fc.constantFrom('', 'Account number: ', ' ', '#')).map(([value, label]) => ({ value, raw: `${label}${value}` }));
    fc.assert(
      fc.property(written, carriers, ({ value, raw }, carrier) => {
        const result = validateAccountNumber(raw, { carrier, numbers: ['+14155550123'] });
        const texts = result.ok
          ? result.warnings.map((warning) => warning.message)
          : [result.error.message, ...(result.question ? [result.question.rule, result.question.question] : [])];
        const tail = value.slice(-5);
        return texts.every(
          (text) => !text.toUpperCase().includes(value.toUpperCase()) && !(/\d/.test(tail) && text.includes(tail)),
        );
      }),
      RUNS,
    );
  });
});
