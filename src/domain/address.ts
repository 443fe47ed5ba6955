import { z } from 'zod';
import { type FieldNotice, type FieldResult, accept, refuse } from './fieldResult';
import type { PortingCountry } from './phoneNumbers';
import { type AddressPieces, assembleStreet, normalizeAddressText, parseAddressLine } from './address/parseAddressLine';
import { type PostalCode, parsePostalCode, regionsOfPostalCode } from './address/postalCodes';
import { type Region, findRegion, regionByCode, regionDisplayName } from './address/regions';
import { isMailingOnlyAddress, joinUnits, splitLeadingUnit } from './address/streetParts';
import { PortingCountrySchema } from './sharedSchemas';
import { collapseWhitespace, joinAsList, quoted } from './text';
import { type Catalogue, localized } from '../i18n/language';

const COUNTRY_NAMES: Record<PortingCountry, string> = { US: 'the United States', CA: 'Canada' };
const EXAMPLES: Record<PortingCountry | 'any', string> = {
  US: '123 Main St, Apt 4, Springfield, IL 62704',
  CA: '100 Queen St W, Unit 5, Toronto, ON M5H 2N2',
  any: '123 Main St, Apt 4, Springfield, IL 62704',
};
const POSTAL_WORDS: Record<PortingCountry | 'any', { label: string; short: string; long: string }> = {
  US: { label: 'ZIP', short: 'ZIP', long: 'ZIP code' },
  CA: { label: 'Postal code', short: 'postal code', long: 'postal code' },
  any: { label: 'ZIP or postal code', short: 'ZIP or postal code', long: 'ZIP or postal code' },
};
const REGION_WORDS: Record<PortingCountry | 'any', string> = { US: 'state', CA: 'province', any: 'state or province' };

type MissingPart = 'street' | 'city' | 'region' | 'postal_code';

const COUNTRY_NAMES_ES: Record<PortingCountry, string> = { US: 'Estados Unidos', CA: 'Canadá' };
const POSTAL_WORDS_ES: Record<PortingCountry | 'any', { label: string; short: string; long: string }> = {
  US: { label: 'ZIP', short: 'ZIP', long: 'código postal (ZIP)' },
  CA: { label: 'código postal', short: 'código postal', long: 'código postal' },
  any: { label: 'código postal', short: 'código postal', long: 'código postal (ZIP)' },
};
const REGION_WORDS_ES: Record<PortingCountry | 'any', string> = { US: 'el estado', CA: 'la provincia', any: 'el estado o la provincia' };
/** The address parts partTooLong names. */
const PART_NAMES_ES: Readonly<Record<string, string>> = { city: 'la ciudad', street: 'la calle', 'apartment or unit': 'el apartamento o unidad' };

