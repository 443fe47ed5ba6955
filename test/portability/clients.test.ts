/**
 * The real provider clients (src/portability/) against a local stand-in that answers in the providers' published
 * shapes, checked against their specs with ajv (support/providerStandIn.ts): what each client sends, what it makes of
 * each answer, and every way a provider can fail to answer.
 */
import { createPortabilityChecker, type PortabilityChecker, type PortabilityOutcome } from '../../src/portability/portabilityChecker';
import { TelnyxPortabilityChecker } from '../../src/portability/telnyx';
import { TwilioPortabilityChecker } from '../../src/portability/twilio';
import { ProviderContracts } from './support/providerContracts';
import { ProviderStandIn, TELNYX_KEY, TWILIO_SID, TWILIO_TOKEN } from './support/providerStandIn';

const A = '+14155550142';
const B = '+14155550199';
const C = '+13125550123';
const TIMEOUT_MS = 1_000;

let standIn: ProviderStandIn;

beforeAll(async () => {
  standIn = await ProviderStandIn.start();
});

afterAll(() => standIn.close());

beforeEach(() => standIn.reset());

// Whatever a test did, the stand-in kept to the providers' specs, and so did the client's requests.
afterEach(() => expect(standIn.contractProblems).toEqual([]));

const telnyx = (overrides: Partial<{ baseUrl: string; apiKey: string; timeoutMs: number }> = {}) =>
  new TelnyxPortabilityChecker({ baseUrl: standIn.telnyxBaseUrl, apiKey: TELNYX_KEY, timeoutMs: TIMEOUT_MS, ...overrides });

const twilio = (overrides: Partial<{ baseUrl: string; authToken: string; timeoutMs: number }> = {}) =>
  new TwilioPortabilityChecker({ baseUrl: standIn.twilioBaseUrl, accountSid: TWILIO_SID, authToken: TWILIO_TOKEN, timeoutMs: TIMEOUT_MS, ...overrides });

function verdicts(outcome: PortabilityOutcome) {
  if (!outcome.ok) throw new Error(`the check failed: ${JSON.stringify(outcome.failure)}`);
  return Object.fromEntries(outcome.verdicts);
}

describe("the stand-in's contract check", () => {
  it("refuses what the providers' specs do not allow, so the stand-in cannot drift from them", () => {
    const contracts = new ProviderContracts();
    expect(contracts.telnyxResponseProblems({ data: [{ phone_number: A, portable: true, not_portable_reason: '' }] })).toEqual([]);
    expect(contracts.telnyxResponseProblems({ data: [{ phone_number: A, portable: 'yes' }] })).toEqual(['/data/0/portable must be boolean']);
    expect(contracts.telnyxResponseProblems({ data: [{ phone_number: A, portable: true, pin_required: false }] })).toEqual([
      'property "pin_required" is not in the spec',
    ]);
    expect(contracts.telnyxRequestProblems({ phone_numbers: A })).toEqual(['/phone_numbers must be array']);
    expect(contracts.twilioResponseProblems({ phone_number: null, portable: false, number_type: 'TOLL-FREE' })).toEqual([]);
    expect(contracts.twilioResponseProblems({ portable: true, number_type: 'LANDLINE' })).toEqual(['/number_type must be equal to one of the allowed values']);
    expect(contracts.twilioPhoneNumberProblems('4155550142')).toEqual(['(root) must match format "phone-number"']);
  });
});

describe('Telnyx: POST {base}/portability_checks', () => {
  it('sends every number in one request with the bearer key, and reads portable and fast_portable per number', async () => {
    standIn.set(A, { portable: true, fastPortable: true });
    const outcome = await telnyx().check([A, C]);

    expect(verdicts(outcome)).toEqual({ [A]: { portable: true, fastPortable: true }, [C]: { portable: true, fastPortable: false } });
    expect(standIn.requests).toEqual([
      { method: 'POST', path: '/v2/portability_checks', authorization: `Bearer ${TELNYX_KEY}`, body: JSON.stringify({ phone_numbers: [A, C] }) },
    ]);
  });

  it('reads not_portable_reason into our reasons, and names the reasons it has no words for', async () => {
    standIn.set(A, { portable: false, telnyxReason: 'No coverage' });
    standIn.set(B, { portable: false, telnyxReason: 'Toll-free numbers are not supported' });
    standIn.set(C, { portable: false, telnyxReason: 'Something new for 3125550123' });
    const outcome = await telnyx().check([A, B, C]);

    expect(verdicts(outcome)).toEqual({
      [A]: { portable: false, reason: 'notCovered', fastPortable: false },
      [B]: { portable: false, reason: 'tollFree', fastPortable: false },
      [C]: { portable: false, reason: 'unspecified', fastPortable: false },
    });
    // The provider's words go to the log with any number in them removed.
    expect(outcome.ok && outcome.unmappedReasons).toEqual(['Something new for [digits removed]']);
  });

  it('a key the provider refuses, a provider that is down, slow or failing: a failure that says which, never a throw', async () => {
    standIn.mode = 'unauthorized';
    expect(await telnyx().check([A])).toEqual({ ok: false, failure: { kind: 'unauthorized', status: 401 } });
    standIn.mode = 'answer';
    expect(await telnyx({ apiKey: 'KEYwrong' }).check([A])).toEqual({ ok: false, failure: { kind: 'unauthorized', status: 401 } });

    expect(await telnyx({ baseUrl: `${await ProviderStandIn.downUrl()}/v2` }).check([A])).toEqual({ ok: false, failure: { kind: 'unreachable' } });

    standIn.mode = 'slow';
    const started = Date.now();
    expect(await telnyx({ timeoutMs: 300 }).check([A])).toEqual({ ok: false, failure: { kind: 'timeout' } });
    expect(Date.now() - started).toBeLessThan(3_000);

    standIn.mode = 'serverError';
    expect(await telnyx().check([A])).toEqual({ ok: false, failure: { kind: 'httpError', status: 500 } });
  });
});

