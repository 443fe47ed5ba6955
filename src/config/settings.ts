import { z } from 'zod';
import { PORTING_COUNTRIES } from '../domain/phoneNumbers';
import { PORTABILITY_PROVIDERS } from '../portability/portabilityChecker';
import { dataKeyListSchema, dataKeySchema, duplicateKeyId, NEW_KEY_COMMAND } from '../security/dataKeys';
import { type MailVariables, mailFromSchema, mailProblems, resolveMailTransport, smtpUrlSchema } from '../mail/mailSettings';
import { parseStorageUrl, redactStorageUrl } from '../storage/storageUrl';

import { LOG_LEVELS } from '../logging';
import { type EnvVariable, type Env, fromEnv, parseSettings, variablesOf, withEnvFile } from './environment';

/**
 * The bot's settings, read once at start-up from the environment (and `.env`). Each setting is declared once,
 * in `configSchema` below, together with the environment variable it comes from and what a valid value looks
 * like: adding a setting is one line there.
 */

const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;
type AppType = (typeof APP_TYPES)[number];
const PORTING_GATEWAYS = ['folder', 'webhook'] as const;

const KIB = 1024;
/** Where a local run listens unless HOST says otherwise. */
const LOOPBACK = '127.0.0.1';

/** What a local run's letters, page and greeting name as the new carrier, saying plainly that it is not a real one. */
export const DEMO_CARRIER_NAME = 'Demo Mobile (sample carrier)';
/**
 * A carrier's name as letters, cards, the web page and chat show it: letters of any script, digits, spaces and the
 * punctuation real names use (AT&T, U.S. Cellular, T-Mobile). Nothing that Markdown or HTML would read as markup.
 */
