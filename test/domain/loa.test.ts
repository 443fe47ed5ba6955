import {
  type Loa,
  LoaInputError,
  LoaSchema,
  authorizationStatement,
  createLoa,
  isLoaCurrent,
  maskedLoaView,
} from '../../src/domain/loa';
import { type PortRequest, buildPortRequest } from '../../src/domain/portRequest';
import { isValidReferenceNumber } from '../../src/domain/referenceNumber';
import { completeVerizonDraft } from '../support/drafts';
import { NEW_CARRIER } from '../support/newCarrier';

function verizonRequest(): PortRequest {
  const built = buildPortRequest(completeVerizonDraft());
  if (!built.ok) throw new Error(JSON.stringify(built.problems));
  return built.request;
}

const signedAt = new Date('2025-03-14T15:09:26.000Z');
const signature = { signerName: 'jane  doe', signedAt, channel: 'webchat' };
const carrier = { newCarrier: NEW_CARRIER };

describe('createLoa', () => {
  const request = verizonRequest();
  const loa = createLoa(request, signature, carrier);

  it('holds every LOA element, the statement, and who signed when and where', () => {
    expect(loa).toMatchObject({
      version: 1,
      country: 'US',
      accountHolder: { kind: 'person', fullName: 'Jane Doe' },
      serviceAddress: { street: '1 Main St', unit: 'Apt 2', city: 'San Francisco', region: 'CA', postalCode: '94105' },
      billingNumber: '+14155550123',
      numbers: ['+14155550123', '+14155550124'],
      currentCarrier: { id: 'verizon', name: 'Verizon' },
      newCarrier: { name: 'Northwind & Co. Mobile' },
      accountNumber: '987654321',
      pin: '246810',
      authorizationStatement: authorizationStatement('Northwind & Co. Mobile'),
      signature: { signerName: 'jane doe', signedAt: '2025-03-14T15:09:26.000Z', channel: 'webchat' },
    });
    expect(isValidReferenceNumber(loa.referenceNumber)).toBe(true);
    expect(LoaSchema.parse(JSON.parse(JSON.stringify(loa)))).toEqual(JSON.parse(JSON.stringify(loa)));
  });

  it('states the authorization in plain words, naming the new carrier the customer authorizes', () => {
    expect(loa.authorizationStatement).toMatch(
      /^I authorize Northwind & Co\. Mobile, my new phone carrier, to act as my agent to move \(port\) the telephone numbers/,
    );
    expect(loa.authorizationStatement).toMatch(/match my current carrier's account/);
  });

  it('states it in Spanish as a representative acting for the signer, about the signer\'s own account with the current carrier', () => {
    const statement = authorizationStatement('Northwind & Co. Mobile', 'es');
    expect(statement).toMatch(/^Autorizo a Northwind & Co\. Mobile, mi nueva compañía telefónica, a actuar como mi representante para transferir \(portar\)/);
    expect(statement).toMatch(/coinciden con los datos de mi cuenta con mi compañía actual\.$/);
    expect(statement).not.toMatch(/mi agente|la cuenta de mi compañía/);
  });

  it('refuses a new carrier without a name', () => {
    expect(() => createLoa(request, signature, { newCarrier: { name: '  ' } })).toThrow(expect.objectContaining({ code: 'loa.invalid_new_carrier' }));
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
    const corrected = createLoa({ ...request, accountNumber: '123456789' }, { ...signature, signedAt: new Date('2025-03-15T10:00:00Z') }, { ...carrier, previous: loa });

    it('names the new carrier on a corrected version too, as configured when it is signed', () => {
      expect(corrected.newCarrier).toEqual(NEW_CARRIER);
      const renamed = createLoa(request, signature, { newCarrier: { name: 'Contoso Mobile' }, previous: corrected });
      expect(renamed.authorizationStatement).toBe(authorizationStatement('Contoso Mobile'));
      expect(corrected.authorizationStatement).toBe(authorizationStatement(NEW_CARRIER.name));
    });

    it('keeps the reference number and increments the version', () => {
      expect(corrected.referenceNumber).toBe(loa.referenceNumber);
      expect(corrected.version).toBe(2);
      expect(createLoa(request, signature, { ...carrier, previous: corrected, version: 3 }).version).toBe(3);
      expect(loa.version).toBe(1);
      expect(loa.accountNumber).toBe('987654321');
    });

    it.each<[string, () => Loa, string]>([
      ['a version that skips', () => createLoa(request, signature, { ...carrier, previous: loa, version: 3 }), 'loa.version_gap'],
      ['a different reference number', () => createLoa(request, signature, { ...carrier, previous: loa, referenceNumber: 'PA-2222-2222-222' }), 'loa.reference_changed'],
      ['an invalid reference number', () => createLoa(request, signature, { ...carrier, referenceNumber: 'PA-2222-2222-223' }), 'loa.invalid_reference'],
    ])('refuses %s', (_what, create, code) => {
      expect(create).toThrow(expect.objectContaining({ code }));
    });

    it('uses a given reference number for a first version, in its canonical form', () => {
      expect(createLoa(request, signature, { ...carrier, referenceNumber: 'pa 2222 2222 222' }).referenceNumber).toBe('PA-2222-2222-222');
    });
  });

  it.each<[string, () => Loa, string]>([
    ['a signer who is not the account holder', () => createLoa(request, { ...signature, signerName: 'John Smith' }, carrier), 'loa.invalid_signature'],
    ['an empty signature', () => createLoa(request, { ...signature, signerName: ' ' }, carrier), 'loa.invalid_signature'],
    ['an invalid date', () => createLoa(request, { ...signature, signedAt: new Date('nope') }, carrier), 'loa.invalid_date'],
    ['no channel', () => createLoa(request, { ...signature, channel: '' }, carrier), 'loa.invalid_channel'],
    ['an incomplete request', () => createLoa({ ...request, pin: undefined }, signature, carrier), 'loa.invalid_request'],
  ])('refuses %s', (_what, create, code) => {
    expect(create).toThrow(LoaInputError);
    expect(create).toThrow(expect.objectContaining({ code }));
  });

  it('lets the authorized person sign for a business account', () => {
    const business = { ...request, holderName: { kind: 'business' as const, fullName: 'Acme Plumbing LLC' }, authorizedPerson: 'Jane Doe' };
    const signed = createLoa(business, { ...signature, signerName: 'Jane Doe' }, carrier);
    expect(signed.authorizedPerson).toBe('Jane Doe');
    expect(() => createLoa(business, { ...signature, signerName: 'Acme Plumbing LLC' }, carrier)).toThrow(LoaInputError);
  });
});

describe('isLoaCurrent', () => {
  const loa = createLoa(verizonRequest(), signature, carrier);
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
  const loa = createLoa(verizonRequest(), signature, carrier);
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
      newCarrier: NEW_CARRIER.name,
      authorizationStatement: authorizationStatement(NEW_CARRIER.name),
      signerName: 'jane doe',
      signedAt: '2025-03-14T15:09:26.000Z',
      channel: 'webchat',
    });
  });

  it('reads a letter signed before the new carrier was recorded: no new carrier, the statement as signed', () => {
    const { newCarrier: _newCarrier, ...older } = JSON.parse(JSON.stringify(loa)) as Loa;
    const signedBefore = LoaSchema.parse({ ...older, authorizationStatement: 'I authorize my new phone carrier, to whom I give this letter, …' });

    expect(maskedLoaView(signedBefore)).not.toHaveProperty('newCarrier');
    expect(maskedLoaView(signedBefore).authorizationStatement).toBe('I authorize my new phone carrier, to whom I give this letter, …');
  });

  it('says when there is no PIN', () => {
    const fios = { ...verizonRequest(), carrier: { id: 'verizon-fios', name: 'Verizon Fios', known: true }, pin: undefined };
    expect(maskedLoaView(createLoa(fios, signature, carrier)).pinProvided).toBe(false);
  });
});
