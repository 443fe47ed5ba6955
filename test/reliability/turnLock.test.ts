import { randomUUID } from 'node:crypto';
import { createClient } from '@keyv/redis';
import { Pool } from 'pg';
import { createTurnLock } from '../../src/reliability/createTurnLock';
import type { Lease } from '../../src/reliability/keyLock';
import { LeaseKeyLock, type LeaseStore } from '../../src/reliability/leaseKeyLock';
import { LocalKeyLock } from '../../src/reliability/localKeyLock';
import { PostgresLeaseStore } from '../../src/reliability/postgresLeaseStore';
import { RedisLeaseStore } from '../../src/reliability/redisLeaseStore';
import { TurnLock, TurnLockTimeoutError, withTurnLock } from '../../src/reliability/turnLock';
import { testBackends } from '../storage/testBackends';

const never = () => new AbortController().signal;
const aborted = () => AbortSignal.abort();

describe('LocalKeyLock', () => {
  it('hands a key to one holder at a time, in the order they asked', async () => {
    const lock = new LocalKeyLock();
    const order: string[] = [];
    const first = (await lock.acquire('k', never())) as Lease;
    const waiting = ['b', 'c', 'd'].map((name) =>
      lock.acquire('k', never()).then(async (lease) => {
        order.push(name);
        await lease?.release();
      }),
    );
    order.push('a');
    await first.release();
    await Promise.all(waiting);
    expect(order).toEqual(['a', 'b', 'c', 'd']);
  });

  it('lets other keys through while one is held', async () => {
    const lock = new LocalKeyLock();
    await lock.acquire('held', never());
    expect(await lock.acquire('other', never())).toBeDefined();
  });

  it('gives up when the signal aborts, and leaves the queue to the others', async () => {
    const lock = new LocalKeyLock();
    const holder = (await lock.acquire('k', never())) as Lease;
    const controller = new AbortController();
    const quitter = lock.acquire('k', controller.signal);
    const patient = lock.acquire('k', never());
    controller.abort();
    expect(await quitter).toBeUndefined();
    await holder.release();
    expect(await patient).toBeDefined();
    expect(await lock.acquire('k', aborted())).toBeUndefined();
  });

  it('ignores a second release, which would otherwise admit two holders', async () => {
    const lock = new LocalKeyLock();
    const holder = (await lock.acquire('k', never())) as Lease;
    const next = lock.acquire('k', never());
    await holder.release();
    await next;
    await holder.release();
    expect(await lock.acquire('k', aborted())).toBeUndefined();
  });
});

describe('TurnLock', () => {
  it('runs work holding the keys and releases them afterwards, also when the work fails', async () => {
    const lock = new TurnLock(new LocalKeyLock(), { waitMs: 1000 });
    await expect(withTurnLock(lock, ['a', 'b'], async () => 'done')).resolves.toBe('done');
    await expect(withTurnLock(lock, 'a', () => Promise.reject(new Error('turn failed')))).rejects.toThrow('turn failed');
    await expect(withTurnLock(lock, ['b', 'a'], async () => 'again')).resolves.toBe('again');
  });

  it('does not run the work when a key stays busy, and lets go of the keys it had taken', async () => {
    const keyLock = new LocalKeyLock();
    const lock = new TurnLock(keyLock, { waitMs: 100 });
    const busy = await lock.hold(['b']);
    const work = jest.fn(async () => undefined);

    const attempt = withTurnLock(lock, ['a', 'b'], work);
    await expect(attempt).rejects.toThrow(TurnLockTimeoutError);
    await expect(attempt).rejects.toThrow('Turn lock: another turn held "a", "b" for longer than 100 ms.');
    expect(work).not.toHaveBeenCalled();
    expect(await keyLock.acquire('a', aborted())).toBeDefined();
    await busy.release();
  });

  it('takes keys in one order, so turns needing the same keys never wait for each other in a circle', async () => {
    const taken: string[] = [];
    const recording = new LocalKeyLock();
    const keyLock = {
      acquire: (key: string, signal: AbortSignal) => {
        taken.push(key);
        return recording.acquire(key, signal);
      },
      close: async () => undefined,
    };
    const lock = new TurnLock(keyLock, { waitMs: 1000 });
    await Promise.all([withTurnLock(lock, ['user', 'conversation'], async () => undefined), withTurnLock(lock, ['conversation', 'user'], async () => undefined)]);
    expect(taken).toEqual(['conversation', 'conversation', 'user', 'user']);
  });

  it('refuses a wait that is not a positive whole number', () => {
    expect(() => new TurnLock(new LocalKeyLock(), { waitMs: 0 })).toThrow(RangeError);
  });
});

const [, , redis, postgres] = testBackends(':memory:');

const leaseStores: Array<{ name: string; url: string | undefined; open: () => LeaseStore; cleanUp: (prefix: string) => Promise<void> }> = [
  {
    name: 'redis',
    url: redis.url,
    open: () => new RedisLeaseStore({ url: redis.url as string, connectTimeoutMs: 2000, onError: () => undefined }),
    cleanUp: async (prefix) => {
      const client = createClient({ url: redis.url });
      await client.connect();
      for await (const keys of client.scanIterator({ MATCH: `${prefix}*` })) if (keys.length > 0) await client.del(keys);
      await client.close();
    },
  },
  {
    name: 'postgres',
    url: postgres.url,
    open: () => new PostgresLeaseStore({ url: postgres.url as string, connectTimeoutMs: 2000, onError: () => undefined }),
    cleanUp: async (prefix) => {
      const pool = new Pool({ connectionString: postgres.url });
      await pool.query('DELETE FROM public.turn_lock WHERE key LIKE $1', [`${prefix}%`]);
      await pool.end();
    },
  },
];