const messagesEn = {
  empty: (c: PortingCountry | 'any') =>
    `Please type the service address: the street address where the phone service is, like ${EXAMPLES[c]}.`,
  tooLong: 'That address is longer than I expected. Please send just the street, unit, city, state and ZIP.',
  mailingOnly:
    'That looks like a mailing address (a PO box or similar). The port needs the service address: the street address ' +
    'where the phone service is, as it appears on your bill. It may be a different address from where your bill is sent.',
  missing: (parts: readonly MissingPart[], c: PortingCountry | 'any') => {
    const names: Record<MissingPart, string> = {
      street: 'the street and house number',
      city: 'the city',
      region: `the ${REGION_WORDS[c]}`,
      postal_code: `a ${POSTAL_WORDS[c].long}`,
    };
    return `I couldn't find ${joinAsList(parts.map((part) => names[part]), 'or')} in that address. Please send it like this: ${EXAMPLES[c]}.`;
  },
  streetCityBoundary: (c: PortingCountry | 'any') =>
    `I couldn't tell where the street ends and the city begins. Please put a comma after the street, like this: ${EXAMPLES[c]}.`,
  extraText: (extra: string, c: PortingCountry | 'any') =>
    `I'm not sure what ${quoted(extra)} is in that address. Please send only the service address, like this: ${EXAMPLES[c]}.`,
  regionUnknown: (text: string) =>
    `I don't recognise ${quoted(text)} as a US state or Canadian province. Please use its two-letter code, like IL or ON.`,
  military:
    'APO, FPO and DPO addresses are for mail. The port needs the street address where the phone service is, as it appears on your bill.',
  postalMalformed: (text: string, c: PortingCountry) =>
    c === 'US'
      ? `${quoted(text)} doesn't look like a ZIP code. A ZIP code has 5 digits, or 5 plus 4 like 62704-1234.`
      : `${quoted(text)} doesn't look like a Canadian postal code. It should look like K1A 0B1: letter, number, letter, space, number, letter, number.`,
  postalWrongCountry: (postal: PostalCode, region: Region) =>
    postal.country === 'US'
      ? `${postal.text} looks like a US ZIP code, but ${regionDisplayName(region)} is in Canada. Canadian postal codes look like K1A 0B1.`
      : `${postal.text} looks like a Canadian postal code, but ${regionDisplayName(region)} is in the United States. Please give the 5-digit ZIP code.`,
  countryWordMismatch: (written: PortingCountry, region: Region) =>
    `That address says ${COUNTRY_NAMES[written]}, but ${regionDisplayName(region)} is in ${COUNTRY_NAMES[region.country]}. Please check the address on your bill.`,
  postalRegionMismatch: (postal: PostalCode, postalRegions: readonly Region[], given: Region) => {
    const words = POSTAL_WORDS[postal.country];
    const region = REGION_WORDS[postal.country];
    return (
      `${words.label} ${postal.text} is in ${joinAsList(postalRegions.map(regionDisplayName), 'or')}, but the ${region} you gave is ` +
      `${regionDisplayName(given)}. Please check the ${words.short} or the ${region} as they appear on your bill.`
    );
  },
  zipUnrecognised: (postal: PostalCode) =>
    `I don't recognise ZIP ${postal.text}. If it's what your bill shows, that's fine; otherwise please check it.`,
  countryMismatch: (address: PortingCountry, numbers: PortingCountry) =>
    `That address is in ${COUNTRY_NAMES[address]}, but the numbers you're moving are in ${COUNTRY_NAMES[numbers]}. ` +
    `A port can't move numbers between countries, so the service address must be in ${COUNTRY_NAMES[numbers]} too.`,
  streetIncomplete: 'Please give the house or building number and the street name, like 123 Main St.',
  streetCharacters: (street: string) =>
    `The street ${quoted(street)} has characters I can't use. Please type it as it appears on your bill.`,
  cityInvalid: (city: string) =>
    `${quoted(city)} doesn't look like a city name. Please send the address like this: street, unit, city, state and ZIP.`,
  partTooLong: (part: string) => `The ${part} is longer than I expected. Please check it and send it again.`,
} as const;

