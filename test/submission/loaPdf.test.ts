import { LoaSchema, authorizationStatement, formatAddress, formatPhoneNumber } from '../../src/domain';
import { renderCarrierLoaPdf, renderCustomerLoaPdf } from '../../src/submission';
import { readPdf } from './support/readPdf';
import { VERIZON_ACCOUNT_NUMBER, VERIZON_PIN, multiScriptBusinessLoa, verizonLoa } from './support/loas';
import { NEW_CARRIER } from '../support/newCarrier';

const SIGNED_AT = new Date('2025-11-25T17:04:05.000Z');

/** pdf.js joins neighbouring text on a line without spaces: compare with whitespace removed. */
const squeezed = (text: string) => text.replace(/\s+/g, '');

describe('the LOA PDF', () => {
  const loa = verizonLoa(SIGNED_AT);

  it("holds every element the letter-of-agency rule asks for, in the carrier's copy", async () => {
    const { text, pages } = await readPdf(await renderCarrierLoaPdf(loa));
    const page = squeezed(text);

    expect(pages).toBe(1);
    for (const element of [
      'Letter of Authorization',
      'Jane Doe', // account holder, printed name and typed signature
      formatAddress(loa.serviceAddress),
      formatPhoneNumber(loa.billingNumber),
      ...loa.numbers.map(formatPhoneNumber),
      loa.currentCarrier.name,
      VERIZON_ACCOUNT_NUMBER,
      `New carrier${NEW_CARRIER.name}`, // the new carrier the customer authorizes, on a line of its own
      authorizationStatement(NEW_CARRIER.name), // which names it
      'November 25, 2025, 17:04:05 UTC', // the date and time signed
      'webchat',
      loa.referenceNumber,
      `version ${loa.version}`,
    ]) {
      expect(page).toContain(squeezed(element));
    }
  });

  it('never prints the PIN, and masks the account number on the customer copy', async () => {
    const carrier = squeezed((await readPdf(await renderCarrierLoaPdf(loa))).text);
    const customer = squeezed((await readPdf(await renderCustomerLoaPdf(loa))).text);

    expect(carrier).not.toContain(VERIZON_PIN);
    expect(customer).not.toContain(VERIZON_PIN);
    expect(customer).not.toContain(VERIZON_ACCOUNT_NUMBER);
    expect(customer).toContain('••••4321');
    expect(customer).toContain(squeezed('Customer copy'));
  });

  it('carries document metadata, dated at the signature', async () => {
    const { info } = await readPdf(await renderCarrierLoaPdf(loa));

    expect(info).toMatchObject({
      Title: `Letter of Authorization ${loa.referenceNumber} (version 1)`,
      Author: 'Jane Doe',
      Subject: `Authorization to port 2 telephone numbers from Verizon to ${NEW_CARRIER.name}`,
      Creator: 'Porting Assistant',
    });
    expect(info.Keywords).toContain(loa.referenceNumber);
    expect(info.CreationDate).toBe('D:20251125170405Z');
  });

  it('is the same bytes each time it is rendered, in a fresh process too, so a re-delivery sends the same letter', async () => {
    type LoaPdfModule = typeof import('../../src/submission/pdf/loaPdf');
    let fresh: LoaPdfModule | undefined;
    // A fresh module registry stands for a restarted bot: no fonts loaded, no widths remembered.
    jest.isolateModules(() => {
      fresh = jest.requireActual<LoaPdfModule>('../../src/submission/pdf/loaPdf');
    });
    const cold = await fresh!.renderCarrierLoaPdf(loa);
    const warm = await renderCarrierLoaPdf(loa);

    expect(cold.equals(warm)).toBe(true);
    expect((await renderCarrierLoaPdf(loa)).equals(warm)).toBe(true);
  });

  it('stays on one page at its fullest: a business and its authorized person, 20 numbers, a 40-character new carrier', async () => {
    const numbers = Array.from({ length: 20 }, (_, index) => `+1415555${String(100 + index).padStart(4, '0')}`);
    const newCarrier = 'Northwind & Co. Mobile of the Pacific NW';
    const fullest = LoaSchema.parse({
      ...multiScriptBusinessLoa(SIGNED_AT),
      version: 12,
      numbers,
      billingNumber: numbers[0],
      pin: '1234',
      newCarrier: { name: newCarrier },
      authorizationStatement: authorizationStatement(newCarrier),
    });
    const { text, pages } = await readPdf(await renderCarrierLoaPdf(fullest));

    expect(newCarrier).toHaveLength(40);
    expect(pages).toBe(1);
    expect(squeezed(text)).toContain(squeezed(`New carrier${newCarrier}`));
  });

  it('prints a letter signed before the new carrier was recorded as it was signed: its own statement, no new-carrier line', async () => {
    const signedBefore = multiScriptBusinessLoa(SIGNED_AT);
    const { text, info } = await readPdf(await renderCarrierLoaPdf(signedBefore));

    expect(squeezed(text)).toContain(squeezed(signedBefore.authorizationStatement));
    expect(text).not.toContain('New carrier');
    expect(info.Subject).toBe('Authorization to port 2 telephone numbers from Verizon');
  });

  it('renders names in Latin with accents, Cyrillic, Greek, Chinese, Korean, Hebrew and Arabic', async () => {
    const business = multiScriptBusinessLoa(SIGNED_AT);
    const pdf = await renderCarrierLoaPdf(business);
    const page = squeezed((await readPdf(pdf)).text);

    for (const name of ['Ñúñez', 'Ødegård', '王小明', 'Дмитрий', 'Ωμέγα', '김민준', 'محمد']) expect(page).toContain(name);
    // Right-to-left text is drawn in visual order; a reader gets the letters back, word by word.
    for (const word of ['דוד', 'כהן']) expect(page).toContain(word);
    // Every script's font is embedded (only the glyphs used).
    for (const font of ['NotoSans-Regular', 'NotoSansHans-Regular', 'NotoSansKR-Regular', 'NotoSansHebrew', 'NotoNaskhArabic']) {
      expect(pdf.includes(Buffer.from(font))).toBe(true);
    }
  });
});

