import { BackendAtomicStore } from './atomicStore';
import { MemoryBackend } from './backends/memoryBackend';
import { openPostgresBackend } from './backends/postgresBackend';
import { RedisBackend } from './backends/redisBackend';
import { openSqliteBackend } from './backends/sqliteBackend';
import type { DataKeyring } from '../security/dataKeys';
import { EncryptedStorage } from './encryptedStorage';
import { KeyvStorage, type SweepableStorage } from './keyvStorage';
import type { StoreBackend } from './storeBackend';
import { parseStorageUrl, redactStorageUrl, sqlitePathOf, type StorageKind } from './storageUrl';

export type { BotStorage, SweepableStorage } from './keyvStorage';
export { StorageConflictError } from './keyvStorage';
export { parseStorageUrl, type StorageKind } from './storageUrl';

export interface CreateStorageOptions {
  /** Days an item lives after its last write (config STATE_TTL_DAYS). Fractions are allowed. */
  ttlDays: number;
  /** Prefix of every stored key, so several bots or test runs can share one database. Default "bot". */
  namespace?: string;
  /** Receives connection errors that happen outside any call (e.g. Redis reconnecting); calls reject on their own. */
  onError?: (error: unknown) => void;
  /** Clock in epoch milliseconds used for expiry; inject one to test expiry without waiting. */
  now?: () => number;
  /** How long a connect or readiness check may take. Default 5000. */
  connectTimeoutMs?: number;
  /** Keeps every item encrypted at rest under these keys (see resolveEncryptionKeys). */
  encryption?: DataKeyring;
}

const MS_PER_DAY = 86_400_000;
const DEFAULT_NAMESPACE = 'bot';
const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;

/**
 * The bot's Storage for a STORAGE_URL: sqlite://<path> (relative to the working directory; the folder is created;
 * sqlite://:memory: too), redis:// or rediss://, postgres:// or postgresql://, memory://.
 * Redis and Postgres connect on first use, so a server can start while they are down and report it through ping().
 */
export async function createStorage(url: string, options: CreateStorageOptions): Promise<SweepableStorage> {
  const kind = parseStorageUrl(url);
  const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const backend = await openBackend(kind, url, options.onError ?? ignoreError, connectTimeoutMs);
  try {
    const store = new BackendAtomicStore(backend, {
      namespace: options.namespace ?? DEFAULT_NAMESPACE,
      now: options.now,
      pingTimeoutMs: connectTimeoutMs,
    });
    const storage = new KeyvStorage(store, { ttlMs: Math.round(options.ttlDays * MS_PER_DAY) });
    return options.encryption ? new EncryptedStorage(storage, options.encryption) : storage;
  } catch (error) {
    await backend.close();
    throw error;
  }
}

async function openBackend(
  kind: StorageKind,
  url: string,
  onError: (error: unknown) => void,
  connectTimeoutMs: number,
): Promise<StoreBackend> {
  const description = `${kind} at ${redactStorageUrl(url)}`;
  switch (kind) {
    case 'memory':
      return new MemoryBackend();
    case 'sqlite':
      return openSqliteBackend(sqlitePathOf(url), onError);
    case 'redis':
      return new RedisBackend(url, description, onError, connectTimeoutMs);
    case 'postgres':
      return openPostgresBackend(url, description, onError, connectTimeoutMs);
  }
}

// Errors outside a call need no handling by default: the next call or ping() reports the same outage.
function ignoreError(): void {}
