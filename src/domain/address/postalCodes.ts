import type { PortingCountry } from '../phoneNumbers';
import { CA_POSTAL_FIRST_LETTER, US_ZIPS_IN_TWO_STATES, US_ZIP_PREFIX_RANGES } from './postalCodeRegions';

/** A ZIP code ('62704', '62704-1234') or a Canadian postal code ('K1A 0B1'), in its canonical spelling. */
export interface PostalCode {
  readonly country: PortingCountry;
  readonly text: string;
}

// Canada Post never uses D, F, I, O, Q or U (they read like digits or each other); W and Z never come first.
const CA_LETTER = '[ABCEGHJ-NPRSTV-Z]';
const CA_FIRST_LETTER = '[ABCEGHJ-NPRSTVXY]';

const US_ZIP = /^(\d{5})(?:(?:\s*-\s*|\s+)?(\d{4}))?$/;
const CA_POSTAL = /^([A-Za-z]\d[A-Za-z])[\s-]*(\d[A-Za-z]\d)$/;
const CA_POSTAL_WELL_FORMED = new RegExp(`^${CA_FIRST_LETTER}\\d${CA_LETTER} \\d${CA_LETTER}\\d$`);

/** A postal code as the last thing on an address line, with what precedes it. */
const US_ZIP_AT_END = /(?<![\p{L}\p{N}-])(\d{5}(?:(?:\s*-\s*|\s+)?\d{4})?)$/u;
const CA_POSTAL_AT_END = /(?<![\p{L}\p{N}])([A-Za-z]\d[A-Za-z][\s-]*\d[A-Za-z]\d)$/u;
/** Something at the end that was meant as a ZIP but has the wrong number of digits. */
const MALFORMED_ZIP_AT_END = /(?<![\p{L}\p{N}-])(\d{3,4}|\d{6,8}|\d{10,}|\d{5}-\d{1,3}|\d{5}-\d{5,})$/u;

export type PostalCodeParse =
  | { readonly kind: 'valid'; readonly postalCode: PostalCode }
  | { readonly kind: 'malformed'; readonly country: PortingCountry; readonly text: string };

/** Reads a whole string as a postal code: ZIP or ZIP+4 (with or without the dash), or A1A 1A1 in any case and spacing. */
export function parsePostalCode(raw: string): PostalCodeParse | undefined {
  const text = raw.trim();
  const zip = US_ZIP.exec(text);
  if (zip) {
    return { kind: 'valid', postalCode: { country: 'US', text: zip[2] ? `${zip[1]}-${zip[2]}` : (zip[1] as string) } };
  }
  const ca = CA_POSTAL.exec(text);
  if (ca) {
    const canonical = `${ca[1]} ${ca[2]}`.toUpperCase();
    return CA_POSTAL_WELL_FORMED.test(canonical)
      ? { kind: 'valid', postalCode: { country: 'CA', text: canonical } }
      : { kind: 'malformed', country: 'CA', text: canonical };
  }
  if (/^[\d\s-]+$/.test(text) && /\d/.test(text)) return { kind: 'malformed', country: 'US', text };
  return undefined;
}

/** Splits a postal code (or a malformed ZIP) off the end of an address line. */
export function splitPostalCodeAtEnd(line: string): { rest: string; postalText?: string } {
  const match = CA_POSTAL_AT_END.exec(line) ?? US_ZIP_AT_END.exec(line) ?? MALFORMED_ZIP_AT_END.exec(line);
  if (!match) return { rest: line };
  return { rest: line.slice(0, match.index), postalText: match[1] };
}

const ZIP_PREFIX_REGIONS: ReadonlyMap<number, readonly string[]> = (() => {
  const byPrefix = new Map<number, string[]>();
  for (const [first, last, region] of US_ZIP_PREFIX_RANGES) {
    for (let prefix = first; prefix <= last; prefix += 1) {
      byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), region]);
    }
  }
  return byPrefix;
})();

/** The region codes a postal code can belong to; empty when the ZIP prefix is not one USPS assigns. */
export function regionsOfPostalCode(postalCode: PostalCode): readonly string[] {
  if (postalCode.country === 'CA') return CA_POSTAL_FIRST_LETTER[postalCode.text.charAt(0)] ?? [];
  const zip5 = postalCode.text.slice(0, 5);
  return US_ZIPS_IN_TWO_STATES[zip5] ?? ZIP_PREFIX_REGIONS.get(Number(zip5.slice(0, 3))) ?? [];
}
