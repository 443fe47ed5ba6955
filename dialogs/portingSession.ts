/**
 * The customer's porting session as kept in user state, with a schema and a version: what is read back is parsed,
 * sessions written by earlier versions are migrated step by step (one function per version), and one that cannot be
 * read is reported and treated as absent rather than trusted.
 */
import { z } from 'zod';
import { CSR_FIELDS, CsrDraftSchema, pinOf } from '../src/domain/csrFields';
import { StoredDocumentRefSchema } from '../src/domain/billDocument';
import { LoaSchema } from '../src/domain/loa';
import { LANGUAGES } from '../src/i18n/language';

/** The quick tips, in the order the customer is walked through them. */
export const TIP_IDS = ['keepService', 'getCsr', 'fillLoa'] as const;
export type TipId = (typeof TIP_IDS)[number];

export const PORTING_STAGES = ['collecting', 'reviewing', 'signing', 'signed', 'correcting'] as const;
export type PortingStage = (typeof PORTING_STAGES)[number];

/** The draft fields a correction or a refusal count can name: the CSR fields and a business's authorizing person. */
const DraftFieldSchema = z.enum([...CSR_FIELDS, 'authorizedPerson']);

/** The carrier rejected the signed request for a reason the customer can fix: what to ask again before signing anew. */
const PendingCorrectionSchema = z.object({
  referenceNumber: z.string().min(1),
  /** The version the carrier rejected: the signed LOA in the session. */
  version: z.int().min(1),
  reasonCode: z.string().min(1),
  /** Only these details are asked again (plus any that a changed answer makes invalid). */
  fields: z.array(DraftFieldSchema),
  /** The correction has been offered once: later messages no longer start it unless the customer asks to fix. */
  begun: z.boolean(),
});
export type PendingCorrection = z.infer<typeof PendingCorrectionSchema>;

/** The version written now; readPortingSession brings older ones up to it. */
export const PORTING_SESSION_VERSION = 4;

/** The secrets whose answers can wait on a question about an unconfirmed carrier rule. */
const RuleCheckedFieldSchema = z.enum(['accountNumber', 'pin']);
export type RuleCheckedField = z.infer<typeof RuleCheckedFieldSchema>;

/**
 * Everything the bot knows about one customer's port, kept in user state so that a customer who comes back
 * later (same user id) can continue where they stopped. The dialog stack lives in conversation state; this
 * does not, so clearing a broken dialog stack never loses what the customer told us.
 */
