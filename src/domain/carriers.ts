/**
 * The carrier directory (data in carriers.data.json) and matching what a customer types to a carrier: aliases,
 * spelling variants and typos, with a suggestion rather than a guess when the match is not certain.
 */
import { z } from 'zod';
import directoryData from './carriers.data.json';
import spanishData from './carriers.es.json';
import { accept, refuse, type FieldNotice, type FieldResult } from './fieldResult';
import { PORTING_COUNTRIES } from './phoneNumbers';
import { closestMatch, collapseWhitespace, foldForComparison, quoted } from './text';
import { type Catalogue, currentLanguage, localized } from '../i18n/language';

const isRegexSource = (source: string): boolean => {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
};

/**
 * Where a fact about a carrier comes from, and whether it decides. A confirmed fact (the carrier's own documentation,
 * or porting-facts.md without an "unconfirmed" mark) may refuse what the customer typed; an unconfirmed one (only
 * secondary sources state it) never does: a value that breaks it is asked about, and taken if the customer says it
 * is exactly what the carrier gave.
 */
const provenance = {
  confirmed: z.boolean(),
  /** The document (and its words) the fact was taken from: reviewers check and update the directory against it. */
  source: z.string().min(1),
};

const pinLifetimeSchema = z
  .object({
    /** How long a transfer PIN lasts once the carrier gives it (on a personal account). */
    hours: z.number().positive(),
    /** Where business accounts' PINs last another time (AT&T: 14 days rather than 4). */
    businessHours: z.number().positive().optional(),
    ...provenance,
  })
  .strict();

const pinRuleSchema = z
  .object({
    required: z.boolean(),
    minLength: z.int().min(1),
    maxLength: z.int().min(1),
    digitsOnly: z.boolean(),
    /** The carrier's own name for it, e.g. 'Number Transfer PIN'. */
    name: z.string().min(1),
    /** Of the length and characters: false when only secondary sources state them. */
    ...provenance,
    lifetime: pinLifetimeSchema.optional(),
  })
  .strict()
  .refine((rule) => rule.minLength <= rule.maxLength, { message: 'minLength must not exceed maxLength' });

const accountNumberRuleSchema = z
  .object({
    /**
     * Regex source tested on the letters and digits left after removing spaces and dashes. A named group `account`
     * marks the part to keep when the bill shows more (Verizon's 5-digit suffix).
     */
    pattern: z.string().refine(isRegexSource, { message: 'pattern must be a valid regular expression' }).optional(),
    /** Customer-facing, completing "A Verizon account number is …". */
    description: z.string().min(1),
    /** The carrier (e.g. on prepaid plans) may use the phone number itself as the account number. */
    phoneNumberIsAccount: z.object(provenance).strict().optional(),
    /** Of the pattern. */
    ...provenance,
  })
  .strict();

/** The carrier's port-out lock: while it is on, every transfer is rejected, so the customer turns it off before signing. */
const portOutLockSchema = z
  .object({
    /** The carrier's own name for it, e.g. 'Number Lock'. */
    name: z.string().min(1),
    /** Customer-facing, completing "turn it off …": where the customer turns it off, e.g. 'in My Verizon'. */
    where: z.string().min(1),
    ...provenance,
  })
  .strict();

const carrierSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    name: z.string().min(1),
    country: z.array(z.enum(PORTING_COUNTRIES)).min(1),
    kind: z.enum(['wireless', 'wireline', 'cable', 'voip']),
    aliases: z.array(z.string().min(1)),
    accountNumber: accountNumberRuleSchema,
    pin: pinRuleSchema,
    portOutLock: portOutLockSchema.optional(),
    /** Short customer-facing sentences, in the carrier's own terms. */
    instructions: z.object({
      accountNumber: z.string().min(1),
      pin: z.string().min(1),
      csr: z.string().min(1),
    }),
  })
  .strict();

const directorySchema = z.object({
  generic: carrierSchema,
  carriers: z.array(carrierSchema),
  /** Names that point at a carrier only probably ("xfinity": Mobile or Voice?), with the question to ask. */
  suggestionAliases: z.array(z.object({ alias: z.string().min(1), carrierId: z.string(), message: z.string().min(1) })),
});

export type CarrierKind = z.infer<typeof carrierSchema>['kind'];
export type PinRule = z.infer<typeof pinRuleSchema>;
export type AccountNumberRule = z.infer<typeof accountNumberRuleSchema>;
export type PinLifetime = z.infer<typeof pinLifetimeSchema>;
export type PortOutLock = z.infer<typeof portOutLockSchema>;
export type Carrier = z.infer<typeof carrierSchema>;
/** What a port request stores about the losing carrier. `known: false` (id 'other') for a confirmed unknown carrier. */
export type CarrierRef = { id: string; name: string; known: boolean };
export type CarrierMatch =
  | { kind: 'known'; carrier: Carrier }
  | { kind: 'suggestion'; carrier: Carrier; message: string }
  | { kind: 'unknown'; name: string; message: string }
  | { kind: 'invalid'; error: FieldNotice };

