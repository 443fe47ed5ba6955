/**
 * The Letter of Authorization: a separate document holding only the authorization, with every element the US
 * letter-of-agency rule (47 CFR 64.1130) asks for. Once signed it never changes: a correction is a new version
 * under the same reference number.
 */
import { z } from 'zod';
import { ServiceAddressSchema, formatAddress } from './address';
import { holderNameText } from './holderName';
import { maskSecret } from './masking';
import { formatPhoneNumber } from './phoneNumbers';
import { type PortRequest, PortRequestSchema } from './portRequest';
import { createReferenceNumber, isValidReferenceNumber, normalizeReferenceNumber } from './referenceNumber';
import { validateSignature } from './signature';
import { CarrierRefSchema, HolderNameSchema, NanpE164Schema, PortingCountrySchema } from './sharedSchemas';
import { LANGUAGES, type Language } from '../i18n/language';

/**
 * The carrier the numbers move to: the one running this bot (CARRIER_NAME). An LOA must name the carrier it
 * authorizes to act for the customer, so each letter records it.
 */
export const NewCarrierSchema = z.object({ name: z.string().trim().min(1) });
export type NewCarrier = z.infer<typeof NewCarrierSchema>;

/**
 * What the customer agrees to by signing, in plain words, naming the carrier they authorize, in `language`. The
 * customer signs the words they read (the signing card shows this statement in their language); the letter carries
 * them word for word, and, for the carrier, the English statement too (see LoaSchema).
 */
export function authorizationStatement(newCarrierName: string, language: Language = 'en'): string {
  return STATEMENTS[language](newCarrierName);
}

const STATEMENTS: Readonly<Record<Language, (newCarrierName: string) => string>> = {
  en: (newCarrierName) =>
    `I authorize ${newCarrierName}, my new phone carrier, to act as my agent to move (port) the telephone ` +
    'numbers listed in this letter from my current carrier. I am the account holder, or I am authorized to act for ' +
    'the account holder, and the name, service address, account number and billing telephone number in this letter ' +
    "match my current carrier's account.",
  es: (newCarrierName) =>
    `Autorizo a ${newCarrierName}, mi nueva compañía telefónica, a actuar como mi representante para transferir ` +
    '(portar) los números de teléfono que aparecen en esta carta desde mi compañía actual. Soy titular de la cuenta, ' +
    'o tengo autorización para actuar en nombre del titular, y el nombre, la dirección de servicio, el número de ' +
    'cuenta y el número de teléfono de facturación que aparecen en esta carta coinciden con los datos de mi cuenta ' +
    'con mi compañía actual.',
};

/** Providers want a recently signed LOA (Telnyx: within 90 days). */
export const LOA_MAX_AGE_DAYS = 90;

export const LoaSchema = z.object({
  referenceNumber: z.string().refine(isValidReferenceNumber, 'a valid reference number'),
  version: z.number().int().min(1),
  country: PortingCountrySchema,
  accountHolder: HolderNameSchema,
  /** For a business account: the person authorizing the port on its behalf. */
  authorizedPerson: z.string().min(1).optional(),
  serviceAddress: ServiceAddressSchema,
  billingNumber: NanpE164Schema,
  numbers: z.array(NanpE164Schema).min(1),
  currentCarrier: CarrierRefSchema,
  /**
   * The carrier the numbers move to, as the statement names it. Optional only for letters signed before it was
   * recorded (still in outboxes and sessions); createLoa always sets it.
   */
  newCarrier: NewCarrierSchema.optional(),
  /**
   * The reference the customer was given for a port split by account (one request per account and carrier): every
   * request of it names it. Absent for a port that is one request.
   */
  parentReference: z.string().refine(isValidReferenceNumber, 'a valid reference number').optional(),
  /** Whether the port moves every number on the account, where that was asked. */
  wholeAccount: z.boolean().optional(),
  /** A partial port moving the billing number: the new billing number of the lines that stay. */
  remainingBillingNumber: NanpE164Schema.optional(),
  accountNumber: z.string().min(1),
  /** Carried to the port order; never shown on the customer's or an agent's copy. */
  pin: z.string().min(1).optional(),
  /** The statement in English, for the carrier: what the customer signed, when they signed in English. */
  authorizationStatement: z.string().min(1),
  /** The language the customer read and signed the letter in; absent for English (and letters signed before it was recorded). */
  signedIn: z.enum(LANGUAGES).exclude(['en']).optional(),
  /** With signedIn: the statement the customer signed, word for word, in that language. */
  signedStatement: z.string().min(1).optional(),
  signature: z.object({
    signerName: z.string().min(1),
    signedAt: z.iso.datetime(),
    /** Where the customer signed, e.g. 'webchat' or 'msteams'. */
    channel: z.string().min(1),
  }),
  /**
   * Set when a support staff member filled the details in with the customer on the phone (an assisted port): who. The
   * customer still reviewed, gave the PIN and signed themselves.
   */
  preparedBy: z.object({ staffId: z.string().min(1) }).optional(),
});
export type Loa = z.infer<typeof LoaSchema>;

export interface LoaSignature {
  signerName: string;
  signedAt: Date;
  channel: string;
}

export interface CreateLoaOptions {
  /** The carrier the customer authorizes (CARRIER_NAME); a corrected version names the one configured when it is signed. */
  newCarrier: NewCarrier;
  /** The reference number to use for version 1 (a new one is created otherwise). */
  referenceNumber?: string;
  /** Must be previous.version + 1 when `previous` is given. */
  version?: number;
  /** The LOA this one corrects: the reference number is kept and the version goes up by one. */
  previous?: Loa;
  /** The support staff member who prepared the request for the customer to sign (an assisted port). */
  preparedBy?: { staffId: string };
  /** The language the customer read the letter in (and signs its statement in); English unless given. */
  language?: Language;
  /** For a port split by account: the reference that links its requests (a correction keeps the previous one's). */
  parentReference?: string;
}

