import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import dotenv from 'dotenv';
import { ConfigError, DEMO_CARRIER_NAME, loadConfig, parseConfig } from '../src/config';

const APP_ID = '2f1d6c4e-8a55-4a4e-9f3c-6b7d2a1e0c9b';
const TENANT_ID = '7d3b2a1c-0e9f-4d8c-b7a6-5f4e3d2c1b0a';
/** What a deployed bot needs besides its credentials: a data key, a way for customers to reach a person, its carrier's name. */
const DEPLOYED = {
  DATA_ENCRYPTION_KEY: `key1:${Buffer.alloc(32, 7).toString('base64')}`,
  SUPPORT_EMAIL: 'porting-help@example.com',
  CARRIER_NAME: 'Contoso Mobile',
};

function configError(env: Record<string, string>): string {
  try {
    parseConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error(`expected ${JSON.stringify(env)} to be refused`);
}

describe('parseConfig', () => {
  it('has a working default for every setting', () => {
    expect(parseConfig({})).toEqual({
      server: {
        port: 3978,
        maxBodyBytes: 256 * 1024,
        trustProxy: false,
        rateLimitPerMinutePerClient: 600,
        rateLimitPerMinutePerConversation: 60,
        host: '127.0.0.1',
      },
      receipts: { publicBaseUrl: undefined },
      bot: { appId: undefined, appPassword: undefined, appType: 'MultiTenant', tenantId: undefined, authEnabled: false, connectorTimeoutMs: 5_000 },
      storage: { url: 'sqlite://./data/bot.sqlite', ttlDays: 30, sweepIntervalMinutes: 60 },
      dataEncryption: { key: undefined, oldKeys: [] },
      turnLock: { waitMs: 10_000 },
      log: { level: 'info' },
      porting: { countries: ['US', 'CA'] },
      portability: {
        provider: 'none',
        timeoutMs: 3_000,
        telnyxBaseUrl: 'https://api.telnyx.com/v2',
        telnyxApiKey: undefined,
        twilioBaseUrl: 'https://numbers.twilio.com',
        twilioAccountSid: undefined,
        twilioAuthToken: undefined,
      },
      newCarrier: { name: 'Demo Mobile (sample carrier)' },
      support: { phone: undefined, email: undefined },
      agents: {
        teamId: undefined,
        channelId: undefined,
        teamsServiceUrl: 'https://smba.trafficmanager.net/teams/',
        allowedUserIds: [],
        consoleToken: undefined,
        expectedWaitMinutes: 5,
        maxWaitMinutes: 10,
      },
      staff: { teamId: undefined, userIds: [], signingLinkHours: 72 },
      webChat: { directLineSecret: undefined, directLineUrl: 'https://directline.botframework.com' },
      submission: {
        gateway: 'folder',
        submissionsDir: './data/submissions',
        webhookUrl: undefined,
        webhookSecret: undefined,
        webhookTimeoutMs: 10_000,
        retryBaseMs: 5_000,
        retryMaxMs: 900_000,
      },
      mail: { kind: 'folder', dir: './data/mail', from: { name: 'Porting Assistant', address: 'porting-assistant@localhost' } },
    });
  });

  it('accepts .env.example as it stands, which documents the defaults', () => {
    const example = dotenv.parse(readFileSync(join(__dirname, '..', '.env.example'), 'utf8'));

    expect(parseConfig(example)).toEqual(parseConfig({}));
  });

  it('reads each variable into its group', () => {
    const config = parseConfig({
      CARRIER_NAME: 'AT&T',
      PORT: '8080',
      MAX_BODY_BYTES: '65536',
      STORAGE_URL: 'redis://cache:6379',
      STATE_TTL_DAYS: '7',
      LOG_LEVEL: 'DEBUG',
      PORTING_COUNTRIES: ' ca , us,CA',
    });

    expect(config.server).toMatchObject({ port: 8080, maxBodyBytes: 65536 });
    expect(config.storage).toMatchObject({ url: 'redis://cache:6379', ttlDays: 7 });
    expect(config.log.level).toBe('debug');
    expect(config.porting.countries).toEqual(['CA', 'US']);
    expect(config.newCarrier.name).toBe('AT&T');
  });

  it.each(['T-Mobile', 'U.S. Cellular', 'Vidéotron', 'Bell MTS', 'Cricket Wireless', "Consumer's Cellular", 'Yahoo! Mobile'])(
    'accepts %s as CARRIER_NAME',
    (name) => {
      expect(parseConfig({ CARRIER_NAME: name }).newCarrier.name).toBe(name);
    },
  );

  it('treats a blank value as unset', () => {
    expect(parseConfig({ PORT: '', STORAGE_URL: '  ', MicrosoftAppId: '' })).toMatchObject({
      server: { port: 3978 },
      storage: { url: 'sqlite://./data/bot.sqlite' },
      bot: { authEnabled: false },
    });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '39.78'],
    ['MAX_BODY_BYTES', '10'],
    ['STORAGE_URL', 'bogus://x'],
    ['STORAGE_URL', 'just-a-path'],
    ['STATE_TTL_DAYS', '0'],
    ['STATE_TTL_DAYS', 'forever'],
    ['LOG_LEVEL', 'loud'],
    ['PORTING_COUNTRIES', 'US,XX'],
    ['PORTING_COUNTRIES', 'US,MX'],
    ['SUPPORT_EMAIL', 'help-at-example'],
    ['PORTING_COUNTRIES', ','],
    ['MicrosoftAppId', 'not-a-guid'],
    ['MicrosoftAppType', 'Sometimes'],
    ['CONNECTOR_TIMEOUT_MS', '50'],
    ['CONNECTOR_TIMEOUT_MS', '60000'],
    ['CARRIER_NAME', '<b>Contoso</b>'],
    ['CARRIER_NAME', '**Contoso**'],
    ['CARRIER_NAME', '-Contoso'],
    ['CARRIER_NAME', 'C'.repeat(41)],
  ])('refuses %s=%s in one line that names the variable, shows the value and says what is expected', (name, value) => {
    const otherCredentials: Record<string, string> =
      name === 'MicrosoftAppId' ? { MicrosoftAppPassword: 'secret', MicrosoftAppTenantId: TENANT_ID, ...DEPLOYED } : {};
    const message = configError({ ...otherCredentials, [name]: value });

    expect(message.split('\n')).toHaveLength(1);
    expect(message).toMatch(new RegExp(`^${name}: '.*' is not valid\\. Use `));
    expect(message).toContain(value.trim());
  });

  it('names every bad variable, one per line', () => {
    const message = configError({ PORT: 'abc', LOG_LEVEL: 'loud' });

    expect(message.split('\n')).toEqual([expect.stringMatching(/^PORT: /), expect.stringMatching(/^LOG_LEVEL: /)]);
  });

  it('does not show the credentials of a bad STORAGE_URL', () => {
    const message = configError({ STORAGE_URL: 'bogus://admin:hunter2@cache:6379' });

    expect(message).toMatch(/^STORAGE_URL: /);
    expect(message).not.toContain('hunter2');
  });

  describe('email (SMTP_URL, SMTP_USER, SMTP_PASSWORD, MAIL_FROM, MAIL_DIR)', () => {
    const deployed = { ...DEPLOYED, MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'secret', MicrosoftAppType: 'MultiTenant' };
    const from = { MAIL_FROM: 'Porting Assistant <porting@example.com>' };

    it('writes .eml files to MAIL_DIR on a local run, and is off in a deployment without SMTP_URL', () => {
      expect(parseConfig({ MAIL_DIR: '/tmp/mail', MAIL_FROM: 'porting@example.com' }).mail).toEqual({ kind: 'folder', dir: '/tmp/mail', from: { address: 'porting@example.com' } });
      expect(parseConfig(deployed).mail).toEqual({ kind: 'off' });
    });

    it('takes the user and password from the URL or from SMTP_USER and SMTP_PASSWORD', () => {
      expect(parseConfig({ ...deployed, ...from, SMTP_URL: 'smtps://bot%40example.com:p%3Ass@mail.example.com' }).mail).toEqual({
        kind: 'smtp',
        server: { host: 'mail.example.com', port: 465, secure: true, user: 'bot@example.com', password: 'p:ss' },
        from: { name: 'Porting Assistant', address: 'porting@example.com' },
      });
      expect(parseConfig({ ...from, SMTP_URL: 'smtp://mail.example.com:2525', SMTP_USER: 'bot', SMTP_PASSWORD: 'pass' }).mail).toMatchObject({
        server: { host: 'mail.example.com', port: 2525, secure: false, user: 'bot', password: 'pass' },
      });
      expect(parseConfig({ ...from, SMTP_URL: 'smtp://relay.internal' }).mail).toMatchObject({ server: { port: 587, secure: false } });
    });

    it('refuses what cannot work, saying what to do, and never shows a password', () => {
      expect(configError({ SMTP_URL: 'smtp://bot:hunter2@mail.example.com' })).toMatch(/^MAIL_FROM is required when SMTP_URL is set/);
      const badUrl = configError({ ...from, SMTP_URL: 'http://bot:hunter2@mail.example.com' });
      expect(badUrl).toMatch(/^SMTP_URL: .* is not valid\. Use smtp:\/\//);
      expect(badUrl).not.toContain('hunter2');
      expect(configError({ SMTP_PASSWORD: 'hunter2' })).toBe('SMTP_PASSWORD is set but SMTP_URL is not: set SMTP_URL too, or leave both empty.');
      expect(configError({ ...from, SMTP_URL: 'smtp://bot:a@mail.example.com', SMTP_PASSWORD: 'hunter2' })).toMatch(/^SMTP_PASSWORD is set and SMTP_URL holds a password too/);
      expect(configError({ ...from, SMTP_URL: 'smtp://mail.example.com', SMTP_PASSWORD: 'hunter2' })).toMatch(/^SMTP_USER is required with a password/);
      expect(configError({ MAIL_FROM: 'Porting <not an address>' })).toMatch(/^MAIL_FROM: .* is not valid/);
      expect(configError({ MAIL_FROM: 'Evil\r\nBcc: x@example.com <porting@example.com>' })).toMatch(/^MAIL_FROM: /);
    });
  });

  describe('bot authentication', () => {
    it('is on, single-tenant by default, when the app ID, password and tenant are set', () => {
      const config = parseConfig({ ...DEPLOYED, MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'secret', MicrosoftAppTenantId: TENANT_ID });

      expect(config.bot).toEqual({
        appId: APP_ID,
        appPassword: 'secret',
        appType: 'SingleTenant',
        tenantId: TENANT_ID,
        authEnabled: true,
        connectorTimeoutMs: 5_000,
      });
    });

    it('accepts a multi-tenant app without a tenant, and a managed identity without a password', () => {
      expect(parseConfig({ ...DEPLOYED, MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'secret', MicrosoftAppType: 'MultiTenant' }).bot.authEnabled).toBe(
        true,
      );
      expect(
        parseConfig({ ...DEPLOYED, MicrosoftAppId: APP_ID, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT_ID }).bot.appType,
      ).toBe('UserAssignedMSI');
    });

    it('asks for the tenant and password that a single-tenant app needs', () => {
      expect(configError({ ...DEPLOYED, MicrosoftAppId: APP_ID }).split('\n')).toEqual([
        'MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant.',
        'MicrosoftAppPassword is required when MicrosoftAppId is set and MicrosoftAppType is SingleTenant.',
      ]);
    });

    it('asks a deployed bot for a support phone or email, which a local run may go without', () => {
      const credentials = { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'secret', MicrosoftAppType: 'MultiTenant' };

      expect(configError({ ...credentials, DATA_ENCRYPTION_KEY: DEPLOYED.DATA_ENCRYPTION_KEY })).toMatch(/^SUPPORT_PHONE or SUPPORT_EMAIL is required/);
      expect(parseConfig({ ...credentials, ...DEPLOYED }).support).toEqual({ phone: undefined, email: 'porting-help@example.com' });
      expect(parseConfig({}).support).toEqual({ phone: undefined, email: undefined });
    });

    it('asks a deployed bot for the name of the carrier customers move to; a local run names a demo carrier', () => {
      const credentials = { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'secret', MicrosoftAppType: 'MultiTenant' };
      const { CARRIER_NAME: _carrierName, ...withoutCarrier } = DEPLOYED;

      expect(configError({ ...credentials, ...withoutCarrier }).split('\n')).toEqual([
        "CARRIER_NAME is required when MicrosoftAppId is set: every customer's Letter of Authorization names the carrier they move to.",
      ]);
      expect(parseConfig({ ...credentials, ...DEPLOYED }).newCarrier).toEqual({ name: 'Contoso Mobile' });
      expect(parseConfig({}).newCarrier).toEqual({ name: DEMO_CARRIER_NAME });
      expect(DEMO_CARRIER_NAME).toMatch(/demo/i);
      expect(parseConfig({ CARRIER_NAME: '  Contoso Mobile ' }).newCarrier.name).toBe('Contoso Mobile');
    });

    it('refuses a password without an app ID rather than silently running without authentication', () => {
      expect(configError({ MicrosoftAppPassword: 'secret' })).toMatch(/^MicrosoftAppId is required when MicrosoftAppPassword is set/);
    });

    it('never shows the password, even when refusing it', () => {
      const message = configError({
        MicrosoftAppId: APP_ID,
        MicrosoftAppType: 'UserAssignedMSI',
        MicrosoftAppTenantId: TENANT_ID,
        MicrosoftAppPassword: 'hunter2-secret',
      });

      expect(message).toMatch(/^MicrosoftAppPassword must be empty when MicrosoftAppType is UserAssignedMSI/);
      expect(message).not.toContain('hunter2');
    });
  });

  describe('where to listen (HOST)', () => {
    const deployed = { ...DEPLOYED, MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'secret', MicrosoftAppType: 'MultiTenant' };

    it('is loopback for a local run and every interface (left to Node) for a deployment, unless HOST says otherwise', () => {
      expect(parseConfig({}).server.host).toBe('127.0.0.1');
      expect(parseConfig(deployed).server.host).toBeUndefined();
      expect(parseConfig({ HOST: '0.0.0.0' }).server.host).toBe('0.0.0.0');
      expect(parseConfig({ ...deployed, HOST: '::1' }).server.host).toBe('::1');
    });

    it('takes only an IP address', () => {
      expect(configError({ HOST: 'example.com' })).toMatch(/^HOST: 'example.com' is not valid. Use an IP address/);
    });
  });
});

describe('loadConfig', () => {
  it('fills in from the .env file what the environment does not set', () => {
    const envFile = join(mkdtempSync(join(tmpdir(), 'config-')), '.env');
    writeFileSync(envFile, 'PORT=4000\nLOG_LEVEL=warn\n');

    const config = loadConfig({ LOG_LEVEL: 'error' }, envFile);

    expect(config.server.port).toBe(4000);
    expect(config.log.level).toBe('error');
  });

  it('does without a .env file', () => {
    expect(loadConfig({ PORT: '4001' }, join(tmpdir(), 'no-such-dir', '.env')).server.port).toBe(4001);
  });
});