const directory = directorySchema.parse(directoryData);

/** A carrier's customer-facing words in another language (carriers.es.json); the rules themselves are not repeated. */
const carrierWordsSchema = z
  .object({
    pinName: z.string().min(1),
    accountNumberDescription: z.string().min(1),
    portOutLock: z.object({ name: z.string().min(1), where: z.string().min(1) }).strict().optional(),
    instructions: carrierSchema.shape.instructions.strict(),
  })
  .strict();
type CarrierWords = z.infer<typeof carrierWordsSchema>;

const spanishDirectory = z
  .object({
    $comment: z.string(),
    generic: carrierWordsSchema,
    carriers: z.record(z.string(), carrierWordsSchema),
    suggestionAliases: z.record(z.string(), z.string().min(1)),
  })
  .strict()
  .parse(spanishData);

/** The carrier with its customer-facing words in the turn's language: a carrier known in English is known in Spanish. */
function inCurrentLanguage(carrier: Carrier): Carrier {
  if (currentLanguage() !== 'es') return carrier;
  const words = carrier.id === UNKNOWN_CARRIER_ID ? spanishDirectory.generic : spanishDirectory.carriers[carrier.id];
  return words === undefined ? carrier : withWords(carrier, words);
}

function withWords(carrier: Carrier, words: CarrierWords): Carrier {
  return {
    ...carrier,
    pin: { ...carrier.pin, name: words.pinName },
    accountNumber: { ...carrier.accountNumber, description: words.accountNumberDescription },
    ...(carrier.portOutLock && words.portOutLock && { portOutLock: { ...carrier.portOutLock, ...words.portOutLock } }),
    instructions: words.instructions,
  };
}

/** The question a suggestion alias asks ("Did you mean Xfinity Mobile …?"), in the turn's language. */
function suggestionIn(alias: AliasEntry): string | undefined {
  if (alias.suggestion === undefined || currentLanguage() !== 'es') return alias.suggestion;
  return spanishDirectory.suggestionAliases[alias.alias ?? ''] ?? alias.suggestion;
}

/** Every carrier id whose Spanish words are missing, or given for no carrier (checked by the carrier tests). */
export function carriersWithoutSpanish(): string[] {
  const ids = new Set(directory.carriers.map((carrier) => carrier.id));
  const spanish = new Set(Object.keys(spanishDirectory.carriers));
  const locks = directory.carriers.filter((carrier) => (carrier.portOutLock === undefined) !== (spanishDirectory.carriers[carrier.id]?.portOutLock === undefined));
  return [...[...ids].filter((id) => !spanish.has(id)), ...[...spanish].filter((id) => !ids.has(id)), ...locks.map((carrier) => `${carrier.id} (port-out lock)`)];
}

/** Generic rules and guidance, used when the carrier is unknown. */
export const GENERIC_CARRIER: Carrier = directory.generic;
const UNKNOWN_CARRIER_ID = GENERIC_CARRIER.id;

const MAX_NAME_LENGTH = 60;

const messagesEn = {
  empty: 'Please tell me the name of the company that provides your phone service now, for example Verizon or Xfinity Voice.',
  notAName: 'That doesn\'t look like a company name. Please tell me who provides your phone service now, for example T-Mobile or Rogers.',
  didYouMean: (carrier: Carrier) => `Did you mean ${carrier.name}?`,
  unknown: (name: string) =>
    `I don't have ${quoted(name)} in my list of phone companies. If that's the right name, just confirm it and I'll ` +
    'give you general instructions; otherwise, please check the spelling.',
  confirmSuggestion: (carrier: Carrier) => `To go ahead, enter the company's full name, like ${quoted(carrier.name)}.`,
  unknownAccepted: (name: string) =>
    `${quoted(name)} isn't in my list of phone companies, so I'll use general guidance. Please make sure the name ` +
    'matches your bill.',
} as const;

