import { collapseWhitespace } from '../text';

/**
 * The street side of an address: secondary-unit designators (USPS Publication 28 and their French and Spanish equivalents),
 * PO-box-style mailing addresses, and where a street ends when the customer typed no comma before the city.
 */

/**
 * What customers type → the USPS abbreviation we store (French designators keep their French form, as Canada Post
 * has them). Spanish designators become the USPS ones the carrier's record has for a US address: "Apto 4" is "Apt 4"
 * (a "departamento" is an apartment, not the USPS "Dept").
 */
const UNIT_DESIGNATORS: Readonly<Record<string, string>> = {
  apt: 'Apt',
  apartment: 'Apt',
  unit: 'Unit',
  suite: 'Ste',
  ste: 'Ste',
  bldg: 'Bldg',
  building: 'Bldg',
  fl: 'Fl',
  floor: 'Fl',
  rm: 'Rm',
  room: 'Rm',
  dept: 'Dept',
  department: 'Dept',
  lot: 'Lot',
  spc: 'Spc',
  space: 'Spc',
  trlr: 'Trlr',
  trailer: 'Trlr',
  ph: 'Ph',
  penthouse: 'Ph',
  app: 'App',
  appartement: 'App',
  bureau: 'Bureau',
  unite: 'Unit',
  unité: 'Unit',
  apto: 'Apt',
  apartamento: 'Apt',
  depto: 'Apt',
  dpto: 'Apt',
  departamento: 'Apt',
  unidad: 'Unit',
  piso: 'Fl',
  edificio: 'Bldg',
  edif: 'Bldg',
  lote: 'Lot',
  espacio: 'Spc',
};

const DESIGNATOR = `(?:${Object.keys(UNIT_DESIGNATORS).join('|')})`;
// A unit's number must contain a digit or be a single letter, so that "Pier Ave" or "Ste-Catherine" is not a unit.
const UNIT_VALUE = '(?:[A-Za-z0-9-]*\\d[A-Za-z0-9-]*|[A-Za-z])';
// Captures: 1 designator, 2 its number, 3 a number after a bare '#', 4 a floor written as an ordinal ("3rd Floor").
const ONE_UNIT =
  `(?:(${DESIGNATOR})(?:\\.?\\s*#\\s*|\\.?\\s+(?:no\\.?\\s*)?|\\.|(?=\\d))(${UNIT_VALUE})` +
  `|#\\s*(${UNIT_VALUE})|(\\d+)(?:st|nd|rd|th)\\s+(?:fl|floor)\\.?)`;
const ONE_UNIT_PARTS = new RegExp(`^${ONE_UNIT}$`, 'iu');
const UNITS_ONLY = new RegExp(`^${ONE_UNIT}(?:\\s+${ONE_UNIT})*$`, 'iu');
const UNITS_AT_END = new RegExp(`(?:^|\\s)(${ONE_UNIT}(?:\\s+${ONE_UNIT})*)$`, 'iu');
const UNITS_AT_START = new RegExp(`^(${ONE_UNIT}(?:\\s+${ONE_UNIT})*)(?:\\s+|$)`, 'iu');
const EACH_UNIT = new RegExp(`(?<=^|\\s)${ONE_UNIT}(?=\\s|$)`, 'giu');

const MAILING_ONLY = new RegExp(
  [
    '\\bp\\.?\\s*o\\.?\\s*(?:box|b\\.?)(?![a-z])',
    '\\bpost\\s+office\\s+box\\b',
    '\\bpostal\\s+box\\b',
    '\\bp\\.?\\s*o\\.?\\s*drawer\\b',
    '(?:^|[\\s,])box\\s*#?\\s*\\d',
    '\\bpmb\\s*#?\\s*\\d',
    '\\bprivate\\s+mail\\s*box\\b',
    '(?:^|[\\s,])c\\.?\\s*p\\.?\\s*\\d',
    '\\bcase\\s+postale\\b',
    '\\bgeneral\\s+delivery\\b',
    '\\bposte\\s+restante\\b',
  ].join('|'),
  'iu',
);

/** True for PO boxes, Canadian "case postale" / "CP", private mailboxes and general delivery. */
export function isMailingOnlyAddress(text: string): boolean {
  return MAILING_ONLY.test(text);
}

