/**
 * The signed Letter of Authorization as a one-page PDF, in two copies: the carrier's, with the full account number,
 * and the customer's, with the account number masked. The transfer PIN is on neither: it travels in the port
 * request. The document holds only the authorization, as the letter-of-agency rule requires, and is deterministic
 * (its dates are the signing time) so that a re-delivered letter is byte for byte the one delivered before.
 */
import PDFDocument from 'pdfkit';
import {
  type Loa,
  formatAddress,
  formatPhoneNumber,
  holderNameText,
  maskSecret,
} from '../../domain';
import { type LetterText, type LoaCopy, letterText } from './loaPdfText';
import { PdfText, type TextStyle } from './pdfText';
import { setOneLetter } from './fonts';

export type { LoaCopy } from './loaPdfText';

const PAGE = { width: 612, height: 792, margin: 54 } as const;
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const LABEL_WIDTH = 170;
const NUMBER_COLUMNS = 4;

const colors = { ink: '#1a1a1a', muted: '#5a5a5a', accent: '#0b4f8a', rule: '#c9ced6', panel: '#f3f5f8' } as const;

const styles = {
  title: { style: 'bold', size: 20, color: colors.ink },
  subtitle: { style: 'regular', size: 10.5, color: colors.muted },
  headerRight: { style: 'regular', size: 10, color: colors.ink },
  headerRightStrong: { style: 'bold', size: 11, color: colors.accent },
  section: { style: 'bold', size: 11.5, color: colors.accent },
  label: { style: 'regular', size: 9.5, color: colors.muted },
  value: { style: 'regular', size: 10.5, color: colors.ink },
  statement: { style: 'regular', size: 10.5, color: colors.ink },
  signature: { style: 'italic', size: 17, color: colors.ink },
  note: { style: 'regular', size: 8.5, color: colors.muted },
} as const satisfies Record<string, TextStyle>;

/** The carrier's copy: every element of the letter, the account number in full. */
export function renderCarrierLoaPdf(loa: Loa): Promise<Buffer> {
  return renderLoaPdf(loa, 'carrier');
}

/** The customer's copy: the same letter with the account number masked (••••6789). */
export function renderCustomerLoaPdf(loa: Loa): Promise<Buffer> {
  return renderLoaPdf(loa, 'customer');
}

