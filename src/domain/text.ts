/**
 * Small text helpers shared by the porting-domain validators: tidying what customers type (one normal form for
 * checking and searching it), comparing names the way a person would (case, accents and punctuation don't matter),
 * finding near misses, listing items in messages, and quoting customers' words or showing them as literal markdown.
 */
import { localized } from '../i18n/language';

/**
 * Format characters (zero-width spaces and joiners, word joiners, soft hyphens, bidirectional controls) and control
 * characters other than whitespace: they show nothing, yet they break a number apart for any pattern looking for it.
 */
const INVISIBLE = /(?![\t\n\v\f\r])[\p{Cf}\p{Cc}]/gu;
/** Hyphens, en and em dashes and the like, and the minus sign (a math symbol, not a dash, to Unicode). */
const DASHES = /[\p{Pd}\u2212]/gu;

/** `raw` without the characters that show nothing (see INVISIBLE); whitespace stays. */
export function withoutInvisibles(raw: string): string {
  return raw.replace(INVISIBLE, '');
}

/**
 * Typed text in the one form it is checked and searched in, so that what a validator accepts as a PIN or account
 * number is also what redaction finds: compatibility forms folded (NFKC: full-width "２４６" is "246", a no-break
 * space a space), invisible characters dropped, and every dash a hyphen-minus (a non-breaking hyphen is a dash).
 */
export function normalizeTyped(raw: string): string {
  return withoutInvisibles(raw.normalize('NFKC')).replace(DASHES, '-');
}

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

type Conjunction = (next: string) => string;

/** Spanish says "e" for "y" before an i sound ("Texas e Illinois", but "agua y hielo"), and "u" for "o" before an o sound ("Idaho u Oregón"). */
const CONJUNCTIONS = localized<Record<'and' | 'or', Conjunction>>({
  en: { and: () => 'and', or: () => 'or' },
  es: {
    and: (next) => (/^h?[ií](?![aeoáéó])/iu.test(next) ? 'e' : 'y'),
    or: (next) => (/^h?[oó]/iu.test(next) ? 'u' : 'o'),
  },
});

/** "a", "a and b", "a, b and c" ("a, b y c" in Spanish) — for naming several things in one customer message. */
export function joinAsList(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items.join('');
  const last = items[items.length - 1];
  return `${items.slice(0, -1).join(', ')} ${CONJUNCTIONS[conjunction](last)} ${last}`;
}

/**
 * Wraps something the customer typed in curly quotes so it stands apart from the message around it. Their own curly
 * quotes become straight ones, so that what they typed cannot end the quote and pass for the bot's words (see
 * `replaceQuotes`).
 */
export function quoted(text: string): string {
  return `“${text.replace(/[“”]/gu, '"')}”`;
}

/** What a message quotes of the customer (see `quoted`); a quote cut off with its line runs to the end. */
const QUOTE = /“[^”]*(?:”|$)/gu;

/** `text` with every part it quotes of the customer (see `quoted`) replaced by `change(quote)`. */
export function replaceQuotes(text: string, change: (quote: string) => string): string {
  return text.replace(QUOTE, (quote) => change(quote));
}

/**
 * Characters that open or close markdown's inline formatting: emphasis and strike-through, code, links and images
 * (`[`), HTML and autolinks (`<`), table cells, the backslash itself, and an `&` that would begin an entity. An
 * underscore inside a word ("maria_lopez") cannot emphasize, and stays as it is.
 */
const MARKDOWN_INLINE = /[\\`*~[\]<|]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])|&(?=#?[\p{L}\p{N}]+;)/gu;
/**
 * What makes a line a heading, quote, list item, rule or heading underline when it opens the line: the escape goes
 * right after the match, so before the mark itself, or between an ordered item's number and its "." or ")". A ">"
 * elsewhere means nothing once "<" is escaped (and escaping it would break a link to an address just before it).
 */
const LINE_START_MARK = /^(?:\d{1,9}(?=[.)])|(?=[#>+=-]))/gmu;

/**
 * `text` as markdown that renders as exactly its words (CommonMark's backslash escapes), for putting what a customer
 * typed in front of agents whose console, Teams and Adaptive Cards render markdown: no bold "**Bot:**" line of the
 * customer's own, no link or image. Lines stay together in one paragraph, unindented, so that nothing the customer
 * typed starts a block that passes for a line of the bot's.
 */
export function literalMarkdown(text: string): string {
  return text
    .trim()
    .replace(/\s*(?:\r\n?|\n)\s*/gu, '\n')
    .replace(MARKDOWN_INLINE, '\\$&')
    .replace(LINE_START_MARK, '$&\\');
}

/**
 * A label used inside a sentence: "Transfer PIN" → "transfer PIN", "Account number" → "account number". A label
 * that opens with an abbreviation keeps it as it is: "ZIP or postal code" stays, never "zIP or postal code".
 */
export function inSentence(label: string): string {
  return /^\p{Lu}{2}/u.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}