describe('a letter signed in Spanish', () => {
  const loa = verizonLoa(SIGNED_AT, { language: 'es' });
  const english = squeezed(authorizationStatement(NEW_CARRIER.name));
  const spanish = squeezed(authorizationStatement(NEW_CARRIER.name, 'es'));

  it('records the language and the statement signed, word for word', () => {
    expect(loa).toMatchObject({ signedIn: 'es', signedStatement: authorizationStatement(NEW_CARRIER.name, 'es') });
    expect(loa.authorizationStatement).toBe(authorizationStatement(NEW_CARRIER.name));
  });

  it("gives the carrier the English statement and the Spanish one signed, and the customer the one they signed", async () => {
    const carrier = squeezed((await readPdf(await renderCarrierLoaPdf(loa))).text);
    const customer = squeezed((await readPdf(await renderCustomerLoaPdf(loa))).text);

    expect(carrier).toContain(english);
    expect(carrier).toContain(squeezed('As read and signed by the customer, in Spanish:'));
    expect(carrier).toContain(spanish);
    expect(customer).toContain(spanish);
    expect(customer).not.toContain(english);
  });

  it("labels the customer's copy in Spanish, and leaves the carrier's in English", async () => {
    const carrier = await readPdf(await renderCarrierLoaPdf(loa));
    const customer = await readPdf(await renderCustomerLoaPdf(loa));
    const page = squeezed(customer.text);

    for (const words of [
      'Carta de Autorización',
      'Copia del cliente',
      'Nombre del titular de la cuenta',
      'Dirección de servicio',
      'Número de cuenta',
      '••••4321',
      'Firma electrónica',
      '25 de noviembre de 2025, 17:04:05 UTC',
      'Su copia. El número de cuenta está oculto; el PIN de transferencia nunca se muestra.',
    ]) {
      expect(page).toContain(squeezed(words));
    }
    for (const words of ['Letter of Authorization', 'Account holder name', 'Your copy']) expect(page).not.toContain(squeezed(words));
    expect(customer.info).toMatchObject({ Title: `Carta de Autorización ${loa.referenceNumber} (versión 1)` });

    expect(squeezed(carrier.text)).toContain(squeezed('Letter of Authorization'));
    expect(squeezed(carrier.text)).not.toContain(squeezed('Carta de Autorización'));
  });
});