const messagesEs: Catalogue<typeof messagesEn> = {
  empty: 'Dígame el nombre de la compañía que le da servicio telefónico ahora; por ejemplo, Verizon o Xfinity Voice.',
  notAName: 'Eso no parece el nombre de una compañía. Dígame quién le da servicio telefónico ahora; por ejemplo, T-Mobile o Rogers.',
  didYouMean: (carrier) => `¿Quiso decir ${carrier.name}?`,
  unknown: (name: string) =>
    `No tengo ${quoted(name)} en mi lista de compañías telefónicas. Si ese es el nombre correcto, solo confírmelo y le daré ` +
    'instrucciones generales; si no, revise cómo está escrito.',
  confirmSuggestion: (carrier) => `Para continuar, escriba el nombre completo de la compañía, como ${quoted(carrier.name)}.`,
  unknownAccepted: (name: string) =>
    `${quoted(name)} no está en mi lista de compañías telefónicas, así que usaré una orientación general. Asegúrese de que el ` +
    'nombre coincida con su factura.',
};

const messages = localized({ en: messagesEn, es: messagesEs });

// ---------------------------------------------------------------------------------------------------------------
// Matching
// ---------------------------------------------------------------------------------------------------------------

/**
 * Words that may surround a carrier's name without changing which carrier is meant ("my carrier is Verizon",
 * "T-Mobile USA"). Words that hint at the kind of service only count as filler for a carrier of that kind, so
 * "Optimum Mobile" is not taken for Optimum's home phone service.
 */
const FILLER_WORDS = new Set([
  'the', 'my', 'i', 'im', 'am', 'with', 'its', 'it', 'is', 'currently', 'on', 'using', 'use', 'from', 'was', 'think',
  'carrier', 'provider', 'company', 'service', 'services', 'network', 'plan', 'account', 'phone', 'prepaid', 'postpaid',
  'usa', 'us', 'inc', 'llc', 'corp', 'corporation', 'communications', 'telecom', 'canada',
]);
const WIRELESS_WORDS = new Set(['wireless', 'mobile', 'mobility', 'cellular', 'cell']);
const FIXED_LINE_WORDS = new Set(['voice', 'home', 'landline', 'digital', 'fixed']);

function isFiller(word: string, carrier: Carrier): boolean {
  if (FILLER_WORDS.has(word)) return true;
  return carrier.kind === 'wireless' ? WIRELESS_WORDS.has(word) : FIXED_LINE_WORDS.has(word);
}

