import type { CsrDraft, CsrFieldName } from '../src/domain/csrFields';
import type { PortRequestField } from '../src/domain/portRequest';
import type { Loa } from '../src/domain/loa';

/** The quick tips, in the order the customer is walked through them. */
export const TIP_IDS = ['keepService', 'getCsr', 'fillLoa'] as const;
export type TipId = (typeof TIP_IDS)[number];

export type PortingStage = 'collecting' | 'reviewing' | 'signing' | 'signed' | 'correcting';

/** The carrier rejected the signed request for a reason the customer can fix: what to ask again before signing anew. */
export interface PendingCorrection {
  referenceNumber: string;
  /** The version the carrier rejected: the signed LOA in the session. */
  version: number;
  reasonCode: string;
  /** Only these details are asked again (plus any that a changed answer makes invalid). */
  fields: PortRequestField[];
  /** The correction has been offered once: later messages no longer start it unless the customer asks to fix. */
  begun: boolean;
}

/**
 * Everything the bot knows about one customer's port, kept in user state so that a customer who comes back
 * later (same user id) can continue where they stopped. The dialog stack lives in conversation state; this
 * does not, so clearing a broken dialog stack never loses what the customer told us.
 */
export interface PortingSession {
  draft: CsrDraft;
  stage: PortingStage;
  tipsSeen: TipId[];
  /** The customer's answer to tip 1: true if their current service is still active, false if they cancelled it. */
  serviceActiveConfirmed?: boolean;
  /** The carrier (by name) whose own CSR, PIN and port-out lock instructions the customer was shown (tip 2's carrier part). */
  carrierGuidanceFor?: string;
  /** Refused answers per field since the field was last accepted: three in a row offers help or an agent. */
  refusals: Partial<Record<CsrFieldName | 'authorizedPerson', number>>;
  /** The signed LOA, once the customer has signed. */
  signedLoa?: Loa;
  /** Set while stage is 'correcting': the carrier rejected `signedLoa` and the customer can fix it. */
  correction?: PendingCorrection;
  /**
   * The reference numbers of every request the customer has handed over for submission, oldest first, kept when
   * they start over: "delete my data" withdraws or reports each. Sessions saved before the list was kept lack it.
   */
  submittedReferences?: string[];
  /** The carrier rejected this request for a reason a person must sort out: asking for a person says so. */
  personNeeded?: { referenceNumber: string; reasonCode: string };
  /** ISO time of the last change, used to offer a resume and to expire old drafts. */
  updatedAt: string;
}

export function newPortingSession(now: Date): PortingSession {
  return { draft: {}, stage: 'collecting', tipsSeen: [], refusals: {}, updatedAt: now.toISOString() };
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
    submittedReferences: submittedReferences(session),
  };
}

/** Notes a request handed over for submission; a corrected letter keeps its reference, noted once. */
export function noteSubmitted(session: PortingSession, referenceNumber: string): void {
  const submitted = session.submittedReferences ?? [];
  if (!submitted.includes(referenceNumber)) session.submittedReferences = [...submitted, referenceNumber];
}

/** Every request the customer has submitted; a session saved before the list was kept names only its signed one. */
export function submittedReferences(session: PortingSession | undefined): string[] {
  const signed = session?.signedLoa?.referenceNumber;
  return [...new Set([...(session?.submittedReferences ?? []), ...(signed === undefined ? [] : [signed])])];
}
