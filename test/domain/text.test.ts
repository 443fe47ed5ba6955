import fc from 'fast-check';
import { closestMatch, collapseWhitespace, editDistance, foldForComparison, inSentence, joinAsList } from '../../src/domain/text';

describe('text helpers', () => {
  it.each([
    ['verizon', 'verizon', 0],
    ['verison', 'verizon', 1],
    ['tmoblie', 'tmobile', 1],
    ['verizn', 'verizon', 1],
    ['comcats', 'comcast', 1],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
    ['😀a', 'a', 1],
  ])('editDistance(%j, %j) is %d', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });

  it('finds the closest candidate within the allowance, preferring the first on ties', () => {
    const candidates = [['gmail.com', 'G'], ['gmx.com', 'X'], ['mail.com', 'M']] as const;
    expect(closestMatch('gmial.com', candidates, () => 1)).toEqual({ item: 'G', key: 'gmail.com', distance: 1 });
    expect(closestMatch('zzzzz.com', candidates, () => 2)).toBeUndefined();
    expect(closestMatch('gail.com', candidates, () => 1)?.item).toBe('G');
  });

  it('folds case and accents, including letters Unicode does not decompose', () => {
    expect(foldForComparison('José NÚÑEZ Łódź Strauß Ærø')).toBe('jose nunez lodz strauss aero');
  });

  it('collapses whitespace and lists items', () => {
    expect(collapseWhitespace('  a \n\t b  ')).toBe('a b');
    expect(joinAsList([])).toBe('');
    expect(joinAsList(['a'])).toBe('a');
    expect(joinAsList(['a', 'b'])).toBe('a and b');
    expect(joinAsList(['a', 'b', 'c'], 'or')).toBe('a, b or c');
  });

  it.each([
    ['Account number', 'account number'],
    ['Transfer PIN', 'transfer PIN'],
    ['ZIP or postal code', 'ZIP or postal code'],
    ['PIN', 'PIN'],
  ])('puts the label %j inside a sentence as %j, keeping an abbreviation that opens it', (label, inside) => {
    expect(inSentence(label)).toBe(inside);
  });

  it('edit distance is a metric on any strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = editDistance(a, b);
        return d === editDistance(b, a) && (d === 0) === (a === b) && d <= Math.max(Array.from(a).length, Array.from(b).length);
      }),
      { numRuns: 300 },
    );
  });
});
