/**
 * The checks a file attached as a bill passes before it is stored: its size, its type read from its bytes, and for a
 * PDF, that it opens without a password, has a bill's few pages, and what text it holds (to pre-fill the details).
 */
import { createHash } from 'node:crypto';
import { BILL_LIMITS, type BillContentType, type BillRefusal, pdfIsEncrypted, sniffContentType } from '../domain/billDocument';
import type { PdfReader } from './pdfReader';

export type BillCheck =
  | {
      readonly ok: true;
      readonly contentType: BillContentType;
      readonly size: number;
      readonly sha256: string;
      /** A PDF's text layer; empty for a photo or a scan without one. */
      readonly text: string;
    }
  | { readonly ok: false; readonly refusal: BillRefusal };

export async function checkBill(bytes: Uint8Array, pdfReader: PdfReader): Promise<BillCheck> {
  if (bytes.byteLength > BILL_LIMITS.maxBytes) return { ok: false, refusal: 'tooBig' };
  const contentType = sniffContentType(bytes);
  if (contentType === undefined) return { ok: false, refusal: 'wrongType' };
  let text = '';
  if (contentType === 'application/pdf') {
    if (pdfIsEncrypted(bytes)) return { ok: false, refusal: 'encrypted' };
    const reading = await pdfReader.read(bytes, BILL_LIMITS.maxPdfPages);
    if (reading.kind === 'passwordProtected') return { ok: false, refusal: 'encrypted' };
    if (reading.kind === 'unreadable' || reading.pages < 1) return { ok: false, refusal: 'unreadable' };
    if (reading.pages > BILL_LIMITS.maxPdfPages) return { ok: false, refusal: 'tooManyPages' };
    text = reading.text;
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { ok: true, contentType, size: bytes.byteLength, sha256, text };
}
