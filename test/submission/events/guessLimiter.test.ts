import { join } from 'node:path';
import { type GuessPolicy, type GuessRecord, GuessLimiter, countGuess, currentRecord, refundGuess } from '../../../src/submission/events/guessLimiter';
import { type SweepableStorage, createStorage } from '../../../src/storage/createStorage';
import { purgeNamespace, scratchFolder, testBackends, uniqueNamespace } from '../../storage/testBackends';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const POLICY: GuessPolicy = { maxMisses: 3, firstLockMs: 15 * MINUTE, maxLockMs: HOUR, forgetAfterMs: 24 * HOUR };
const START = new Date('2026-06-01T10:00:00.000Z');
const at = (ms: number) => new Date(START.getTime() + ms);

/** Guesses one after another from `from`, all wrong; the record after them and what each was told. */
function guesses(count: number, from: Date, record?: GuessRecord) {
  const attempts = [];
  let current = record;
  for (let index = 0; index < count; index++) {
    const { attempt, next } = countGuess(current, from, POLICY);
    attempts.push(attempt);
    current = next ?? current;
  }
  return { attempts, record: current };
}

describe('counting wrong guesses', () => {
  it('allows maxMisses guesses, the last of them locking the key, and refuses the rest while locked', () => {
    const { attempts, record } = guesses(5, START);

    expect(attempts.map((attempt) => attempt.kind)).toEqual(['allowed', 'allowed', 'allowed', 'locked', 'locked']);
    expect(attempts[2]).toEqual({ kind: 'allowed', locksUntil: at(15 * MINUTE) });
    expect(attempts[3]).toEqual({ kind: 'locked', until: at(15 * MINUTE) });
    expect(record).toMatchObject({ locks: 1, lockedUntil: at(15 * MINUTE).toISOString() });
  });

  it('starts counting again when the lock ends, and locks twice as long each time, up to the most', () => {
    let { record } = guesses(3, START);
    const lengths: number[] = [];
    let now = at(15 * MINUTE);
    for (let round = 0; round < 4; round++) {
      const next = guesses(3, now, record);
      expect(next.attempts.map((attempt) => attempt.kind)).toEqual(['allowed', 'allowed', 'allowed']);
      record = next.record;
      const until = Date.parse(record!.lockedUntil!);
      lengths.push((until - now.getTime()) / MINUTE);
      now = new Date(until);
    }
    expect(lengths).toEqual([30, 60, 60, 60]);
  });

  it('forgives a key after a quiet day: no misses, and the next lock is the first again', () => {
    const { record } = guesses(3, START);
    expect(currentRecord(record, at(15 * MINUTE + 24 * HOUR - 1), POLICY)).toBeDefined();
    expect(currentRecord(record, at(15 * MINUTE + 24 * HOUR), POLICY)).toBeUndefined();
    const later = guesses(3, at(15 * MINUTE + 24 * HOUR), record);
    expect(later.attempts[2]).toEqual({ kind: 'allowed', locksUntil: at(30 * MINUTE + 24 * HOUR) });
  });

  it('takes back a guess that was right, and with it the lock when that guess made it', () => {
    const two = guesses(2, START).record;
    expect(refundGuess(two, START, POLICY)).toMatchObject({ misses: 1, locks: 0 });

    const locked = guesses(3, START).record;
    const refunded = refundGuess(locked, START, POLICY);
    expect(refunded).toEqual({ misses: 2, locks: 0, lastMissAt: START.toISOString() });
    expect(countGuess(refunded, START, POLICY).attempt).toEqual({ kind: 'allowed', locksUntil: at(15 * MINUTE) });
    // Nothing to take back.
    expect(refundGuess(undefined, START, POLICY)).toBeUndefined();
  });
});

describe('the guess limiter in storage', () => {
  const scratch = scratchFolder();
  afterAll(() => scratch.remove());

  describe.each(testBackends(join(scratch.path, 'guesses.sqlite')))('on $name', (backend) => {
    const run = backend.url === undefined ? it.skip : it;
    const namespace = uniqueNamespace('guesses');
    const opened: SweepableStorage[] = [];
    let now = START.getTime();
    const clock = () => new Date(now);
    const open = async () => {
      const storage = await createStorage(backend.url!, { ttlDays: 1, namespace });
      opened.push(storage);
      return storage;
    };
    const limiter = (storage: SweepableStorage) => new GuessLimiter(storage, 'test', POLICY, clock);

    beforeEach(() => {
      now = START.getTime();
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((storage) => storage.close()));
    });
    afterAll(() => purgeNamespace(backend, namespace));

    run('checks no more than maxMisses of many guesses made at once', async () => {
      const storage = await open();
      const key = `at-once-${Math.random()}`;
      const attempts = await Promise.all(Array.from({ length: 12 }, () => limiter(storage).begin(key)));

      expect(attempts.filter((attempt) => attempt.kind === 'allowed')).toHaveLength(POLICY.maxMisses);
      expect(await limiter(storage).lockedUntil(key)).toEqual(at(15 * MINUTE));
    });

    run(backend.shared ? 'holds across instances and restarts' : 'holds for every limiter on the storage', async () => {
      const key = `shared-${Math.random()}`;
      const first = await open();
      const other = backend.shared ? await open() : first;
      await limiter(first).begin(key);
      await limiter(other).begin(key);
      await limiter(first).begin(key);

      expect(await limiter(other).begin(key)).toEqual({ kind: 'locked', until: at(15 * MINUTE) });
      if (backend.shared) {
        await first.close();
        const restarted = await open();
        expect(await limiter(restarted).lockedUntil(key)).toEqual(at(15 * MINUTE));
      }
      now += 15 * MINUTE;
      expect(await limiter(other).lockedUntil(key)).toBeUndefined();
    });

    run('forgets every guess at a key that is cleared, and keeps kinds apart', async () => {
      const storage = await open();
      const key = `cleared-${Math.random()}`;
      for (let guess = 0; guess < POLICY.maxMisses; guess++) await limiter(storage).begin(key);
      expect(await new GuessLimiter(storage, 'other-kind', POLICY, clock).lockedUntil(key)).toBeUndefined();

      await limiter(storage).clear(key);

      expect(await limiter(storage).lockedUntil(key)).toBeUndefined();
      expect(await limiter(storage).begin(key)).toEqual({ kind: 'allowed' });
    });
  });
});
