import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config';
import type { Logger } from '../logging';
import { DataKeyring, formatDataKey, parseDataKey, type DataKey } from './dataKeys';

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
  config: Pick<Config, 'dataEncryption'>,
  options: ResolveEncryptionKeysOptions,
): Promise<DataKeyring> {
  const { key, oldKeys } = config.dataEncryption;
  return new DataKeyring(key ?? (await developmentKey(options)), oldKeys);
}

async function developmentKey({ dataDir, logger }: ResolveEncryptionKeysOptions): Promise<DataKey> {
  const path = join(dataDir, DEV_KEY_FILE);
  let text = await readIfExists(path);
  if (text === undefined) {
    await mkdir(dataDir, { recursive: true });
    if (await createKeyFile(path)) {
      logger.info({ path }, `created a development encryption key in ${path}; set DATA_ENCRYPTION_KEY in production`);
    }
    text = await readFile(path, 'utf8');
  }
  try {
    return parseDataKey(text.trim());
  } catch (error) {
    throw new Error(`The development encryption key in ${path} is not usable: ${(error as Error).message}.`, { cause: error });
  }
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Creates the key file unless it exists; true when this call created it. The key is written to a private
 * temporary file first and then linked into place, which fails if the file exists: two processes starting at once
 * agree on one key, and nobody ever reads a half-written file.
 */
async function createKeyFile(path: string): Promise<boolean> {
  const id = `dev-${randomBytes(4).toString('hex')}`;
  const temporary = `${path}.${process.pid}.${id}.tmp`;
  await writeFile(temporary, `${formatDataKey(id, randomBytes(DEV_KEY_BYTES))}\n`, { mode: 0o600, flag: 'wx' });
  try {
    await link(temporary, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(temporary);
  }
}