const messagesEs: Catalogue<typeof messagesEn> = {
  empty: (c) =>
    `Escriba la dirección de servicio: la dirección donde está el servicio telefónico, como ${EXAMPLES[c]}.`,
  tooLong: 'Esa dirección es más larga de lo que esperaba. Envíe solo la calle, la unidad, la ciudad, el estado y el código postal.',
  mailingOnly:
    'Eso parece una dirección postal (un apartado postal o similar). La portabilidad necesita la dirección de servicio: la ' +
    'dirección donde está el servicio telefónico, tal como aparece en su factura. Puede ser distinta de la dirección a la que le llega la factura.',
  missing: (parts, c) => {
    const names: Record<MissingPart, string> = {
      street: 'la calle y el número',
      city: 'la ciudad',
      region: REGION_WORDS_ES[c],
      postal_code: `un ${POSTAL_WORDS_ES[c].long}`,
    };
    return `En esa dirección ${parts.length === 1 ? 'falta' : 'faltan'} ${joinAsList(parts.map((part) => names[part]))}. Envíela así: ${EXAMPLES[c]}.`;
  },
  streetCityBoundary: (c) =>
    `No pude saber dónde termina la calle y dónde empieza la ciudad. Ponga una coma después de la calle, así: ${EXAMPLES[c]}.`,
  extraText: (extra: string, c) =>
    `No estoy seguro de qué es ${quoted(extra)} en esa dirección. Envíe solo la dirección de servicio, así: ${EXAMPLES[c]}.`,
  regionUnknown: (text: string) =>
    `No reconozco ${quoted(text)} como un estado de EE. UU. ni una provincia de Canadá. Use su código de dos letras, como IL u ON.`,
  military:
    'Las direcciones APO, FPO y DPO son para el correo. La portabilidad necesita la dirección donde está el servicio telefónico, tal como aparece en su factura.',
  postalMalformed: (text: string, c) =>
    c === 'US'
      ? `${quoted(text)} no parece un código postal (ZIP). Un ZIP tiene 5 dígitos, o 5 más 4, como 62704-1234.`
      : `${quoted(text)} no parece un código postal de Canadá. Debe ser como K1A 0B1: letra, número, letra, espacio, número, letra, número.`,
  postalWrongCountry: (postal, region) =>
    postal.country === 'US'
      ? `${postal.text} parece un código postal (ZIP) de EE. UU., pero ${regionDisplayName(region)} está en Canadá. Los códigos postales de Canadá son como K1A 0B1.`
      : `${postal.text} parece un código postal de Canadá, pero ${regionDisplayName(region)} está en Estados Unidos. Escriba el código postal (ZIP) de 5 dígitos.`,
  countryWordMismatch: (written, region) =>
    `Esa dirección dice ${COUNTRY_NAMES_ES[written]}, pero ${regionDisplayName(region)} está en ${COUNTRY_NAMES_ES[region.country]}. Revise la dirección en su factura.`,
  postalRegionMismatch: (postal, postalRegions, given) => {
    const words = POSTAL_WORDS_ES[postal.country];
    const region = REGION_WORDS_ES[postal.country];
    return (
      `El ${words.label} ${postal.text} es de ${joinAsList(postalRegions.map(regionDisplayName), 'or')}, pero ${region} que me dio es ` +
      `${regionDisplayName(given)}. Revise el ${words.short} o ${region} tal como aparecen en su factura.`
    );
  },
  zipUnrecognised: (postal) =>
    `No reconozco el ZIP ${postal.text}. Si es el que aparece en su factura, está bien; si no, revíselo.`,
  countryMismatch: (address, numbers) =>
    `Esa dirección está en ${COUNTRY_NAMES_ES[address]}, pero los números que va a transferir son de ${COUNTRY_NAMES_ES[numbers]}. ` +
    `Una portabilidad no puede transferir números entre países, así que la dirección de servicio también debe estar en ${COUNTRY_NAMES_ES[numbers]}.`,
  streetIncomplete: 'Escriba el número de la casa o del edificio y el nombre de la calle, como 123 Main St.',
  streetCharacters: (street: string) =>
    `La calle ${quoted(street)} tiene caracteres que no puedo usar. Escríbala tal como aparece en su factura.`,
  cityInvalid: (city: string) =>
    `${quoted(city)} no parece el nombre de una ciudad. Envíe la dirección así: calle, unidad, ciudad, estado y código postal.`,
  partTooLong: (part: string) => `Este dato (${PART_NAMES_ES[part] ?? part}) es más largo de lo que esperaba. Revíselo y envíelo de nuevo.`,
};

const messages = localized({ en: messagesEn, es: messagesEs });

