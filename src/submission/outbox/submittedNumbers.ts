/**
 * Which port requests name a phone number, so that support staff can find a customer's requests by the number they
 * phone about (dialogs/staff). Written when a request is stored (outboxSubmitter.ts) and cleared by "delete my
 * data" (src/privacy/deleteCustomerData.ts).
 *
 * `submission/numbers/<bucket>`: for each number of the bucket, the references of the requests naming it (as a number
 * to move or as the billing number) and when each was indexed. The bucket is the first four hex digits of the
 * number's SHA-256, so a key never shows a number: each of the 65,536 buckets is shared by some 150,000 North
 * American numbers, and the numbers themselves are in the record, encrypted like every stored item. Every change is
 * a compare-and-set, batched within this process like the outbox's pending index.
 *
 * A record lives as long as its bucket keeps changing, longer than any one request; so each change also drops the
 * references indexed more than the retention ago (STATE_TTL_DAYS, after which the request itself has expired), and a
 * number is kept no longer than its requests.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Loa } from '../../domain/loa';
import { BatchedChanges } from '../../storage/batchedChanges';
import { CasRecords } from '../../storage/casRecords';
import type { BotStorage } from '../../storage/createStorage';

const BucketSchema = z.object({
  /** E.164 number → reference → when the reference was indexed for it (ISO). */
  numbers: z.record(z.string(), z.record(z.string(), z.iso.datetime())),
});
type Bucket = z.infer<typeof BucketSchema>;

const BUCKET_HEX_DIGITS = 4;
const MS_PER_DAY = 86_400_000;
/** STATE_TTL_DAYS' default, for stores made without one (tests, tools). */
export const DEFAULT_NUMBER_RETENTION_DAYS = 30;

export function numbersBucketKey(e164: string): string {
  return `submission/numbers/${createHash('sha256').update(e164).digest('hex').slice(0, BUCKET_HEX_DIGITS)}`;
}

/** The numbers a request is found by: those it moves, and its billing number. */
export function numbersOf(loa: Pick<Loa, 'numbers' | 'billingNumber'>): string[] {
  return [...new Set([...loa.numbers, loa.billingNumber])];
}

export class SubmittedNumbers {
  private readonly records: CasRecords<Bucket>;
  private readonly changes: BatchedChanges<Bucket>;
  private readonly retentionMs: number;

  constructor(storage: BotStorage, retentionDays: number = DEFAULT_NUMBER_RETENTION_DAYS) {
    this.records = new CasRecords(storage, BucketSchema);
    this.changes = new BatchedChanges(this.records);
    this.retentionMs = retentionDays * MS_PER_DAY;
  }

  /** The records that `add` and `remove` change for these numbers. */
  keysOf(numbers: readonly string[]): string[] {
    return [...byBucket(numbers).keys()];
  }

  /** Indexes the request under each of its numbers (again: a later version, or a repeated hand-over, renews it). */
  async add(referenceNumber: string, numbers: readonly string[], now: Date): Promise<void> {
    await Promise.all(
      [...byBucket(numbers)].map(([key, inBucket]) =>
        this.changes.apply(key, (bucket) => {
          const kept = this.withoutExpired(bucket, now);
          for (const number of inBucket) kept.numbers[number] = { ...kept.numbers[number], [referenceNumber]: now.toISOString() };
          return kept;
        }),
      ),
    );
  }

  /** Takes the request out from under each of the numbers. */
  async remove(referenceNumber: string, numbers: readonly string[], now: Date): Promise<void> {
    await Promise.all(
      [...byBucket(numbers)].map(([key, inBucket]) =>
        this.changes.apply(key, (bucket) => {
          if (bucket === undefined) return undefined;
          const kept = this.withoutExpired(bucket, now);
          for (const number of inBucket) {
            const references = { ...kept.numbers[number] };
            delete references[referenceNumber];
            if (Object.keys(references).length === 0) delete kept.numbers[number];
            else kept.numbers[number] = references;
          }
          return kept;
        }),
      ),
    );
  }

  /** The references indexed under the number, most recently indexed first. */
  async referencesFor(e164: string): Promise<string[]> {
    const bucket = (await this.records.read(numbersBucketKey(e164)))?.value;
    const references = Object.entries(bucket?.numbers[e164] ?? {});
    return references.sort(([, a], [, b]) => b.localeCompare(a)).map(([referenceNumber]) => referenceNumber);
  }

  /** A copy of the bucket without the references indexed longer ago than the retention, nor numbers left with none. */
  private withoutExpired(bucket: Bucket | undefined, now: Date): Bucket {
    const cutoff = now.getTime() - this.retentionMs;
    const numbers: Bucket['numbers'] = {};
    for (const [number, references] of Object.entries(bucket?.numbers ?? {})) {
      const live = Object.entries(references).filter(([, indexedAt]) => Date.parse(indexedAt) > cutoff);
      if (live.length > 0) numbers[number] = Object.fromEntries(live);
    }
    return { numbers };
  }
}

function byBucket(numbers: readonly string[]): Map<string, string[]> {
  const buckets = new Map<string, string[]>();
  for (const number of new Set(numbers)) {
    const key = numbersBucketKey(number);
    buckets.set(key, [...(buckets.get(key) ?? []), number]);
  }
  return buckets;
}
