import type { KeyLock, Lease } from './keyLock';

/**
 * Bot Framework state is last-writer-wins: two turns that read the same state and each save their own copy lose
 * one turn's changes. A TurnLock makes turns that share state run one after another, across every instance that
 * shares the lock's backend, waiting at most `waitMs` for the turns before them.
 */

/** The turn could not take its lock in time: it did not run, and nothing it would have changed was touched. */
export class TurnLockTimeoutError extends Error {
  override readonly name = 'TurnLockTimeoutError';

  constructor(
    readonly keys: readonly string[],
    readonly waitMs: number,
  ) {
    super(`Turn lock: another turn held ${keys.map((key) => `"${key}"`).join(', ')} for longer than ${waitMs} ms.`);
  }
}

export interface TurnLockOptions {
  /** How long a turn waits for the turns before it. */
  waitMs: number;
}

export class TurnLock {
  readonly waitMs: number;

  constructor(
    private readonly keyLock: KeyLock,
    options: TurnLockOptions,
  ) {
    if (!Number.isSafeInteger(options.waitMs) || options.waitMs <= 0) {
      throw new RangeError(`Turn lock wait must be a positive whole number of milliseconds, got ${options.waitMs}.`);
    }
    this.waitMs = options.waitMs;
  }

  /**
   * Holds every key, or none: throws a TurnLockTimeoutError when they are not all held within waitMs. Keys are
   * taken in one global order, so two turns needing overlapping keys can never wait for each other in a circle.
   */
  async hold(keys: readonly string[]): Promise<Lease> {
    const ordered = [...new Set(keys)].sort();
    const signal = AbortSignal.timeout(this.waitMs);
    const held: Lease[] = [];
    // Only taking keys needs one order; letting go of them all at once costs one round trip to the backend, not one each.
    const releaseAll = async () => {
      const released = await Promise.allSettled(held.splice(0).map((lease) => lease.release()));
      const failed = released.find((outcome) => outcome.status === 'rejected');
      if (failed) throw failed.reason;
    };
    try {
      for (const key of ordered) {
        const lease = await this.keyLock.acquire(key, signal);
        if (lease === undefined) {
          throw new TurnLockTimeoutError(ordered, this.waitMs);
        }
        held.push(lease);
      }
    } catch (error) {
      await releaseAll();
      throw error;
    }
    return { release: releaseAll };
  }

  close(): Promise<void> {
    return this.keyLock.close();
  }
}

/** Runs `work` while holding `keys` (see TurnLock.hold); throws a TurnLockTimeoutError without running it otherwise. */
export async function withTurnLock<T>(lock: TurnLock, keys: string | readonly string[], work: () => Promise<T>): Promise<T> {
  const lease = await lock.hold(typeof keys === 'string' ? [keys] : keys);
  try {
    return await work();
  } finally {
    await lease.release();
  }
}