/** Folded words of a name: "AT&T Wireless" → ["at", "and", "t", "wireless"]; "T-Mobile" → ["tmobile"]. */
function nameWords(name: string): string[] {
  return foldForComparison(name)
    .replace(/&/g, ' and ')
    .replace(/['’.-]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Spacing and punctuation don't matter: "T Mobile", "t-mobile" and "TMobile" share the key "tmobile". */
const keyOf = (words: readonly string[]): string => words.join('');

interface AliasEntry {
  readonly carrier: Carrier;
  /** Set when the alias only suggests the carrier; the question to ask (in English: see suggestionIn). */
  readonly suggestion?: string;
  /** The suggestion alias itself, which names its question in other languages. */
  readonly alias?: string;
}

function buildAliasIndex(): Map<string, AliasEntry> {
  const index = new Map<string, AliasEntry>();
  const add = (alias: string, entry: AliasEntry) => {
    const key = keyOf(nameWords(alias));
    const existing = index.get(key);
    if (existing && existing.carrier.id !== entry.carrier.id) {
      throw new Error(`carriers.data.json: alias "${alias}" names both ${existing.carrier.id} and ${entry.carrier.id}`);
    }
    index.set(key, entry);
  };
  const ids = new Set<string>();
  for (const carrier of directory.carriers) {
    if (ids.has(carrier.id) || carrier.id === UNKNOWN_CARRIER_ID) {
      throw new Error(`carriers.data.json: carrier id "${carrier.id}" is repeated or reserved`);
    }
    ids.add(carrier.id);
    for (const alias of [carrier.name, ...carrier.aliases]) add(alias, { carrier });
  }
  for (const { alias, carrierId, message } of directory.suggestionAliases) {
    const carrier = directory.carriers.find((candidate) => candidate.id === carrierId);
    if (!carrier) throw new Error(`carriers.data.json: suggestion alias "${alias}" names unknown carrier ${carrierId}`);
    add(alias, { carrier, suggestion: message, alias });
  }
  return index;
}

const aliasIndex = buildAliasIndex();
const carriersById = new Map(directory.carriers.map((carrier) => [carrier.id, carrier]));

/** How far a typo may be from a known name: none for 1–3 letters ("cox" is not "fox"), more for longer names. */
function typoAllowance(length: number): number {
  if (length <= 3) return 0;
  if (length <= 6) return 1;
  if (length <= 10) return 2;
  return 3;
}

function fromEntry(entry: AliasEntry): CarrierMatch {
  const suggestion = suggestionIn(entry);
  return suggestion === undefined ? { kind: 'known', carrier: entry.carrier } : { kind: 'suggestion', carrier: entry.carrier, message: suggestion };
}

/** The longest run of words naming a carrier; certain only if every other word is filler for that carrier. */
function matchWithinWords(words: readonly string[]): CarrierMatch | undefined {
  for (let length = words.length - 1; length >= 1; length -= 1) {
    for (let start = 0; start + length <= words.length; start += 1) {
      const entry = aliasIndex.get(keyOf(words.slice(start, start + length)));
      if (!entry) continue;
      const others = [...words.slice(0, start), ...words.slice(start + length)];
      if (entry.suggestion === undefined && others.every((word) => isFiller(word, entry.carrier))) {
        return { kind: 'known', carrier: entry.carrier };
      }
      return { kind: 'suggestion', carrier: entry.carrier, message: suggestionIn(entry) ?? messages.didYouMean(entry.carrier) };
    }
  }
  return undefined;
}

/**
 * A typo of a carrier's name, ignoring filler and service words: "verison wireless" → Verizon. Nothing is guessed from
 * service words alone ("US Mobile" is a carrier of its own, not a typo of T-Mobile).
 */
function matchTypo(words: readonly string[]): CarrierMatch | undefined {
  const query = keyOf(words.filter((word) => !FILLER_WORDS.has(word) && !WIRELESS_WORDS.has(word) && !FIXED_LINE_WORDS.has(word)));
  if (query === '') return undefined;
  const closest = closestMatch(query, aliasIndex.entries(), typoAllowance);
  if (!closest) return undefined;
  const { carrier } = closest.item;
  return { kind: 'suggestion', carrier, message: suggestionIn(closest.item) ?? messages.didYouMean(carrier) };
}

/** Matches what the customer typed to a carrier: exact names and aliases first, then words around a name, then typos. */
export function matchCarrier(raw: string): CarrierMatch {
  const name = collapseWhitespace(raw);
  if (name === '') return { kind: 'invalid', error: { code: 'carrier.empty', message: messages.empty } };
  const words = nameWords(name);
  if (name.length > MAX_NAME_LENGTH || !words.some((word) => /\p{L}/u.test(word))) {
    return { kind: 'invalid', error: { code: 'carrier.not_a_name', message: messages.notAName } };
  }
  const exact = aliasIndex.get(keyOf(words));
  if (exact) return fromEntry(exact);
  return matchWithinWords(words) ?? matchTypo(words) ?? { kind: 'unknown', name, message: messages.unknown(name) };
}

export function getCarrier(id: string): Carrier | undefined {
  return carriersById.get(id);
}

export function listCarriers(): readonly Carrier[] {
  return directory.carriers;
}

export function carrierRef(carrier: Carrier): CarrierRef {
  return { id: carrier.id, name: carrier.name, known: true };
}

export function unknownCarrierRef(name: string): CarrierRef {
  return { id: UNKNOWN_CARRIER_ID, name: collapseWhitespace(name), known: false };
}

/** The rules to apply for a carrier reference: the known carrier's, or the generic ones. */
export function carrierRules(ref: CarrierRef | undefined): Carrier {
  return inCurrentLanguage((ref?.known ? getCarrier(ref.id) : undefined) ?? GENERIC_CARRIER);
}

/** The carrier's port-out lock, for carriers known to have one. */
export function portOutLockOf(ref: CarrierRef | undefined): PortOutLock | undefined {
  return carrierRules(ref).portOutLock;
}

/** "Verizon's", "AT&T's"; "your current carrier's" before the carrier is known. */
export function carrierPossessive(ref: CarrierRef | undefined): string {
  return ref ? `${ref.name}'s` : "your current carrier's";
}

/**
 * For the form card or an API, where no conversation can ask "did you mean": a near match is refused with the
 * suggestion in the message; an unknown name is accepted with a warning once the customer confirms it.
 */
export function validateCarrier(raw: string, opts: { confirmedUnknown?: boolean } = {}): FieldResult<CarrierRef> {
  const match = matchCarrier(raw);
  switch (match.kind) {
    case 'known':
      return accept(carrierRef(match.carrier));
    case 'suggestion':
      return refuse('carrier.did_you_mean', `${match.message} ${messages.confirmSuggestion(match.carrier)}`);
    case 'unknown':
      return opts.confirmedUnknown
        ? accept(unknownCarrierRef(match.name), [{ code: 'carrier.unknown', message: messages.unknownAccepted(match.name) }])
        : refuse('carrier.unknown', match.message);
    case 'invalid':
      return refuse(match.error.code, match.error.message);
  }
}
