/**
 * The account holder's name — a person or a business — exactly as the losing carrier has it. A mismatch here is one
 * of the most common reasons ports are rejected, so every accepted name carries a reminder to match the bill.
 */
import { accept, refuse, type FieldNotice, type FieldResult } from './fieldResult';
import { collapseWhitespace, foldForComparison } from './text';
import { type Catalogue, localized } from '../i18n/language';

export type HolderKind = 'person' | 'business';

export interface HolderName {
  readonly kind: HolderKind;
  readonly fullName: string;
  /** Best guess at the given name(s) for providers that want two fields; absent when it can't be told. */
  readonly firstName?: string;
  readonly lastName?: string;
}

const MIN_LENGTH = 2;
const MAX_LENGTH = 100;

/** Endings that make a name a business's legal name. */
const LEGAL_SUFFIXES = new Set([
  'llc', 'inc', 'incorporated', 'ltd', 'limited', 'corp', 'corporation', 'co', 'company', 'llp', 'lp', 'pllc', 'pc',
  'plc', 'ltee', 'limitee', 'ulc', 'gmbh',
]);
/** Words that only organisations have in their names (not "Church" or "Bank": they are surnames too). */
const ORGANISATION_WORDS = new Set([
  'associates', 'enterprises', 'holdings', 'partners', 'partnership', 'services', 'solutions', 'industries',
  'technologies', 'consulting', 'foundation', 'association', 'clinic', 'academy', 'group', 'society', 'restaurant',
  'agency', 'school', 'college', 'university', 'hospital', 'ministries', 'cooperative',
]);
/** "Smith & Sons", "Jones and Co." */
const FAMILY_FIRM = /(?:&|\band\b)\s*(?:sons?|daughters?|brothers|co\b|company|associates)/iu;
/** Generational suffixes, kept with the last name: "Martin Luther King Jr." */
const GENERATIONAL_SUFFIX = /^(?:jr|sr|ii|iii|iv|v)\.?$/iu;
/** Lower-case particles that belong to the last name: "Ludwig van Beethoven", "Juan de la Cruz". */
const SURNAME_PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'du', 'dos', 'das', 'la', 'le', 'ter', 'ten', 'bin', 'ibn', 'al', 'el']);
/** Scripts in which a full name is commonly written without a space ("李小龙", "김민준", "やまだたろう"). */
const UNSPACED_NAME = /^[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}ー]{2,}$/u;
const PERSON_CHARACTERS = /^[\p{L}\p{M} '.,-]+$/u;
const BUSINESS_CHARACTERS = /^[\p{L}\p{M}\p{N} '.,&/()+#!:-]+$/u;

const messagesEn = {
  empty: "Please enter the account holder's name exactly as it appears on the bill.",
  tooShort: "That's too short for a name. Please enter the account holder's full name exactly as it appears on the bill.",
  tooLong: `That's longer than a name can be here (${MAX_LENGTH} characters at most). Please enter the account holder's name as it appears on the bill.`,
  personDigits:
    "A person's name can't contain numbers. If the account is in a business's name, please enter the full legal " +
    'name with its ending, such as LLC or Inc.',
  personCharacters:
    'Please use just letters, spaces, hyphens and apostrophes in the name. If the account is in a business\'s name, ' +
    'enter the full legal name with its ending, such as LLC or Inc.',
  businessCharacters:
    'That name has characters I can\'t use. Please enter the business\'s legal name as it appears on the bill, using ' +
    'letters, digits and ordinary punctuation.',
  severalPeople:
    "Please enter one account holder's name: the main name on the bill. If the account is in a business's name, " +
    'enter the full legal name with its ending, such as LLC or Inc.',
  personComma: 'Please write the name first name first, without a comma — for example Maria Lopez.',
  personSingleWord:
    "Please enter the account holder's first and last name, exactly as they appear on the bill — for example Maria Lopez.",
  businessSingleWord:
    "Please enter the business's full legal name as it appears on the bill, including its ending — for example " +
    'Acme Plumbing LLC.',
  matchBillPerson:
    'Please make sure this is exactly how the name appears on the bill: a different spelling is one of the most ' +
    'common reasons a transfer is rejected.',
  matchBillBusiness:
    'Please make sure this is exactly how the business name appears on the bill, including LLC, Inc or similar: a ' +
    'different name is one of the most common reasons a transfer is rejected.',
} as const;

const messagesEs: Catalogue<typeof messagesEn> = {
  empty: 'Escriba el nombre del titular de la cuenta exactamente como aparece en la factura.',
  tooShort: 'Es muy corto para ser un nombre. Escriba el nombre completo del titular de la cuenta exactamente como aparece en la factura.',
  tooLong: `Es más largo de lo que puede ser un nombre aquí (${MAX_LENGTH} caracteres como máximo). Escriba el nombre del titular de la cuenta como aparece en la factura.`,
  personDigits:
    'El nombre de una persona no puede tener números. Si la cuenta está a nombre de un negocio, escriba el nombre legal ' +
    'completo con su terminación, como LLC o Inc.',
  personCharacters:
    'Use solo letras, espacios, guiones y apóstrofos en el nombre. Si la cuenta está a nombre de un negocio, escriba el ' +
    'nombre legal completo con su terminación, como LLC o Inc.',
  businessCharacters:
    'Ese nombre tiene caracteres que no puedo usar. Escriba el nombre legal del negocio como aparece en la factura, con ' +
    'letras, números y signos de puntuación comunes.',
  severalPeople:
    'Escriba el nombre de un solo titular de la cuenta: el nombre principal de la factura. Si la cuenta está a nombre ' +
    'de un negocio, escriba el nombre legal completo con su terminación, como LLC o Inc.',
  personComma: 'Escriba primero el nombre y luego el apellido, sin coma; por ejemplo, María López.',
  personSingleWord:
    'Escriba el nombre y el apellido del titular de la cuenta, exactamente como aparecen en la factura; por ejemplo, María López.',
  businessSingleWord:
    'Escriba el nombre legal completo del negocio como aparece en la factura, con su terminación; por ejemplo, ' +
    'Acme Plumbing LLC.',
  matchBillPerson:
    'Asegúrese de que el nombre esté escrito exactamente como aparece en la factura: un nombre escrito de otra forma ' +
    'es uno de los motivos más comunes por los que se rechaza una transferencia.',
  matchBillBusiness:
    'Asegúrese de que el nombre del negocio esté escrito exactamente como aparece en la factura, con LLC, Inc. o ' +
    'similar: un nombre distinto es uno de los motivos más comunes por los que se rechaza una transferencia.',
};

const messages = localized({ en: messagesEn, es: messagesEs });

/** Words of a name, folded and without periods and commas, for recognising suffixes and organisation words. */
const comparableWords = (name: string): string[] =>
  foldForComparison(name).replace(/[.,]/g, '').split(' ').filter(Boolean);

function looksLikeBusiness(name: string): boolean {
  const words = comparableWords(name);
  const lastTwo = words.slice(-2);
  return (
    FAMILY_FIRM.test(name) ||
    lastTwo.some((word) => LEGAL_SUFFIXES.has(word)) ||
    words.some((word) => ORGANISATION_WORDS.has(word))
  );
}

/** Splits a person's name into given name(s) and last name, keeping particles and suffixes with the last name. */
function splitPersonName(words: readonly string[]): { firstName: string; lastName: string } {
  const given = [...words];
  const suffix = given.length > 2 && GENERATIONAL_SUFFIX.test(given[given.length - 1]) ? given.pop() : undefined;
  const last = [given.pop() ?? ''];
  while (given.length > 1 && SURNAME_PARTICLES.has(given[given.length - 1])) last.unshift(given.pop() ?? '');
  if (suffix !== undefined) last.push(suffix);
  return { firstName: given.join(' '), lastName: last.join(' ') };
}

const matchBill = (kind: HolderKind): FieldNotice => ({
  code: 'holder_name.match_bill',
  message: kind === 'person' ? messages.matchBillPerson : messages.matchBillBusiness,
});

function validatePerson(name: string): FieldResult<HolderName> {
  if (/\p{N}/u.test(name)) return refuse('holder_name.digits', messages.personDigits);
  if (/&|\band\b/iu.test(name)) return refuse('holder_name.several_people', messages.severalPeople);
  if (!PERSON_CHARACTERS.test(name)) return refuse('holder_name.invalid_characters', messages.personCharacters);
  const commaless = name.replace(/,\s*(?=(?:jr|sr|ii|iii|iv|v)\.?$)/iu, ' ');
  if (commaless.includes(',')) return refuse('holder_name.comma', messages.personComma);
  const words = commaless.split(' ');
  if (!words.every((word) => /\p{L}/u.test(word))) return refuse('holder_name.invalid_characters', messages.personCharacters);
  if (words.length === 1) {
    return UNSPACED_NAME.test(name)
      ? accept({ kind: 'person', fullName: name }, [matchBill('person')])
      : refuse('holder_name.single_word', messages.personSingleWord);
  }
  return accept({ kind: 'person', fullName: name, ...splitPersonName(words) }, [matchBill('person')]);
}

function validateBusiness(name: string): FieldResult<HolderName> {
  if (!BUSINESS_CHARACTERS.test(name) || !/\p{L}/u.test(name)) {
    return refuse('holder_name.invalid_characters', messages.businessCharacters);
  }
  const nameProper = comparableWords(name).filter((word) => /[\p{L}\p{N}]/u.test(word) && !LEGAL_SUFFIXES.has(word));
  if (!name.includes(' ') || nameProper.length === 0) return refuse('holder_name.single_word', messages.businessSingleWord);
  return accept({ kind: 'business', fullName: name }, [matchBill('business')]);
}

/**
 * A person (first and last name; middle names fine) or a business (recognised by endings such as LLC or "& Sons",
 * or stated by `opts.kind` when the customer has said so). Any script is accepted; whitespace is tidied and
 * curly apostrophes straightened, as provider systems expect.
 */
export function validateHolderName(raw: string, opts: { kind?: HolderKind } = {}): FieldResult<HolderName> {
  const name = collapseWhitespace(raw).replace(/[’‘ʼ`´]/gu, "'");
  if (name === '') return refuse('holder_name.empty', messages.empty);
  const length = Array.from(name).length;
  if (length < MIN_LENGTH) return refuse('holder_name.too_short', messages.tooShort);
  if (length > MAX_LENGTH) return refuse('holder_name.too_long', messages.tooLong);
  const kind = opts.kind ?? (looksLikeBusiness(name) ? 'business' : 'person');
  return kind === 'business' ? validateBusiness(name) : validatePerson(name);
}

/** The canonical text of a holder name: what is shown, matched against the bill, and re-validated. */
export function holderNameText(name: HolderName): string {
  return name.fullName;
}
