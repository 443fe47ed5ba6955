import type { PortingCountry } from '../phoneNumbers';
import { splitPostalCodeAtEnd } from './postalCodes';
import { regionAtEnd } from './regions';
import { collapseWhitespace } from '../text';
import { isUnitOnly, joinUnits, normalizeUnit, splitLeadingUnit, splitStreetFromCity, splitTrailingUnit } from './streetParts';

/** The pieces of an address as the customer wrote them, before any of them is checked. */
export interface AddressPieces {
  street?: string;
  unit?: string;
  city?: string;
  regionText?: string;
  postalText?: string;
  /** "USA" / "Canada" written at the end of the line. */
  countryText?: PortingCountry;
}

export type AddressLineParse =
  | { readonly kind: 'parsed'; readonly pieces: AddressPieces }
  /** The street and the city were not separated by a comma and no street suffix showed where one ends. */
  | { readonly kind: 'street-city-boundary'; readonly pieces: AddressPieces }
  /** Text before the street that is not a unit: a name, a company, "c/o …". */
  | { readonly kind: 'extra-text'; readonly extra: string };

/** One line, parts separated by ", ", no separators or dots at either end. */
export function normalizeAddressText(raw: string): string {
  return collapseWhitespace(raw.replace(/[\r\n;]+/g, ', ').replace(/\s*,[\s,]*/g, ', '))
    .replace(/^[\s,.]+/, '')
    .replace(/[\s,.]+$/, '');
}

const COUNTRY_AT_END = /(?:^|[\s,]+)(u\.?\s?s\.?(?:\s?a\.?)?|united\s+states(?:\s+of\s+america)?|canada)$/iu;
const SEPARATORS_AT_END = /[\s,]+$/;

/**
 * Reads "123 Main St Apt 4, Springfield, IL 62704-1234" (commas or new lines between the parts, or none at all
 * before the state) from the end: country, postal code, state or province, city, then the street and its units.
 */
export function parseAddressLine(raw: string): AddressLineParse {
  let line = normalizeAddressText(raw);
  const pieces: AddressPieces = {};

  const country = COUNTRY_AT_END.exec(line);
  if (country) {
    pieces.countryText = /^c/i.test(country[1] as string) ? 'CA' : 'US';
    line = line.slice(0, country.index).replace(SEPARATORS_AT_END, '');
  }

  const { rest, postalText } = splitPostalCodeAtEnd(line);
  const withoutPostal = rest.replace(SEPARATORS_AT_END, '');

  const segments = withoutPostal.split(', ').filter((segment) => segment !== '');
  const lastWords = (segments.at(-1) ?? '').split(' ');
  const region = regionAtEnd(lastWords);
  if (region) {
    pieces.regionText = lastWords.slice(lastWords.length - region.wordCount).join(' ');
    const cityRest = lastWords.slice(0, lastWords.length - region.wordCount).join(' ');
    segments.splice(segments.length - 1, 1, ...(cityRest ? [cityRest] : []));
  }
  // A number with the wrong length is only a bad ZIP if it stands where the ZIP goes: after the state.
  if (postalText !== undefined && (region || /[a-z]/i.test(postalText) || /^\d{5}/.test(postalText))) {
    pieces.postalText = postalText;
  } else if (postalText !== undefined) {
    return parseStreetAndCity(line.split(', '), pieces);
  }
  return parseStreetAndCity(segments, pieces);
}

function parseStreetAndCity(segments: string[], pieces: AddressPieces): AddressLineParse {
  if (segments.length === 0) return { kind: 'parsed', pieces };
  const streetSegments = segments.slice(0, -1);
  let citySegment = segments.at(-1) as string;

  if (streetSegments.length === 0 && !/\d/.test(citySegment)) return { kind: 'parsed', pieces: { ...pieces, city: citySegment } };

  const leading = splitLeadingUnit(citySegment);
  const units: string[] = [];
  if (leading.unit && streetSegments.length > 0) {
    units.push(leading.unit);
    citySegment = leading.rest;
  }
  if (streetSegments.length === 0 || /^\d/.test(citySegment)) {
    const split = splitStreetFromCity(citySegment);
    if (!split) return { kind: 'street-city-boundary', pieces };
    streetSegments.push(split.street);
    if (split.unit) units.push(split.unit);
    citySegment = split.city;
  }
  const street = assembleStreet(streetSegments);
  if (street.kind === 'extra-text') return street;
  return {
    kind: 'parsed',
    pieces: {
      ...pieces,
      ...(street.street ? { street: street.street } : {}),
      ...optionalUnit(joinUnits([...street.units, ...units])),
      ...(citySegment ? { city: citySegment } : {}),
    },
  };
}

/**
 * The street is the first segment that is not a unit and has a house number (or, failing that, the first that is
 * not a unit); units may come before it, and whatever follows it is the second address line.
 */
export function assembleStreet(
  segments: readonly string[],
): { kind: 'street'; street?: string; units: string[] } | { kind: 'extra-text'; extra: string } {
  const candidates = segments.map((segment, index) => ({ segment, index })).filter(({ segment }) => !isUnitOnly(segment));
  const street = candidates.find(({ segment }) => /\d/.test(segment)) ?? candidates[0];
  if (!street) return { kind: 'street', units: segments.map(normalizeUnit) };

  const before = segments.slice(0, street.index);
  const extra = before.filter((segment) => !isUnitOnly(segment));
  if (extra.length > 0) return { kind: 'extra-text', extra: extra.join(', ') };

  const { street: streetText, unit } = splitTrailingUnit(street.segment);
  const units = [...before, ...(unit ? [unit] : []), ...segments.slice(street.index + 1)].map(normalizeUnit);
  return { kind: 'street', street: streetText, units };
}

function optionalUnit(unit: string | undefined): { unit?: string } {
  return unit === undefined ? {} : { unit };
}
