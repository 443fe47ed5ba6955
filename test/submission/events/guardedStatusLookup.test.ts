import { createReferenceNumber } from '../../../src/domain';
import { GuardedStatusLookup } from '../../../src/submission/events/guardedStatusLookup';
import type { PortStatusLookup } from '../../../src/submission/events/portStatus';
import { captureLogs } from '../../support/captureLogs';
import { memoryStorage } from '../../support/testStorage';

const NOW = new Date('2026-12-07T10:00:00.000Z');
const limits = {
  perReference: { maxMisses: 2, firstLockMs: 60_000, maxLockMs: 60_000, forgetAfterMs: 3_600_000 },
  perClient: { maxMisses: 2, firstLockMs: 60_000, maxLockMs: 60_000, forgetAfterMs: 3_600_000 },
};

describe('a status look-up that fails on the way', () => {
  it('counts no miss against the reference or the address: the guess was never checked', async () => {
    const storage = await memoryStorage();
    let storageDown = true;
    const lookup = {
      find: async () => {
        if (storageDown) throw new Error('storage is restarting');
        return undefined;
      },
    } as unknown as PortStatusLookup;
    const guarded = new GuardedStatusLookup(lookup, { storage, logger: captureLogs('silent').logger, clock: () => NOW, limits });
    const reference = createReferenceNumber();

    for (let attempt = 0; attempt < 3; attempt++) {
      await expect(guarded.find(reference, '62704', '203.0.113.7')).rejects.toThrow('storage is restarting');
    }
    storageDown = false;

    // Two real misses are still allowed before the lock: none of the failed look-ups counted.
    expect(await guarded.find(reference, '62704', '203.0.113.7')).toEqual({ kind: 'notFound' });
    expect(await guarded.find(reference, '62704', '203.0.113.7')).toEqual({ kind: 'notFound' });
    expect(await guarded.find(reference, '62704', '203.0.113.7')).toMatchObject({ kind: 'locked' });
    await storage.close();
  });
});
