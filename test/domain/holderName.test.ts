import fc from 'fast-check';
import { type HolderKind, type HolderName, holderNameText, validateHolderName } from '../../src/domain/holderName';

const RUNS = { numRuns: 300 };
const matchBill = { code: 'holder_name.match_bill', message: expect.stringMatching(/exactly how .*appears on the bill/) };

describe('validateHolderName: people', () => {
  it.each<[string, HolderName]>([
    ['Maria Lopez', { kind: 'person', fullName: 'Maria Lopez', firstName: 'Maria', lastName: 'Lopez' }],
    ['  maria   LOPEZ ', { kind: 'person', fullName: 'maria LOPEZ', firstName: 'maria', lastName: 'LOPEZ' }],
    ['José Núñez', { kind: 'person', fullName: 'José Núñez', firstName: 'José', lastName: 'Núñez' }],
    ['Jose\u0301 Nu\u0301n\u0303ez', { kind: 'person', fullName: 'José Núñez', firstName: 'José', lastName: 'Núñez' }],
    ["Zoë O'Brien-Smith", { kind: 'person', fullName: "Zoë O'Brien-Smith", firstName: 'Zoë', lastName: "O'Brien-Smith" }],
    ['Zoë O’Brien-Smith', { kind: 'person', fullName: "Zoë O'Brien-Smith", firstName: 'Zoë', lastName: "O'Brien-Smith" }],
    ['李 小龙', { kind: 'person', fullName: '李 小龙', firstName: '李', lastName: '小龙' }],
    ['李小龙', { kind: 'person', fullName: '李小龙' }],
    ['김민준', { kind: 'person', fullName: '김민준' }],
    ['Nguyễn Văn An', { kind: 'person', fullName: 'Nguyễn Văn An', firstName: 'Nguyễn Văn', lastName: 'An' }],
    ['Mary Ann Smith', { kind: 'person', fullName: 'Mary Ann Smith', firstName: 'Mary Ann', lastName: 'Smith' }],
    ['J. R. R. Tolkien', { kind: 'person', fullName: 'J. R. R. Tolkien', firstName: 'J. R. R.', lastName: 'Tolkien' }],
    ['Martin Luther King Jr.', { kind: 'person', fullName: 'Martin Luther King Jr.', firstName: 'Martin Luther', lastName: 'King Jr.' }],
    ['John Smith, Jr.', { kind: 'person', fullName: 'John Smith, Jr.', firstName: 'John', lastName: 'Smith Jr.' }],
    ['Ludwig van Beethoven', { kind: 'person', fullName: 'Ludwig van Beethoven', firstName: 'Ludwig', lastName: 'van Beethoven' }],
    ['Juan de la Cruz', { kind: 'person', fullName: 'Juan de la Cruz', firstName: 'Juan', lastName: 'de la Cruz' }],
    ['Van Morrison', { kind: 'person', fullName: 'Van Morrison', firstName: 'Van', lastName: 'Morrison' }],
    ['Владимир Петров', { kind: 'person', fullName: 'Владимир Петров', firstName: 'Владимир', lastName: 'Петров' }],
    ['محمد علي', { kind: 'person', fullName: 'محمد علي', firstName: 'محمد', lastName: 'علي' }],
    ['Joseph Church', { kind: 'person', fullName: 'Joseph Church', firstName: 'Joseph', lastName: 'Church' }],
  ])('accepts %j as a person', (raw, value) => {
    expect(validateHolderName(raw)).toEqual({ ok: true, value, warnings: [matchBill] });
  });
});

