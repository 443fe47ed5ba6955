import fc from 'fast-check';
import { extractCsrFields, looksLikeCsrPaste } from '../../src/domain/csrExtraction';
import { accepted } from '../support/drafts';
import { validateCsrField } from '../../src/domain/csrFields';

const verizon = accepted(validateCsrField('carrier', 'Verizon', {}));

describe('extractCsrFields', () => {
  it('reads inline labels in any order', () => {
    const result = extractCsrFields(
      'Account: 123456789 PIN: 4321 Name: Jane Doe Address: 1 Main St, Springfield IL 62704 Numbers: 415-555-0123',
      {},
    );
    expect(result.refused).toEqual([]);
    expect(result.found).toEqual(['numbers', 'accountNumber', 'pin', 'holderName', 'serviceAddress']);
    expect(result.accepted).toEqual({
      numbers: { country: 'US', numbers: ['+14155550123'] },
      accountNumber: '123456789',
      pin: '4321',
      holderName: { kind: 'person', fullName: 'Jane Doe', firstName: 'Jane', lastName: 'Doe' },
      serviceAddress: { street: '1 Main St', city: 'Springfield', region: 'IL', postalCode: '62704', country: 'US' },
    });
  });

  it('reads a pasted CSR with one label per line and an address over two lines', () => {
    const result = extractCsrFields(
      [
        'Customer Service Record',
        'Account Holder Name: JANE A DOE',
        'Account Number: 987654321-00001',
        'Billing Telephone Number: (415) 555-0123',
        'Service Address: 1 Main St Apt 2',
        'San Francisco, CA 94105',
        'Billing Address: PO Box 77, San Francisco, CA 94105',
        'Current Carrier: Verizon Wireless',
        'Transfer PIN: 246810',
        'E-mail: jane@example.com',
        '',
        'Thanks for your help!',
      ].join('\n'),
      {},
    );
    expect(result.refused).toEqual([]);
    expect(result.accepted).toMatchObject({
      carrier: { id: 'verizon' },
      accountNumber: '987654321',
      pin: '246810',
      holderName: { fullName: 'JANE A DOE' },
      serviceAddress: { street: '1 Main St', unit: 'Apt 2', city: 'San Francisco', region: 'CA', postalCode: '94105' },
      billingNumber: '+14155550123',
      contactEmail: 'jane@example.com',
    });
    expect(result.found).not.toContain('numbers');
  });

  it('reads a table copied with tabs, and an address given part by part', () => {
    const result = extractCsrFields(
      'Acct #\t123456789\nPort-Out PIN\t654321\nProvider\tT-Mobile\nPhone numbers\t415-555-0123, 415-555-0124\n' +
        'Street\t1 Main St\nCity\tSpringfield\nState\tIllinois\nZIP code\t62704',
      {},
    );
    expect(result.refused).toEqual([]);
    expect(result.accepted).toMatchObject({
      numbers: { numbers: ['+14155550123', '+14155550124'] },
      carrier: { id: 'tmobile' },
      accountNumber: '123456789',
      pin: '654321',
      serviceAddress: { street: '1 Main St', city: 'Springfield', region: 'IL', postalCode: '62704' },
    });
  });

  it.each<[string, Record<string, unknown>]>([
    ['Acct# 123456789\nCarrier: Verizon', { accountNumber: '123456789' }],
    ['Account No. 123456789 / Carrier = Verizon', { accountNumber: '123456789' }],
    ['Customer name - Jane Doe\nPasscode - 1234', { holderName: { fullName: 'Jane Doe' }, pin: '1234' }],
    ['BTN: 415-555-0123\nEmail address: jane@example.com', { billingNumber: '+14155550123', contactEmail: 'jane@example.com' }],
    ['Numbers to port:\n415-555-0123\n415-555-0124\n\nName: Jane Doe', { numbers: { numbers: ['+14155550123', '+14155550124'] } }],
    ['Current provider: AT&T; Account holder: "Jane Doe"', { carrier: { id: 'att' }, holderName: { fullName: 'Jane Doe' } }],
  ])('reads %j', (text, expected) => {
    expect(extractCsrFields(text, {}).accepted).toMatchObject(expected);
  });

  it('checks each value in context: the pasted carrier first, then its account-number rule', () => {
    const result = extractCsrFields('Account: 12345\nCarrier: Verizon', {});
    expect(result.accepted.carrier?.id).toBe('verizon');
    expect(result.accepted.accountNumber).toBeUndefined();
    expect(result.refused.map(({ field, error }) => [field, error.code])).toEqual([['accountNumber', expect.stringMatching(/^account_number\./)]]);
  });

  it('uses the draft so far as context', () => {
    const result = extractCsrFields('PIN: none\nEmail: jane@example.com', { carrier: verizon });
    expect(result.refused.map(({ field, error }) => [field, error.code])).toEqual([['pin', 'pin.required']]);
    expect(result.accepted).toEqual({ contactEmail: 'jane@example.com' });
  });

  it('keeps a billing address out of the service address and out of the field before it', () => {
    const result = extractCsrFields('Name: Jane Doe\nBilling address: PO Box 77, Springfield, IL 62704', {});
    expect(result.accepted).toEqual({ holderName: expect.objectContaining({ fullName: 'Jane Doe' }) });
    expect(result.found).toEqual(['holderName']);
  });

  it('reports a refused value with the validator’s message, and accepts a later valid one for the same field', () => {
    const refused = extractCsrFields('Email: jane at example\nName: Jane Doe', {});
    expect(refused.refused).toHaveLength(1);
    expect(refused.refused[0]?.field).toBe('contactEmail');
    expect(refused.refused[0]?.error.message.length).toBeGreaterThan(10);

    const second = extractCsrFields('Name: ?\nAccount holder: Jane Doe', {});
    expect(second.refused).toEqual([]);
    expect(second.accepted.holderName?.fullName).toBe('Jane Doe');
  });

  it('finds nothing in an ordinary answer', () => {
    expect(extractCsrFields('My name is Jane Doe and my number is 415-555-0123', {})).toEqual({ accepted: {}, refused: [], found: [] });
  });

  it('never throws, whatever the text', () => {
    const labels = fc.constantFrom('Account: ', 'PIN: ', 'Name: ', 'Address: ', 'Numbers: ', 'Carrier: ', 'BTN: ', 'Email: ', 'Zip: ', '\n', ' ');
    const pasteLike = fc.array(fc.oneof(labels, fc.string({ maxLength: 30 })), { maxLength: 20 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), pasteLike), (text) => {
        expect(() => extractCsrFields(text, {})).not.toThrow();
        expect(() => extractCsrFields(text, { carrier: verizon })).not.toThrow();
        expect(() => looksLikeCsrPaste(text)).not.toThrow();
      }),
      { numRuns: 1000 },
    );
  });
});

describe('looksLikeCsrPaste', () => {
  it.each([
    'Account: 123456789 PIN: 4321',
    'Name: Jane Doe\nAddress: 1 Main St, Springfield IL 62704',
    'City: Springfield\nState: IL',
    'Acct # 123456789\nPasscode - 1234',
  ])('is true for %j', (text) => {
    expect(looksLikeCsrPaste(text)).toBe(true);
  });

  it.each(['Jane Doe', '123456789', 'PIN: 4321', 'my account number is 123456789', 'Name: Jane\nName: Jane Doe', 'Date: today\nPIN: 1'])(
    'is false for %j',
    (text) => {
      expect(looksLikeCsrPaste(text)).toBe(false);
    },
  );
});