const CARRIER_NAME_PATTERN = /^[\p{L}\p{N}][\p{L}\p{M}\p{N} &'’.,()+!-]*$/u;

const settingsShape = {
  server: z.object({
    port: fromEnv(
      { name: 'PORT', expected: 'Use a whole number from 0 to 65535 (0 picks any free port).' },
      z.coerce.number().int().min(0).max(65535).default(3978),
    ),
    // The address to listen on. Unset, a local run (no app id) listens on this machine only: with authentication off
    // the bot believes whatever a request says and posts to any serviceUrl it is given. With an app id, every
    // interface, as a deployment behind its platform's front end needs.
    host: fromEnv(
      { name: 'HOST', expected: 'Use an IP address to listen on: 127.0.0.1 (this machine only), 0.0.0.0 or :: (every interface), or one interface\'s address.' },
      z.union([z.ipv4(), z.ipv6()]).optional(),
    ),
    // Activities are small JSON documents: a message's text, an Adaptive Card's submitted values, Teams'
    // channelData. Files travel as links, never inline. 256 KiB leaves ample room for all of that while
    // stopping a client from making the server buffer megabytes per request.
    maxBodyBytes: fromEnv(
      { name: 'MAX_BODY_BYTES', expected: 'Use a whole number of bytes from 1024 to 16777216.' },
      z.coerce.number().int().min(KIB).max(16 * KIB * KIB).default(256 * KIB),
    ),
    // Behind a reverse proxy (App Service's front ends) every request arrives from the proxy, which appends the
    // client's own address to X-Forwarded-For. Only then may that header be believed: anyone can send one.
    trustProxy: fromEnv(
      { name: 'TRUST_PROXY', expected: 'Use true when the bot runs behind one reverse proxy that sets X-Forwarded-For (App Service does), else false.' },
      z.stringbool().default(false),
    ),
    // Rate limits (see src/hosting/rateLimit.ts). A person sends a few messages a minute, and one address may hold a
    // whole office (or a Bot Framework channel carrying many customers), so the defaults stop floods, never people.
    rateLimitPerMinutePerClient: fromEnv(
      { name: 'RATE_LIMIT_PER_MINUTE_PER_CLIENT', expected: 'Use a whole number of requests from 1 to 1000000.' },
      z.coerce.number().int().min(1).max(1_000_000).default(600),
    ),
    rateLimitPerMinutePerConversation: fromEnv(
      { name: 'RATE_LIMIT_PER_MINUTE_PER_CONVERSATION', expected: 'Use a whole number of activities from 1 to 1000000.' },
      z.coerce.number().int().min(1).max(1_000_000).default(60),
    ),
  }),
  bot: z.object({
    appId: fromEnv(
      { name: 'MicrosoftAppId', expected: "Use the bot's Microsoft app ID (a GUID), or leave it empty to run without authentication." },
      z.guid().optional(),
    ),
    appPassword: fromEnv(
      { name: 'MicrosoftAppPassword', expected: "Use the app registration's client secret.", echo: false },
      z.string().optional(),
    ),
    appType: fromEnv(
      { name: 'MicrosoftAppType', expected: `Use one of ${APP_TYPES.join(', ')}.` },
      z.enum(APP_TYPES).optional(),
    ),
    tenantId: fromEnv(
      { name: 'MicrosoftAppTenantId', expected: "Use the Microsoft Entra tenant ID of the bot's app registration." },
      z.string().optional(),
    ),
    // How long one call to a channel's Bot Connector (a reply, an update, a proactive message) may take, retries
    // included, before it is abandoned and the turn's lock let go (see src/hosting/connectorTimeout.ts). The Bot
    // Connector answers within a second or two; a channel gives up on the request that started a turn after 15 s.
    connectorTimeoutMs: fromEnv(
      { name: 'CONNECTOR_TIMEOUT_MS', expected: 'Use a whole number of milliseconds from 100 to 15000.' },
      z.coerce.number().int().min(100).max(15_000).default(5_000),
    ),
  }),
  storage: z.object({
    url: fromEnv(
      {
        name: 'STORAGE_URL',
        expected: 'Use sqlite://<path>, redis://<host>:<port>, postgres://<user>@<host>/<database> or memory://.',
        echo: redactStorageUrl,
      },
      z.string().refine(isSupportedStorageUrl).default('sqlite://./data/bot.sqlite'),
    ),
    ttlDays: fromEnv(
      { name: 'STATE_TTL_DAYS', expected: 'Use a whole number of days from 1 to 3650.' },
      z.coerce.number().int().min(1).max(3650).default(30),
    ),
    // SQLite and Postgres keep expired rows until something deletes them; Redis drops them itself.
    sweepIntervalMinutes: fromEnv(
      { name: 'STATE_SWEEP_INTERVAL_MINUTES', expected: 'Use a whole number of minutes from 1 to 10080 (a week).' },
      z.coerce.number().int().min(1).max(10080).default(60),
    ),
  }),
  dataEncryption: z.object({
    key: fromEnv(
      {
        name: 'DATA_ENCRYPTION_KEY',
        expected: `Use <key id>:<32 random bytes in base64>; make one with: ${NEW_KEY_COMMAND}`,
        echo: false,
      },
      dataKeySchema.optional(),
    ),
    oldKeys: fromEnv(
      {
        name: 'DATA_ENCRYPTION_OLD_KEYS',
        expected: 'Use a comma-separated list of earlier DATA_ENCRYPTION_KEY values (<key id>:<base64>), each with its own id.',
        echo: false,
      },
      dataKeyListSchema.prefault(''),
    ),
  }),
  // Turns of one conversation run one at a time, across instances; a turn waits this long for the one before it.
  // Channels give up on a request after 15 seconds, so the wait stays below that.
  turnLock: z.object({
    waitMs: fromEnv(
      { name: 'TURN_LOCK_WAIT_MS', expected: 'Use a whole number of milliseconds from 100 to 14000.' },
      z.coerce.number().int().min(100).max(14_000).default(10_000),
    ),
  }),
  log: z.object({
    level: fromEnv(
      { name: 'LOG_LEVEL', expected: `Use one of ${LOG_LEVELS.join(', ')}.` },
      z.string().toLowerCase().pipe(z.enum(LOG_LEVELS)).default('info'),
    ),
  }),
  porting: z.object({
    countries: fromEnv(
      { name: 'PORTING_COUNTRIES', expected: `Use a comma-separated list of the countries we port in: ${PORTING_COUNTRIES.join(', ')}.` },
      z
        .string()
        .transform((list) => [...new Set(list.split(',').map((code) => code.trim().toUpperCase()))])
        .pipe(z.array(z.enum(PORTING_COUNTRIES)).min(1))
        .prefault(PORTING_COUNTRIES.join(',')),
    ),
  }),
  // The carrier customers move to (the one running this bot). The letter-of-agency rule asks that each Letter of
  // Authorization name the carrier it authorizes, so every letter does; the request, the web page and the greeting
  // name it too. A deployment must name itself.
  newCarrier: z.object({
    name: fromEnv(
      {
        name: 'CARRIER_NAME',
        expected: "Use the name of the carrier customers move to, as their letter should name it: up to 40 letters, digits, spaces and & ' . , ( ) + ! -.",
      },
      // 40 characters: longer than any carrier's name, and what the one-page letter has room for.
      z.string().max(40).regex(CARRIER_NAME_PATTERN).optional(),
    ),
  }),
  // The porting provider's portability check of the numbers customers give (src/portability/): none, Telnyx or
  // Twilio, with that provider's keys (secrets). A provider that is down, slow or refuses the key never blocks a
  // customer: after the timeout the bot carries on without the check.
  portability: z.object({
    provider: fromEnv(
      { name: 'PORTABILITY_PROVIDER', expected: `Use one of ${PORTABILITY_PROVIDERS.join(', ')}.` },
      z.string().toLowerCase().pipe(z.enum(PORTABILITY_PROVIDERS)).default('none'),
    ),
    // One check happens while the customer waits for the next question: a few seconds at most.
    timeoutMs: fromEnv(
      { name: 'PORTABILITY_TIMEOUT_MS', expected: 'Use a whole number of milliseconds from 500 to 10000.' },
      z.coerce.number().int().min(500).max(10_000).default(3_000),
    ),
    telnyxBaseUrl: providerUrl(
      { name: 'TELNYX_API_BASE_URL', expected: "Use Telnyx's API address, https://api.telnyx.com/v2 (http:// only on this machine)." },
      'https://api.telnyx.com/v2',
    ),
    telnyxApiKey: fromEnv({ name: 'TELNYX_API_KEY', expected: 'Use a Telnyx API key.', echo: false }, z.string().optional()),
    twilioBaseUrl: providerUrl(
      { name: 'TWILIO_API_BASE_URL', expected: "Use Twilio's Numbers API address, https://numbers.twilio.com (http:// only on this machine)." },
      'https://numbers.twilio.com',
    ),
    twilioAccountSid: fromEnv(
      { name: 'TWILIO_ACCOUNT_SID', expected: 'Use the Twilio account SID: AC followed by 32 hexadecimal digits.', echo: false },
      z.string().regex(/^AC[0-9a-fA-F]{32}$/).optional(),
    ),
    twilioAuthToken: fromEnv({ name: 'TWILIO_AUTH_TOKEN', expected: "Use the Twilio account's auth token.", echo: false }, z.string().optional()),
  }),
  // Where customers reach a person when no agent can take the chat (no agents set up, or the hand-off failed).
  // A deployment must name one.
  support: z.object({
    phone: fromEnv(
      { name: 'SUPPORT_PHONE', expected: "Use the porting team's phone number as customers should dial it, such as 1-800-555-0199." },
      z.string().max(40).optional(),
    ),
    email: fromEnv({ name: 'SUPPORT_EMAIL', expected: "Use the porting team's email address." }, z.email().optional()),
  }),
  // Live hand-off to people (docs/handoff.md). Escalations go to the agents' channel in Teams (team and channel named
  // here) and to any conversation that joins the agents' console with AGENT_TOKEN (the /agent page, for instance).
  agents: z.object({
    teamId: fromEnv(
      { name: 'AGENT_TEAM_ID', expected: "Use the id of the agents' team in Teams, as Teams reports it (19:…@thread.tacv2)." },
      z.string().min(1).max(200).optional(),
    ),
    channelId: fromEnv(
      { name: 'AGENT_CHANNEL_ID', expected: "Use the id of the channel in the agents' team where escalations are posted (19:…@thread.tacv2)." },
      z.string().min(1).max(200).optional(),
    ),
    teamsServiceUrl: fromEnv(
      { name: 'AGENT_TEAMS_SERVICE_URL', expected: "Use the Teams service URL of the agents' tenant, such as https://smba.trafficmanager.net/teams/." },
      z.url({ protocol: /^https?$/ }).default('https://smba.trafficmanager.net/teams/'),
    ),
    allowedUserIds: fromEnv(
      { name: 'AGENT_ALLOWED_USER_IDS', expected: 'Use a comma-separated list of the user ids (Teams AAD object ids) allowed to take over chats.' },
      teamsUserIds(),
    ),
    consoleToken: fromEnv(
      { name: 'AGENT_TOKEN', expected: "Use a random secret of 24 to 200 characters for the agents' console.", echo: false },
      z.string().min(24).max(200).optional(),
    ),
    expectedWaitMinutes: fromEnv(
      { name: 'AGENT_EXPECTED_WAIT_MINUTES', expected: 'Use a whole number of minutes from 1 to 240: how long customers usually wait for an agent.' },
      z.coerce.number().int().min(1).max(240).default(5),
    ),
    maxWaitMinutes: fromEnv(
      { name: 'AGENT_MAX_WAIT_MINUTES', expected: 'Use a whole number of minutes from 1 to 1440: after this long, a waiting customer is offered other ways.' },
      z.coerce.number().int().min(1).max(1440).default(10),
    ),
  }),
  // Internal support staff in Teams (README, "For support staff"): they get the staff menu (port look-ups without the
  // customer's ZIP, carrier how-to) instead of the customer's. Recognized on the Teams channel only, as agents are
  // (src/bot/teamsMembers.ts); the same people may be agents too.
  staff: z.object({
    teamId: fromEnv(
      { name: 'STAFF_TEAM_ID', expected: "Use the id of the support staff's team in Teams, as Teams reports it (19:…@thread.tacv2)." },
      z.string().min(1).max(200).optional(),
    ),
    userIds: fromEnv(
      { name: 'STAFF_USER_IDS', expected: 'Use a comma-separated list of the Teams user ids (AAD object ids) of support staff.' },
      teamsUserIds(),
    ),
    // An assisted port's signing link (README, "For support staff"): how long it works; a reminder goes after a day.
    signingLinkHours: fromEnv(
      { name: 'SIGNING_LINK_HOURS', expected: 'Use a whole number of hours from 1 to 720: how long the signing link of an assisted port works.' },
      z.coerce.number().int().min(1).max(720).default(72),
    ),
  }),
  // The web page's chat. Without MicrosoftAppId it talks to a Direct Line bridge inside this server and these
  // are not used; with one, the server trades the Direct Line channel's secret for a token for each visitor.
  webChat: z.object({
    directLineSecret: fromEnv(
      { name: 'DIRECT_LINE_SECRET', expected: "Use a secret key of the Azure Bot's Direct Line channel.", echo: false },
      z.string().optional(),
    ),
    directLineUrl: fromEnv(
      {
        name: 'DIRECT_LINE_URL',
        expected: 'Use the Direct Line service address, such as https://directline.botframework.com or a regional one.',
      },
      z
        .url({ protocol: /^https?$/ })
        .transform((url) => url.replace(/\/+$/, ''))
        .default('https://directline.botframework.com'),
    ),
  }),
  // Links in the chat to the customer's copy of their signed letter (GET /api/loa/<reference>?token=...), signed with
  // a key derived from the data encryption key. Without a public address, a deployment offers no links; a local run
  // links to itself.
  receipts: z.object({
    publicBaseUrl: fromEnv(
      { name: 'PUBLIC_BASE_URL', expected: "Use the bot's public address, such as https://porting-assistant.azurewebsites.net." },
      z
        .url({ protocol: /^https?$/ })
        .transform((url) => url.replace(/\/+$/, ''))
        .optional(),
    ),
  }),
  // Where signed LOAs are sent: a folder (the default, for a back office or a person to pick up) or the porting
  // backend's webhook. Delivery is retried with backoff until it succeeds or is refused.
  submission: z.object({
    gateway: fromEnv(
      { name: 'PORTING_GATEWAY', expected: `Use one of ${PORTING_GATEWAYS.join(', ')}.` },
      z.string().toLowerCase().pipe(z.enum(PORTING_GATEWAYS)).default('folder'),
    ),
    submissionsDir: fromEnv(
      { name: 'SUBMISSIONS_DIR', expected: 'Use the path of the folder that signed port requests are written to.' },
      z.string().default('./data/submissions'),
    ),
    webhookUrl: fromEnv(
      { name: 'PORTING_WEBHOOK_URL', expected: "Use the porting backend's http:// or https:// address for submissions." },
      z.url({ protocol: /^https?$/ }).optional(),
    ),
    // Signs submissions, and checks the porting backend's status events (POST /api/porting/events), which are signed
    // the same way. Without it, the events endpoint is not offered.
    webhookSecret: fromEnv(
      { name: 'PORTING_WEBHOOK_SECRET', expected: 'Use a random secret of at least 32 characters, shared with the porting backend.', echo: false },
      z.string().min(32).optional(),
    ),
    webhookTimeoutMs: fromEnv(
      { name: 'PORTING_WEBHOOK_TIMEOUT_MS', expected: 'Use a whole number of milliseconds from 1000 to 120000.' },
      z.coerce.number().int().min(1000).max(120_000).default(10_000),
    ),
    retryBaseMs: fromEnv(
      { name: 'SUBMISSION_RETRY_BASE_MS', expected: 'Use a whole number of milliseconds from 100 to 3600000.' },
      z.coerce.number().int().min(100).max(3_600_000).default(5_000),
    ),
    retryMaxMs: fromEnv(
      { name: 'SUBMISSION_RETRY_MAX_MS', expected: 'Use a whole number of milliseconds from 1000 to 86400000.' },
      z.coerce.number().int().min(1000).max(86_400_000).default(900_000),
    ),
  }),
  // Email to customers (src/mail): an SMTP server, or on a local run .eml files in MAIL_DIR (see mailSettings.ts).
  mail: z.object({
    smtpUrl: fromEnv(
      {
        name: 'SMTP_URL',
        expected: 'Use smtp://<host>:<port> or smtps://<host>:<port>, with user:password@ before the host or in SMTP_USER and SMTP_PASSWORD.',
        echo: redactStorageUrl,
      },
      smtpUrlSchema.optional(),
    ),
    smtpUser: fromEnv({ name: 'SMTP_USER', expected: 'Use the user name the SMTP server knows the bot by.' }, z.string().max(320).optional()),
    smtpPassword: fromEnv({ name: 'SMTP_PASSWORD', expected: "Use the SMTP user's password.", echo: false }, z.string().max(1000).optional()),
    from: fromEnv(
      { name: 'MAIL_FROM', expected: 'Use the address emails come from, alone or with a name: Porting Assistant <porting@example.com>.' },
      mailFromSchema.optional(),
    ),
    dir: fromEnv(
      { name: 'MAIL_DIR', expected: 'Use the path of the folder that emails are written to when SMTP_URL is empty.' },
      z.string().default('./data/mail'),
    ),
  }),
};

/** The keys travel with every call, so only https leaves this machine; plain http is for a stand-in on it (tests). */
function providerUrl(variable: EnvVariable, fallback: string) {
  return fromEnv(
    variable,
    z
      .url({ protocol: /^https?$/ })
      .refine((url) => {
        const { protocol, hostname } = new URL(url);
        return protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(hostname);
      })
      .transform((url) => url.replace(/\/+$/, ''))
      .default(fallback),
  );
}

function isSupportedStorageUrl(url: string): boolean {
  try {
    parseStorageUrl(url);
    return true;
  } catch {
    return false;
  }
}

type BotCredentials = z.infer<typeof settingsShape.bot>;
type DataEncryptionSettings = z.infer<typeof settingsShape.dataEncryption>;

/**
 * With an app ID the bot is deployed and holds real customers' PINs and account numbers: it must have a key of
 * its own (locally, resolveEncryptionKeys makes a development key). Every key needs a distinct id, because the id
 * stored with each item picks the key that decrypts it.
 */
function checkDataEncryption(bot: BotCredentials, keys: DataEncryptionSettings, ctx: z.RefinementCtx): void {
  if (bot.appId && !keys.key) {
    ctx.addIssue({
      code: 'custom',
      path: ['dataEncryption', 'key'],
      message: `is required when MicrosoftAppId is set: it encrypts customers' data at rest. Make one with: ${NEW_KEY_COMMAND}`,
      params: { crossField: true },
    });
  }
  const duplicate = duplicateKeyId(keys.key ? [keys.key, ...keys.oldKeys] : keys.oldKeys);
  if (duplicate !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['dataEncryption', 'oldKeys'],
      message: `uses the key id "${duplicate}" twice (counting DATA_ENCRYPTION_KEY); give every key its own id.`,
      params: { crossField: true },
    });
  }
}

