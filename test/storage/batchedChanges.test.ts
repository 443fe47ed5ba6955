/** Group commit of changes to one record: every change lands, in far fewer writes than changes. */
import { z } from 'zod';
import { BatchedChanges } from '../../src/storage/batchedChanges';
import { CasRecords } from '../../src/storage/casRecords';
import type { BotStorage } from '../../src/storage/createStorage';
import { memoryStorage } from '../support/testStorage';

const tallySchema = z.object({ seen: z.array(z.number()) });

describe('BatchedChanges', () => {
  let storage: BotStorage;
  let writes: number;

  beforeEach(async () => {
    const inner = await memoryStorage();
    writes = 0;
    storage = {
      read: (keys) => inner.read(keys),
      write: async (changes) => {
        writes += 1;
        await inner.write(changes);
      },
      delete: (keys) => inner.delete(keys),
      ping: () => inner.ping(),
      close: () => inner.close(),
    };
  });

  afterEach(() => storage.close());

  it('applies fifty changes made at once, each resolved only once written, in a handful of writes', async () => {
    const records = new CasRecords(storage, tallySchema);
    const changes = new BatchedChanges(records);

    await Promise.all(Array.from({ length: 50 }, (_, n) => changes.apply('tally', (current) => ({ seen: [...(current?.seen ?? []), n] }))));

    expect((await records.read('tally'))?.value.seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, n) => n));
    expect(writes).toBeLessThanOrEqual(2);
  });

  it('writes nothing for changes that change nothing, and keeps keys apart', async () => {
    const records = new CasRecords(storage, tallySchema);
    const changes = new BatchedChanges(records);

    await Promise.all([changes.apply('a', () => undefined), changes.apply('b', () => ({ seen: [1] }))]);

    expect(await records.read('a')).toBeUndefined();
    expect((await records.read('b'))?.value.seen).toEqual([1]);
    expect(writes).toBe(1);
  });

  it('rejects every change of a batch whose write fails, and goes on with the next batch', async () => {
    const records = new CasRecords(storage, tallySchema);
    const changes = new BatchedChanges(records);
    const failing = changes.apply('tally', () => {
      throw new Error('no such change');
    });
    await expect(failing).rejects.toThrow('no such change');

    await changes.apply('tally', () => ({ seen: [7] }));
    expect((await records.read('tally'))?.value.seen).toEqual([7]);
  });
});
