/**
 * Records of one schema in the bot's Storage, changed only by eTag compare-and-set, which createStorage makes atomic
 * across processes: several bot instances can update one record at once and never lose or double an update.
 */
import { randomUUID } from 'node:crypto';
import type { StoreItem, StoreItems } from 'botbuilder';
import type { z } from 'zod';
import { type BotStorage, StorageConflictError } from './createStorage';
import { existingETag } from './keyvStorage';

// Enough for any real contention; a loop that keeps losing means something else is wrong.
const MAX_CAS_ATTEMPTS = 50;

/** A record as read, with the eTag a conditional write must name. */
export interface Versioned<T> {
  readonly value: T;
  readonly eTag: string;
}

/** What a change decides for the record as read: write `next`, or leave it (`next` undefined); `outcome` is returned. */
export interface Change<T, R> {
  readonly next?: T;
  readonly outcome: R;
}

export class CasRecords<T extends object> {
  constructor(
    private readonly storage: BotStorage,
    private readonly schema: z.ZodType<T>,
  ) {}

  async read(key: string): Promise<Versioned<T> | undefined> {
    return this.parsed(key, await this.storage.read([key]));
  }

  private parsed(key: string, items: StoreItems): Versioned<T> | undefined {
    const item = items[key] as StoreItem | undefined;
    if (item === undefined) return undefined;
    const { eTag, ...value } = item;
    return { value: this.schema.parse(value), eTag: String(eTag) };
  }

  /**
   * Read, decide, compare-and-set; again with the new record whenever another writer got there first, so `decide`
   * always sees the record it replaces. Resolves with the outcome of the decision that was written (or not needed).
   */
  async change<R>(key: string, decide: (current: T | undefined) => Change<T, R>): Promise<R> {
    for (let attempt = 0; attempt < MAX_CAS_ATTEMPTS; attempt++) {
      // The first try may decide from the record this process last saw (one trip, the write); a failed write
      // means it was stale, and the next try reads afresh.
      const remembered = attempt === 0 ? this.storage.readForUpdate?.([key]) : undefined;
      const fromMemory = remembered !== undefined;
      const current = remembered ? this.parsed(key, await remembered) : await this.read(key);
      const { next, outcome } = decide(current?.value);
      // Nothing to write is a decision only the backend's record can vouch for: a remembered one is read again.
      if (next === undefined && fromMemory) continue;
      if (next === undefined || (await this.write(key, next, current?.eTag))) return outcome;
    }
    throw new Error(`Storage: "${key}" kept changing during ${MAX_CAS_ATTEMPTS} attempts to update it.`);
  }

  /**
   * Writes only if the key still holds the eTag read, or, with no eTag, only if the key holds nothing: an eTag that
   * no record can have makes the Storage create-if-absent (its rule: a write to an empty key always succeeds). A
   * record deleted since it was read stays deleted (`existingETag`): "delete my data" must not be undone by a
   * worker that read the record a moment before. True when written; false when another writer got there first.
   */
  async write(key: string, value: T, eTag: string | undefined): Promise<boolean> {
    try {
      await this.storage.write({ [key]: { ...value, eTag: eTag === undefined ? `absent-${randomUUID()}` : existingETag(eTag) } });
      return true;
    } catch (error) {
      if (error instanceof StorageConflictError) return false;
      throw error;
    }
  }
}
