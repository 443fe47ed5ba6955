import type { Loa } from '../domain/loa';
import type { StoredDocumentRef } from '../domain/billDocument';
import type { PortRequest } from '../domain/portRequest';

/**
 * Where a signed LOA goes. The conversation hands each signed version here exactly once per turn, and may hand the
 * same version again (a retried turn, a double click): implementations must treat (referenceNumber, version) as
 * the idempotency key and never submit one version twice.
 */
export interface LoaSubmitter {
  submit(signed: SignedLoaSubmission): Promise<SubmissionReceipt>;
}

export interface SignedLoaSubmission {
  readonly loa: Loa;
  /**
   * Where to tell the customer about progress: the serialized Bot Framework conversation reference. Kept opaque
   * here so that the submission side never depends on the hosting SDK.
   */
  readonly conversation: Readonly<Record<string, unknown>>;
  /** Where the customer wants updates about the port (the draft's contact email); carried on the port request. */
  readonly contactEmail: string;
  /** The documents the customer attached (their bill), delivered with the request; none when absent. */
  readonly documents?: readonly StoredDocumentRef[];
}

/**
 * What is handed over when the customer signs: the letter, and what else they gave that the request carries but the
 * letter does not (the contact email). Made here alone, from the whole request the letter was made from, so that no
 * caller can leave a detail behind.
 */
export function signedLoaSubmission(
  loa: Loa,
  request: PortRequest,
  conversation: Readonly<Record<string, unknown>>,
  documents: readonly StoredDocumentRef[] = [],
): SignedLoaSubmission {
  return { loa, contactEmail: request.contactEmail, conversation: { ...conversation }, documents: [...documents] };
}

export interface SubmissionReceipt {
  readonly referenceNumber: string;
  readonly version: number;
  /** ISO time the submission was stored durably (the first time, for a repeated hand-over). */
  readonly acceptedAt: string;
}
