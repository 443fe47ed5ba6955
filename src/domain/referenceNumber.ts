/**
 * Port reference numbers a customer can read out over the phone: 'PA-7KX4-M9Q2-TDX'.
 *
 * Alphabet: the digits 2–9 and the letters without I, L and O — 31 symbols, none of which can be mistaken for another
 * (0/O, 1/I/L are gone). 31 is prime, which is what makes the check character strong: it is chosen so that
 * Σ weight·value ≡ 0 (mod 31), with weight 1 on the check character and 2, 3, 4… going left. Any single wrong
 * character changes the sum by (a−b)·w, any swap of two neighbours by (a−b)·(wᵢ−wᵢ₊₁) = ±(a−b); neither is a
 * multiple of 31 when a ≠ b and all weights are below 31, so every such slip is caught.
 */
import { randomBytes } from 'node:crypto';

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const MODULUS = ALPHABET.length;
const PREFIX = 'PA';
/**
 * 10 random characters carry 10·log2(31) ≈ 49.5 bits: about 7.9·10^14 values. Even with ten million stored
 * requests, a new number collides with an existing one with probability about 10^7 / 7.9·10^14 ≈ 1 in 79 million,
 * so the store's insert-if-absent (which must still guard uniqueness) practically never needs a retry; and a
 * reference can't be guessed to find someone else's request.
 */
const RANDOM_LENGTH = 10;
const GROUPS = [4, 4, 3];

/** A source of randomness: a number in [0, 1) per call, or a buffer of random bytes. Defaults to crypto. */
export type RandomSource = () => number | Buffer;

const defaultRandom: RandomSource = () => randomBytes(16);

/** Unbiased symbol indexes: bytes ≥ 248 (the largest multiple of 31 within a byte) are skipped. */
function* symbolIndexes(random: RandomSource): Generator<number> {
  const limit = Math.floor(256 / MODULUS) * MODULUS;
  for (;;) {
    const next = random();
    if (typeof next === 'number') {
      if (!(next >= 0 && next < 1)) throw new RangeError(`A random number must be in [0, 1); got ${next}.`);
      yield Math.floor(next * MODULUS);
    } else {
      for (const byte of next) if (byte < limit) yield byte % MODULUS;
    }
  }
}

function checkValue(values: readonly number[]): number {
  const sum = values.reduce((total, value, index) => total + value * (values.length - index + 1), 0);
  return (MODULUS - (sum % MODULUS)) % MODULUS;
}

function format(body: string): string {
  const groups: string[] = [];
  let start = 0;
  for (const size of GROUPS) {
    groups.push(body.slice(start, start + size));
    start += size;
  }
  return [PREFIX, ...groups].join('-');
}

export function createReferenceNumber(random: RandomSource = defaultRandom): string {
  const values: number[] = [];
  for (const index of symbolIndexes(random)) {
    values.push(index);
    if (values.length === RANDOM_LENGTH) break;
  }
  return format([...values, checkValue(values)].map((value) => ALPHABET.charAt(value)).join(''));
}

/** The canonical 'PA-XXXX-XXXX-XXX' form, tolerant of case, spaces and dashes, with or without 'PA'; undefined if invalid. */
export function normalizeReferenceNumber(raw: string): string | undefined {
  const compact = raw.toUpperCase().replace(/[\s\-–—]/g, '');
  const body = compact.length === RANDOM_LENGTH + 1 + PREFIX.length && compact.startsWith(PREFIX) ? compact.slice(PREFIX.length) : compact;
  if (body.length !== RANDOM_LENGTH + 1) return undefined;
  const values = [...body].map((symbol) => ALPHABET.indexOf(symbol));
  if (values.some((value) => value < 0)) return undefined;
  const check = values.pop() as number;
  return checkValue(values) === check ? format(body) : undefined;
}

export function isValidReferenceNumber(raw: string): boolean {
  return normalizeReferenceNumber(raw) !== undefined;
}
