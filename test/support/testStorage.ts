import { createStorage, type SweepableStorage } from '../../src/storage/createStorage';

/** The application's own storage, kept in memory. */
export function memoryStorage(): Promise<SweepableStorage> {
  return createStorage('memory://', { ttlDays: 1 });
}

/** `storage` as it is when its backend is down: reads and writes still work here, but the readiness ping fails. */
export function withFailingPing(storage: SweepableStorage, failure: Error): SweepableStorage {
  return {
    read: (keys) => storage.read(keys),
    write: (changes) => storage.write(changes),
    delete: (keys) => storage.delete(keys),
    close: () => storage.close(),
    deleteExpired: (limit) => storage.deleteExpired(limit),
    ping: async () => {
      throw failure;
    },
  };
}