type SupportSettings = z.infer<typeof settingsShape.support>;

/** A deployed bot must tell customers how to reach a person; a local run may go without. */
function checkSupport(bot: BotCredentials, support: SupportSettings, ctx: z.RefinementCtx): void {
  if (bot.appId && !support.phone && !support.email) {
    ctx.addIssue({
      code: 'custom',
      path: ['support', 'phone'],
      message: 'or SUPPORT_EMAIL is required when MicrosoftAppId is set: customers who ask for a person are told how to reach one.',
      params: { crossField: true },
    });
  }
}

type NewCarrierSettings = z.infer<typeof settingsShape.newCarrier>;

/** A deployed bot's letters must name the real carrier; only a local run may stand in with the demo name. */
function checkNewCarrier(bot: BotCredentials, newCarrier: NewCarrierSettings, ctx: z.RefinementCtx): void {
  if (bot.appId && !newCarrier.name) {
    ctx.addIssue({
      code: 'custom',
      path: ['newCarrier', 'name'],
      message: "is required when MicrosoftAppId is set: every customer's Letter of Authorization names the carrier they move to.",
      params: { crossField: true },
    });
  }
}

type PortabilityConfig = z.infer<typeof settingsShape.portability>;

const PORTABILITY_KEYS = { telnyx: ['telnyxApiKey'], twilio: ['twilioAccountSid', 'twilioAuthToken'] } as const;