describe('validateHolderName: businesses', () => {
  it.each([
    ['Acme Plumbing LLC', 'Acme Plumbing LLC'],
    ['Acme Plumbing, L.L.C.', 'Acme Plumbing, L.L.C.'],
    ['Widgets Inc.', 'Widgets Inc.'],
    ['Northwind Traders Ltd', 'Northwind Traders Ltd'],
    ['Contoso Corp', 'Contoso Corp'],
    ['Smith & Sons', 'Smith & Sons'],
    ['Jones and Co.', 'Jones and Co.'],
    ['Baker Street Company', 'Baker Street Company'],
    ['Pacific Law Group LLP', 'Pacific Law Group LLP'],
    ['7-Eleven Store #123 Inc', '7-Eleven Store #123 Inc'],
    ['Boulangerie Côté Ltée', 'Boulangerie Côté Ltée'],
    ['Evergreen Dental Associates', 'Evergreen Dental Associates'],
    ['Riverside Community Foundation', 'Riverside Community Foundation'],
    ['1234567 Ontario Inc.', '1234567 Ontario Inc.'],
  ])('accepts %j as a business', (raw, fullName) => {
    expect(validateHolderName(raw)).toEqual({ ok: true, value: { kind: 'business', fullName }, warnings: [matchBill] });
  });

  it('takes the customer\'s word that the account is a business, even without a legal ending', () => {
    expect(validateHolderName("Joe's Pizza", { kind: 'business' })).toEqual({
      ok: true,
      value: { kind: 'business', fullName: "Joe's Pizza" },
      warnings: [{ code: 'holder_name.match_bill', message: expect.stringContaining('including LLC, Inc or similar') }],
    });
  });
});

describe('validateHolderName: refused', () => {
  it.each<[string, HolderKind | undefined, string, RegExp]>([
    ['', undefined, 'holder_name.empty', /account holder's name exactly as it appears on the bill/],
    ['   ', undefined, 'holder_name.empty', /on the bill/],
    ['J', undefined, 'holder_name.too_short', /full name/],
    [`Maria ${'a'.repeat(100)}`, undefined, 'holder_name.too_long', /100 characters at most/],
    ['Maria', undefined, 'holder_name.single_word', /first and last name.*Maria Lopez/],
    ['Cher', undefined, 'holder_name.single_word', /first and last name/],
    ['Maria Lopez 2', undefined, 'holder_name.digits', /can't contain numbers.*LLC or Inc/],
    ['R2 D2', undefined, 'holder_name.digits', /numbers/],
    ['maria@example.com', undefined, 'holder_name.invalid_characters', /letters, spaces, hyphens and apostrophes/],
    ['Maria_Lopez', undefined, 'holder_name.invalid_characters', /letters/],
    ['Maria - Lopez', undefined, 'holder_name.invalid_characters', /letters/],
    ['Lopez, Maria', undefined, 'holder_name.comma', /first name first, without a comma/],
    ['John & Mary Smith', undefined, 'holder_name.several_people', /one account holder's name/],
    ['John and Mary Smith', undefined, 'holder_name.several_people', /main name on the bill/],
    ['Acme', 'business', 'holder_name.single_word', /full legal name.*Acme Plumbing LLC/],
    ['Acme LLC ™', undefined, 'holder_name.invalid_characters', /legal name.*ordinary punctuation/],
    ['### LLC', undefined, 'holder_name.single_word', /full legal name/],
    ['Inc. LLC', undefined, 'holder_name.single_word', /full legal name/],
  ])('refuses %j (%s) with %s', (raw, kind, code, message) => {
    expect(validateHolderName(raw, { kind })).toEqual({ ok: false, error: { code, message: expect.stringMatching(message) } });
  });
});

describe('properties', () => {
  const kinds = fc.constantFrom<HolderKind | undefined>(undefined, 'person', 'business');
  const nameLike = fc
    .array(fc.stringMatching(/^[A-Za-zÀ-ÿ'’.-]{1,12}$/), { minLength: 1, maxLength: 4 })
    .chain((words) => fc.constantFrom(words.join(' '), `${words.join(' ')} LLC`, ` ${words.join('  ')} `));

  it('never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite', maxLength: 120 }), kinds, (raw, kind) => {
        validateHolderName(raw, { kind });
      }),
      RUNS,
    );
  });

  it('is idempotent: the canonical text of an accepted name validates to the same name', () => {
    fc.assert(
      fc.property(fc.oneof(nameLike, fc.string({ unit: 'grapheme-composite' })), kinds, (raw, kind) => {
        const first = validateHolderName(raw, { kind });
        if (!first.ok) return true;
        const again = validateHolderName(holderNameText(first.value), { kind });
        return again.ok && JSON.stringify(again.value) === JSON.stringify(first.value);
      }),
      RUNS,
    );
  });

  it('always reminds the customer to match the bill when it accepts', () => {
    fc.assert(
      fc.property(nameLike, kinds, (raw, kind) => {
        const result = validateHolderName(raw, { kind });
        return !result.ok || result.warnings.some((warning) => warning.code === 'holder_name.match_bill');
      }),
      RUNS,
    );
  });
});
