import { ConversationState, UserState } from 'botbuilder';
import { PortingBot } from './bot/portingBot';
import { clearDialogStack } from './bot/turnErrorRecovery';
import { ConfigError, loadConfig, type Config } from './config';
import { startServer } from './hosting/server';
import { exitGracefullyOnSignals } from './hosting/shutdown';
import { createLogger } from './logging';
import { createStorage } from './storage/createStorage';

const SHUTDOWN_TIMEOUT_MS = 10_000;

function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // For the operator, not a log pipeline: one plain line per bad setting, no stack trace.
    console.error(error.message);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const config = configOrExit();
  const logger = createLogger(config.log);
  try {
    const storage = await createStorage(config.storage.url, {
      ttlDays: config.storage.ttlDays,
      onError: (error) => logger.warn({ err: error }, 'storage connection error'),
    });
    const conversationState = new ConversationState(storage);
    const userState = new UserState(storage);
    const bot = new PortingBot(conversationState, userState, logger);
    const server = await startServer(config, {
      bot,
      storage,
      logger,
      recoverFromTurnError: clearDialogStack(conversationState),
    });
    exitGracefullyOnSignals(
      async () => {
        await server.close();
        await storage.close();
      },
      { logger, timeoutMs: SHUTDOWN_TIMEOUT_MS, process },
    );
  } catch (error) {
    logger.fatal({ err: error }, 'could not start');
    process.exit(1);
  }
}

void main();