/** A portability provider cannot be called without its keys. */
function checkPortability(portability: PortabilityConfig, ctx: z.RefinementCtx): void {
  if (portability.provider === 'none') return;
  for (const key of PORTABILITY_KEYS[portability.provider]) {
    if (!portability[key]) {
      ctx.addIssue({
        code: 'custom',
        path: ['portability', key],
        message: `is required when PORTABILITY_PROVIDER is ${portability.provider}.`,
        params: { crossField: true },
      });
    }
  }
}

type SubmissionSettings = z.infer<typeof settingsShape.submission>;

/** The webhook gateway cannot run without its address and secret. */
function checkSubmission(submission: SubmissionSettings, ctx: z.RefinementCtx): void {
  if (submission.gateway !== 'webhook') return;
  for (const key of ['webhookUrl', 'webhookSecret'] as const) {
    if (!submission[key]) {
      ctx.addIssue({ code: 'custom', path: ['submission', key], message: 'is required when PORTING_GATEWAY is webhook.', params: { crossField: true } });
    }
  }
}

/**
 * The same rules ConfigurationBotFrameworkAuthentication asserts at start-up, checked here so that the operator
 * gets one clear line per problem instead of an assertion stack trace. With no app ID, authentication is off
 * (local runs and the Emulator) and the other credentials are ignored.
 */
