import fc from 'fast-check';
import { type CarrierRef, unknownCarrierRef } from '../../src/domain/carriers';
import { pinExpiryNotice, validatePin } from '../../src/domain/pin';
import { att, ref, rogers, tmobile, usCellular, verizon, xfinityVoice } from './carrierRefs';

const RUNS = { numRuns: 300 };

describe('validatePin: accepted', () => {
  it.each<[string, CarrierRef | undefined, string]>([
    ['482916', verizon, '482916'],
    [' 482 916 ', verizon, '482916'],
    ['482-916', tmobile, '482916'],
    ['４８２９１６', att, '482916'],
    ['4829', usCellular, '4829'],
    ['4829', undefined, '4829'],
    ['4829163057', undefined, '4829163057'],
    ['Blue42x', xfinityVoice, 'Blue42x'],
    ['4829', unknownCarrierRef('Local Telco'), '4829'],
    ['PIN: 482916', verizon, '482916'],
    ['my pin is 482916', verizon, '482916'],
    ['Passcode 4829', usCellular, '4829'],
  ])('accepts %j for %o', (raw, carrier, value) => {
    expect(validatePin(raw, { carrier })).toEqual({ ok: true, value, warnings: [] });
  });

  it.each<[string, CarrierRef | undefined]>([
    ['', xfinityVoice],
    ['none', xfinityVoice],
    ["I don't have one", rogers],
    ['N/A', undefined],
    ['no pin', unknownCarrierRef('Local Telco')],
  ])('accepts no PIN (%j) where the carrier does not require one', (raw, carrier) => {
    expect(validatePin(raw, { carrier })).toEqual({ ok: true, value: '', warnings: [] });
  });

});

describe('validatePin: a rule we have not confirmed asks, once, and never refuses', () => {
  it.each<[string, CarrierRef | undefined, string]>([
    ['12ab', tmobile, "T-Mobile's Temporary Port Out PIN has 6 digits."],
    ['4829', verizon, "Verizon's Number Transfer PIN has 6 digits."],
    ['48291630', tmobile, "T-Mobile's Temporary Port Out PIN has 6 digits."],
    ['48291a', verizon, "Verizon's Number Transfer PIN has 6 digits."],
    ['482916', usCellular, "US Cellular's transfer PIN has 4 digits."],
    ['48ab', unknownCarrierRef('Local Telco'), 'A transfer PIN or passcode usually has 4 to 10 digits.'],
  ])('asks about %j for %o with one question, however many parts of the rule it breaks', (raw, carrier, rule) => {
    const name = carrier?.name ?? 'your current carrier';
    expect(validatePin(raw, { carrier })).toEqual({
      ok: false,
      error: { code: 'pin.unconfirmed_rule', message: `${rule} Please check it against what ${name} gave you.` },
      question: { code: 'pin.unconfirmed_rule', rule, question: `Is the PIN you typed exactly what ${name} gave you?` },
    });
  });

  it('takes the PIN as typed, with no warning, once the customer says it is exactly what the carrier gave', () => {
    expect(validatePin('12ab', { carrier: tmobile, asTyped: true })).toEqual({ ok: true, value: '12ab', warnings: [] });
  });

  it('still refuses what no transfer PIN looks like, confirmed as typed or not', () => {
    expect(validatePin('123', { carrier: verizon, asTyped: true })).toMatchObject({ ok: false, error: { code: 'pin.too_short' } });
    expect(validatePin('12#4', { carrier: verizon, asTyped: true })).toMatchObject({ ok: false, error: { code: 'pin.invalid_characters' } });
  });
});

describe('validatePin: refused', () => {
  it.each<[string, CarrierRef | undefined, string, RegExp]>([
    ['', verizon, 'pin.required', /Verizon Number Transfer PIN is needed.*#PORT \(#7678\)/],
    ['none', att, 'pin.required', /AT&T Number Transfer PIN is needed.*\*PORT \(\*7678\)/],
    ['no', tmobile, 'pin.required', /Temporary Port Out PIN is needed.*T-Mobile app/],
    ['123', verizon, 'pin.too_short', /usually has 6 digits, and that's too short.*get a new one: Dial #PORT/],
    ['12345678901', verizon, 'pin.too_long', /usually has 6 digits, and that's too long.*My Verizon/],
    ['12', undefined, 'pin.too_short', /transfer PIN or passcode usually has 4 to 10 digits/],
    ['1234!5', verizon, 'pin.invalid_characters', /digits only.*#PORT/],
    ['12.34.56', tmobile, 'pin.invalid_characters', /no other symbols.*Temporary Port Out PIN in the T-Mobile app/],
    ['pin: 12#34', undefined, 'pin.invalid_characters', /no other symbols/],
    ['abc!', xfinityVoice, 'pin.invalid_characters', /letters and digits only/],
  ])('refuses %j for %o with %s', (raw, carrier, code, message) => {
    expect(validatePin(raw, { carrier })).toEqual({ ok: false, error: { code, message: expect.stringMatching(message) } });
  });
});

describe('pinExpiryNotice', () => {
  it.each<[CarrierRef, RegExp]>([
    [verizon, /^Your Verizon Number Transfer PIN usually lasts about 7 days.*finish this request soon.*#PORT/],
    [tmobile, /Temporary Port Out PIN usually lasts about 7 days/],
    [att, /AT&T Number Transfer PIN usually lasts about 4 days \(14 days on a business account\)/],
    [ref('xfinity-mobile'), /Xfinity Mobile one-time transfer PIN usually lasts about 24 hours/],
  ])('tells how long the PIN lasts for %o', (carrier, notice) => {
    expect(pinExpiryNotice(carrier)).toMatch(notice);
  });

  it('says nothing when the validity is not known', () => {
    expect(pinExpiryNotice(undefined)).toBeUndefined();
    expect(pinExpiryNotice(rogers)).toBeUndefined();
    expect(pinExpiryNotice(unknownCarrierRef('Local Telco'))).toBeUndefined();
  });
});

describe('properties', () => {
  const carriers = fc.constantFrom<CarrierRef | undefined>(
    undefined, verizon, tmobile, att, usCellular, xfinityVoice, rogers, unknownCarrierRef('Local Telco'),
  );

  it('never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite', maxLength: 40 }), carriers, (raw, carrier) => {
        validatePin(raw, { carrier });
        pinExpiryNotice(carrier);
      }),
      RUNS,
    );
  });

  it('is idempotent: an accepted PIN validates to itself, as typed or not', () => {
    fc.assert(
      fc.property(fc.oneof(fc.stringMatching(/^[0-9a-zA-Z -]{0,14}$/), fc.string()), carriers, fc.boolean(), (raw, carrier, asTyped) => {
        const first = validatePin(raw, { carrier, asTyped });
        if (!first.ok) return true;
        const again = validatePin(first.value, { carrier, asTyped });
        return again.ok && again.value === first.value;
      }),
      RUNS,
    );
  });

  it('never repeats the PIN in any message, whatever its length', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{5,14}$/), fc.constantFrom('', ' ', '-'), carriers, (pin, spacer, carrier) => {
        const raw = pin.replace(/(\d{3})(?=\d)/g, `$1${spacer}`);
        const result = validatePin(raw, { carrier });
        const texts = result.ok
          ? result.warnings.map((warning) => warning.message)
          : [result.error.message, ...(result.question ? [result.question.rule, result.question.question] : [])];
        return texts.every((text) => !text.includes(pin) && !text.includes(raw));
      }),
      RUNS,
    );
  });
});
