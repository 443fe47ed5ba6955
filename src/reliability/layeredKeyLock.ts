import type { KeyLock, Lease } from './keyLock';

/**
 * A shared lock behind a local one: the waiters of one instance queue locally, in order, and only the first of
 * them waits on the shared lock, so instances don't flood Redis or Postgres with attempts for one key.
 */
export class LayeredKeyLock implements KeyLock {
  constructor(
    private readonly local: KeyLock,
    private readonly shared: KeyLock,
  ) {}

  async acquire(key: string, signal: AbortSignal): Promise<Lease | undefined> {
    const local = await this.local.acquire(key, signal);
    if (local === undefined) return undefined;
    try {
      const shared = await this.shared.acquire(key, signal);
      if (shared === undefined) {
        await local.release();
        return undefined;
      }
      return {
        release: async () => {
          try {
            await shared.release();
          } finally {
            await local.release();
          }
        },
      };
    } catch (error) {
      await local.release();
      throw error;
    }
  }

  async close(): Promise<void> {
    await Promise.all([this.local.close(), this.shared.close()]);
  }
}
