/**
 * The outbox's records in the bot's Storage. Every change is an eTag compare-and-set, which createStorage makes
 * atomic across processes: that is what lets several bot instances share one outbox without a second database.
 *
 * - `submission/outbox/<reference>/v<version>`: one entry per signed LOA version, created once, never replaced
 *   by a second submit.
 * - `submission/pending`: the keys of the entries still to deliver, so a worker reads one record instead of
 *   scanning.
 * - `submission/latest/<reference>`: the highest version submitted under a reference.
 */
import { randomUUID } from 'node:crypto';
import type { StoreItem } from 'botbuilder';
import { z } from 'zod';
import { LoaSchema } from '../../domain';
import { LocalKeyLock } from '../../reliability/localKeyLock';
import { type BotStorage, StorageConflictError } from '../../storage/createStorage';

export const OutboxEntrySchema = z.object({
  referenceNumber: z.string(),
  version: z.int().min(1),
  /** The signed LOA; its PIN is removed once the entry is delivered or has failed for good. */
  loa: LoaSchema,
  contactEmail: z.email().optional(),
  /** The customer's serialized conversation reference, for telling them about progress. */
  conversation: z.record(z.string(), z.unknown()),
  acceptedAt: z.iso.datetime(),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.int().min(0),
  /** When the next delivery attempt is due (pending entries only). */
  nextAttemptAt: z.iso.datetime(),
  /** The worker delivering the entry right now, and until when no other worker may take it over. */
  claimedBy: z.string().optional(),
  leaseUntil: z.iso.datetime().optional(),
  lastError: z.string().optional(),
  deliveredAt: z.iso.datetime().optional(),
  failedAt: z.iso.datetime().optional(),
  failure: z.object({ status: z.int().optional(), reason: z.string() }).optional(),
});
export type OutboxEntry = z.infer<typeof OutboxEntrySchema>;

const PendingIndexSchema = z.object({
  /** Entry key → when it was added (ISO). */
  keys: z.record(z.string(), z.iso.datetime()),
  refreshedAt: z.iso.datetime(),
});
export type PendingIndex = z.infer<typeof PendingIndexSchema>;

const LatestVersionSchema = z.object({ version: z.int().min(1) });

/** A record as read, with the eTag a conditional write must name. */
export interface Versioned<T> {
  readonly value: T;
  readonly eTag: string;
}

const PENDING_KEY = 'submission/pending';
// Enough for any real contention; a loop that keeps losing means something else is wrong.
const MAX_CAS_ATTEMPTS = 50;

export function entryKey(referenceNumber: string, version: number): string {
  return `submission/outbox/${referenceNumber}/v${version}`;
}

const latestKey = (referenceNumber: string) => `submission/latest/${referenceNumber}`;

/** Updates wait for each other this long at most; they take milliseconds each. */
const UPDATE_QUEUE_WAIT_MS = 30_000;

export class OutboxStore {
  // Every submission and delivery updates the one pending index: queued within this process, so that only other
  // instances can make a compare-and-set fail (fifty customers signing at once would otherwise exhaust the retries).
  private readonly updates = new LocalKeyLock();

  constructor(private readonly storage: BotStorage) {}

  readEntry(key: string): Promise<Versioned<OutboxEntry> | undefined> {
    return this.read(key, OutboxEntrySchema);
  }

  /** Stores the entry unless the key already holds one; true when this call created it. */
  createEntry(key: string, entry: OutboxEntry): Promise<boolean> {
    return this.write(key, entry, undefined);
  }

  /** Replaces the entry only if it is still the version read (its eTag); false if it changed since. */
  replaceEntry(key: string, entry: OutboxEntry, eTag: string): Promise<boolean> {
    return this.write(key, entry, eTag);
  }

  async pendingIndex(): Promise<PendingIndex | undefined> {
    return (await this.read(PENDING_KEY, PendingIndexSchema))?.value;
  }

  addPending(key: string, now: Date): Promise<void> {
    return this.update(PENDING_KEY, PendingIndexSchema, (index) =>
      index?.keys[key] !== undefined
        ? undefined
        : { keys: { ...index?.keys, [key]: now.toISOString() }, refreshedAt: now.toISOString() },
    );
  }

  removePending(key: string, now: Date): Promise<void> {
    return this.update(PENDING_KEY, PendingIndexSchema, (index) => {
      if (index?.keys[key] === undefined) return undefined;
      const keys = { ...index.keys };
      delete keys[key];
      return { keys, refreshedAt: now.toISOString() };
    });
  }

  /** Rewrites the index unchanged, so that storage expiry never drops entries that wait a long time. */
  refreshPending(now: Date): Promise<void> {
    return this.update(PENDING_KEY, PendingIndexSchema, (index) =>
      index === undefined ? undefined : { ...index, refreshedAt: now.toISOString() },
    );
  }

  recordLatestVersion(referenceNumber: string, version: number): Promise<void> {
    return this.update(latestKey(referenceNumber), LatestVersionSchema, (latest) =>
      latest !== undefined && latest.version >= version ? undefined : { version },
    );
  }

  async latestVersion(referenceNumber: string): Promise<number | undefined> {
    return (await this.read(latestKey(referenceNumber), LatestVersionSchema))?.value.version;
  }

  private async read<T>(key: string, schema: z.ZodType<T>): Promise<Versioned<T> | undefined> {
    const item = (await this.storage.read([key]))[key] as StoreItem | undefined;
    if (item === undefined) return undefined;
    const { eTag, ...value } = item;
    return { value: schema.parse(value), eTag: String(eTag) };
  }

  /**
   * Writes only if the key still holds the eTag read, or, with no eTag, only if the key holds nothing: an eTag that
   * no record can have makes the Storage create-if-absent (its rule: a write to an empty key always succeeds).
   */
  private async write(key: string, value: object, eTag: string | undefined): Promise<boolean> {
    try {
      await this.storage.write({ [key]: { ...value, eTag: eTag ?? `absent-${randomUUID()}` } });
      return true;
    } catch (error) {
      if (error instanceof StorageConflictError) return false;
      throw error;
    }
  }

  /** Read, change, compare-and-set; again on a conflict. `change` returns undefined when there is nothing to do. */
  private async update<T extends object>(key: string, schema: z.ZodType<T>, change: (current: T | undefined) => T | undefined): Promise<void> {
    const turn = await this.updates.acquire(key, AbortSignal.timeout(UPDATE_QUEUE_WAIT_MS));
    if (turn === undefined) throw new Error(`Storage: gave up waiting ${UPDATE_QUEUE_WAIT_MS} ms to update "${key}".`);
    try {
      for (let attempt = 0; attempt < MAX_CAS_ATTEMPTS; attempt++) {
        const current = await this.read(key, schema);
        const next = change(current?.value);
        if (next === undefined || (await this.write(key, next, current?.eTag))) return;
      }
      throw new Error(`Storage: "${key}" kept changing during ${MAX_CAS_ATTEMPTS} attempts to update it.`);
    } finally {
      await turn.release();
    }
  }
}
