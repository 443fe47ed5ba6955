/** What a benchmark server keeps its state in: the bot's own storage, made from its settings as `npm start` makes it. */
import { parseConfig, type Config } from '../../src/config';
import { createLogger, type Logger } from '../../src/logging';
import { resolveEncryptionKeys } from '../../src/security/resolveEncryptionKeys';
import { createStorage, type SweepableStorage } from '../../src/storage/createStorage';
import type { StartMessage } from './childProcess';

export async function configuredStorage({ env, namespace }: StartMessage): Promise<{ config: Config; logger: Logger; storage: SweepableStorage }> {
  const config = parseConfig(env);
  const logger = createLogger(config.log);
  // DATA_ENCRYPTION_KEY is always set by the benchmark, so no development key file is made.
  const encryption = await resolveEncryptionKeys(config, { dataDir: config.submission.submissionsDir, logger });
  const storage = await createStorage(config.storage.url, { ttlDays: config.storage.ttlDays, encryption, namespace });
  return { config, logger, storage };
}
