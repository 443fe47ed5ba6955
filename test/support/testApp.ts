import type { Activity } from 'botbuilder';
import { ConversationState, UserState } from 'botbuilder';
import { PortingBot, type DialogRunner } from '../../src/bot/portingBot';
import { clearDialogStack } from '../../src/bot/turnErrorRecovery';
import { parseConfig } from '../../src/config';
import { startServer, type RunningServer, type TurnHandler } from '../../src/hosting/server';
import type { Logger } from '../../src/logging';
import type { BotStorage } from '../../src/storage/createStorage';
import { captureLogs } from './captureLogs';
import { memoryStorage } from './testStorage';

export interface TestAppOptions {
  /** Extra environment variables for the configuration (the port is always 0: any free port). */
  readonly env?: Record<string, string>;
  /** The default is the application's in-memory storage. It is closed with the app. */
  readonly storage?: BotStorage;
  readonly logger?: Logger;
  /** The conversation flow behind the real PortingBot; the default is its menu. */
  readonly runDialog?: DialogRunner;
  /** Replaces the PortingBot altogether, e.g. with one that throws. */
  readonly bot?: (states: { conversationState: ConversationState; userState: UserState }) => TurnHandler;
}

export interface TestApp extends RunningServer {
  readonly storage: BotStorage;
  readonly conversationState: ConversationState;
  readonly userState: UserState;
  /** Posts `body` to /api/messages as JSON. */
  post(body: unknown, headers?: Record<string, string>): Promise<Response>;
  /** Posts an expectReplies activity and returns the bot's replies. */
  exchange(activity: Partial<Activity>): Promise<Partial<Activity>[]>;
}

/** The real server on an ephemeral port, with in-memory storage and (unless given one) a silent logger. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const config = parseConfig({ ...options.env, PORT: '0' });
  const storage = options.storage ?? (await memoryStorage());
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const logger = options.logger ?? captureLogs('silent').logger;
  const bot = options.bot
    ? options.bot({ conversationState, userState })
    : new PortingBot(conversationState, userState, logger, options.runDialog);
  const server = await startServer(config, { bot, storage, logger, recoverFromTurnError: clearDialogStack(conversationState) });

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
