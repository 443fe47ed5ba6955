/**
 * Phone numbers in a port request: reading one or many numbers from whatever the customer typed, normalising them to
 * E.164, and checking them against what a single port can carry (one country, no toll-free or premium-rate numbers,
 * a bounded count). The billing telephone number (BTN) is checked here too.
 */
import { parsePhoneNumberFromString, validatePhoneNumberLength, type CountryCode, type NumberType } from 'libphonenumber-js/max';
import { accept, refuse, type FieldNotice, type FieldResult } from './fieldResult';
import { joinAsList, normalizeTyped, quoted } from './text';
import { type Catalogue, localized } from '../i18n/language';

export const PORTING_COUNTRIES = ['US', 'CA'] as const;
export type PortingCountry = (typeof PORTING_COUNTRIES)[number];
/** A phone number in E.164 form, e.g. '+14155550123'. */
export type E164 = string;

export interface NumbersPolicy {
  readonly countries: readonly PortingCountry[];
  readonly maxNumbersPerRequest: number;
}

/**
 * 20 numbers per request: one port order covers numbers that share a carrier, an account, a BTN and an address —
 * a household or a small office. Beyond that it is usually a phone-system migration spanning several accounts,
 * where a porting specialist should plan the order rather than the customer filling it in by chat.
 */
export const DEFAULT_NUMBERS_POLICY: NumbersPolicy = { countries: PORTING_COUNTRIES, maxNumbersPerRequest: 20 };

export interface NumbersToPort {
  readonly country: PortingCountry;
  readonly numbers: E164[];
}

const COUNTRY_ADJECTIVE: Readonly<Record<PortingCountry, string>> = { US: 'US', CA: 'Canadian' };

type UnreadableReason = 'too_few_digits' | 'too_many_digits' | 'not_valid';

interface UnreadableChunk {
  readonly text: string;
  readonly reason: UnreadableReason;
}

function plural(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}

const UNREADABLE_REASON_TEXT: Readonly<Record<UnreadableReason, string>> = {
  too_few_digits: 'too few digits',
  too_many_digits: 'too many digits',
  not_valid: 'not a valid number — check the area code',
};

const describeUnreadable = (chunk: UnreadableChunk): string =>
  `${quoted(chunk.text)} (${UNREADABLE_REASON_TEXT[chunk.reason]})`;

const allowedCountries = (countries: readonly PortingCountry[]): string =>
  joinAsList(countries.map((country) => COUNTRY_ADJECTIVE[country]), 'or');

/** "de EE. UU.", "de Canadá": the same for one number or several. */
const COUNTRY_ADJECTIVE_ES: Readonly<Record<PortingCountry, string>> = { US: 'de EE. UU.', CA: 'de Canadá' };

const UNREADABLE_REASON_TEXT_ES: Readonly<Record<UnreadableReason, string>> = {
  too_few_digits: 'faltan dígitos',
  too_many_digits: 'sobran dígitos',
  not_valid: 'no es un número válido; revise el código de área',
};

const describeUnreadableEs = (chunk: UnreadableChunk): string =>
  `${quoted(chunk.text)} (${UNREADABLE_REASON_TEXT_ES[chunk.reason]})`;

const paisesEs = (countries: readonly PortingCountry[]): string =>
  joinAsList(countries.map((country) => COUNTRY_ADJECTIVE_ES[country]), 'or');