/** Either copy; what the worker threads of the pooled renderer (pdfRenderer.ts) run. */
export function renderLoaPdf(loa: Loa, copy: LoaCopy): Promise<Buffer> {
  const signedAt = new Date(loa.signature.signedAt);
  // The carrier reads English; the customer reads their copy in the language they signed in.
  const text = letterText[copy === 'customer' ? (loa.signedIn ?? 'en') : 'en'];
  const doc = new PDFDocument({
    // No default font: pdfkit would parse Helvetica's metrics for every letter, which sets no text in it.
    font: null as unknown as string,
    size: 'LETTER',
    margin: PAGE.margin,
    lang: text.locale,
    displayTitle: true,
    info: {
      Title: text.metadata.title(loa.referenceNumber, loa.version),
      Author: loa.signature.signerName,
      Subject: text.metadata.subject(loa.numbers.length, loa.currentCarrier.name, loa.newCarrier?.name),
      Keywords: text.metadata.keywords(loa.referenceNumber, loa.version, copy),
      Creator: text.metadata.creator,
      CreationDate: signedAt,
      ModDate: signedAt,
    },
  });
  const finished = collect(doc);
  setOneLetter(() => new LoaLayout(new PdfText(doc), doc, text).draw(loa, copy), [loa.accountNumber, loa.pin ?? '']);
  doc.end();
  return finished;
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/** Draws the letter top to bottom, keeping the current height in `y`. */
class LoaLayout {
  private y: number = PAGE.margin;

  constructor(
    private readonly pdfText: PdfText,
    private readonly doc: PDFKit.PDFDocument,
    private readonly text: LetterText,
  ) {}

  draw(loa: Loa, copy: LoaCopy): void {
    this.header(loa, copy);
    this.section(this.text.holderSection);
    this.row(this.text.holderName, `${holderNameText(loa.accountHolder)} (${this.text.holderKind[loa.accountHolder.kind]})`);
    if (loa.authorizedPerson !== undefined) this.row(this.text.authorizedPerson, loa.authorizedPerson);
    this.row(this.text.serviceAddress, formatAddress(loa.serviceAddress));
    this.row(this.text.billingNumber, formatPhoneNumber(loa.billingNumber));

    this.section(this.text.accountSection);
    this.row(this.text.currentCarrier, loa.currentCarrier.name);
    this.row(this.text.accountNumber, copy === 'carrier' ? loa.accountNumber : maskSecret(loa.accountNumber));
    if (loa.pin !== undefined) this.row(this.text.transferPin, this.text.pinProvided);

    this.section(this.text.numbersSection(loa.numbers.length));
    this.numbers(loa.numbers.map(formatPhoneNumber));
    // Where the customer was asked: the carrier needs to know whether lines stay, and their new BTN if the BTN leaves.
    if (loa.wholeAccount !== undefined) this.row(this.text.portScope, this.text.wholeAccount[`${loa.wholeAccount}`]);
    if (loa.remainingBillingNumber !== undefined) this.row(this.text.remainingBillingNumber, formatPhoneNumber(loa.remainingBillingNumber));
    if (loa.parentReference !== undefined) this.row(this.text.parentReference, loa.parentReference);

    this.section(this.text.authorizationSection);
    // Letters signed before the new carrier was recorded keep their own statement and have no such row.
    if (loa.newCarrier !== undefined) this.row(this.text.newCarrier, loa.newCarrier.name);
    // The customer's copy has the words they signed; the carrier's has the English, and then those words.
    if (copy === 'customer' && loa.signedStatement !== undefined) {
      this.statement(loa.signedStatement);
    } else {
      this.statement(loa.authorizationStatement);
      if (loa.signedIn !== undefined && loa.signedStatement !== undefined) {
        this.y = this.pdfText.paragraph(this.text.signedStatement(loa.signedIn), styles.label, { x: PAGE.margin, y: this.y + 6, width: CONTENT_WIDTH });
        this.statement(loa.signedStatement);
      }
    }

    this.section(this.text.signatureSection);
    this.signature(loa);
    this.footer(copy);
  }

  private header(loa: Loa, copy: LoaCopy): void {
    const rightWidth = 210;
    const rightX = PAGE.margin + CONTENT_WIDTH - rightWidth;
    const top = this.y;
    const leftBottom = this.pdfText.paragraph(this.text.subtitle, styles.subtitle, {
      x: PAGE.margin,
      y: this.pdfText.paragraph(this.text.title, styles.title, { x: PAGE.margin, y: top, width: CONTENT_WIDTH - rightWidth }),
      width: CONTENT_WIDTH - rightWidth,
    });
    const referenceBottom = this.pdfText.paragraph(this.text.reference(loa.referenceNumber), styles.headerRightStrong, {
      x: rightX,
      y: top + 4,
      width: rightWidth,
      align: 'right',
    });
    const rightBottom = this.pdfText.paragraph(this.text.versionAndCopy(loa.version, copy), styles.headerRight, {
      x: rightX,
      y: referenceBottom,
      width: rightWidth,
      align: 'right',
    });
    this.y = Math.max(leftBottom, rightBottom) + 8;
    this.rule(colors.accent, 1.5);
  }

  private section(title: string): void {
    this.y += 12;
    this.y = this.pdfText.paragraph(title, styles.section, { x: PAGE.margin, y: this.y, width: CONTENT_WIDTH }) + 2;
    this.rule(colors.rule, 0.75);
    this.y += 4;
  }

  private row(label: string, value: string): void {
    const labelBottom = this.pdfText.paragraph(label, styles.label, { x: PAGE.margin, y: this.y + 1, width: LABEL_WIDTH - 10 });
    const valueBottom = this.pdfText.paragraph(value, styles.value, {
      x: PAGE.margin + LABEL_WIDTH,
      y: this.y,
      width: CONTENT_WIDTH - LABEL_WIDTH,
    });
    this.y = Math.max(labelBottom, valueBottom) + 3;
  }

  private numbers(numbers: readonly string[]): void {
    const columnWidth = CONTENT_WIDTH / NUMBER_COLUMNS;
    const lineHeight = this.pdfText.lineHeight(styles.value);
    numbers.forEach((number, index) => {
      const column = index % NUMBER_COLUMNS;
      const line = Math.floor(index / NUMBER_COLUMNS);
      this.pdfText.paragraph(number, styles.value, {
        x: PAGE.margin + column * columnWidth,
        y: this.y + line * (lineHeight + 2),
        width: columnWidth - 8,
      });
    });
    this.y += Math.ceil(numbers.length / NUMBER_COLUMNS) * (lineHeight + 2) + 1;
  }

  private statement(statement: string): void {
    const padding = 10;
    const top = this.y + 2;
    const width = CONTENT_WIDTH - 2 * padding;
    const height = this.pdfText.heightOf(statement, styles.statement, width) + 2 * padding;
    this.doc.save().rect(PAGE.margin, top, CONTENT_WIDTH, height).fill(colors.panel).restore();
    this.pdfText.paragraph(statement, styles.statement, { x: PAGE.margin + padding, y: top + padding, width });
    this.y = top + height;
  }

  private signature(loa: Loa): void {
    const { signerName, signedAt, channel } = loa.signature;
    const signedAtValue = this.text.signedAtValue(this.text.longDate.format(new Date(signedAt)), signedAt.slice(11, 19));
    this.y += 2;
    const labelBottom = this.pdfText.paragraph(this.text.signedBy, styles.label, { x: PAGE.margin, y: this.y + 8, width: LABEL_WIDTH - 10 });
    const signatureBottom = this.pdfText.paragraph(signerName, styles.signature, {
      x: PAGE.margin + LABEL_WIDTH,
      y: this.y,
      width: CONTENT_WIDTH - LABEL_WIDTH,
    });
    this.y = Math.max(labelBottom, signatureBottom);
    this.doc
      .save()
      .moveTo(PAGE.margin + LABEL_WIDTH, this.y)
      .lineTo(PAGE.margin + CONTENT_WIDTH, this.y)
      .lineWidth(0.75)
      .stroke(colors.ink)
      .restore();
    this.y += 6;
    this.row(this.text.printedName, signerName);
    this.row(this.text.signedAt, signedAtValue);
    this.row(this.text.channel, channel);
    this.row(this.text.letterReference, this.text.letterReferenceValue(loa.referenceNumber, loa.version));
    this.y = this.pdfText.paragraph(this.text.signatureNote, styles.note, { x: PAGE.margin, y: this.y + 4, width: CONTENT_WIDTH });
  }

  private footer(copy: LoaCopy): void {
    const y = PAGE.height - PAGE.margin - 2 * this.pdfText.lineHeight(styles.note);
    this.doc
      .save()
      .moveTo(PAGE.margin, y - 6)
      .lineTo(PAGE.margin + CONTENT_WIDTH, y - 6)
      .lineWidth(0.5)
      .stroke(colors.rule)
      .restore();
    this.pdfText.paragraph(this.text.footer(copy), styles.note, { x: PAGE.margin, y, width: CONTENT_WIDTH });
  }

  private rule(color: string, width: number): void {
    this.doc
      .save()
      .moveTo(PAGE.margin, this.y)
      .lineTo(PAGE.margin + CONTENT_WIDTH, this.y)
      .lineWidth(width)
      .stroke(color)
      .restore();
  }
}
