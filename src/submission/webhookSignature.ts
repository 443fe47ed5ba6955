/**
 * The signature on every webhook body that crosses between the bot and the porting backend, in both directions:
 * `X-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>`, keyed with the shared PORTING_WEBHOOK_SECRET.
 */
import { createHmac } from 'node:crypto';
import { sameSecret } from '../security/sameSecret';

export const SIGNATURE_HEADER = 'X-Signature-256';
const PREFIX = 'sha256=';

export function signBody(rawBody: Buffer | string, secret: string): string {
  return PREFIX + createHmac('sha256', secret).update(rawBody).digest('hex');
}

/** Whether `header` is the signature of exactly these bytes; compared in constant time. */
export function verifySignature(rawBody: Buffer | string, header: string | undefined, secret: string): boolean {
  if (header === undefined) return false;
  return sameSecret(header.trim().toLowerCase(), signBody(rawBody, secret));
}
