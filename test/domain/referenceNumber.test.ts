import {
  createReferenceNumber,
  isValidReferenceNumber,
  normalizeReferenceNumber,
} from '../../src/domain/referenceNumber';

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const FORMAT = /^PA-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{3}$/;

describe('createReferenceNumber', () => {
  it('is grouped for reading aloud and has no 0, O, 1, I or L', () => {
    for (let i = 0; i < 200; i += 1) {
      const reference = createReferenceNumber();
      expect(reference).toMatch(FORMAT);
      expect(isValidReferenceNumber(reference)).toBe(true);
    }
  });

  it('does not repeat across many numbers (crypto randomness, ~49.5 bits)', () => {
    const references = new Set(Array.from({ length: 20_000 }, () => createReferenceNumber()));
    expect(references.size).toBe(20_000);
  });

  it('maps a number source onto the alphabet and ends with the check character', () => {
    expect(createReferenceNumber(() => 0)).toBe('PA-2222-2222-222');
    // Every data character 'Z' (value 30 ≡ −1): sum of weights 2..11 is 65, so the check is 65 mod 31 = 3 → '5'.
    expect(createReferenceNumber(() => 0.999)).toBe('PA-ZZZZ-ZZZZ-ZZ5');
  });

  it('skips bytes that would bias the alphabet', () => {
    const bytes = Buffer.from([255, 248, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(createReferenceNumber(() => bytes)).toBe('PA-2345-6789-AB9');
  });

  it('refuses a number source outside [0, 1)', () => {
    expect(() => createReferenceNumber(() => 1)).toThrow(RangeError);
    expect(() => createReferenceNumber(() => Number.NaN)).toThrow(RangeError);
  });
});

describe('normalizeReferenceNumber / isValidReferenceNumber', () => {
  const bytes = Buffer.from([3, 17, 29, 8, 0, 22, 14, 5, 30, 11]);
  const reference = createReferenceNumber(() => bytes);

  it.each([
    reference,
    reference.toLowerCase(),
    reference.replace(/-/g, ' '),
    reference.replace(/-/g, ''),
    reference.replace(/^PA-/, ''),
    ` ${reference.replace(/-/g, ' – ')} `,
  ])('reads %j', (written) => {
    expect(normalizeReferenceNumber(written)).toBe(reference);
    expect(isValidReferenceNumber(written)).toBe(true);
  });

  it.each(['', 'PA', 'PA-2222-2222-22', 'PA-2222-2222-2222', 'PA-0222-2222-222', 'XX-2222-2222-222', 'PA-2222-2222-223'])(
    'refuses %j',
    (written) => {
      expect(normalizeReferenceNumber(written)).toBeUndefined();
      expect(isValidReferenceNumber(written)).toBe(false);
    },
  );

  /** Every single-character substitution and adjacent transposition of `valid`; returns how many were tried. */
  function expectEverySlipCaught(valid: string): number {
    const compact = [...valid.replace(/-/g, '')];
    const symbols = [...ALPHABET, '0', '1', 'O', 'I', 'L'];
    let checked = 0;
    compact.forEach((original, position) => {
      for (const symbol of symbols) {
        if (symbol === original) continue;
        const changed = [...compact];
        changed[position] = symbol;
        expect(isValidReferenceNumber(changed.join(''))).toBe(false);
        checked += 1;
      }
    });
    for (let position = 0; position + 1 < compact.length; position += 1) {
      if (compact[position] === compact[position + 1]) continue;
      const swapped = [...compact];
      [swapped[position], swapped[position + 1]] = [swapped[position + 1] as string, swapped[position] as string];
      expect(isValidReferenceNumber(swapped.join(''))).toBe(false);
      checked += 1;
    }
    return checked;
  }

  it('catches every single-character substitution and every adjacent transposition (exhaustive for one number)', () => {
    // Check: Σ value·weight = 3·11 + 17·10 + 29·9 + 8·8 + 0·7 + 22·6 + 14·5 + 5·4 + 30·3 + 11·2 = 862 ≡ 25 (mod 31),
    // so the check value is 6, the symbol '8'.
    expect(reference).toBe('PA-5KYA-2RG7-ZD8');
    // 13 characters × 35 other symbols, and all 12 neighbour pairs.
    expect(expectEverySlipCaught(reference)).toBe(13 * 35 + 12);
  });

  it('catches them for random numbers too', () => {
    for (let i = 0; i < 50; i += 1) expectEverySlipCaught(createReferenceNumber());
  });
});
