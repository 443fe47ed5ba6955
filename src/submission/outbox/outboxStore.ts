/**
 * The outbox's records in the bot's Storage. Every change is an eTag compare-and-set, which createStorage makes
 * atomic across processes: that is what lets several bot instances share one outbox without a second database.
 *
 * - `submission/outbox/<reference>/v<version>`: one entry per signed LOA version, created once, never replaced
 *   by a second submit.
 * - `submission/pending`: the keys of the entries still to deliver, so a worker reads one record instead of
 *   scanning.
 * - `submission/latest/<reference>`: the highest version submitted under a reference.
 * - `submission/numbers/<bucket>`: the references of the requests naming each phone number (see submittedNumbers.ts).
 */
import { z } from 'zod';
import { LoaSchema, StoredDocumentRefSchema } from '../../domain';
import { BatchedChanges } from '../../storage/batchedChanges';
import { CasRecords, type Versioned } from '../../storage/casRecords';
import type { BotStorage } from '../../storage/createStorage';
import { SubmittedNumbers } from './submittedNumbers';

export type { Versioned } from '../../storage/casRecords';

export const OutboxEntrySchema = z.object({
  referenceNumber: z.string(),
  version: z.int().min(1),
  /** The signed LOA; its PIN is removed once the entry is delivered or has failed for good. */
  loa: LoaSchema,
  contactEmail: z.email().optional(),
  /** The documents the customer attached (their bill), in the document store: delivered with the request. */
  documents: z.array(StoredDocumentRefSchema).optional(),
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

const PENDING_KEY = 'submission/pending';

export function entryKey(referenceNumber: string, version: number): string {
  return `submission/outbox/${referenceNumber}/v${version}`;
}

export const latestKey = (referenceNumber: string) => `submission/latest/${referenceNumber}`;

export interface OutboxStoreOptions {
  /** How long a request is found by its phone numbers after it was stored: as long as storage keeps it (STATE_TTL_DAYS). */
  readonly numberRetentionDays?: number;
}

export class OutboxStore {
  /** Which requests name a phone number, for support staff's look-ups. */
  readonly numbers: SubmittedNumbers;

  // Every submission and delivery updates the one pending index: batched within this process (see batchedChanges.ts),
  // so that fifty customers signing at once neither exhaust the compare-and-set retries nor wait in a line of writes.
  private readonly entries: CasRecords<OutboxEntry>;
  private readonly pending: CasRecords<PendingIndex>;
  private readonly pendingChanges: BatchedChanges<PendingIndex>;
  private readonly latest: CasRecords<z.infer<typeof LatestVersionSchema>>;
  private readonly latestChanges: BatchedChanges<z.infer<typeof LatestVersionSchema>>;

  constructor(
    private readonly storage: BotStorage,
    options: OutboxStoreOptions = {},
  ) {
    this.numbers = new SubmittedNumbers(storage, options.numberRetentionDays);
    this.entries = new CasRecords(storage, OutboxEntrySchema);
    this.pending = new CasRecords(storage, PendingIndexSchema);
    this.pendingChanges = new BatchedChanges(this.pending);
    this.latest = new CasRecords(storage, LatestVersionSchema);
    this.latestChanges = new BatchedChanges(this.latest);
  }

  readEntry(key: string): Promise<Versioned<OutboxEntry> | undefined> {
    return this.entries.read(key);
  }

  /** Stores the entry unless the key already holds one; true when this call created it. */
  createEntry(key: string, entry: OutboxEntry): Promise<boolean> {
    return this.entries.write(key, entry, undefined);
  }

  /** Replaces the entry only if it is still the version read (its eTag); false if it changed since. */
  replaceEntry(key: string, entry: OutboxEntry, eTag: string): Promise<boolean> {
    return this.entries.write(key, entry, eTag);
  }

  async pendingIndex(): Promise<PendingIndex | undefined> {
    return (await this.pending.read(PENDING_KEY))?.value;
  }

  addPending(key: string, now: Date): Promise<void> {
    return this.pendingChanges.apply(PENDING_KEY, (index) =>
      index?.keys[key] !== undefined
        ? undefined
        : { keys: { ...index?.keys, [key]: now.toISOString() }, refreshedAt: now.toISOString() },
    );
  }

  removePending(key: string, now: Date): Promise<void> {
    return this.pendingChanges.apply(PENDING_KEY, (index) => {
      if (index?.keys[key] === undefined) return undefined;
      const keys = { ...index.keys };
      delete keys[key];
      return { keys, refreshedAt: now.toISOString() };
    });
  }

  /** Rewrites the index unchanged, so that storage expiry never drops entries that wait a long time. */
  refreshPending(now: Date): Promise<void> {
    return this.pendingChanges.apply(PENDING_KEY, (index) =>
      index === undefined ? undefined : { ...index, refreshedAt: now.toISOString() },
    );
  }

  /**
   * Reads the index records a hand-over of this request will update (its latest version, its numbers' buckets), so
   * that their compare-and-set writes can go without a read of their own (see BotStorage's readForUpdate): read beside
   * the entry, they cost no trip in a row.
   */
  async readAheadIndexes(referenceNumber: string, numbers: readonly string[]): Promise<void> {
    await this.storage.read([latestKey(referenceNumber), ...this.numbers.keysOf(numbers)]);
  }

  recordLatestVersion(referenceNumber: string, version: number): Promise<void> {
    return this.latestChanges.apply(latestKey(referenceNumber), (latest) =>
      latest !== undefined && latest.version >= version ? undefined : { version },
    );
  }

  async latestVersion(referenceNumber: string): Promise<number | undefined> {
    return (await this.latest.read(latestKey(referenceNumber)))?.value.version;
  }
}
