import { BILL_LIMITS, extractBillFields, sniffContentType } from '../../src/domain';
import { checkBill } from '../../src/documents/billCheck';
import { createPdfReader, type PdfReader } from '../../src/documents/pdfReader';
import { billPdf, billPhoto, sha256Of } from '../support/bills';

const MARIA_BILL = {
  accountNumber: '555444333222',
  holderName: 'Maria Lopez',
  serviceAddress: '123 Main St, Apt 4, Springfield, IL 62704',
  phoneNumber: '(415) 555-0142',
  carrier: 'AT&T',
};

describe('the type of an attached file, read from its bytes', () => {
  it.each([
    ['a PDF', Buffer.from('%PDF-1.7\n...'), 'application/pdf'],
    ['a JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'image/jpeg'],
    ['a PNG', billPhoto(), 'image/png'],
    ['a HEIC photo', Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.alloc(12)]), 'image/heic'],
    ['a GIF', Buffer.from('GIF89a...'), undefined],
    ['text that calls itself a PDF', Buffer.from('Account number: 123 (bill.pdf)'), undefined],
    ['an MP4 video (same box, other brand)', Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.alloc(12)]), undefined],
    ['nothing', Buffer.alloc(0), undefined],
  ])('%s', (_name, bytes, expected) => {
    expect(sniffContentType(bytes)).toBe(expected);
  });
});

describe('the checks a bill passes', () => {
  let reader: PdfReader;
  beforeAll(() => {
    reader = createPdfReader();
  });
  afterAll(() => reader.close());

  it('takes a PDF bill, with its text, size and SHA-256', async () => {
    const pdf = await billPdf(MARIA_BILL);
    const checked = await checkBill(pdf, reader);

    expect(checked).toEqual({ ok: true, contentType: 'application/pdf', size: pdf.byteLength, sha256: sha256Of(pdf), text: expect.any(String) });
    if (checked.ok) expect(checked.text).toContain('Account number: 555444333222');
  });

  it('takes a photo, which has no text', async () => {
    const photo = billPhoto();
    expect(await checkBill(photo, reader)).toEqual({ ok: true, contentType: 'image/png', size: photo.byteLength, sha256: sha256Of(photo), text: '' });
  });

  it('refuses a file over 10 MB, whatever it is', async () => {
    const big = Buffer.concat([billPhoto(), Buffer.alloc(BILL_LIMITS.maxBytes)]);
    expect(await checkBill(big, reader)).toEqual({ ok: false, refusal: 'tooBig' });
  });

  it('refuses a file of another type, whatever its name said', async () => {
    expect(await checkBill(Buffer.from('GIF89a......'), reader)).toEqual({ ok: false, refusal: 'wrongType' });
  });

  it('refuses a PDF that needs a password, and one encrypted only to restrict it', async () => {
    expect(await checkBill(await billPdf(MARIA_BILL, { userPassword: 'secret', ownerPassword: 'owner' }), reader)).toEqual({ ok: false, refusal: 'encrypted' });
    expect(await checkBill(await billPdf(MARIA_BILL, { ownerPassword: 'owner' }), reader)).toEqual({ ok: false, refusal: 'encrypted' });
  });

  it(`refuses a PDF of more than ${BILL_LIMITS.maxPdfPages} pages, and takes one of exactly that many`, async () => {
    expect(await checkBill(await billPdf(MARIA_BILL, { extraPages: BILL_LIMITS.maxPdfPages }), reader)).toEqual({ ok: false, refusal: 'tooManyPages' });
    expect(await checkBill(await billPdf(MARIA_BILL, { extraPages: BILL_LIMITS.maxPdfPages - 1 }), reader)).toMatchObject({ ok: true });
  });

  it('refuses a file that starts like a PDF but is none', async () => {
    expect(await checkBill(Buffer.from('%PDF-1.4\nthis is not a PDF at all'), reader)).toEqual({ ok: false, refusal: 'unreadable' });
  });
});

describe("the details read from a bill's text", () => {
  it('are the account number, the holder and the service address, each through its validator; nothing else on the bill', () => {
    const text = [
      'AT&T Wireless',
      'Account number: 555444333222',
      'Account holder: Maria Lopez',
      'Phone number: (415) 555-0142',
      'Carrier: AT&T',
      '',
      'Service address: 123 Main St, Apt 4, Springfield, IL 62704',
      '',
      'Amount due: $84.20',
    ].join('\n');
    const extraction = extractBillFields(text, {});

    expect(extraction.found).toEqual(['accountNumber', 'holderName', 'serviceAddress']);
    expect(Object.keys(extraction.accepted).sort()).toEqual(['accountNumber', 'holderName', 'serviceAddress']);
    expect(extraction.accepted.accountNumber).toBe('555444333222');
    expect(extraction.accepted.holderName).toMatchObject({ fullName: 'Maria Lopez' });
    expect(extraction.accepted.serviceAddress).toMatchObject({ street: '123 Main St', city: 'Springfield', region: 'IL', postalCode: '62704' });
  });

  it('end the address at its ZIP code: a PDF has no blank line after it', () => {
    const text = 'Service address: 123 Main St, Apt 4\nSpringfield, IL 62704\nAmount due: $84.20\nThank you';
    expect(extractBillFields(text, {}).accepted.serviceAddress).toMatchObject({ street: '123 Main St', city: 'Springfield', postalCode: '62704' });
  });

  it('refuse what their validator refuses, with its reason', () => {
    const extraction = extractBillFields('Account number: 12\nAccount holder: Maria Lopez', {});
    expect(extraction.accepted).not.toHaveProperty('accountNumber');
    expect(extraction.refused.map(({ field }) => field)).toEqual(['accountNumber']);
  });

  it('find nothing in a bill without those labels', () => {
    expect(extractBillFields('Thank you for being a customer. Amount due $84.20', {}).found).toEqual([]);
  });
});
