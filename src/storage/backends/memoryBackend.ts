import type { StoreBackend } from '../storeBackend';

/**
 * Records in this process only (memory://), for development and tests. Every method finishes its check and its
 * change within one synchronous step, so `swap` is atomic without locks. Expired records are replaced on their next
 * write; nothing sweeps them, so this backend suits short-lived processes.
 */
export class MemoryBackend implements StoreBackend {
  readonly description = 'memory storage';
  private readonly records = new Map<string, string>();

  async getMany(keys: readonly string[]): Promise<Array<string | undefined>> {
    return keys.map((key) => this.records.get(key));
  }

  async set(key: string, record: string): Promise<void> {
    this.records.set(key, record);
  }

  async swap(key: string, current: string | undefined, record: string): Promise<boolean> {
    if (this.records.get(key) !== current) {
      return false;
    }
    this.records.set(key, record);
    return true;
  }

  async deleteMany(keys: readonly string[]): Promise<void> {
    keys.forEach((key) => this.records.delete(key));
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}
}
