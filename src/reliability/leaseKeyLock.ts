import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { KeyLock, Lease } from './keyLock';

/**
 * Where leases live: a record per key naming its holder (a random token) that lapses on its own after `leaseMs`,
 * so a crashed instance never blocks a conversation for longer than one lease. Every operation is one atomic
 * step on the shared backend.
 */
export interface LeaseStore {
  /** Takes the key for `token` if nobody holds it or the holder's lease lapsed; true when taken. */
  tryAcquire(key: string, token: string, leaseMs: number): Promise<boolean>;
  /** Extends the lease if `token` still holds the key; false when it no longer does. */
  renew(key: string, token: string, leaseMs: number): Promise<boolean>;
  /** Gives the key up if `token` still holds it (never someone else's lease). */
  release(key: string, token: string): Promise<void>;
  close(): Promise<void>;
}

export interface LeaseKeyLockOptions {
  /** How long a lease lasts without renewal; it is renewed every third of that while held. */
  leaseMs: number;
  /** Told when a renewal or a release fails: the lease then lapses by itself. */
  onError: (error: unknown) => void;
}

// Attempts start quickly (a turn is usually short) and back off so that a long wait costs few round trips.
const FIRST_PAUSE_MS = 5;
const MAX_PAUSE_MS = 50;

/** A KeyLock on a LeaseStore: waits by retrying with jittered backoff, and renews the lease while it is held. */
export class LeaseKeyLock implements KeyLock {
  constructor(
    private readonly store: LeaseStore,
    private readonly options: LeaseKeyLockOptions,
  ) {}

  async acquire(key: string, signal: AbortSignal): Promise<Lease | undefined> {
    const token = randomUUID();
    for (let pauseMs = FIRST_PAUSE_MS; ; pauseMs = Math.min(pauseMs * 2, MAX_PAUSE_MS)) {
      if (await this.store.tryAcquire(key, token, this.options.leaseMs)) {
        return this.hold(key, token);
      }
      try {
        await sleep(pauseMs / 2 + Math.random() * pauseMs, undefined, { signal });
      } catch {
        return undefined;
      }
    }
  }

  close(): Promise<void> {
    return this.store.close();
  }

  private hold(key: string, token: string): Lease {
    const { leaseMs, onError } = this.options;
    let released = false;
    let renewing: Promise<void> = Promise.resolve();
    const renew = async () => {
      try {
        if (!(await this.store.renew(key, token, leaseMs)) && !released) {
          onError(new Error(`Turn lock: the lease on "${key}" lapsed while its turn was still running.`));
        }
      } catch (error) {
        onError(error);
      }
    };
    const timer = setInterval(() => {
      renewing = renewing.then(renew);
    }, leaseMs / 3);
    timer.unref();
    return {
      release: async () => {
        if (released) return;
        released = true;
        clearInterval(timer);
        await renewing;
        try {
          await this.store.release(key, token);
        } catch (error) {
          onError(error);
        }
      },
    };
  }
}