const MAX_LINE_LENGTH = 300;
const MAX_LENGTH = { street: 100, unit: 40, city: 50 } as const;
const STREET_CHARACTERS = /^[\p{L}\p{M}\p{N} .'’\-/#&()]+$/u;
const CITY = /^\p{L}[\p{L}\p{M} .'’-]*$/u;

export const ServiceAddressSchema = z.object({
  street: z.string().min(1),
  unit: z.string().min(1).optional(),
  city: z.string().min(1),
  /** Two-letter state, territory or province code. */
  region: z.string().regex(/^[A-Z]{2}$/),
  /** '62704', '62704-1234' or 'K1A 0B1'. */
  postalCode: z.string().regex(/^(?:\d{5}(?:-\d{4})?|[A-Z]\d[A-Z] \d[A-Z]\d)$/),
  country: PortingCountrySchema,
});
export type ServiceAddress = z.infer<typeof ServiceAddressSchema>;

export interface AddressParts {
  street?: string;
  unit?: string;
  city?: string;
  region?: string;
  postalCode?: string;
}

export interface AddressContext {
  /** The country of the numbers being ported: the address must be in it. */
  country?: PortingCountry;
}

/** One free-text line (or several lines) as the customer typed it. */
export function validateServiceAddress(raw: string, ctx: AddressContext = {}): FieldResult<ServiceAddress> {
  const hint = ctx.country ?? 'any';
  const text = normalizeAddressText(raw);
  if (text === '') return refuse('address.empty', messages.empty(hint));
  if (text.length > MAX_LINE_LENGTH) return refuse('address.too_long', messages.tooLong);
  if (isMailingOnlyAddress(text)) return refuse('address.po_box', messages.mailingOnly);

  const parsed = parseAddressLine(text);
  switch (parsed.kind) {
    case 'extra-text':
      return refuse('address.extra_text', messages.extraText(parsed.extra, hint));
    case 'street-city-boundary':
      return refuse('address.street_city_boundary', messages.streetCityBoundary(countryOfPieces(parsed.pieces) ?? hint));
    case 'parsed':
      return checkPieces(parsed.pieces, ctx);
  }
}

/** The address given field by field (the form card, or the dialog's fallback after a line it couldn't read). */
export function validateAddressParts(parts: AddressParts, ctx: AddressContext = {}): FieldResult<ServiceAddress> {
  const streetText = normalizeAddressText(parts.street ?? '');
  const unitText = collapseWhitespace(parts.unit ?? '');
  const everything = [streetText, unitText, parts.city, parts.region, parts.postalCode].join(' ');
  if (everything.length > MAX_LINE_LENGTH) return refuse('address.too_long', messages.tooLong);

  const street = assembleStreet(streetText === '' ? [] : streetText.split(', '));
  const hint = ctx.country ?? 'any';
  if (street.kind === 'extra-text') return refuse('address.extra_text', messages.extraText(street.extra, hint));
  const unit = joinUnits([...street.units, unitText]);

  const optional = (text: string | undefined) => {
    const value = collapseWhitespace(text ?? '');
    return value === '' ? undefined : value;
  };
  return checkPieces(
    {
      street: street.street,
      unit,
      city: optional(parts.city),
      regionText: optional(parts.region),
      postalText: optional(parts.postalCode),
    },
    ctx,
  );
}

/** One line, canonical: validating it again gives the same address. */
export function formatAddress(address: ServiceAddress): string {
  const unit = address.unit ? `, ${address.unit}` : '';
  return `${address.street}${unit}, ${address.city}, ${address.region} ${address.postalCode}`;
}

function countryOfPieces(pieces: AddressPieces): PortingCountry | undefined {
  const region = pieces.regionText === undefined ? undefined : findRegion(pieces.regionText);
  const postal = pieces.postalText === undefined ? undefined : parsePostalCode(pieces.postalText);
  return region?.country ?? (postal?.kind === 'valid' ? postal.postalCode.country : postal?.country) ?? pieces.countryText;
}

/** Every check shared by the one-line and the field-by-field paths, in the order a customer would fix things. */
function checkPieces(pieces: AddressPieces, ctx: AddressContext): FieldResult<ServiceAddress> {
  const words = countryOfPieces(pieces) ?? ctx.country ?? 'any';
  const { street, unit, city, regionText, postalText } = pieces;
  // Checked on the pieces too: a line can be split so that "Box" and a number only meet once written back as one line.
  if (isMailingOnlyAddress([street, unit, city].filter((part) => part !== undefined).join(', '))) {
    return refuse('address.po_box', messages.mailingOnly);
  }

  const region = regionText === undefined ? undefined : findRegion(regionText);
  if (region?.kind === 'military') return refuse('address.military', messages.military);

  const missing: MissingPart[] = [];
  if (street === undefined) missing.push('street');
  if (city === undefined) missing.push('city');
  if (regionText === undefined) missing.push('region');
  if (postalText === undefined) missing.push('postal_code');
  if (street === undefined || city === undefined || regionText === undefined || postalText === undefined) {
    return refuse(`address.missing_${missing[0]}`, messages.missing(missing, words));
  }

  const streetProblem = checkStreet(street, unit);
  if (streetProblem) return refuse(streetProblem.code, streetProblem.message);
  if (city.length > MAX_LENGTH.city) return refuse('address.too_long', messages.partTooLong('city'));
  if (!CITY.test(city) || splitLeadingUnit(city).unit !== undefined) {
    return refuse('address.city_invalid', messages.cityInvalid(city));
  }

  if (!region) return refuse('address.region_unknown', messages.regionUnknown(regionText));

  if (pieces.countryText !== undefined && pieces.countryText !== region.country) {
    return refuse('address.country_conflict', messages.countryWordMismatch(pieces.countryText, region));
  }
  const postal = checkPostalCode(postalText, region);
  if ('code' in postal) return refuse(postal.code, postal.message);

  if (ctx.country !== undefined && ctx.country !== region.country) {
    return refuse('address.country_mismatch', messages.countryMismatch(region.country, ctx.country));
  }

  return accept(
    {
      street,
      ...(unit === undefined ? {} : { unit }),
      city,
      region: region.code,
      postalCode: postal.postalCode.text,
      country: region.country,
    },
    postal.warnings,
  );
}

/** The postal code read, and checked against the region: mismatches are the top cause of port rejections. */
function checkPostalCode(
  postalText: string,
  region: Region,
): { postalCode: PostalCode; warnings: FieldNotice[] } | FieldNotice {
  const postal = parsePostalCode(postalText);
  if (!postal || postal.kind === 'malformed') {
    return {
      code: region.country === 'US' ? 'address.zip_invalid' : 'address.postal_code_invalid',
      message: messages.postalMalformed(postal?.text ?? postalText, region.country),
    };
  }
  const { postalCode } = postal;
  if (postalCode.country !== region.country) {
    return { code: 'address.postal_code_wrong_country', message: messages.postalWrongCountry(postalCode, region) };
  }
  const postalRegions = regionsOfPostalCode(postalCode);
  if (postalRegions.length === 0) {
    return { postalCode, warnings: [{ code: 'address.zip_unrecognised', message: messages.zipUnrecognised(postalCode) }] };
  }
  if (!postalRegions.includes(region.code)) {
    return {
      code: region.country === 'US' ? 'address.zip_state_mismatch' : 'address.postal_code_province_mismatch',
      message: messages.postalRegionMismatch(postalCode, postalRegions.flatMap((code) => regionByCode(code) ?? []), region),
    };
  }
  return { postalCode, warnings: [] };
}

function checkStreet(street: string, unit: string | undefined): FieldNotice | undefined {
  if (street.length > MAX_LENGTH.street) return { code: 'address.too_long', message: messages.partTooLong('street') };
  if (unit !== undefined && unit.length > MAX_LENGTH.unit) {
    return { code: 'address.too_long', message: messages.partTooLong('apartment or unit') };
  }
  for (const text of unit === undefined ? [street] : [street, unit]) {
    if (!STREET_CHARACTERS.test(text)) return { code: 'address.street_invalid', message: messages.streetCharacters(text) };
  }
  // The house number is what carriers match first; an address without one is almost always a typing slip.
  if (!/\p{N}/u.test(street) || !/\p{L}/u.test(street)) {
    return { code: 'address.street_incomplete', message: messages.streetIncomplete };
  }
  return undefined;
}
