/**
 * The few raw-record operations a backend must provide. Keys are already backend keys (see storageKey.ts) and
 * records are opaque text (see storedRecord.ts), so a backend holds no eTag, TTL or serialization logic of its own.
 */
export interface StoreBackend {
  /** Names the backend for error messages, without credentials, e.g. "redis at redis://127.0.0.1:6379". */
  readonly description: string;
  /** The raw records at the keys, undefined where there is none. */
  getMany(keys: readonly string[]): Promise<Array<string | undefined>>;
  /** Stores the record unconditionally; backends with native expiry drop it after ttlMs. */
  set(key: string, record: string, ttlMs: number): Promise<void>;
  /**
   * Atomically stores the record only if the key still holds exactly `current` (or, when `current` is undefined,
   * holds nothing), as one backend operation that no other process can interleave with. Returns whether it stored.
   */
  swap(key: string, current: string | undefined, record: string, ttlMs: number): Promise<boolean>;
  deleteMany(keys: readonly string[]): Promise<void>;
  /**
   * Backends without native expiry (SQL tables keep expired rows forever) delete up to `limit` records under
   * `keyPrefix` that expired before `now`, each only if it is still expired when deleted. Resolves how many went.
   */
  deleteExpired?(keyPrefix: string, now: number, limit: number): Promise<number>;
  /** Resolves when the backend answers a real request; rejects with the backend's error otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
