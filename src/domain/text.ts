/**
 * Small text helpers shared by the porting-domain validators: tidying what customers type, comparing names the way
 * a person would (case, accents and punctuation don't matter), finding near misses, and listing items in messages.
 */

/** NFC-normalises, turns every run of whitespace into one space and trims. */
export function collapseWhitespace(raw: string): string {
  return raw.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** Letters that Unicode decomposition leaves alone but that people routinely type without the special key. */
const UNDECOMPOSABLE_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/** Lower-cases and removes accents ("Núñez" → "nunez", "Łukasz" → "lukasz") so spellings compare as people expect. */
export function foldForComparison(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/gu, (letter) => UNDECOMPOSABLE_LETTERS[letter] ?? letter);
}

/**
 * Damerau-Levenshtein distance (optimal string alignment): insertions, deletions, substitutions and swaps of two
 * neighbouring characters each count 1, so "verison" is 1 away from "verizon" and "tmoblie" 1 away from "tmobile".
 * Works on code points, so letters outside the Basic Multilingual Plane count once.
 */
export function editDistance(a: string, b: string): number {
  const s = Array.from(a);
  const t = Array.from(b);
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= t.length; j += 1) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        best = Math.min(best, beforePrevious[j - 2] + 1);
      }
      current.push(best);
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[t.length];
}

/**
 * The candidate closest to `query` by edit distance, if it is within `maxDistance(query length)`. Ties go to the
 * candidate listed first, so callers order candidates by preference.
 */
export function closestMatch<T>(
  query: string,
  candidates: Iterable<readonly [key: string, item: T]>,
  maxDistance: (queryLength: number) => number,
): { item: T; key: string; distance: number } | undefined {
  const limit = maxDistance(Array.from(query).length);
  let best: { item: T; key: string; distance: number } | undefined;
  for (const [key, item] of candidates) {
    // Keys whose length alone is further away than the limit can't be within it; skipping them keeps this cheap.
    if (Math.abs(key.length - query.length) > limit) continue;
    const distance = editDistance(query, key);
    if (distance <= limit && (best === undefined || distance < best.distance)) {
      best = { item, key, distance };
    }
  }
  return best;
}

/** "a", "a and b", "a, b and c" — for naming several things in one customer message. */
export function joinAsList(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** Wraps something the customer typed in curly quotes so it stands apart from the message around it. */
export function quoted(text: string): string {
  return `“${text}”`;
}

/**
 * A label used inside a sentence: "Transfer PIN" → "transfer PIN", "Account number" → "account number". A label
 * that opens with an abbreviation keeps it as it is: "ZIP or postal code" stays, never "zIP or postal code".
 */
export function inSentence(label: string): string {
  return /^\p{Lu}{2}/u.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}
