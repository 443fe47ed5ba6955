import type { StoreItem } from 'botbuilder';
import { LRUCache } from 'lru-cache';
import { backendKey, assertValidNamespace, namespacePrefix } from './storageKey';
import { encodeRecord, liveItem } from './storedRecord';
import type { StoreBackend } from './storeBackend';

/** Items by key, with an eTag-conditional write that is atomic across every process sharing the backend. */
export interface AtomicStore {
  /**
   * The live items at the keys, in order; undefined where there is none or it expired. Each call returns new objects.
   * With `remembered`, a key this store last read or wrote a moment ago is answered from that record, without a trip
   * to the backend: only for a read that a conditional write will follow, which the backend checks (see KeyvStorage's
   * readForUpdate).
   */
  get(keys: readonly string[], options?: { readonly remembered?: boolean }): Promise<Array<StoreItem | undefined>>;
  /**
   * Stores the item for ttlMs when expectedETag is undefined, when the key holds no live item (unless `mustExist`),
   * or when the live item's eTag equals expectedETag; otherwise stores nothing and resolves false.
   */
  putIfMatch(key: string, item: StoreItem, expectedETag: string | undefined, ttlMs: number, mustExist?: boolean): Promise<boolean>;
  delete(keys: readonly string[]): Promise<void>;
  /** Deletes up to `limit` expired records that the backend would otherwise keep; resolves how many went. */
  deleteExpired(limit: number): Promise<number>;
  /** Resolves when the backend answers; rejects with a message naming the backend otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface BackendAtomicStoreOptions {
  /** Prefix of every backend key, so several bots or test runs can share one database. */
  namespace: string;
  /** Milliseconds since the epoch; injectable so expiry can be tested without waiting. */
  now?: () => number;
  pingTimeoutMs?: number;
}

const DEFAULT_PING_TIMEOUT_MS = 5_000;
/**
 * Records remembered for the writes that follow their reads, bounded by the length of their keys and records: 4 M
 * characters hold a thousand conversations' records read in the same moments as their writes, which come milliseconds
 * later; a record no longer remembered is read again. (They are as the backend holds them: encrypted.)
 */
const MAX_REMEMBERED_CHARACTERS = 4 * 1024 * 1024;
/**
 * A record longer than this is not remembered (and one remembered for its key is forgotten): a copy of a bill, up to
 * 10 MB, would push out most conversations' records at once, and each would then be read again before its write.
 * Conversations, sessions and queues are a few KB.
 */
const MAX_REMEMBERED_RECORD_CHARACTERS = 64 * 1024;
/** Remembered for a key found holding nothing, so that creating it takes one operation too. */
const NOTHING = Symbol('nothing');
// Each failed swap means another process changed the key in between; this many in a row means something is wrong.
const MAX_SWAP_ATTEMPTS = 100;

/**
 * The one AtomicStore: namespacing, record encoding, expiry and the eTag rule live here once; each backend only
 * contributes its atomic `swap` primitive (see StoreBackend).
 */
export class BackendAtomicStore implements AtomicStore {
  private readonly namespace: string;
  private readonly now: () => number;
  private readonly pingTimeoutMs: number;
  private closing: Promise<void> | undefined;
  /** The record each key held when this store last read or wrote it: what a conditional write swaps against. */
  private readonly lastSeen = new LRUCache<string, string | typeof NOTHING>({
    maxSize: MAX_REMEMBERED_CHARACTERS,
    maxEntrySize: MAX_REMEMBERED_RECORD_CHARACTERS,
    // The key counts too: keys found empty, which anyone can ask for, must not fill memory at one unit each.
    sizeCalculation: (record, storedKey) => storedKey.length + (record === NOTHING ? 0 : record.length),
  });

  constructor(
    private readonly backend: StoreBackend,
    options: BackendAtomicStoreOptions,
  ) {
    assertValidNamespace(options.namespace);
    this.namespace = options.namespace;
    this.now = options.now ?? Date.now;
    this.pingTimeoutMs = options.pingTimeoutMs ?? DEFAULT_PING_TIMEOUT_MS;
  }

