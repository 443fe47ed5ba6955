/** PORTABILITY_PROVIDER and its provider's settings, as src/config/settings.ts reads them. */
import { ConfigError, configVariables, parseConfig } from '../../src/config';

const TELNYX_KEY = 'KEYsecret-telnyx-0123456789';
const TWILIO_SID = `AC${'ab'.repeat(16)}`;
const TWILIO_TOKEN = 'secret-twilio-token-0123456789';

function configError(env: Record<string, string>): string {
  try {
    parseConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error(`expected ${JSON.stringify(env)} to be refused`);
}

describe('the portability check settings', () => {
  it('default to no check, and the providers’ public addresses', () => {
    expect(parseConfig({}).portability).toEqual({
      provider: 'none',
      timeoutMs: 3_000,
      telnyxBaseUrl: 'https://api.telnyx.com/v2',
      telnyxApiKey: undefined,
      twilioBaseUrl: 'https://numbers.twilio.com',
      twilioAccountSid: undefined,
      twilioAuthToken: undefined,
    });
  });

  it('read a provider with its keys, a base URL without its trailing slash, and a timeout', () => {
    expect(parseConfig({ PORTABILITY_PROVIDER: 'Telnyx', TELNYX_API_KEY: TELNYX_KEY, PORTABILITY_TIMEOUT_MS: '2500' }).portability).toMatchObject({
      provider: 'telnyx',
      telnyxApiKey: TELNYX_KEY,
      timeoutMs: 2_500,
    });
    const twilio = parseConfig({
      PORTABILITY_PROVIDER: 'twilio',
      TWILIO_ACCOUNT_SID: TWILIO_SID,
      TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
      TWILIO_API_BASE_URL: 'http://127.0.0.1:4010/',
    }).portability;
    expect(twilio).toMatchObject({ provider: 'twilio', twilioAccountSid: TWILIO_SID, twilioAuthToken: TWILIO_TOKEN, twilioBaseUrl: 'http://127.0.0.1:4010' });
  });

  it("require the chosen provider's keys, one line each", () => {
    expect(configError({ PORTABILITY_PROVIDER: 'telnyx' })).toBe('TELNYX_API_KEY is required when PORTABILITY_PROVIDER is telnyx.');
    expect(configError({ PORTABILITY_PROVIDER: 'twilio', TWILIO_AUTH_TOKEN: TWILIO_TOKEN })).toBe('TWILIO_ACCOUNT_SID is required when PORTABILITY_PROVIDER is twilio.');
    expect(configError({ PORTABILITY_PROVIDER: 'twilio' }).split('\n')).toHaveLength(2);
    // Keys for a provider not chosen are not needed, nor checked against one.
    expect(parseConfig({ PORTABILITY_PROVIDER: 'none', TELNYX_API_KEY: TELNYX_KEY }).portability.provider).toBe('none');
  });

  it('never show a key in an error, and count the keys among the secrets', () => {
    const message = configError({ PORTABILITY_PROVIDER: 'twilio', TWILIO_ACCOUNT_SID: 'ACnot-a-sid-secret', TWILIO_AUTH_TOKEN: TWILIO_TOKEN });
    expect(message).toBe('TWILIO_ACCOUNT_SID: The value is not valid. Use the Twilio account SID: AC followed by 32 hexadecimal digits.');
    const secrets = configVariables.filter((variable) => variable.secret).map((variable) => variable.name);
    expect(secrets).toEqual(expect.arrayContaining(['TELNYX_API_KEY', 'TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN']));
  });

  it.each([
    ['PORTABILITY_PROVIDER', 'bandwidth'],
    ['PORTABILITY_TIMEOUT_MS', '100'],
    ['PORTABILITY_TIMEOUT_MS', '60000'],
    // The keys travel with every call: plain http only to this machine.
    ['TELNYX_API_BASE_URL', 'http://api.telnyx.com/v2'],
    ['TWILIO_API_BASE_URL', 'ftp://numbers.twilio.com'],
  ])('refuse %s=%s, naming the variable', (name, value) => {
    expect(configError({ [name]: value })).toMatch(new RegExp(`^${name}: '${value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}' is not valid\\. `));
  });
});