for (const backend of leaseStores) {
  const describeBackend = backend.url === undefined ? describe.skip : describe;

  describeBackend(`${backend.name} leases`, () => {
    const prefix = `t_lease_${randomUUID().slice(0, 8)}:`;
    // Two instances: each its own connection.
    let one: LeaseStore;
    let two: LeaseStore;
    beforeAll(() => {
      one = backend.open();
      two = backend.open();
    });
    afterAll(async () => {
      await Promise.all([one.close(), two.close()]);
      await backend.cleanUp(prefix);
    });

    it('lets one holder at a time take a key, and only the holder renew or release it', async () => {
      const key = `${prefix}exclusive`;
      expect(await one.tryAcquire(key, 'token-1', 10_000)).toBe(true);
      expect(await two.tryAcquire(key, 'token-2', 10_000)).toBe(false);
      expect(await two.renew(key, 'token-2', 10_000)).toBe(false);
      await two.release(key, 'token-2');
      expect(await two.tryAcquire(key, 'token-2', 10_000)).toBe(false);

      expect(await one.renew(key, 'token-1', 10_000)).toBe(true);
      await one.release(key, 'token-1');
      expect(await two.tryAcquire(key, 'token-2', 10_000)).toBe(true);
    });

    it('lets another instance take over a lease its holder stopped renewing (a crashed instance)', async () => {
      const key = `${prefix}crashed`;
      expect(await one.tryAcquire(key, 'crashed', 150)).toBe(true);
      const lock = new LeaseKeyLock(two, { leaseMs: 10_000, onError: () => undefined });
      const lease = await lock.acquire(key, AbortSignal.timeout(5000));
      expect(lease).toBeDefined();
      expect(await one.renew(key, 'crashed', 10_000)).toBe(false);
      await lease?.release();
    });

    it('keeps a lease renewed while it is held, however long the turn', async () => {
      const key = `${prefix}renewed`;
      const errors: unknown[] = [];
      const holder = new LeaseKeyLock(one, { leaseMs: 150, onError: (error) => errors.push(error) });
      const lease = (await holder.acquire(key, AbortSignal.timeout(5000))) as Lease;
      const rival = new LeaseKeyLock(two, { leaseMs: 150, onError: () => undefined });
      // Several lease lengths go by; the rival keeps trying all along and never gets in.
      expect(await rival.acquire(key, AbortSignal.timeout(600))).toBeUndefined();
      await lease.release();
      expect(await rival.acquire(key, AbortSignal.timeout(5000))).toBeDefined();
      expect(errors).toEqual([]);
    });
  });

  describeBackend(`createTurnLock on ${backend.name}`, () => {
    it('locks a key across two instances', async () => {
      const namespace = `t_tl_${randomUUID().slice(0, 8)}`;
      const options = { waitMs: 200, onError: () => undefined, namespace };
      const instanceA = createTurnLock(backend.url as string, options);
      const instanceB = createTurnLock(backend.url as string, options);
      try {
        const held = await instanceA.hold(['test/conversations/c1']);
        await expect(instanceB.hold(['test/conversations/c1'])).rejects.toThrow(TurnLockTimeoutError);
        await held.release();
        await (await instanceB.hold(['test/conversations/c1'])).release();
      } finally {
        await Promise.all([instanceA.close(), instanceB.close()]);
        await backend.cleanUp(`${namespace}:`);
      }
    });
  });
}

(postgres.url === undefined ? describe.skip : describe)('postgres lease table', () => {
  it('is unlogged, a table created logged by an earlier release included: a lease waits for no flush to disk', async () => {
    const store = new PostgresLeaseStore({ url: postgres.url as string, connectTimeoutMs: 2000, onError: () => undefined });
    const pool = new Pool({ connectionString: postgres.url });
    try {
      await store.release(`t_unlogged_${randomUUID()}`, 'nobody');
      const { rows } = await pool.query<{ relpersistence: string }>("SELECT relpersistence FROM pg_class WHERE oid = 'public.turn_lock'::regclass");
      expect(rows).toEqual([{ relpersistence: 'u' }]);
    } finally {
      await Promise.all([store.close(), pool.end()]);
    }
  });
});

describe('createTurnLock', () => {
  it('locks within the process for memory and SQLite storage', async () => {
    for (const url of ['memory://', 'sqlite://./data/bot.sqlite']) {
      const lock = createTurnLock(url, { waitMs: 100, onError: () => undefined });
      const held = await lock.hold(['k']);
      await expect(lock.hold(['k'])).rejects.toThrow(TurnLockTimeoutError);
      await held.release();
      await lock.close();
    }
  });

  it('refuses a storage URL it cannot lock on and a namespace the storage would refuse', () => {
    expect(() => createTurnLock('mysql://db', { waitMs: 100, onError: () => undefined })).toThrow('"mysql://" is not supported');
    expect(() => createTurnLock('memory://', { waitMs: 100, onError: () => undefined, namespace: 'a:b' })).toThrow('Storage namespace "a:b"');
  });
});