export const PortingSessionSchema = z.object({
  schemaVersion: z.literal(PORTING_SESSION_VERSION),
  draft: CsrDraftSchema,
  stage: z.enum(PORTING_STAGES),
  tipsSeen: z.array(z.enum(TIP_IDS)),
  /** The customer's answer to tip 1: true if their current service is still active, false if they cancelled it. */
  serviceActiveConfirmed: z.boolean().optional(),
  /** The carrier (by name) whose own CSR, PIN and port-out lock instructions the customer was shown (tip 2's carrier part). */
  carrierGuidanceFor: z.string().optional(),
  /**
   * When the customer gave the transfer PIN in the draft (ISO time): the PIN's lifetime counts from then. Set whenever
   * the draft holds a PIN (see keepPinDated), gone with it.
   */
  pinGivenAt: z.iso.datetime().optional(),
  /**
   * A secret as the customer typed it that breaks an unconfirmed rule of their carrier's, kept only while they are asked
   * whether it is exactly what the carrier gave (see RuleQuestion): "Yes, that's it" takes it, any new answer replaces it.
   */
  unconfirmedAnswers: z.partialRecord(RuleCheckedFieldSchema, z.string()).optional(),
  /**
   * The carrier (by name) whose port-out lock the customer said is off, for the letter they are about to sign. Sending
   * the letter clears it: a corrected letter asks again, as a lock left on is a reason carriers reject.
   */
  portOutLockOffFor: z.string().optional(),
  /** Refused answers per field since the field was last accepted: three in a row offers help or an agent. */
  refusals: z.partialRecord(DraftFieldSchema, z.int().min(0)),
  /** The signed LOA, once the customer has signed; the PIN travels with the submission alone. */
  signedLoa: LoaSchema.omit({ pin: true }).optional(),
  /** Set while stage is 'correcting': the carrier rejected `signedLoa` and the customer can fix it. */
  correction: PendingCorrectionSchema.optional(),
  /**
   * The reference numbers of every request the customer has handed over for submission, oldest first, kept when
   * they start over: "delete my data" withdraws or reports each.
   */
  submittedReferences: z.array(z.string()),
  /**
   * The numbers given are on several accounts or carriers: the port moves one account's numbers at a time, each as a
   * request of its own (`children`, oldest first), all under `parentReference`, which the customer is given. `later`
   * holds the numbers still to move (with the portability check's verdicts), for the next accounts.
   */
  linkedPort: z
    .object({
      parentReference: z.string().min(1),
      children: z.array(z.string()),
      later: CsrDraftSchema.shape.numbers,
    })
    .optional(),
  /** The carrier rejected this request for a reason a person must sort out: asking for a person says so. */
  personNeeded: z.object({ referenceNumber: z.string(), reasonCode: z.string() }).optional(),
  /** The copy of their latest bill the customer attached (the file is in the document store): sent with the request. */
  bill: StoredDocumentRefSchema.optional(),
  /**
   * Every document the customer attached, sent or not, kept when they start over: "delete my data" deletes each (see
   * dialogs/billAttachment.ts). A document sent with a request is deleted with the request too.
   */
  documentIds: z.array(z.string()).optional(),
  /**
   * The draft came from a support staff member through a signing link (an assisted port): the reference reserved for
   * it, the link that opened it, and who prepared it (the signed letter says so). Gone once signed, or on a new port.
   */
  assisted: z.object({ referenceNumber: z.string().min(1), linkId: z.string().min(1), staffId: z.string().min(1) }).optional(),
  /**
   * The language the customer chose ("español", "English", the web page's language button); without a choice, each
   * turn speaks its activity's locale. Kept when they start over.
   */
  language: z.enum(LANGUAGES).optional(),
  /** ISO time of the last change, used to offer a resume and to expire old drafts. */
  updatedAt: z.iso.datetime(),
});
export type PortingSession = z.infer<typeof PortingSessionSchema>;

type StoredSession = Record<string, unknown>;

/**
 * Version 1, written before sessions carried a version: the list of submitted requests was added later, so it may be
 * missing, or lack the signed letter's reference.
 */
export function migrateFromVersion1(stored: StoredSession): StoredSession {
  return { ...stored, schemaVersion: 2, submittedReferences: submittedReferencesIn(stored) };
}

/**
 * The requests a stored session names as handed over, whatever its version and even when the rest of it cannot be
 * read: its list, and its signed letter's reference.
 */
export function submittedReferencesIn(stored: unknown): string[] {
  const session = (typeof stored === 'object' && stored !== null ? stored : {}) as StoredSession;
  const listed = Array.isArray(session.submittedReferences) ? session.submittedReferences : [];
  const signedLoa = session.signedLoa as { referenceNumber?: unknown } | undefined;
  return [...new Set([...listed, signedLoa?.referenceNumber].filter((reference): reference is string => typeof reference === 'string'))];
}

/**
 * Version 2, written before the session knew when the PIN was given: a draft holding a PIN is dated from the session's
 * last change, the latest the PIN can have been given (so a PIN is never taken for older than it is).
 */
export function migrateFromVersion2(stored: StoredSession): StoredSession {
  const pin = (stored.draft as { pin?: unknown } | undefined)?.pin;
  const dated = typeof pin === 'string' && pin !== '' && stored.pinGivenAt === undefined ? { pinGivenAt: stored.updatedAt } : {};
  return { ...stored, ...dated, schemaVersion: 3 };
}

/**
 * Version 3, written before the customer could choose a language: no choice was made, so the session has none and
 * the activity's locale speaks, as it did then (English, the only language there was, to a customer who had not
 * asked for another).
 */