/** True when the text is nothing but unit designators ("Apt 4", "Bldg 2 Ste 300", "#12"). */
export function isUnitOnly(text: string): boolean {
  return UNITS_ONLY.test(text.trim());
}

function canonicalUnit(unit: string): string {
  const parts = ONE_UNIT_PARTS.exec(unit.trim());
  if (!parts) return unit.trim();
  const [, designator, value, hashValue, floorNumber] = parts;
  if (floorNumber !== undefined) return `Fl ${floorNumber}`;
  if (hashValue !== undefined) return `#${hashValue.toUpperCase()}`;
  const key = (designator as string).toLowerCase().normalize('NFC');
  return `${UNIT_DESIGNATORS[key] ?? designator} ${(value as string).toUpperCase()}`;
}

/**
 * "apartment 4b # 2" → "Apt 4B #2". Text that is not made of designators ("Rear", "Basement") is kept as typed,
 * with commas turned into spaces, so that it survives being written on one line.
 */
export function normalizeUnit(text: string): string {
  const trimmed = collapseWhitespace(text.replace(/,/g, ' '));
  if (!UNITS_ONLY.test(trimmed)) return trimmed;
  return (trimmed.match(EACH_UNIT) ?? []).map(canonicalUnit).join(' ');
}

/** Several units as one: "Bldg 2" + "Ste 300" → "Bldg 2 Ste 300"; undefined when there are none. */
export function joinUnits(units: readonly string[]): string | undefined {
  const unit = normalizeUnit(units.join(' '));
  return unit === '' ? undefined : unit;
}

/** "123 Main St Apt 4" → street "123 Main St", unit "Apt 4". */
export function splitTrailingUnit(text: string): { street: string; unit?: string } {
  const match = UNITS_AT_END.exec(text);
  if (!match || match.index === 0) return { street: text };
  return { street: collapseWhitespace(text.slice(0, match.index)), unit: normalizeUnit(match[1] as string) };
}

/** "Apt 4 Springfield" → unit "Apt 4", rest "Springfield". */
export function splitLeadingUnit(text: string): { unit?: string; rest: string } {
  const match = UNITS_AT_START.exec(text);
  if (!match) return { rest: text };
  return { unit: normalizeUnit(match[1] as string), rest: collapseWhitespace(text.slice(match[0].length)) };
}

const STREET_SUFFIXES = new Set([
  'st', 'street', 'ave', 'av', 'avenue', 'rd', 'road', 'blvd', 'boulevard', 'dr', 'drive', 'ln', 'lane', 'way',
  'ct', 'court', 'pl', 'place', 'cir', 'circle', 'ter', 'terrace', 'pkwy', 'parkway', 'hwy', 'highway', 'trl',
  'trail', 'sq', 'square', 'loop', 'pike', 'aly', 'alley', 'xing', 'crossing', 'cres', 'crescent', 'cv', 'cove',
  'plz', 'plaza', 'expy', 'expressway', 'fwy', 'freeway', 'tpke', 'turnpike', 'row', 'run', 'path', 'walk',
  'grv', 'grove', 'hts', 'heights', 'cswy', 'causeway', 'byp', 'bypass', 'gdns', 'gardens', 'mall', 'pt', 'point',
]);
const DIRECTIONALS = new Set(['n', 's', 'e', 'w', 'ne', 'nw', 'se', 'sw']);

function wordKey(word: string): string {
  return word.toLowerCase().replace(/\./g, '');
}

/**
 * Splits "123 Main St Apt 4 Springfield" (no comma before the city) after the first street suffix that follows
 * at least one name word, plus a directional ("NW") and units. The first such suffix is the right one far more
 * often than the last: "123 Main St St Paul", "100 Court St Brooklyn". Undefined when no suffix is found.
 */
export function splitStreetFromCity(text: string): { street: string; unit?: string; city: string } | undefined {
  const words = text.split(' ');
  for (let index = 2; index < words.length; index += 1) {
    if (!STREET_SUFFIXES.has(wordKey(words[index] as string))) continue;
    let end = index + 1;
    if (end < words.length - 1 && DIRECTIONALS.has(wordKey(words[end] as string))) end += 1;
    const { unit, rest } = splitLeadingUnit(words.slice(end).join(' '));
    return { street: words.slice(0, end).join(' '), ...(unit ? { unit } : {}), city: rest };
  }
  return undefined;
}
