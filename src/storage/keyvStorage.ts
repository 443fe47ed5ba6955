/**
 * botbuilder Storage with MemoryStorage's semantics on keyv's storage layout, safe across processes.
 *
 * Why the layers look the way they do:
 * - botbuilder's eTag rule needs an atomic compare-and-set, which keyv lacks. Each backend therefore offers one
 *   atomic primitive, `swap` (store a record only if the key still holds exactly the record we last read), and the
 *   eTag rule is checked once, in BackendAtomicStore, against that read. A changed record always carries a new
 *   random eTag, so "record unchanged" is "eTag unchanged", and no backend has to parse JSON inside the database
 *   (Postgres' JSON operators reject any value containing \u0000, which customer text can hold).
 * - Records keep keyv's layout ({ value, expires } as JSON in keyv's `keyv` table or under a plain Redis key), and
 *   the Redis backend runs on keyv's adapter (@keyv/redis's client and plain get/set/delete). Parts of keyv are
 *   deliberately not used: Keyv#get deletes an expired record unconditionally after reading it, which can erase a
 *   write another process made in between; @keyv/postgres keeps one module-wide pg pool (closing any instance ends it
 *   for all) with no 'error' listener, so Postgres dropping an idle connection crashes the process; and @keyv/sqlite
 *   prepares and finalizes every statement, which held the bot's main thread on the connection's mutex under load
 *   (see sqliteConnection.ts) while hiding the connection that could prepare them once. Postgres and SQLite therefore
 *   run on their own connections (a pg pool; a sqlite3 writer and reader), using keyv's table definition.
 *
 * What a write guarantees: keys are written one at a time, in the order of the changes object, and each key either
 * takes the new item or is left exactly as it was. As in MemoryStorage, a key whose eTag conflicts does not stop the
 * other keys of the batch from being written; the write then rejects with a StorageConflictError naming every
 * conflicting key. There is no all-or-nothing transaction across keys (MemoryStorage has none either). A null or
 * undefined item rejects the write with a TypeError at that key, keys before it having been written (MemoryStorage
 * throws the same for a key it holds, and quietly stores {} for a new one).
 *
 * One addition to MemoryStorage's rule, for records that must not come back once deleted (see casRecords.ts): an
 * eTag written as `existingETag(eTag)` also conflicts when the key holds nothing, where a plain eTag would write.
 */
import { randomUUID } from 'node:crypto';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import type { AtomicStore } from './atomicStore';

/** A botbuilder Storage the server can check for readiness and shut down. */
export interface BotStorage extends Storage {
  /**
   * Reads items for a compare-and-set (see casRecords.ts): an item this process wrote or read a moment ago may come
   * from memory, without a trip to the backend. A stale one costs no correctness: the conditional write that follows
   * is checked against the backend, and after it fails the caller reads afresh with `read`. Storages without it are
   * read with `read`.
   */
  readForUpdate?(keys: string[]): Promise<StoreItems>;
  /** Resolves when the backend answers; rejects with a message naming the backend (no credentials) otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** A BotStorage whose expired items can be deleted in bounded batches (see startExpirySweep). */
export interface SweepableStorage extends BotStorage {
  /** Deletes up to `limit` expired items that the backend keeps until then; resolves how many went. */
  deleteExpired(limit: number): Promise<number>;
}

export class StorageConflictError extends Error {
  /** Every key of the write whose eTag no longer matched; those keys were left unchanged. */
  readonly keys: readonly string[];

  constructor(keys: readonly string[]) {
    super(`Storage: error writing ${keys.map((key) => `"${key}"`).join(', ')} due to eTag conflict.`);
    this.name = 'StorageConflictError';
    this.keys = keys;
  }
}

export interface KeyvStorageOptions {
  /** How long an item lives after its last write. */
  ttlMs: number;
}

export class KeyvStorage implements SweepableStorage {
  private readonly ttlMs: number;

  constructor(
    private readonly store: AtomicStore,
    options: KeyvStorageOptions,
  ) {
    if (!Number.isSafeInteger(options.ttlMs) || options.ttlMs <= 0) {
      throw new RangeError(`Storage TTL must be a positive whole number of milliseconds, got ${options.ttlMs}.`);
    }
    this.ttlMs = options.ttlMs;
  }

  read(keys: string[]): Promise<StoreItems> {
    return this.readItems(keys, false);
  }

  readForUpdate(keys: string[]): Promise<StoreItems> {
    return this.readItems(keys, true);
  }

  private async readItems(keys: string[], remembered: boolean): Promise<StoreItems> {
    if (!keys) {
      throw new ReferenceError('Keys are required when reading.');
    }
    const items = await this.store.get(keys, { remembered });
    const found: StoreItems = {};
    keys.forEach((key, index) => {
      const item = items[index];
      if (item !== undefined) {
        // defineProperty, not assignment, so a key such as "__proto__" is returned like any other.
        Object.defineProperty(found, key, { value: item, enumerable: true, writable: true, configurable: true });
      }
    });
    return found;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) {
      throw new ReferenceError('Changes are required when writing.');
    }
    const conflicts: string[] = [];
    for (const key of Object.keys(changes)) {
      const item: unknown = changes[key];
      if (item === null || item === undefined) {
        throw new TypeError(`Storage: cannot write "${key}": the item is ${item}.`);
      }
      // Copy like MemoryStorage (Object.assign semantics) so the caller's object keeps its old eTag.
      const stored: StoreItem = { ...item, eTag: randomUUID() };
      const { eTag, mustExist } = expectedETagOf(item as StoreItem);
      if (!(await this.store.putIfMatch(key, stored, eTag, this.ttlMs, mustExist))) {
        conflicts.push(key);
      }
    }
    if (conflicts.length > 0) {
      throw new StorageConflictError(conflicts);
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys) {
      throw new ReferenceError('Keys are required when deleting.');
    }
    await this.store.delete(keys);
  }

  deleteExpired(limit: number): Promise<number> {
    return this.store.deleteExpired(limit);
  }

  ping(): Promise<void> {
    return this.store.ping();
  }

  close(): Promise<void> {
    return this.store.close();
  }
}

const EXISTING_PREFIX = 'existing:';

/** An eTag that matches only the item that holds `eTag`: a deleted item is not written again. */
export function existingETag(eTag: string): string {
  return EXISTING_PREFIX + eTag;
}

/** MemoryStorage's rule: no eTag, an empty one or "*" overwrites; any other value must match the stored one. */
function expectedETagOf(item: StoreItem): { eTag: string | undefined; mustExist: boolean } {
  const eTag: unknown = item.eTag;
  if (!eTag || eTag === '*') return { eTag: undefined, mustExist: false };
  const text = String(eTag);
  return text.startsWith(EXISTING_PREFIX) ? { eTag: text.slice(EXISTING_PREFIX.length), mustExist: true } : { eTag: text, mustExist: false };
}
