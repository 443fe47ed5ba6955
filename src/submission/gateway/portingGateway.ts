import type { DocumentFacts } from '../../domain/billDocument';
import type { PortRequestJson } from '../portRequestJson';

/** A document the customer attached, delivered with the request (listed in its `documents`). */
export interface DeliveredDocument {
  /** Its id in the document store, which its link names (see src/hosting/documentLinks.ts). */
  readonly id: string;
  readonly facts: DocumentFacts;
  readonly fileName: string;
  readonly content: Buffer;
}

/** One signed LOA version on its way to the porting backend. */
export interface PortingDelivery {
  /** "<reference>-v<version>": the same on every attempt, so the receiver can deduplicate. */
  readonly idempotencyKey: string;
  readonly request: PortRequestJson;
  /** The carrier copy of the signed LOA. */
  readonly carrierPdf: Buffer;
  /** The documents the request lists; none when absent. */
  readonly documents?: readonly DeliveredDocument[];
}

export type DeliveryOutcome =
  | { readonly kind: 'delivered' }
  /** Worth trying again later: the backend is down, slow or overloaded. */
  | { readonly kind: 'retry'; readonly reason: string; readonly status?: number }
  /** The backend refused this request: trying again would get the same answer. */
  | { readonly kind: 'rejected'; readonly reason: string; readonly status?: number };

/**
 * Where port requests go. Delivering the same version again must be harmless: a crash between delivering and
 * recording the delivery makes the outbox deliver once more, with the same idempotency key.
 * An error thrown (rather than an outcome returned) counts as worth retrying.
 */
export interface PortingGateway {
  deliver(delivery: PortingDelivery, signal: AbortSignal): Promise<DeliveryOutcome>;
}
