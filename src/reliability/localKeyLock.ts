import type { KeyLock, Lease } from './keyLock';

/**
 * Mutual exclusion per key within this process: waiters are served first come, first served. Enough on its own
 * where state lives in one process (memory://, and SQLite, which serves one instance); in front of a shared lock
 * it keeps one instance's waiters from competing with each other over the network.
 */
export class LocalKeyLock implements KeyLock {
  // A key is held while it is in the map; its array holds the waiters, in order.
  private readonly waiters = new Map<string, Array<() => void>>();

  acquire(key: string, signal: AbortSignal): Promise<Lease | undefined> {
    const queue = this.waiters.get(key);
    if (queue === undefined) {
      this.waiters.set(key, []);
      return Promise.resolve(this.leaseOf(key));
    }
    if (signal.aborted) {
      return Promise.resolve(undefined);
    }
    return new Promise((resolve) => {
      const giveUp = () => {
        queue.splice(queue.indexOf(grant), 1);
        resolve(undefined);
      };
      const grant = () => {
        signal.removeEventListener('abort', giveUp);
        resolve(this.leaseOf(key));
      };
      signal.addEventListener('abort', giveUp, { once: true });
      queue.push(grant);
    });
  }

  async close(): Promise<void> {}

  private leaseOf(key: string): Lease {
    let released = false;
    return {
      release: async () => {
        if (released) return;
        released = true;
        const next = this.waiters.get(key)?.shift();
        if (next) next();
        else this.waiters.delete(key);
      },
    };
  }
}
