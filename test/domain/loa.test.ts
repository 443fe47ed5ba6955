import {
  AUTHORIZATION_STATEMENT,
  type Loa,
  LoaInputError,
  LoaSchema,
  createLoa,
  isLoaCurrent,
  maskedLoaView,
} from '../../src/domain/loa';
import { type PortRequest, buildPortRequest } from '../../src/domain/portRequest';
import { isValidReferenceNumber } from '../../src/domain/referenceNumber';
import { completeVerizonDraft } from '../support/drafts';

function verizonRequest(): PortRequest {
  const built = buildPortRequest(completeVerizonDraft());
  if (!built.ok) throw new Error(JSON.stringify(built.problems));
  return built.request;
}

const signedAt = new Date('2025-03-14T15:09:26.000Z');
const signature = { signerName: 'jane  doe', signedAt, channel: 'webchat' };

describe('createLoa', () => {
  const request = verizonRequest();
  const loa = createLoa(request, signature);

  it('holds every LOA element, the statement, and who signed when and where', () => {
    expect(loa).toMatchObject({
      version: 1,
      country: 'US',
      accountHolder: { kind: 'person', fullName: 'Jane Doe' },
      serviceAddress: { street: '1 Main St', unit: 'Apt 2', city: 'San Francisco', region: 'CA', postalCode: '94105' },
      billingNumber: '+14155550123',
      numbers: ['+14155550123', '+14155550124'],
      currentCarrier: { id: 'verizon', name: 'Verizon' },
      accountNumber: '987654321',
      pin: '246810',
      authorizationStatement: AUTHORIZATION_STATEMENT,
      signature: { signerName: 'jane doe', signedAt: '2025-03-14T15:09:26.000Z', channel: 'webchat' },
    });
    expect(isValidReferenceNumber(loa.referenceNumber)).toBe(true);
    expect(LoaSchema.parse(JSON.parse(JSON.stringify(loa)))).toEqual(JSON.parse(JSON.stringify(loa)));
  });

  it('states the authorization in plain words', () => {
    expect(AUTHORIZATION_STATEMENT).toMatch(/I authorize my new phone carrier.* to act as my agent to move \(port\) the telephone numbers/);
    expect(AUTHORIZATION_STATEMENT).toMatch(/match my current carrier's account/);
  });

  it('is deeply immutable', () => {
    expect(Object.isFrozen(loa)).toBe(true);
    expect(Object.isFrozen(loa.signature)).toBe(true);
    expect(Object.isFrozen(loa.numbers)).toBe(true);
    expect(Object.isFrozen(loa.serviceAddress)).toBe(true);
    expect(() => {
      (loa as { accountNumber: string }).accountNumber = '000000000';
    }).toThrow(TypeError);
    expect(() => (loa.numbers as string[]).push('+14155550199')).toThrow(TypeError);
    expect(() => {
      (loa.signature as { signerName: string }).signerName = 'Someone Else';
    }).toThrow(TypeError);
    expect(loa.accountNumber).toBe('987654321');
  });

  it('does not share mutable state with the request it was made from', () => {
    expect(Object.isFrozen(request)).toBe(false);
    request.numbers.push('+14155550199');
    expect(loa.numbers).toEqual(['+14155550123', '+14155550124']);
    request.numbers.pop();
  });

  describe('versions', () => {
    const corrected = createLoa({ ...request, accountNumber: '123456789' }, { ...signature, signedAt: new Date('2025-03-15T10:00:00Z') }, { previous: loa });

    it('keeps the reference number and increments the version', () => {
      expect(corrected.referenceNumber).toBe(loa.referenceNumber);
      expect(corrected.version).toBe(2);
      expect(createLoa(request, signature, { previous: corrected, version: 3 }).version).toBe(3);
      expect(loa.version).toBe(1);
      expect(loa.accountNumber).toBe('987654321');
    });

    it.each<[string, () => Loa, string]>([
      ['a version that skips', () => createLoa(request, signature, { previous: loa, version: 3 }), 'loa.version_gap'],
      ['a different reference number', () => createLoa(request, signature, { previous: loa, referenceNumber: 'PA-2222-2222-222' }), 'loa.reference_changed'],
      ['an invalid reference number', () => createLoa(request, signature, { referenceNumber: 'PA-2222-2222-223' }), 'loa.invalid_reference'],
    ])('refuses %s', (_what, create, code) => {
      expect(create).toThrow(expect.objectContaining({ code }));
    });

    it('uses a given reference number for a first version, in its canonical form', () => {
      expect(createLoa(request, signature, { referenceNumber: 'pa 2222 2222 222' }).referenceNumber).toBe('PA-2222-2222-222');
    });
  });

  it.each<[string, () => Loa, string]>([
    ['a signer who is not the account holder', () => createLoa(request, { ...signature, signerName: 'John Smith' }), 'loa.invalid_signature'],
    ['an empty signature', () => createLoa(request, { ...signature, signerName: ' ' }), 'loa.invalid_signature'],
    ['an invalid date', () => createLoa(request, { ...signature, signedAt: new Date('nope') }), 'loa.invalid_date'],
    ['no channel', () => createLoa(request, { ...signature, channel: '' }), 'loa.invalid_channel'],
    ['an incomplete request', () => createLoa({ ...request, pin: undefined }, signature), 'loa.invalid_request'],
  ])('refuses %s', (_what, create, code) => {
    expect(create).toThrow(LoaInputError);
    expect(create).toThrow(expect.objectContaining({ code }));
  });

  it('lets the authorized person sign for a business account', () => {
    const business = { ...request, holderName: { kind: 'business' as const, fullName: 'Acme Plumbing LLC' }, authorizedPerson: 'Jane Doe' };
    const signed = createLoa(business, { ...signature, signerName: 'Jane Doe' });
    expect(signed.authorizedPerson).toBe('Jane Doe');
    expect(() => createLoa(business, { ...signature, signerName: 'Acme Plumbing LLC' })).toThrow(LoaInputError);
  });
});

describe('isLoaCurrent', () => {
  const loa = createLoa(verizonRequest(), signature);
  it.each<[string, boolean]>([
    ['2025-03-14T15:09:26.000Z', true],
    ['2025-06-12T15:09:26.000Z', true], // 90 days later
    ['2025-06-12T15:09:27.000Z', false],
    ['2025-03-14T15:09:25.000Z', false], // before it was signed
  ])('at %s: %s', (now, current) => {
    expect(isLoaCurrent(loa, new Date(now))).toBe(current);
  });
});

describe('maskedLoaView', () => {
  const loa = createLoa(verizonRequest(), signature);
  const view = maskedLoaView(loa);

  it('shows the account number as its last four characters and never the PIN', () => {
    expect(view.accountNumber).toBe('••••4321');
    expect(view.pinProvided).toBe(true);
    const shown = JSON.stringify(view);
    expect(shown).not.toContain(loa.accountNumber);
    expect(shown).not.toContain(loa.pin);
    expect(Object.keys(view)).not.toContain('pin');
  });

  it('shows everything else as people read it', () => {
    expect(view).toMatchObject({
      referenceNumber: loa.referenceNumber,
      version: 1,
      accountHolder: 'Jane Doe',
      serviceAddress: '1 Main St, Apt 2, San Francisco, CA 94105',
      billingNumber: '(415) 555-0123',
      numbers: ['(415) 555-0123', '(415) 555-0124'],
      currentCarrier: 'Verizon',
      authorizationStatement: AUTHORIZATION_STATEMENT,
      signerName: 'jane doe',
      signedAt: '2025-03-14T15:09:26.000Z',
      channel: 'webchat',
    });
  });

  it('says when there is no PIN', () => {
    const fios = { ...verizonRequest(), carrier: { id: 'verizon-fios', name: 'Verizon Fios', known: true }, pin: undefined };
    expect(maskedLoaView(createLoa(fios, signature)).pinProvided).toBe(false);
  });
});
