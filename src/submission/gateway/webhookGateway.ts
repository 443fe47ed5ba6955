/**
 * The webhook porting gateway: POSTs each signed version to the porting backend as one JSON document, the request
 * with the carrier copy of the LOA inside it (base64), signed with the shared secret. Documents the customer attached
 * (their bill, up to 10 MB) travel as signed, expiring links the backend fetches, which keeps the body small; with no
 * address to link to (no PUBLIC_BASE_URL), inside the body too. The contract is in docs/submission.md.
 */
import { createHash } from 'node:crypto';
import { scrubSecrets } from '../../logging';
import { errorMessage, errorName } from '../../logging/errorText';
import { SIGNATURE_HEADER, signBody } from '../webhookSignature';
import { CARRIER_PDF_FILE } from './folderGateway';
import type { DeliveryOutcome, PortingDelivery, PortingGateway } from './portingGateway';
import type { PortRequestJson } from '../portRequestJson';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

export interface WebhookGatewayOptions {
  readonly url: string;
  readonly secret: string;
  /** How long one attempt may take, the answer included. */
  readonly timeoutMs: number;
  /** A signed link to a stored document (src/hosting/documentLinks.ts); without it, documents go inside the body. */
  readonly documentLink?: (documentId: string) => { readonly url: string; readonly expiresAt: Date };
}

/** A document the request lists, as the webhook body carries it: a link to fetch it from, or its content. */
export interface WebhookDocument {
  readonly kind: 'bill';
  readonly fileName: string;
  readonly mediaType: string;
  readonly size: number;
  /** Hex SHA-256 of the file's bytes. */
  readonly sha256: string;
  /** GET it (no other credential needed) until `expiresAt`. */
  readonly url?: string;
  readonly expiresAt?: string;
  /** Only when the bot has no address the backend could fetch it from. */
  readonly contentBase64?: string;
}

/** The body of every webhook POST. */
export interface WebhookDeliveryBody {
  readonly request: PortRequestJson;
  readonly loa: {
    readonly fileName: string;
    readonly mediaType: 'application/pdf';
    /** Hex SHA-256 of the PDF bytes. */
    readonly sha256: string;
    readonly contentBase64: string;
  };
  /** The documents `request.documents` lists, in the same order; absent when it lists none. */
  readonly documents?: readonly WebhookDocument[];
}

/** Timeouts, overload and rate limits pass; any other client error will not. */
const RETRYABLE_CLIENT_ERRORS = new Set([408, 425, 429]);
const MAX_REASON_LENGTH = 300;

export class WebhookGateway implements PortingGateway {
  constructor(private readonly options: WebhookGatewayOptions) {}

  async deliver(delivery: PortingDelivery, signal: AbortSignal): Promise<DeliveryOutcome> {
    const body = JSON.stringify(webhookBody(delivery, this.options.documentLink));
    let response: Response;
    try {
      response = await fetch(this.options.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          [IDEMPOTENCY_KEY_HEADER]: delivery.idempotencyKey,
          [SIGNATURE_HEADER]: signBody(body, this.options.secret),
        },
        body,
        // A redirect would turn the POST into a GET elsewhere: the configured URL must be the final one.
        redirect: 'manual',
        signal: AbortSignal.any([signal, AbortSignal.timeout(this.options.timeoutMs)]),
      });
    } catch (error) {
      return { kind: 'retry', reason: this.networkFailure(error) };
    }
    const reason = await describeResponse(response);
    if (response.status >= 200 && response.status < 300) return { kind: 'delivered' };
    if (response.status >= 500 || RETRYABLE_CLIENT_ERRORS.has(response.status)) {
      return { kind: 'retry', status: response.status, reason };
    }
    return { kind: 'rejected', status: response.status, reason };
  }

  private networkFailure(error: unknown): string {
    if (errorName(error) === 'TimeoutError') return `no answer within ${this.options.timeoutMs} ms`;
    const code = (error as { cause?: { code?: unknown } }).cause?.code;
    if (code === 'ECONNREFUSED') return 'connection refused';
    const message = errorMessage(error);
    return scrubSecrets(typeof code === 'string' ? `${message} (${code})` : message);
  }
}

export function webhookBody(delivery: PortingDelivery, documentLink?: WebhookGatewayOptions['documentLink']): WebhookDeliveryBody {
  const documents = (delivery.documents ?? []).map((document): WebhookDocument => {
    const facts = {
      kind: document.facts.kind,
      fileName: document.fileName,
      mediaType: document.facts.contentType,
      size: document.facts.size,
      sha256: document.facts.sha256,
    };
    if (documentLink === undefined) return { ...facts, contentBase64: document.content.toString('base64') };
    const link = documentLink(document.id);
    return { ...facts, url: link.url, expiresAt: link.expiresAt.toISOString() };
  });
  return {
    request: delivery.request,
    loa: {
      fileName: CARRIER_PDF_FILE,
      mediaType: 'application/pdf',
      sha256: createHash('sha256').update(delivery.carrierPdf).digest('hex'),
      contentBase64: delivery.carrierPdf.toString('base64'),
    },
    ...(documents.length > 0 && { documents }),
  };
}

/** "HTTP 422 Unprocessable Entity: <start of the answer>", with anything that may be a secret removed. */
async function describeResponse(response: Response): Promise<string> {
  let answer = '';
  try {
    answer = (await response.text()).replace(/\s+/g, ' ').trim();
  } catch {
    // The answer was cut off; the status says enough.
  }
  const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  return scrubSecrets(answer ? `${status}: ${answer}` : status).slice(0, MAX_REASON_LENGTH);
}
