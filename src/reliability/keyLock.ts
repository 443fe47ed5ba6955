/** A held lock; releasing it more than once is harmless. */
export interface Lease {
  release(): Promise<void>;
}

/** Mutual exclusion per key. */
export interface KeyLock {
  /**
   * Waits until this caller holds `key`, and resolves its lease; resolves undefined if `signal` aborts first.
   * Rejects only when the lock's backend fails.
   */
  acquire(key: string, signal: AbortSignal): Promise<Lease | undefined>;
  close(): Promise<void>;
}
