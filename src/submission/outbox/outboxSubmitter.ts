import type { Logger } from '../../logging';
import { LoaSchema } from '../../domain';
import type { LoaSubmitter, SignedLoaSubmission, SubmissionReceipt } from '../loaSubmitter';
import { type OutboxEntry, type OutboxStore, entryKey } from './outboxStore';
import { numbersOf } from './submittedNumbers';

/**
 * Takes a signed LOA into the outbox: once `submit` resolves, the LOA is stored durably and will be delivered,
 * whatever happens to this process. Submitting the same version again returns the first receipt and never creates
 * a second entry.
 */
export class OutboxLoaSubmitter implements LoaSubmitter {
  constructor(
    private readonly store: OutboxStore,
    private readonly clock: () => Date,
    private readonly logger: Logger,
    /** Called after a new entry is stored, to start delivering it at once. */
    private readonly onStored: () => void,
  ) {}

  async submit({ loa, conversation, contactEmail, documents = [] }: SignedLoaSubmission): Promise<SubmissionReceipt> {
    const signed = LoaSchema.parse(loa);
    const key = entryKey(signed.referenceNumber, signed.version);
    const now = this.clock();
    const numbers = numbersOf(signed);
    // Indexed before it exists, so that a crash right after storing the entry cannot leave it undiscoverable; the
    // worker drops index keys whose entry never appeared, or was delivered. The hand-over is three trips in a row:
    // this one, the entry stored beside the numbers' index, and the latest version.
    const [existing] = await Promise.all([
      this.store.readEntry(key),
      this.store.addPending(key, now),
      this.store.readAheadIndexes(signed.referenceNumber, numbers),
    ]);
    if (existing) return this.resubmitted(key, existing.value);
    const entry: OutboxEntry = {
      referenceNumber: signed.referenceNumber,
      version: signed.version,
      loa: signed,
      contactEmail,
      ...(documents.length > 0 && { documents: [...documents] }),
      conversation: { ...conversation },
      acceptedAt: now.toISOString(),
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now.toISOString(),
    };
    // The numbers' index may name a request not stored yet, should this fail: staff look-ups skip what has no entry,
    // and signing again writes it again. The latest version waits for the entry: the porting backend's events for
    // earlier versions count as superseded once it names a later one.
    const [created] = await Promise.all([this.store.createEntry(key, entry), this.store.numbers.add(signed.referenceNumber, numbers, now)]);
    if (!created) {
      // Another instance stored this version between our read and our write.
      const raced = await this.store.readEntry(key);
      if (!raced) throw new Error(`Submission ${key} was stored by another instance and then disappeared.`);
      return this.resubmitted(key, raced.value);
    }
    await this.store.recordLatestVersion(signed.referenceNumber, signed.version);
    this.logger.info({ referenceNumber: signed.referenceNumber, version: signed.version }, 'signed LOA stored for submission');
    this.onStored();
    return receiptOf(entry);
  }

  /** A repeated hand-over: the first receipt, after repairing the indexes in case the first one was cut short. */
  private async resubmitted(key: string, entry: OutboxEntry): Promise<SubmissionReceipt> {
    if (entry.status === 'pending') await this.store.addPending(key, this.clock());
    await this.recordIndexes(entry.referenceNumber, entry.version, numbersOf(entry.loa), this.clock());
    return receiptOf(entry);
  }

  /** The request's latest version and its numbers (for staff look-ups): independent records, written at once. */
  private async recordIndexes(referenceNumber: string, version: number, numbers: readonly string[], now: Date): Promise<void> {
    await Promise.all([this.store.recordLatestVersion(referenceNumber, version), this.store.numbers.add(referenceNumber, numbers, now)]);
  }
}

function receiptOf(entry: OutboxEntry): SubmissionReceipt {
  return { referenceNumber: entry.referenceNumber, version: entry.version, acceptedAt: entry.acceptedAt };
}
