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

/** For the operator, not a log pipeline: a problem they can fix themselves, in plain lines, with no stack trace. */
function stopWith(message: string): never {
  console.error(message);
  process.exit(1);
}

function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    stopWith(error.message);
  }
}

/** The server could not listen because another program holds the port: a setting to change, not a crash. */
function isPortTaken(error: unknown): boolean {
  const { code, syscall } = (error ?? {}) as NodeJS.ErrnoException;
  return code === 'EADDRINUSE' && syscall === 'listen';
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
    if (isPortTaken(error)) stopWith(`Port ${config.server.port} is already in use: stop the other program or set PORT to a free port.`);
    logger.fatal({ err: error }, 'could not start');
    process.exit(1);
  }
}

void main();
