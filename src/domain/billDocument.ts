/**
 * A copy of the customer's latest bill, attached in the chat: which files are taken, what is checked about them and
 * which details are read from its text. Twilio's port-in needs a recent bill, and carriers ask for one when details
 * are disputed. The type is read from the file's first bytes, never taken from what the client says it is.
 */
import { z } from 'zod';
import { extractCsrFields, type CsrExtraction } from './csrExtraction';
import type { CsrDraft, CsrFieldName } from './csrFields';

export const BILL_LIMITS = {
  /** A phone's photo or a bill's PDF is a few MB; 10 MB leaves room for a scan. */
  maxBytes: 10 * 1024 * 1024,
  /** A phone bill runs to a few pages; more is a statement archive, or no bill at all. */
  maxPdfPages: 20,
} as const;

export const BILL_CONTENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/heic'] as const;
export type BillContentType = (typeof BILL_CONTENT_TYPES)[number];

/** The name a bill's file has beside request.json, and in the webhook's body. */
const FILE_NAMES: Readonly<Record<BillContentType, string>> = {
  'application/pdf': 'bill.pdf',
  'image/jpeg': 'bill.jpg',
  'image/png': 'bill.png',
  'image/heic': 'bill.heic',
};

export function billFileName(contentType: BillContentType): string {
  return FILE_NAMES[contentType];
}

/** What a stored document is, as the request lists it: never its content. */
export const DocumentFactsSchema = z.object({
  kind: z.literal('bill'),
  contentType: z.enum(BILL_CONTENT_TYPES),
  size: z.int().min(1),
  /** Hex SHA-256 of the file's bytes. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type DocumentFacts = z.infer<typeof DocumentFactsSchema>;

/** A stored document named by its id in the document store (see src/documents/documentStore.ts). */
export const StoredDocumentRefSchema = DocumentFactsSchema.extend({ id: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) });
export type StoredDocumentRef = z.infer<typeof StoredDocumentRefSchema>;

/** Why a file is not taken as a bill. */
export type BillRefusal = 'tooBig' | 'wrongType' | 'encrypted' | 'tooManyPages' | 'unreadable' | 'unreachable';

const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1']);

/** The file's type from its first bytes (its magic number); undefined when it is none of the bill types. */
export function sniffContentType(bytes: Uint8Array): BillContentType | undefined {
  const starts = (...signature: number[]) => signature.every((byte, index) => bytes[index] === byte);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf'; // %PDF-
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  // ISO base media: a box of type 'ftyp' whose major brand is one of HEIF's.
  const boxType = Buffer.from(bytes.subarray(4, 8)).toString('latin1');
  const brand = Buffer.from(bytes.subarray(8, 12)).toString('latin1');
  if (boxType === 'ftyp' && HEIC_BRANDS.has(brand)) return 'image/heic';
  return undefined;
}

/**
 * Whether a PDF names an encryption dictionary (its trailer's /Encrypt): even one that opens without a password
 * restricts what the porting team's tools may do with it.
 */
export function pdfIsEncrypted(bytes: Uint8Array): boolean {
  return /\/Encrypt\s*(?:\d+\s+\d+\s+R|<<)/.test(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'));
}

/** A US ZIP code or a Canadian postal code at the end of a line. */
const POSTAL_CODE_LINE_END = /(\b\d{5}(?:-\d{4})?|\b[A-Za-z]\d[A-Za-z][ -]?\d[A-Za-z]\d)[ \t]*\r?\n/g;

/**
 * A PDF's text has no blank lines between its blocks, where a pasted record has them: an address would run on into
 * whatever follows it ("Amount due …"). On a bill an address ends with its postal code, so its line ends the value.
 */
function endAddressesAtPostalCodes(text: string): string {
  return text.replace(POSTAL_CODE_LINE_END, '$1\n\n');
}

/** The details a bill shows that the request needs: who holds the account, its number and where the service is. */
export const BILL_FIELDS = ['accountNumber', 'holderName', 'serviceAddress'] as const satisfies readonly CsrFieldName[];

/**
 * The bill's details read from its text as a pasted record's are (extractCsrFields), each through its field's
 * validator; only the account number, the holder's name and the service address are kept. A bill also shows
 * balances, plans and dates, which are not the customer's answers to anything.
 */
export function extractBillFields(text: string, draft: CsrDraft): CsrExtraction {
  const all = extractCsrFields(endAddressesAtPostalCodes(text), draft);
  const kept = (field: CsrFieldName) => (BILL_FIELDS as readonly CsrFieldName[]).includes(field);
  const accepted = Object.fromEntries(Object.entries(all.accepted).filter(([field]) => kept(field as CsrFieldName)));
  return {
    accepted,
    refused: all.refused.filter(({ field }) => kept(field)),
    found: all.found.filter(kept),
  };
}
