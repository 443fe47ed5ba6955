import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Logger } from '../logging';
import { DataKeyring, formatDataKey, parseDataKey, type DataKey } from './dataKeys';
import { readOrCreateSecretFile } from './localSecretFile';

export const DEV_KEY_FILE = 'dev-encryption-key';
const DEV_KEY_BYTES = 32;

export interface ResolveEncryptionKeysOptions {
  /** Where a development key is kept when DATA_ENCRYPTION_KEY is not set, e.g. "./data". */
  dataDir: string;
  logger: Logger;
}

/**
 * The keys that encrypt stored data: DATA_ENCRYPTION_KEY and DATA_ENCRYPTION_OLD_KEYS when set. Without
 * DATA_ENCRYPTION_KEY (only allowed on a local run: parseConfig refuses it when MicrosoftAppId is set), a
 * development key kept in `<dataDir>/dev-encryption-key` is used, created on first run, so local data survives a
 * restart while no real key is needed.
 */
export async function resolveEncryptionKeys(
  config: { readonly dataEncryption: { readonly key?: DataKey; readonly oldKeys: readonly DataKey[] } },
  options: ResolveEncryptionKeysOptions,
): Promise<DataKeyring> {
  const { key, oldKeys } = config.dataEncryption;
  return new DataKeyring(key ?? (await developmentKey(options)), oldKeys);
}

async function developmentKey({ dataDir, logger }: ResolveEncryptionKeysOptions): Promise<DataKey> {
  const path = join(dataDir, DEV_KEY_FILE);
  const { text, created } = await readOrCreateSecretFile(path, () =>
    formatDataKey(`dev-${randomBytes(4).toString('hex')}`, randomBytes(DEV_KEY_BYTES)),
  );
  if (created) logger.info({ path }, `created a development encryption key in ${path}; set DATA_ENCRYPTION_KEY in production`);
  try {
    return parseDataKey(text);
  } catch (error) {
    throw new Error(`The development encryption key in ${path} is not usable: ${(error as Error).message}.`, { cause: error });
  }
}