/** A request the caller should not have made (an unsigned or inconsistent LOA); never shown to customers. */
export class LoaInputError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'LoaInputError';
  }
}

export function createLoa(request: PortRequest, signature: LoaSignature, opts: CreateLoaOptions): Loa {
  const checked = PortRequestSchema.safeParse(request);
  if (!checked.success) throw new LoaInputError('loa.invalid_request', 'The port request is incomplete or inconsistent.');
  const valid = checked.data;

  const signer = validateSignature(signature.signerName, {
    holderName: valid.holderName,
    authorizedPerson: valid.authorizedPerson,
  });
  if (!signer.ok) throw new LoaInputError('loa.invalid_signature', `The signature was not accepted: ${signer.error.code}.`);
  if (Number.isNaN(signature.signedAt.getTime())) throw new LoaInputError('loa.invalid_date', 'The signing time is not a valid date.');
  if (signature.channel.trim() === '') throw new LoaInputError('loa.invalid_channel', 'The signing channel is missing.');
  const newCarrier = NewCarrierSchema.safeParse(opts.newCarrier);
  if (!newCarrier.success) throw new LoaInputError('loa.invalid_new_carrier', 'The new carrier has no name.');

  return deepFreeze(
    LoaSchema.parse({
      ...identity(opts),
      country: valid.country,
      accountHolder: valid.holderName,
      authorizedPerson: valid.authorizedPerson,
      serviceAddress: valid.serviceAddress,
      billingNumber: valid.billingNumber,
      numbers: valid.numbers,
      currentCarrier: valid.carrier,
      newCarrier: newCarrier.data,
      parentReference: opts.previous?.parentReference ?? opts.parentReference,
      wholeAccount: valid.wholeAccount,
      remainingBillingNumber: valid.remainingBillingNumber,
      accountNumber: valid.accountNumber,
      pin: valid.pin,
      authorizationStatement: authorizationStatement(newCarrier.data.name),
      ...(opts.language !== undefined &&
        opts.language !== 'en' && { signedIn: opts.language, signedStatement: authorizationStatement(newCarrier.data.name, opts.language) }),
      signature: { signerName: signer.value, signedAt: signature.signedAt.toISOString(), channel: signature.channel.trim() },
      // A corrected letter was prepared by the same hands as the one it replaces.
      preparedBy: opts.previous?.preparedBy ?? opts.preparedBy,
    }),
  );
}

function identity({ referenceNumber, version, previous }: CreateLoaOptions): { referenceNumber: string; version: number } {
  const given = referenceNumber === undefined ? undefined : normalizeReferenceNumber(referenceNumber);
  if (referenceNumber !== undefined && given === undefined) {
    throw new LoaInputError('loa.invalid_reference', 'The reference number is not valid.');
  }
  if (!previous) return { referenceNumber: given ?? createReferenceNumber(), version: version ?? 1 };
  if (given !== undefined && given !== previous.referenceNumber) {
    throw new LoaInputError('loa.reference_changed', 'A new version must keep the reference number of the one it replaces.');
  }
  if (version !== undefined && version !== previous.version + 1) {
    throw new LoaInputError('loa.version_gap', 'A new version must follow the one it replaces.');
  }
  return { referenceNumber: previous.referenceNumber, version: previous.version + 1 };
}

/** True while the LOA is recent enough for providers to accept it. */
export function isLoaCurrent(loa: Loa, now: Date, maxAgeDays: number = LOA_MAX_AGE_DAYS): boolean {
  const ageMs = now.getTime() - Date.parse(loa.signature.signedAt);
  return ageMs >= 0 && ageMs <= maxAgeDays * 24 * 60 * 60 * 1000;
}

/** The LOA as customers and agents see it: the account number as its last four characters, the PIN never. */
export interface MaskedLoaView {
  referenceNumber: string;
  version: number;
  accountHolder: string;
  authorizedPerson?: string;
  serviceAddress: string;
  billingNumber: string;
  numbers: string[];
  currentCarrier: string;
  /** Absent for letters signed before the new carrier was recorded. */
  newCarrier?: string;
  accountNumber: string;
  pinProvided: boolean;
  authorizationStatement: string;
  signerName: string;
  signedAt: string;
  channel: string;
}

export function maskedLoaView(loa: Loa): MaskedLoaView {
  return {
    referenceNumber: loa.referenceNumber,
    version: loa.version,
    accountHolder: holderNameText(loa.accountHolder),
    ...(loa.authorizedPerson === undefined ? {} : { authorizedPerson: loa.authorizedPerson }),
    serviceAddress: formatAddress(loa.serviceAddress),
    billingNumber: formatPhoneNumber(loa.billingNumber),
    numbers: loa.numbers.map(formatPhoneNumber),
    currentCarrier: loa.currentCarrier.name,
    ...(loa.newCarrier === undefined ? {} : { newCarrier: loa.newCarrier.name }),
    accountNumber: maskSecret(loa.accountNumber),
    pinProvided: loa.pin !== undefined,
    authorizationStatement: loa.authorizationStatement,
    signerName: loa.signature.signerName,
    signedAt: loa.signature.signedAt,
    channel: loa.signature.channel,
  };
}

/** Freezes an object and everything reachable from it, so a signed LOA cannot be edited in place. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
