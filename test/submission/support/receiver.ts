import { createHash } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IDEMPOTENCY_KEY_HEADER, SIGNATURE_HEADER, type WebhookDeliveryBody, verifySignature } from '../../../src/submission';

export const RECEIVER_SECRET = 'a-test-secret-that-is-long-enough-0123456789';

export interface ReceivedRequest {
  readonly idempotencyKey: string;
  readonly signatureValid: boolean;
  readonly body: WebhookDeliveryBody;
}

/** How the receiver answers one request: a status, or 'hang' to never answer (the client times out or gives up). */
export type Answer = number | 'hang';

/**
 * A porting backend as the contract asks it to behave: it verifies the signature, processes each idempotency key
 * once (a repeat is answered 200 without processing it again), and answers as the test scripts it.
 */
export class Receiver {
  readonly requests: ReceivedRequest[] = [];
  /** Idempotency key → the body processed for it: exactly-once means one entry per LOA version. */
  readonly processed = new Map<string, WebhookDeliveryBody>();
  private readonly server: Server;
  private waiting: Array<() => boolean> = [];

  constructor(private readonly answer: (request: ReceivedRequest, attempt: number) => Answer = () => 200) {
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  /** Listens on 127.0.0.1, on the given port or any free one; resolves with the webhook URL. */
  listen(port = 0): Promise<string> {
    return new Promise((resolve) => {
      this.server.listen(port, '127.0.0.1', () => resolve(`http://127.0.0.1:${(this.server.address() as AddressInfo).port}/porting`));
    });
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** Resolves once `count` requests have arrived. */
  received(count: number): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (this.requests.length < count) return false;
        resolve();
        return true;
      };
      if (!check()) this.waiting.push(check);
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const signature = req.headers[SIGNATURE_HEADER.toLowerCase()];
    const request: ReceivedRequest = {
      idempotencyKey: String(req.headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()]),
      signatureValid: verifySignature(raw, typeof signature === 'string' ? signature : undefined, RECEIVER_SECRET),
      body: JSON.parse(raw.toString('utf8')) as WebhookDeliveryBody,
    };
    this.requests.push(request);
    const attempt = this.requests.filter((earlier) => earlier.idempotencyKey === request.idempotencyKey).length;
    const answer = this.answer(request, attempt);
    if (answer !== 'hang' && answer >= 200 && answer < 300 && request.signatureValid && !this.processed.has(request.idempotencyKey)) {
      this.processed.set(request.idempotencyKey, request.body);
    }
    // A request that hangs was received and processed before the connection broke: the retry must be recognised.
    if (answer === 'hang' && request.signatureValid) this.processed.set(request.idempotencyKey, request.body);
    this.waiting = this.waiting.filter((check) => !check());
    if (answer === 'hang') return;
    // restify, when loaded in the same process, replaces ServerResponse#writeHead with one that returns nothing.
    res.writeHead(answer, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ status: answer }));
  }
}

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