  async get(keys: readonly string[], options: { readonly remembered?: boolean } = {}): Promise<Array<StoreItem | undefined>> {
    if (keys.length === 0) {
      return [];
    }
    const storedKeys = keys.map((key) => this.keyOf(key));
    const known = options.remembered ? storedKeys.map((storedKey) => this.lastSeen.get(storedKey)) : [];
    const unknownKeys = storedKeys.filter((_, index) => known[index] === undefined);
    const fetched = unknownKeys.length > 0 ? await this.backend.getMany(unknownKeys) : [];
    unknownKeys.forEach((storedKey, index) => this.remember(storedKey, fetched[index]));
    const now = this.now();
    let next = 0;
    return storedKeys.map((_, index) => {
      const remembered = known[index];
      const raw = remembered === undefined ? fetched[next++] : recordOf(remembered);
      return raw === undefined ? undefined : liveItem(raw, now);
    });
  }

  async putIfMatch(key: string, item: StoreItem, expectedETag: string | undefined, ttlMs: number, mustExist = false): Promise<boolean> {
    const storedKey = this.keyOf(key);
    const record = encodeRecord(item, this.now() + ttlMs);
    if (expectedETag === undefined) {
      await this.backend.set(storedKey, record, ttlMs);
      this.remember(storedKey, record);
      return true;
    }
    // Optimistic compare-and-swap on the whole stored record: a failed swap means another process changed the key
    // since we looked (perhaps deleting it, which must not count as a conflict), so look again. The first look is
    // at the record this store last saw there (or its absence), which the same turn usually read a moment ago: when
    // nothing changed since, the write is one operation instead of a read and a swap. Only a fresh read can show a
    // conflict.
    const remembered = this.lastSeen.get(storedKey);
    for (let attempt = 0; attempt < MAX_SWAP_ATTEMPTS; attempt++) {
      const fromMemory = attempt === 0 && remembered !== undefined;
      const current = fromMemory ? recordOf(remembered) : await this.readRecord(storedKey);
      const live = current === undefined ? undefined : liveItem(current, this.now());
      if (live === undefined ? mustExist : live.eTag !== expectedETag) {
        if (fromMemory) continue;
        return false;
      }
      if (await this.backend.swap(storedKey, current, record, ttlMs)) {
        this.remember(storedKey, record);
        return true;
      }
    }
    throw new Error(`Storage: gave up writing "${key}": it changed under ${MAX_SWAP_ATTEMPTS} attempts in a row.`);
  }

  async delete(keys: readonly string[]): Promise<void> {
    if (keys.length > 0) {
      const storedKeys = keys.map((key) => this.keyOf(key));
      await this.backend.deleteMany(storedKeys);
      storedKeys.forEach((storedKey) => this.remember(storedKey, undefined));
    }
  }

  async deleteExpired(limit: number): Promise<number> {
    // Backends without deleteExpired drop expired records themselves (Redis) or live only as long as the process.
    return (await this.backend.deleteExpired?.(namespacePrefix(this.namespace), this.now(), limit)) ?? 0;
  }

  async ping(): Promise<void> {
    try {
      await withTimeout(this.backend.ping(), this.pingTimeoutMs);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`Storage is not ready: ${this.backend.description} did not answer (${reason}).`, {
        cause: error,
      });
    }
  }

  close(): Promise<void> {
    this.closing ??= this.backend.close();
    return this.closing;
  }

  private async readRecord(storedKey: string): Promise<string | undefined> {
    const [record] = await this.backend.getMany([storedKey]);
    this.remember(storedKey, record);
    return record;
  }

  private remember(storedKey: string, record: string | undefined): void {
    this.lastSeen.set(storedKey, record ?? NOTHING);
  }

  private keyOf(key: string): string {
    return backendKey(this.namespace, key);
  }
}

function recordOf(remembered: string | typeof NOTHING): string | undefined {
  return remembered === NOTHING ? undefined : remembered;
}

export async function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
