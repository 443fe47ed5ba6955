import { assertValidNamespace, backendKey } from '../storage/storageKey';
import { parseStorageUrl } from '../storage/storageUrl';
import type { KeyLock, Lease } from './keyLock';
import { LayeredKeyLock } from './layeredKeyLock';
import { LeaseKeyLock, type LeaseStore } from './leaseKeyLock';
import { LocalKeyLock } from './localKeyLock';
import { PostgresLeaseStore } from './postgresLeaseStore';
import { RedisLeaseStore } from './redisLeaseStore';
import { TurnLock } from './turnLock';

export interface CreateTurnLockOptions {
  /** How long a turn waits for the turns before it (config TURN_LOCK_WAIT_MS). */
  waitMs: number;
  /** Told about lock errors outside any call: connection errors, a renewal or release that failed. */
  onError: (error: unknown) => void;
  /** How long a shared lease lasts unless renewed (it is renewed every third of that). Default 15 s. */
  leaseMs?: number;
  /** Prefix of the lock keys, as in createStorage. Default "bot". */
  namespace?: string;
  /** How long connecting to Redis or Postgres may take. Default 5000. */
  connectTimeoutMs?: number;
}

const DEFAULT_LEASE_MS = 15_000;
const DEFAULT_NAMESPACE = 'bot';
const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;

/**
 * The turn lock for the state in STORAGE_URL. State in Redis or Postgres can be shared by several instances, so
 * turns are locked there too (leases with a token, renewed while the turn runs). memory:// lives in one process,
 * and SQLite serves a single instance: one process per database file, as the file is local to one machine; their
 * turns are locked within the process.
 */
export function createTurnLock(storageUrl: string, options: CreateTurnLockOptions): TurnLock {
  const kind = parseStorageUrl(storageUrl);
  const namespace = options.namespace ?? DEFAULT_NAMESPACE;
  assertValidNamespace(namespace);
  const connection = { url: storageUrl, connectTimeoutMs: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS, onError: options.onError };
  const leases = { leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS, onError: options.onError };
  const shared = (store: LeaseStore): KeyLock =>
    new LayeredKeyLock(new LocalKeyLock(), new NamespacedKeyLock(new LeaseKeyLock(store, leases), namespace));
  switch (kind) {
    case 'memory':
    case 'sqlite':
      return new TurnLock(new LocalKeyLock(), options);
    case 'redis':
      return new TurnLock(shared(new RedisLeaseStore(connection)), options);
    case 'postgres':
      return new TurnLock(shared(new PostgresLeaseStore(connection)), options);
  }
}

/** Lock keys in the storage's key space (injective, at most 255 characters), apart from the state's own keys. */
class NamespacedKeyLock implements KeyLock {
  constructor(
    private readonly inner: KeyLock,
    private readonly namespace: string,
  ) {}

  acquire(key: string, signal: AbortSignal): Promise<Lease | undefined> {
    return this.inner.acquire(backendKey(this.namespace, `turn-lock:${key}`), signal);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