type AgentSettings = z.infer<typeof settingsShape.agents>;

/** Escalations are posted to one channel of one team: naming only one of the two is a mistake. */
function checkAgents(agents: AgentSettings, ctx: z.RefinementCtx): void {
  if (Boolean(agents.teamId) === Boolean(agents.channelId)) return;
  const missing = agents.teamId ? 'channelId' : 'teamId';
  ctx.addIssue({
    code: 'custom',
    path: ['agents', missing],
    message: 'is required with the other: set both AGENT_TEAM_ID and AGENT_CHANNEL_ID, or neither.',
    params: { crossField: true },
  });
}

/** A comma-separated list of Teams user ids (AAD object ids, or 29:… ids), each once; empty when unset. */
function teamsUserIds() {
  return z
    .string()
    .transform((list) => [...new Set(list.split(',').map((id) => id.trim()).filter(Boolean))])
    .pipe(z.array(z.string().max(200)).max(1000))
    .prefault('');
}

function checkCredentials(bot: BotCredentials, ctx: z.RefinementCtx): void {
  const complain = (key: keyof BotCredentials, message: string) =>
    ctx.addIssue({ code: 'custom', path: ['bot', key], message, params: { crossField: true } });
  if (!bot.appId) {
    if (bot.appPassword) complain('appId', 'is required when MicrosoftAppPassword is set. Set both, or neither to run without authentication.');
    return;
  }
  const appType = resolveAppType(bot);
  if (appType !== 'MultiTenant' && !bot.tenantId) {
    complain('tenantId', `is required when MicrosoftAppType is ${appType}.`);
  }
  if (appType === 'UserAssignedMSI' && bot.appPassword) {
    complain('appPassword', 'must be empty when MicrosoftAppType is UserAssignedMSI: a managed identity has no password.');
  }
  if (appType !== 'UserAssignedMSI' && !bot.appPassword) {
    complain('appPassword', `is required when MicrosoftAppId is set and MicrosoftAppType is ${appType}.`);
  }
}

