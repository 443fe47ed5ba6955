/** The benchmark's Porting Assistant: the real application (startApplication), as `npm start` composes it. */
import { startApplication } from '../../src/app';
import { parseConfig } from '../../src/config';
import { createLogger } from '../../src/logging';
import { resolveEncryptionKeys } from '../../src/security/resolveEncryptionKeys';
import { createStorage } from '../../src/storage/createStorage';
import { serveToParent } from './childProcess';

serveToParent(async ({ env, namespace }) => {
  const config = parseConfig(env);
  const logger = createLogger(config.log);
  // DATA_ENCRYPTION_KEY is always set by the benchmark, so no development key file is made.
  const encryption = await resolveEncryptionKeys(config, { dataDir: config.submission.submissionsDir, logger });
  const storage = await createStorage(config.storage.url, { ttlDays: config.storage.ttlDays, encryption, namespace });
  return startApplication(config, { storage, logger });
});