export function migrateFromVersion3(stored: StoredSession): StoredSession {
  return { ...stored, schemaVersion: 4 };
}

/** Each function takes a session of its version to the next one. */
const MIGRATIONS: Readonly<Record<number, (stored: StoredSession) => StoredSession>> = {
  1: migrateFromVersion1,
  2: migrateFromVersion2,
  3: migrateFromVersion3,
};

export type SessionRead =
  | { readonly ok: true; readonly session: PortingSession; readonly migratedFrom?: number }
  /** `problems`: where the stored session failed its schema (paths and codes only, never the values). */
  | { readonly ok: false; readonly problems: readonly string[] };

/** A stored session, checked against the schema after bringing it up from the version it was written in. */
export function readPortingSession(stored: unknown): SessionRead {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return { ok: false, problems: ['(root): not an object'] };
  let session = stored as StoredSession;
  const writtenIn = session.schemaVersion === undefined ? 1 : session.schemaVersion;
  if (typeof writtenIn !== 'number' || writtenIn > PORTING_SESSION_VERSION || !Number.isInteger(writtenIn) || writtenIn < 1) {
    return { ok: false, problems: ['schemaVersion: unknown version'] };
  }
  for (let version = writtenIn; version < PORTING_SESSION_VERSION; version += 1) session = MIGRATIONS[version](session);
  const parsed = PortingSessionSchema.safeParse(session);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.code}`) };
  }
  return writtenIn === PORTING_SESSION_VERSION ? { ok: true, session: parsed.data } : { ok: true, session: parsed.data, migratedFrom: writtenIn };
}

export function newPortingSession(now: Date): PortingSession {
  return {
    schemaVersion: PORTING_SESSION_VERSION,
    draft: {},
    stage: 'collecting',
    tipsSeen: [],
    refusals: {},
    submittedReferences: [],
    updatedAt: now.toISOString(),
  };
}

/**
 * A new port for the same customer: what they told us about the port goes; what they learnt (tips read) stays, and
 * so does the list of requests already submitted.
 */
export function restartedPortingSession(session: PortingSession, now: Date): PortingSession {
  return {
    ...newPortingSession(now),
    tipsSeen: session.tipsSeen,
    serviceActiveConfirmed: session.serviceActiveConfirmed,
    submittedReferences: session.submittedReferences,
    ...(session.documentIds && { documentIds: session.documentIds }),
    ...(session.language === undefined ? {} : { language: session.language }),
  };
}

/** Notes a request handed over for submission; a corrected letter keeps its reference, noted once. */
export function noteSubmitted(session: PortingSession, referenceNumber: string): void {
  if (!session.submittedReferences.includes(referenceNumber)) session.submittedReferences = [...session.submittedReferences, referenceNumber];
}

/**
 * Keeps `pinGivenAt` true to the draft after a change: a PIN that is new (or new to the session) is given now; a PIN
 * removed takes its date with it. `pinBefore` is the draft's PIN before the change. The same PIN typed again (a fresh
 * one the carrier happened to repeat) is given again too, but only the caller knows that: see notePinGiven.
 */
export function keepPinDated(session: PortingSession, pinBefore: string | undefined, now: Date): void {
  const pin = pinOf(session.draft);
  if (pin === undefined) delete session.pinGivenAt;
  else if (pin !== pinBefore || session.pinGivenAt === undefined) session.pinGivenAt = now.toISOString();
}

/** The customer has just given their PIN (perhaps the same one again): its lifetime starts now. */
export function notePinGiven(session: PortingSession, now: Date): void {
  if (pinOf(session.draft) !== undefined) session.pinGivenAt = now.toISOString();
}

/** The field's answer is settled (saved, or to be typed again): a value kept for a question about it goes. */
export function forgetUnconfirmed(session: PortingSession, field: string): void {
  const kept = session.unconfirmedAnswers;
  if (kept === undefined) return;
  delete kept[field as RuleCheckedField];
  if (Object.keys(kept).length === 0) delete session.unconfirmedAnswers;
}