const messagesEn = {
  numbersEmpty:
    'Please send the phone number you want to move, including the area code — for example (415) 555-0123. ' +
    'If there are several, put them all in one message, separated by commas.',
  numbersTooLong: 'That message is too long for me to read. Please send just the phone numbers you want to move.',
  numbersUnreadable: (chunks: readonly UnreadableChunk[]) =>
    `I couldn't read ${joinAsList(chunks.map(describeUnreadable))} as ${plural(chunks.length, 'a phone number', 'phone numbers')}. ` +
    `Each number needs its 3-digit area code and 7-digit number, like (415) 555-0123 — please check ` +
    `${plural(chunks.length, 'it', 'them')} and send your numbers again.`,
  numbersWrongCountry: (numbers: readonly string[], countries: readonly PortingCountry[]) =>
    `${joinAsList(numbers)} ${plural(numbers.length, "isn't a", "aren't")} ${allowedCountries(countries)} ` +
    `${plural(numbers.length, 'number', 'numbers')}, and I can only move ${allowedCountries(countries)} numbers here. ` +
    `Please leave ${plural(numbers.length, 'it', 'them')} out.`,
  numbersPremiumRate: (numbers: readonly string[]) =>
    `${joinAsList(numbers)} ${plural(numbers.length, 'is a premium-rate (900) number', 'are premium-rate (900) numbers')}, ` +
    `which can't be moved to another carrier. Please leave ${plural(numbers.length, 'it', 'them')} out.`,
  numbersTollFree: (numbers: readonly string[], hasOtherNumbers: boolean) =>
    `${joinAsList(numbers)} ${plural(numbers.length, 'is a toll-free number', 'are toll-free numbers')}. ` +
    'Toll-free numbers move by a separate process (a change of "RespOrg", the company that manages them), so they ' +
    "can't be part of this transfer — our team can help you with that separately. " +
    (hasOtherNumbers
      ? 'Please send me your other numbers without the toll-free ones.'
      : 'If you have regular numbers to move as well, please send me those.'),
  numbersMixedCountries: (us: readonly string[], ca: readonly string[]) =>
    `A transfer can't mix countries: ${joinAsList(us)} ${plural(us.length, 'is a US number', 'are US numbers')} and ` +
    `${joinAsList(ca)} ${plural(ca.length, 'is Canadian', 'are Canadian')}. Please send the numbers for one country ` +
    'now; the others need a transfer of their own.',
  numbersTooMany: (count: number, max: number) =>
    `That's ${count} numbers, and one request can move up to ${max}. Please send up to ${max} numbers now ` +
    '(we can move the rest in another request), or ask for a porting specialist to plan a larger move.',
  duplicatesMerged: (numbers: readonly string[]) =>
    `You listed ${joinAsList(numbers)} more than once, so I've counted ${plural(numbers.length, 'it', 'each')} just once.`,
  extensionsIgnored: (extensions: readonly string[]) =>
    `I left out the ${plural(extensions.length, 'extension', 'extensions')} (${joinAsList(extensions)}): extensions ` +
    'belong to your phone system, so only the main number is transferred.',
  btnEmpty:
    "Please send the account's billing telephone number (BTN) — usually the main number on the account, shown on " +
    'your bill — including the area code, for example (415) 555-0123.',
  btnUnreadable: (chunks: readonly UnreadableChunk[]) =>
    `I couldn't read ${joinAsList(chunks.map(describeUnreadable))} as a phone number. The billing number is the ` +
    "account's main number with its area code, like (415) 555-0123 — please check it and send it again.",
  btnSeveral:
    "Please send just one billing telephone number: the account's main number, as shown on your bill.",
  btnWrongCountry: (country: PortingCountry) =>
    `The billing number has to be a ${COUNTRY_ADJECTIVE[country]} number, like the numbers you're moving. ` +
    "Please check the account's main number on your bill.",
  btnTollFree: (number: string) =>
    `${number} is a toll-free number, so it can't be the billing number for this transfer. Please send the ` +
    "account's main phone number, as shown on your bill.",
  btnPremiumRate: (number: string) =>
    `${number} is a premium-rate (900) number, so it can't be the billing number for this transfer. Please send ` +
    "the account's main phone number, as shown on your bill.",
} as const;