describe('Twilio: GET {base}/v1/Porting/Portability/PhoneNumber/{E.164}', () => {
  it('asks for each number with basic auth, and reads portable, the PIN requirement and the number type', async () => {
    standIn.set(A, { portable: true, pinRequired: false, numberType: 'MOBILE' });
    standIn.set(C, { portable: true, pinRequired: true, numberType: 'LOCAL' });
    const outcome = await twilio().check([A, C]);

    expect(verdicts(outcome)).toEqual({
      [A]: { portable: true, pinRequired: false, numberType: 'mobile' },
      [C]: { portable: true, pinRequired: true, numberType: 'landline' },
    });
    const basic = `Basic ${Buffer.from(`${TWILIO_SID}:${TWILIO_TOKEN}`).toString('base64')}`;
    expect(standIn.requests.map(({ method, path, authorization }) => ({ method, path, authorization })).sort((x, y) => x.path.localeCompare(y.path))).toEqual([
      { method: 'GET', path: `/v1/Porting/Portability/PhoneNumber/${encodeURIComponent(C)}`, authorization: basic },
      { method: 'GET', path: `/v1/Porting/Portability/PhoneNumber/${encodeURIComponent(A)}`, authorization: basic },
    ]);
  });

  it("maps Twilio's reasons by code and name; a toll-free number is toll-free whatever the reason", async () => {
    standIn.set(A, { portable: false, twilioReason: { name: 'ALREADY_IN_THE_TARGET_ACCOUNT', code: 22131 } });
    standIn.set(B, { portable: false, twilioReason: { name: 'MANUAL_PORTING_AVAILABLE', code: 22133 }, numberType: 'TOLL-FREE' });
    standIn.set(C, { portable: false, twilioReason: { name: 'SOMETHING_NEW', code: 22199 } });
    const outcome = await twilio().check([A, B, C]);

    expect(verdicts(outcome)).toEqual({
      [A]: { portable: false, reason: 'alreadyWithUs', pinRequired: true, numberType: 'landline' },
      [B]: { portable: false, reason: 'tollFree', pinRequired: true, numberType: 'tollFree' },
      [C]: { portable: false, reason: 'unspecified', pinRequired: true, numberType: 'landline' },
    });
    expect(outcome.ok && outcome.unmappedReasons).toEqual(['SOMETHING_NEW 22199']);
  });

  it('takes a not-portable answer sent as 400 with the portability body, as Twilio documents it', async () => {
    standIn.set(A, { portable: false, twilioReason: { name: 'UNSUPPORTED', code: 22130 }, twilioStatus: 400 });

    expect(verdicts(await twilio().check([A]))).toEqual({ [A]: { portable: false, reason: 'notCovered', pinRequired: true, numberType: 'landline' } });
  });

  it('one number that cannot be checked makes the whole check unavailable, for each way a provider fails', async () => {
    expect(await twilio({ authToken: 'wrong' }).check([A, C])).toEqual({ ok: false, failure: { kind: 'unauthorized', status: 401 } });
    expect(await twilio({ baseUrl: await ProviderStandIn.downUrl() }).check([A])).toEqual({ ok: false, failure: { kind: 'unreachable' } });
    standIn.mode = 'slow';
    expect(await twilio({ timeoutMs: 300 }).check([A, C])).toEqual({ ok: false, failure: { kind: 'timeout' } });
    standIn.mode = 'serverError';
    expect(await twilio().check([A])).toEqual({ ok: false, failure: { kind: 'httpError', status: 500 } });
  });
});

describe('createPortabilityChecker', () => {
  const settings = {
    timeoutMs: TIMEOUT_MS,
    telnyxBaseUrl: 'https://api.telnyx.com/v2',
    telnyxApiKey: TELNYX_KEY,
    twilioBaseUrl: 'https://numbers.twilio.com',
    twilioAccountSid: TWILIO_SID,
    twilioAuthToken: TWILIO_TOKEN,
  };

  it('makes the provider PORTABILITY_PROVIDER names, and none for none', () => {
    expect(createPortabilityChecker({ ...settings, provider: 'none' })).toBeUndefined();
    expect((createPortabilityChecker({ ...settings, provider: 'telnyx' }) as PortabilityChecker).provider).toBe('telnyx');
    expect((createPortabilityChecker({ ...settings, provider: 'twilio' }) as PortabilityChecker).provider).toBe('twilio');
  });

  it('never names a key in what it throws or in a failure', async () => {
    expect(() => createPortabilityChecker({ ...settings, provider: 'twilio', twilioAuthToken: undefined })).toThrow('TWILIO_AUTH_TOKEN is required');
    const failure = await new TwilioPortabilityChecker({ ...settings, baseUrl: standIn.twilioBaseUrl, accountSid: TWILIO_SID, authToken: 'wrong' }).check([A]);
    expect(JSON.stringify(failure)).not.toContain('wrong');
  });
});
