/**
 * Changes to shared records (the outbox's pending index, say), applied in batches: each read and compare-and-set of a
 * key carries every change to it that arrived in this process while the previous one was being written, a group
 * commit. Fifty customers signing at once then cost a few writes of the index instead of fifty in a row; each change
 * still resolves only once a write that includes it has succeeded, and only other instances can make the
 * compare-and-set fail (it is then tried again with every change of the batch).
 */
import type { CasRecords } from './casRecords';

/** What one change makes of the record: the new record, or undefined when there is nothing to do. */
export type RecordChange<T> = (current: T | undefined) => T | undefined;

interface Waiting<T> {
  readonly change: RecordChange<T>;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/** Batched changes to the records of one CasRecords, by key. */
export class BatchedChanges<T extends object> {
  private readonly queues = new Map<string, Waiting<T>[]>();

  constructor(private readonly records: CasRecords<T>) {}

  apply(key: string, change: RecordChange<T>): Promise<void> {
    return new Promise((resolve, reject) => {
      const waiting = { change, resolve, reject };
      const queue = this.queues.get(key);
      if (queue) {
        queue.push(waiting);
        return;
      }
      const started = [waiting];
      this.queues.set(key, started);
      void this.drain(key, started);
    });
  }

  private async drain(key: string, queue: Waiting<T>[]): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.splice(0);
      try {
        await this.records.change<void>(key, (current) => ({ next: applyAll(batch, current), outcome: undefined }));
        for (const { resolve } of batch) resolve();
      } catch (error) {
        for (const { reject } of batch) reject(error);
      }
    }
    this.queues.delete(key);
  }
}

/** The record after every change of the batch, in order; undefined when none changed it. */
function applyAll<T>(batch: readonly Waiting<T>[], current: T | undefined): T | undefined {
  let record = current;
  let changed = false;
  for (const { change } of batch) {
    const next = change(record);
    if (next !== undefined) {
      record = next;
      changed = true;
    }
  }
  return changed ? record : undefined;
}