const messagesEs: Catalogue<typeof messagesEn> = {
  numbersEmpty:
    'Envíe el número de teléfono que desea transferir, con el código de área; por ejemplo, (415) 555-0123. ' +
    'Si son varios, póngalos todos en un solo mensaje, separados por comas.',
  numbersTooLong: 'Ese mensaje es demasiado largo para que lo lea. Envíe solo los números de teléfono que desea transferir.',
  numbersUnreadable: (chunks) =>
    `No pude leer ${joinAsList(chunks.map(describeUnreadableEs))} como ${plural(chunks.length, 'un número de teléfono', 'números de teléfono')}. ` +
    'Cada número necesita su código de área de 3 dígitos y su número de 7 dígitos, como (415) 555-0123: ' +
    `${plural(chunks.length, 'revíselo', 'revíselos')} y envíe sus números de nuevo.`,
  numbersWrongCountry: (numbers, countries) =>
    `${joinAsList(numbers)} no ${plural(numbers.length, 'es un número', 'son números')} ${paisesEs(countries)}, y aquí solo ` +
    `puedo transferir números ${paisesEs(countries)}, así que no ${plural(numbers.length, 'lo', 'los')} incluya, por favor.`,
  numbersPremiumRate: (numbers) =>
    `${joinAsList(numbers)} ${plural(numbers.length, 'es un número de tarifa especial (900)', 'son números de tarifa especial (900)')}, ` +
    `que no se pueden transferir a otra compañía. No ${plural(numbers.length, 'lo', 'los')} incluya, por favor.`,
  numbersTollFree: (numbers, hasOtherNumbers: boolean) =>
    `${joinAsList(numbers)} ${plural(numbers.length, 'es un número gratuito', 'son números gratuitos')}. ` +
    'Los números gratuitos se transfieren por un proceso aparte (un cambio de "RespOrg", la compañía que los administra), ' +
    'así que no pueden ser parte de esta transferencia; nuestro equipo puede ayudarle con eso por separado. ' +
    (hasOtherNumbers
      ? 'Envíeme sus otros números, sin los gratuitos.'
      : 'Si también tiene números normales para transferir, envíemelos.'),
  numbersMixedCountries: (us, ca) =>
    `Una transferencia no puede mezclar países: ${joinAsList(us)} ${plural(us.length, 'es un número de EE. UU.', 'son números de EE. UU.')} y ` +
    `${joinAsList(ca)} ${plural(ca.length, 'es canadiense', 'son canadienses')}. Envíe ahora los números de un solo país; ` +
    'los otros necesitan su propia transferencia.',
  numbersTooMany: (count: number, max: number) =>
    `Son ${count} números, y una solicitud puede transferir hasta ${max}. Envíe ahora hasta ${max} números ` +
    '(podemos transferir el resto en otra solicitud), o pida hablar con un especialista en portabilidad para planear una transferencia más grande.',
  duplicatesMerged: (numbers) =>
    `Escribió ${joinAsList(numbers)} más de una vez, así que ${plural(numbers.length, 'lo conté', 'conté cada uno')} una sola vez.`,
  extensionsIgnored: (extensions) =>
    `Dejé fuera ${plural(extensions.length, 'la extensión', 'las extensiones')} (${joinAsList(extensions)}): las extensiones ` +
    'son parte de su sistema telefónico, así que solo se transfiere el número principal.',
  btnEmpty:
    'Envíe el número de teléfono de facturación (BTN) de la cuenta (normalmente el número principal de la cuenta, que ' +
    'aparece en su factura) con el código de área; por ejemplo, (415) 555-0123.',
  btnUnreadable: (chunks) =>
    `No pude leer ${joinAsList(chunks.map(describeUnreadableEs))} como un número de teléfono. El número de facturación es el ` +
    'número principal de la cuenta con su código de área, como (415) 555-0123: revíselo y envíelo de nuevo.',
  btnSeveral: 'Envíe un solo número de teléfono de facturación: el número principal de la cuenta, tal como aparece en su factura.',
  btnWrongCountry: (country) =>
    `El número de facturación tiene que ser un número ${COUNTRY_ADJECTIVE_ES[country]}, como los números que va a transferir. ` +
    'Revise el número principal de la cuenta en su factura.',
  btnTollFree: (number: string) =>
    `${number} es un número gratuito, así que no puede ser el número de facturación de esta transferencia. Envíe el ` +
    'número de teléfono principal de la cuenta, tal como aparece en su factura.',
  btnPremiumRate: (number: string) =>
    `${number} es un número de tarifa especial (900), así que no puede ser el número de facturación de esta ` +
    'transferencia. Envíe el número de teléfono principal de la cuenta, tal como aparece en su factura.',
};