/** New Azure bots are single-tenant (creating multi-tenant ones was retired in 2025), so that is the default. */
function resolveAppType(bot: BotCredentials): AppType {
  return bot.appType ?? (bot.appId ? 'SingleTenant' : 'MultiTenant');
}

function checkMail(mail: MailVariables, ctx: z.RefinementCtx): void {
  for (const { key, message } of mailProblems(mail)) ctx.addIssue({ code: 'custom', path: ['mail', key], message, params: { crossField: true } });
}

const configSchema = z
  .object(settingsShape)
  .superRefine((settings, ctx) => {
    checkCredentials(settings.bot, ctx);
    checkSubmission(settings.submission, ctx);
    checkPortability(settings.portability, ctx);
    checkSupport(settings.bot, settings.support, ctx);
    checkNewCarrier(settings.bot, settings.newCarrier, ctx);
    checkDataEncryption(settings.bot, settings.dataEncryption, ctx);
    checkAgents(settings.agents, ctx);
    checkMail(settings.mail, ctx);
  })
  .transform((settings) => ({
    ...settings,
    mail: resolveMailTransport(settings.mail, Boolean(settings.bot.appId)),
    bot: { ...settings.bot, appType: resolveAppType(settings.bot), authEnabled: Boolean(settings.bot.appId) },
    // Undefined: every interface (Node's default, IPv6 and IPv4 where the machine has both).
    server: { ...settings.server, host: settings.server.host ?? (settings.bot.appId ? undefined : LOOPBACK) },
    newCarrier: { name: settings.newCarrier.name ?? DEMO_CARRIER_NAME },
  }));

export type Config = z.infer<typeof configSchema>;

/** An environment variable that the bot reads at run time. */
export interface ConfigVariable {
  readonly name: string;
  /** Never shown in errors: wherever the bot is deployed, its value must be kept as a secret. */
  readonly secret: boolean;
}

/** Every variable `parseConfig` reads, in declaration order: what a deployment must be able to set. */
export const configVariables: readonly ConfigVariable[] = variablesOf(settingsShape).map(({ name, echo }) => ({
  name,
  secret: echo === false,
}));

/** Validates the bot's settings in `env`. Pure: reads nothing else. Throws a ConfigError naming every bad variable. */
export function parseConfig(env: Env): Config {
  return parseSettings(settingsShape, configSchema, env);
}

/** Reads the bot's settings from `env`, filled in from the `.env` file (if there is one) where `env` lacks them. */
export function loadConfig(env: Env = process.env, envFile = '.env'): Config {
  return parseConfig(withEnvFile(env, envFile));
}
