import { startApplication } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { exitGracefullyOnSignals } from './hosting/shutdown';
import { createLogger } from './logging';
import { resolveAgentConsoleToken } from './security/agentConsoleToken';
import { resolveEncryptionKeys } from './security/resolveEncryptionKeys';
import { createStorage } from './storage/createStorage';

const SHUTDOWN_TIMEOUT_MS = 10_000;
/** Where a local run keeps what it makes for itself (the development encryption key, the agent console token). */
const LOCAL_DATA_DIR = './data';

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
    const encryption = await resolveEncryptionKeys(config, { dataDir: LOCAL_DATA_DIR, logger });
    const storage = await createStorage(config.storage.url, {
      ttlDays: config.storage.ttlDays,
      encryption,
      onError: (error) => logger.warn({ err: error }, 'storage connection error'),
    });
    const consoleToken = await resolveAgentConsoleToken(config, { dataDir: LOCAL_DATA_DIR, logger });
    const app = await startApplication({ ...config, agents: { ...config.agents, consoleToken } }, { storage, logger, encryption });
    exitGracefullyOnSignals(() => app.close(), { logger, timeoutMs: SHUTDOWN_TIMEOUT_MS, process });
  } catch (error) {
    logger.fatal({ err: error }, 'could not start');
    process.exit(1);
  }
}

void main();
