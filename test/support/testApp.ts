import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import { ConversationState, UserState } from 'botbuilder';
import { startApplication } from '../../src/app';
import type { DialogRunner } from '../../src/bot/portingBot';
import { parseConfig, type Config } from '../../src/config';
import type { TurnHandler } from '../../src/bot/turnPipeline';
import { startServer, type RunningServer } from '../../src/hosting/server';
import type { Logger } from '../../src/logging';
import type { DataKeyring } from '../../src/security/dataKeys';
import type { SweepableStorage } from '../../src/storage/createStorage';
import { captureLogs } from './captureLogs';
import { memoryStorage } from './testStorage';
import { NEW_CARRIER } from './newCarrier';
import { pipelinedBot, testTurnPipeline } from './turnPipeline';

export interface TestAppOptions {
  /** Extra environment variables for the configuration (the port is always 0: any free port). */
  readonly env?: Record<string, string>;
  /** The default is the application's in-memory storage. It is closed with the app. */
  readonly storage?: SweepableStorage;
  readonly logger?: Logger;
  /**
   * Replaces the conversation behind the real PortingBot and turn pipeline; the default is the whole application (see
   * startApplication).
   */
  readonly runDialog?: DialogRunner;
  /** The whole application's clock and how often it checks for customers who waited too long for a person. */
  readonly clock?: () => Date;
  readonly waitCheckIntervalMs?: number;
  /** The whole application's data keys: with them, it signs links to letters (its storage stays the one given). */
  readonly encryption?: DataKeyring;
  /** Replaces the turn pipeline and PortingBot altogether, e.g. with one that throws. */
  readonly bot?: (states: { conversationState: ConversationState; userState: UserState }) => TurnHandler;
}

export interface TestApp extends RunningServer {
  readonly storage: SweepableStorage;
  readonly conversationState: ConversationState;
  readonly userState: UserState;
  /** Posts `body` to /api/messages as JSON. */
  post(body: unknown, headers?: Record<string, string>): Promise<Response>;
  /** Posts an expectReplies activity and returns the bot's replies. */
  exchange(activity: Partial<Activity>): Promise<Partial<Activity>[]>;
}

/** The real server on an ephemeral port, with in-memory storage and (unless given one) a silent logger. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  // Submissions and emails go to folders of the test's own, never the repository's ./data.
  const submissionsDir = mkdtempSync(join(tmpdir(), 'porting-submissions-'));
  const mailDir = join(submissionsDir, 'mail');
  const config = parseConfig({ SUBMISSIONS_DIR: submissionsDir, MAIL_DIR: mailDir, CARRIER_NAME: NEW_CARRIER.name, ...options.env, PORT: '0' });
  const storage = options.storage ?? (await memoryStorage());
  const logger = options.logger ?? captureLogs('silent').logger;
  const { runDialog } = options;
  const custom: BotFactory | undefined =
    options.bot ?? (runDialog && ((states) => pipelinedBot(states, { runDialog }, testTurnPipeline(states, { logger }))));
  const { server, conversationState, userState } = custom
    ? await startBareServer(config, storage, logger, custom)
    : await startWholeApplication(config, storage, logger, options);

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  let closing: Promise<void> | undefined;
  return {
    url: server.url,
    close() {
      closing ??= server.close().then(() => storage.close());
      return closing;
    },
    storage,
    conversationState,
    userState,
    post,
    async exchange(activity) {
      const response = await post(activity);
      if (response.status !== 200) throw new Error(`POST /api/messages answered ${response.status}: ${await response.text()}`);
      return ((await response.json()) as { activities: Partial<Activity>[] }).activities;
    },
  };
}

type BotFactory = NonNullable<TestAppOptions['bot']>;
interface StartedServer {
  server: RunningServer;
  conversationState: ConversationState;
  userState: UserState;
}

async function startWholeApplication(config: Config, storage: SweepableStorage, logger: Logger, options: TestAppOptions): Promise<StartedServer> {
  const app = await startApplication(config, {
    storage,
    logger,
    clock: options.clock,
    waitCheckIntervalMs: options.waitCheckIntervalMs,
    encryption: options.encryption,
  });
  return { server: app, conversationState: app.conversationState, userState: app.userState };
}

async function startBareServer(config: Config, storage: SweepableStorage, logger: Logger, bot: BotFactory): Promise<StartedServer> {
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const server = await startServer(config, {
    bot: bot({ conversationState, userState }),
    storage,
    logger,
  });
  return { server, conversationState, userState };
}
