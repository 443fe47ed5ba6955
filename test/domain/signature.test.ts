import fc from 'fast-check';
import type { HolderName } from '../../src/domain/holderName';
import { namesMatch, validateSignature } from '../../src/domain/signature';

const RUNS = { numRuns: 300 };

const zoe: HolderName = { kind: 'person', fullName: "Zoë O'Brien-Smith", firstName: 'Zoë', lastName: "O'Brien-Smith" };
const acme: HolderName = { kind: 'business', fullName: 'Acme Plumbing LLC' };

describe('namesMatch', () => {
  it.each([
    ["Zoë O'Brien-Smith", 'zoe obrien smith'],
    ["Zoë O'Brien-Smith", 'ZOE O’BRIEN-SMITH'],
    ["Zoë O'Brien-Smith", '  Zoe   OBrien Smith '],
    ['José Núñez', 'Jose Nunez'],
    ['Łukasz Strauß', 'Lukasz Strauss'],
    ['J. R. R. Tolkien', 'J R R Tolkien'],
    ['李 小龙', '李 小龙'],
  ])('%j matches %j', (a, b) => {
    expect(namesMatch(a, b)).toBe(true);
    expect(namesMatch(b, a)).toBe(true);
  });

  it.each([
    ['Maria Lopez', 'Mario Lopez'],
    ['Maria Lopez', 'Maria Elena Lopez'],
    ['Maria Lopez', 'Lopez Maria'],
    ['', ''],
    ['...', '!!!'],
  ])('%j does not match %j', (a, b) => {
    expect(namesMatch(a, b)).toBe(false);
  });
});

describe('validateSignature', () => {
  it.each(["Zoë O'Brien-Smith", 'zoe obrien-smith', '  Zoe  O’Brien Smith '])('accepts the account holder signing as %j', (raw) => {
    const result = validateSignature(raw, { holderName: zoe });
    expect(result).toEqual({ ok: true, value: raw.replace(/\s+/g, ' ').trim(), warnings: [] });
  });

  it('accepts the named authorized person signing for a business', () => {
    expect(validateSignature('jane doe', { holderName: acme, authorizedPerson: 'Jane Doe' })).toEqual({
      ok: true,
      value: 'jane doe',
      warnings: [],
    });
  });

  it.each<[string, { holderName: HolderName; authorizedPerson?: string }, string, RegExp]>([
    ['', { holderName: zoe }, 'signature.empty', /type the account holder's full name: Zoë O'Brien-Smith/],
    ['Zoe Smith', { holderName: zoe }, 'signature.mismatch', /account holder's name as you gave it earlier: Zoë O'Brien-Smith.*ask them to sign/],
    ['Jane Doe', { holderName: acme }, 'signature.authorized_person_required', /named person who is allowed to act for Acme Plumbing LLC.*first and last name/],
    ['Jane Doe', { holderName: acme, authorizedPerson: '  ' }, 'signature.authorized_person_required', /Acme Plumbing LLC/],
    ['', { holderName: acme, authorizedPerson: 'Jane Doe' }, 'signature.empty', /To sign for Acme Plumbing LLC.*authorized person: Jane Doe/],
    ['Acme Plumbing LLC', { holderName: acme, authorizedPerson: 'Jane Doe' }, 'signature.mismatch', /authorized person's name as you gave it earlier: Jane Doe.*update the authorized person/],
  ])('refuses %j with %s', (raw, ctx, code, message) => {
    expect(validateSignature(raw, ctx)).toEqual({ ok: false, error: { code, message: expect.stringMatching(message) } });
  });

  it.each([
    ['zero-width spaces and joiners inside the name', 'Zo\u200Bë O\u2019Bri\u200Den-Smith', 'Zoë O\u2019Brien-Smith'],
    ['a word joiner, a soft hyphen and a byte-order mark', '\uFEFFZoë\u2060 O\u2019Brien\u00AD-Smith', 'Zoë O\u2019Brien-Smith'],
    ['control characters and a bidirectional override', '\u202EZoë\u202C O\u2019Brien-Smith\u0007\u0000', 'Zoë O\u2019Brien-Smith'],
  ])('compares and keeps the signature without %s', (_, raw, clean) => {
    expect(validateSignature(raw, { holderName: zoe })).toEqual({ ok: true, value: clean, warnings: [] });
  });

  it('compares an authorized person\u2019s signature without invisible characters too', () => {
    const signed = validateSignature('Ja\u200Bne\u00A0D\u200Coe', { holderName: acme, authorizedPerson: 'Jane Doe' });
    expect(signed).toEqual({ ok: true, value: 'Jane Doe', warnings: [] });
  });

  it('never throws, and an accepted signature validates to itself', () => {
    const signatures = fc.oneof(fc.constantFrom("zoe o'brien smith", ' Zoë  O’Brien-Smith'), fc.string({ unit: 'grapheme-composite' }));
    fc.assert(
      fc.property(signatures, fc.option(fc.string(), { nil: undefined }), fc.boolean(), (raw, authorizedPerson, business) => {
        const ctx = { holderName: business ? acme : zoe, authorizedPerson };
        namesMatch(raw, authorizedPerson ?? '');
        const first = validateSignature(raw, ctx);
        if (!first.ok) return true;
        const again = validateSignature(first.value, ctx);
        return again.ok && again.value === first.value;
      }),
      RUNS,
    );
  });
});
