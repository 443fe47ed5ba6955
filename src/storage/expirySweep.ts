import type { Logger } from '../logging';
import { type RepeatingTask, startRepeating } from '../scheduling/repeatingTask';
import type { SweepableStorage } from './keyvStorage';

/**
 * Deletes expired items from backends that keep them (SQLite and Postgres hold a row until something deletes it;
 * reading an expired item only hides it). Runs once at start, then every `intervalMs`, one pass at a time. A pass
 * deletes in bounded batches so no statement holds the table for long, and stops after `maxBatchesPerPass`
 * batches so a huge backlog is worked off over several passes instead of in one long burst.
 */

export interface ExpirySweepOptions {
  intervalMs: number;
  logger: Logger;
  /** Items deleted per statement. Default 500. */
  batchSize?: number;
  /** Batches per pass. Default 100. */
  maxBatchesPerPass?: number;
}

/** `stop()` waits for a pass under way to finish its current batch. */
export type ExpirySweep = RepeatingTask;

const DEFAULT_BATCH_SIZE = 500;
const DEFAULT_MAX_BATCHES_PER_PASS = 100;

export function startExpirySweep(storage: Pick<SweepableStorage, 'deleteExpired'>, options: ExpirySweepOptions): ExpirySweep {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const maxBatches = options.maxBatchesPerPass ?? DEFAULT_MAX_BATCHES_PER_PASS;
  const log = options.logger.child({ component: 'expiry-sweep' });

  const pass = async (isStopped: () => boolean): Promise<void> => {
    let deleted = 0;
    try {
      for (let batch = 0; batch < maxBatches && !isStopped(); batch++) {
        const count = await storage.deleteExpired(batchSize);
        deleted += count;
        if (count < batchSize) break;
      }
      if (deleted > 0) log.info({ deleted }, 'deleted expired state');
    } catch (error) {
      log.warn({ err: error, deleted }, 'deleting expired state failed; trying again at the next sweep');
    }
  };

  return startRepeating(pass, options.intervalMs);
}
