/** Copies of a bill, made in the test: a PDF with a text layer (pdfkit) and a photo (a PNG, pngjs). */
import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import { PNG } from 'pngjs';

export interface BillFacts {
  readonly accountNumber: string;
  readonly holderName: string;
  readonly serviceAddress: string;
  readonly phoneNumber: string;
  readonly carrier: string;
}

export interface BillPdfOptions {
  /** Blank pages after the bill's own. */
  readonly extraPages?: number;
  /** Encrypts the PDF: a user password is needed to open it; an owner password only restricts it. */
  readonly userPassword?: string;
  readonly ownerPassword?: string;
}

/** A carrier's monthly bill, as its PDF shows the details (with the usual noise around them). */
export function billPdf(facts: BillFacts, options: BillPdfOptions = {}): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'LETTER', userPassword: options.userPassword, ownerPassword: options.ownerPassword });
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.fontSize(18).text(`${facts.carrier} Wireless`);
  doc.fontSize(11).text('Your monthly statement');
  doc.moveDown();
  doc.text(`Account number: ${facts.accountNumber}`);
  doc.text(`Account holder: ${facts.holderName}`);
  doc.text(`Phone number: ${facts.phoneNumber}`);
  doc.moveDown();
  doc.text(`Service address: ${facts.serviceAddress}`);
  doc.moveDown();
  doc.text('Amount due: $84.20 by Dec 28');
  for (let page = 0; page < (options.extraPages ?? 0); page++) doc.addPage().text(`Page ${page + 2}`);
  doc.end();
  return done;
}

/** A small photo: a PNG of a few pixels (its content does not matter, its type does). */
export function billPhoto(): Buffer {
  const png = new PNG({ width: 4, height: 4 });
  png.data.fill(200);
  return PNG.sync.write(png);
}

export function dataUrl(bytes: Buffer, contentType: string): string {
  return `data:${contentType};base64,${bytes.toString('base64')}`;
}

export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