const messages = localized({ en: messagesEn, es: messagesEs });

// ---------------------------------------------------------------------------------------------------------------
// Reading numbers from free text
// ---------------------------------------------------------------------------------------------------------------

/** Longer messages are not a list of numbers; the cap also bounds the work done on any input. */
const MAX_INPUT_LENGTH = 2000;
/** A number written with spaces ("+1 ( 415 ) 555 - 0123") spans at most this many space-separated pieces. */
const MAX_PIECES_PER_NUMBER = 6;
const MAX_DIGITS_OF_A_COUNT = 2;
/** Characters a written phone number is made of; anything else (letters, commas, "&", new lines) separates numbers. */
const NUMBER_RUN = /[\d+().\- \t]+/g;
/** "1. ", "2) ", "- ", "• " at the start of a line: list markers, not digits of a number. */
const LIST_MARKER = /^[ \t]*(?:\d{1,2}[.)]|[-*•·])[ \t]+/gm;
/** "x123", "ext. 123", "extension 123" right after a number. */
const EXTENSION = /(?<=\d[ \t)]*)[ \t]*,?[ \t]*(?:extension|ext\.?|x)[ \t]*[.:#]?[ \t]*(\d{1,6})(?!\d)/gi;

interface FoundNumber {
  readonly e164: E164;
  readonly region: CountryCode | undefined;
  readonly type: NumberType;
}

interface ReadNumbers {
  readonly found: readonly FoundNumber[];
  readonly unreadable: readonly UnreadableChunk[];
  readonly extensions: readonly string[];
}

function parseValid(text: string): FoundNumber | undefined {
  const parsed = parsePhoneNumberFromString(text, 'US');
  if (!parsed?.isValid()) return undefined;
  return { e164: parsed.number, region: parsed.country, type: parsed.getType() };
}

function unreadableReason(text: string): UnreadableReason {
  switch (validatePhoneNumberLength(text, 'US')) {
    case 'TOO_SHORT':
      return 'too_few_digits';
    case 'TOO_LONG':
      return 'too_many_digits';
    default:
      return 'not_valid';
  }
}

/** Space-separated pieces of a run; pieces without digits ("-", "(") join the next piece, or the last one. */
function piecesOf(run: string): string[] {
  const pieces: string[] = [];
  let pending = '';
  for (const piece of run.split(/[ \t]+/).filter(Boolean)) {
    if (/\d/.test(piece)) {
      pieces.push(pending + piece);
      pending = '';
    } else {
      pending += piece;
    }
  }
  if (pending && pieces.length > 0) pieces[pieces.length - 1] += pending;
  return pieces;
}

/**
 * Splits one run of number characters into numbers. Spaces are ambiguous ("+1 415 555 0123" is one number,
 * "415 555 0123 415 555 0124" two), so at each position it takes the longest sequence of pieces that forms a valid
 * number; pieces from which no valid number starts are grouped into one unreadable chunk, to be named to the customer.
 */
function splitRun(run: string): { found: FoundNumber[]; unreadable: UnreadableChunk[] } {
  const pieces = piecesOf(run);
  const longestFrom = new Map<number, { end: number; number: FoundNumber } | undefined>();
  const longestNumberFrom = (start: number) => {
    if (!longestFrom.has(start)) {
      let match: { end: number; number: FoundNumber } | undefined;
      for (let end = Math.min(pieces.length, start + MAX_PIECES_PER_NUMBER); end > start && !match; end -= 1) {
        const number = parseValid(pieces.slice(start, end).join(' '));
        if (number) match = { end, number };
      }
      longestFrom.set(start, match);
    }
    return longestFrom.get(start);
  };

  const found: FoundNumber[] = [];
  const unreadable: UnreadableChunk[] = [];
  let position = 0;
  while (position < pieces.length) {
    const match = longestNumberFrom(position);
    if (match) {
      found.push(match.number);
      position = match.end;
      continue;
    }
    let end = position + 1;
    while (end < pieces.length && !longestNumberFrom(end)) end += 1;
    const text = pieces.slice(position, end).join(' ').replace(/^[-.]+|[-.]+$/g, '');
    unreadable.push({ text, reason: unreadableReason(text) });
    position = end;
  }
  return { found, unreadable };
}

function readNumbers(raw: string): ReadNumbers | 'too_long' {
  if (raw.length > MAX_INPUT_LENGTH) return 'too_long';
  const extensions: string[] = [];
  const text = normalizeTyped(raw)
    .replace(LIST_MARKER, '')
    .replace(EXTENSION, (_match, digits: string) => {
      extensions.push(digits);
      return ' ';
    });
  const found: FoundNumber[] = [];
  const unreadable: UnreadableChunk[] = [];
  for (const [run] of text.matchAll(NUMBER_RUN)) {
    // One or two digits on their own between words ("my 2 lines: ...") can't be, or be part of, a phone number.
    if ((run.match(/\d/g) ?? []).length <= MAX_DIGITS_OF_A_COUNT) continue;
    const split = splitRun(run);
    found.push(...split.found);
    unreadable.push(...split.unreadable);
  }
  return { found, unreadable, extensions };
}

type NumberProblem = 'toll_free' | 'premium_rate' | 'wrong_country';

/** Why a valid number can't be ported as a regular number under `countries`, if it can't. */
function problemWith(number: FoundNumber, countries: readonly PortingCountry[]): NumberProblem | undefined {
  // Type first: NANP toll-free numbers carry a US region in the metadata, but the customer needs the toll-free answer.
  if (number.type === 'TOLL_FREE') return 'toll_free';
  if (number.type === 'PREMIUM_RATE') return 'premium_rate';
  if (!isPortingCountry(number.region) || !countries.includes(number.region)) return 'wrong_country';
  return undefined;
}

function isPortingCountry(region: CountryCode | undefined): region is PortingCountry {
  return (PORTING_COUNTRIES as readonly string[]).includes(region ?? '');
}

function extensionWarnings(field: 'numbers' | 'btn', extensions: readonly string[]): FieldNotice[] {
  return extensions.length > 0
    ? [{ code: `${field}.extension_ignored`, message: messages.extensionsIgnored(extensions) }]
    : [];
}

// ---------------------------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------------------------

/**
 * Numbers formatted lately. A turn shows the customer's numbers in its question, its check and its card, each a
 * parse with libphonenumber's metadata (2% of a turn's CPU); a few customers' numbers fit, and the map starts afresh
 * when it is full rather than keep every number it ever saw.
 */
const formattedNumbers = new Map<E164, string>();
const MAX_FORMATTED_NUMBERS = 1000;

/** National display for US/Canadian numbers ("(415) 555-0123"), international for others; unparsable input as given. */
export function formatPhoneNumber(e164: E164): string {
  let formatted = formattedNumbers.get(e164);
  if (formatted === undefined) {
    const parsed = parsePhoneNumberFromString(e164);
    formatted = !parsed ? e164 : parsed.countryCallingCode === '1' ? parsed.formatNational() : parsed.formatInternational();
    if (formattedNumbers.size >= MAX_FORMATTED_NUMBERS) formattedNumbers.clear();
    formattedNumbers.set(e164, formatted);
  }
  return formatted;
}

/** Numbers as the customer reads them, in a list of the turn's language: "(415) 555-0123 and (415) 555-0124". */
export function formatPhoneNumberList(numbers: readonly E164[]): string {
  return joinAsList(numbers.map(formatPhoneNumber));
}

/** The E.164 form of `raw` when all of it is one valid phone number, in any common format; otherwise undefined. */
export function toE164(raw: string): E164 | undefined {
  const text = normalizeTyped(raw).trim();
  if (text.length > 40 || !/^[\d+().\-\s]+$/.test(text)) return undefined;
  return parseValid(text)?.e164;
}

/** True when all of `raw` is one valid phone number — e.g. typed where an account number was asked for. */
export function looksLikePhoneNumber(raw: string): boolean {
  return toE164(raw) !== undefined;
}

interface Issue {
  readonly code: string;
  readonly message: string;
}

/**
 * Reads the numbers to port. Every problem found is reported in one message (so the customer can fix everything at
 * once); the code is that of the first problem, in the order listed below.
 */
export function validateNumbersToPort(raw: string, policy: NumbersPolicy = DEFAULT_NUMBERS_POLICY): FieldResult<NumbersToPort> {
  const read = readNumbers(raw);
  if (read === 'too_long') return refuse('numbers.too_long', messages.numbersTooLong);
  if (read.found.length === 0 && read.unreadable.length === 0) return refuse('numbers.empty', messages.numbersEmpty);

  const unique: FoundNumber[] = [];
  const repeated = new Set<E164>();
  for (const number of read.found) {
    if (unique.some((seen) => seen.e164 === number.e164)) repeated.add(number.e164);
    else unique.push(number);
  }
  const withProblem = (problem: NumberProblem) =>
    unique.filter((number) => problemWith(number, policy.countries) === problem).map((number) => formatPhoneNumber(number.e164));
  const regular = unique.filter((number) => problemWith(number, policy.countries) === undefined);
  const inCountry = (country: PortingCountry) =>
    regular.filter((number) => number.region === country).map((number) => formatPhoneNumber(number.e164));

  const issues: Issue[] = [];
  if (read.unreadable.length > 0) {
    issues.push({ code: 'numbers.invalid', message: messages.numbersUnreadable(read.unreadable) });
  }
  const wrongCountry = withProblem('wrong_country');
  if (wrongCountry.length > 0) {
    issues.push({ code: 'numbers.wrong_country', message: messages.numbersWrongCountry(wrongCountry, policy.countries) });
  }
  const premiumRate = withProblem('premium_rate');
  if (premiumRate.length > 0) {
    issues.push({ code: 'numbers.premium_rate', message: messages.numbersPremiumRate(premiumRate) });
  }
  const tollFree = withProblem('toll_free');
  if (tollFree.length > 0) {
    issues.push({ code: 'numbers.toll_free', message: messages.numbersTollFree(tollFree, regular.length > 0) });
  }
  const countries = [...new Set(regular.map((number) => number.region))].filter(isPortingCountry);
  if (countries.length > 1) {
    issues.push({ code: 'numbers.mixed_countries', message: messages.numbersMixedCountries(inCountry('US'), inCountry('CA')) });
  }
  if (regular.length > policy.maxNumbersPerRequest) {
    issues.push({ code: 'numbers.too_many', message: messages.numbersTooMany(regular.length, policy.maxNumbersPerRequest) });
  }
  const [first] = issues;
  if (first) return refuse(first.code, issues.map((issue) => issue.message).join(' '));

  const country = countries[0];
  const warnings: FieldNotice[] = [...extensionWarnings('numbers', read.extensions)];
  if (repeated.size > 0) {
    warnings.push({ code: 'numbers.duplicates_merged', message: messages.duplicatesMerged([...repeated].map(formatPhoneNumber)) });
  }
  return accept({ country, numbers: regular.map((number) => number.e164) }, warnings);
}

/** The account's billing telephone number: one valid number in the same country as the numbers being ported. */
export function validateBillingNumber(raw: string, ctx: { country: PortingCountry }): FieldResult<E164> {
  const read = readNumbers(raw);
  if (read === 'too_long') return refuse('btn.too_long', messages.btnSeveral);
  if (read.unreadable.length > 0) return refuse('btn.invalid', messages.btnUnreadable(read.unreadable));
  const distinct = [...new Set(read.found.map((number) => number.e164))];
  if (distinct.length === 0) return refuse('btn.empty', messages.btnEmpty);
  if (distinct.length > 1) return refuse('btn.several', messages.btnSeveral);

  const [number] = read.found;
  const display = formatPhoneNumber(number.e164);
  switch (problemWith(number, [ctx.country])) {
    case 'toll_free':
      return refuse('btn.toll_free', messages.btnTollFree(display));
    case 'premium_rate':
      return refuse('btn.premium_rate', messages.btnPremiumRate(display));
    case 'wrong_country':
      return refuse('btn.wrong_country', messages.btnWrongCountry(ctx.country));
    case undefined:
      return accept(number.e164, extensionWarnings('btn', read.extensions));
  }
}
