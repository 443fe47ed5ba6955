import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Pool } from 'pg';
import { TestAdapter, TurnContext, UserState, type Activity } from 'botbuilder';
import { PortingSessionStore } from '../../dialogs/sessionStore';
import { DataKeyring, formatDataKey, parseDataKey } from '../../src/security/dataKeys';
import { deleteCustomerData } from '../../src/privacy/deleteCustomerData';
import { createStorage, type SweepableStorage } from '../../src/storage/createStorage';
import { startExpirySweep } from '../../src/storage/expirySweep';
import { OutboxLoaSubmitter } from '../../src/submission/outbox/outboxSubmitter';
import { PortStatusStore, statusKey } from '../../src/submission/events/statusStore';
import { entryKey, latestKey, type OutboxEntry, OutboxStore } from '../../src/submission/outbox/outboxStore';
import { message } from '../support/activities';
import { captureLogs } from '../support/captureLogs';
import { eventually, purgeNamespace, scratchFolder, testBackends, uniqueNamespace } from '../storage/testBackends';
import { verizonLoa } from '../submission/support/loas';

const DAY_MS = 86_400_000;
const keyring = new DataKeyring(parseDataKey(formatDataKey('test', randomBytes(32))));
const scratch = scratchFolder();
afterAll(() => scratch.remove());

for (const backend of testBackends(join(scratch.path, 'sweep.sqlite'))) {
  const describeBackend = backend.url === undefined ? describe.skip : describe;
  // SQLite and Postgres keep expired rows until swept; Redis expires them itself and memory lives with the process.
  const keepsExpiredRows = backend.name === 'sqlite' || backend.name === 'postgres';

  describeBackend(`sweeping expired state on ${backend.name} storage`, () => {
    const namespace = uniqueNamespace(`sweep_${backend.name}`);
    const neighbour = uniqueNamespace(`other_${backend.name}`);
    const start = Date.now();
    let clock = start;
    let storage: SweepableStorage;
    let other: SweepableStorage;

    beforeAll(async () => {
      storage = await createStorage(backend.url as string, { ttlDays: 1, namespace, now: () => clock, encryption: keyring });
      other = await createStorage(backend.url as string, { ttlDays: 1, namespace: neighbour, now: () => clock });
    });
    afterAll(async () => {
      await Promise.all([storage.close(), other.close()]);
      await purgeNamespace(backend, namespace);
      await purgeNamespace(backend, neighbour);
    });

    it(keepsExpiredRows ? 'deletes expired items in bounded batches and keeps live ones' : 'has nothing to delete', async () => {
      await storage.write({ old1: { n: 1 }, old2: { n: 2 }, old3: { n: 3 } });
      await other.write({ theirs: { n: 0 } });
      clock = start + DAY_MS + 1;
      await storage.write({ fresh: { n: 4 } });

      if (keepsExpiredRows) {
        expect(await storage.deleteExpired(2)).toBe(2);
        expect(await storage.deleteExpired(10)).toBe(1);
      }
      expect(await storage.deleteExpired(10)).toBe(0);

      // Seen from a time when they were all live, only what the sweep left is still there.
      clock = start;
      expect(Object.keys(await storage.read(['old1', 'old2', 'old3', 'fresh'])).sort()).toEqual(
        keepsExpiredRows ? ['fresh'] : ['fresh', 'old1', 'old2', 'old3'],
      );
      expect(Object.keys(await other.read(['theirs']))).toEqual(['theirs']);
    });
  });
}

const postgres = testBackends(':memory:')[3];
(postgres.url === undefined ? describe.skip : describe)('sweeping Postgres rows', () => {
  it('is not stopped by a record that Postgres JSON functions would reject (\\u0000 in a value)', async () => {
    const namespace = uniqueNamespace('sweep_nul');
    let clock = Date.now();
    const storage = await createStorage(postgres.url as string, { ttlDays: 1, namespace, now: () => clock });
    try {
      await storage.write({ nul: { text: 'before\u0000after' } });
      clock += DAY_MS + 1;
      expect(await storage.deleteExpired(10)).toBe(1);
      const pool = new Pool({ connectionString: postgres.url });
      const { rowCount } = await pool.query('SELECT 1 FROM public.keyv WHERE key LIKE $1', [`${namespace}:%`]);
      await pool.end();
      expect(rowCount).toBe(0);
    } finally {
      await storage.close();
      await purgeNamespace(postgres, namespace);
    }
  });
});

describe('startExpirySweep', () => {
  it('sweeps at start, batch after batch until a batch comes back short, and stops when asked', async () => {
    const batches = [3, 3, 1];
    const deleteExpired = jest.fn(async (limit: number) => {
      expect(limit).toBe(3);
      return batches.shift() ?? 0;
    });
    const logs = captureLogs('info');
    const sweep = startExpirySweep({ deleteExpired }, { intervalMs: 3_600_000, batchSize: 3, logger: logs.logger });
    await eventually(async () => logs.text().includes('deleted expired state'));
    await sweep.stop();

    expect(deleteExpired).toHaveBeenCalledTimes(3);
    expect(logs.entries().find((entry) => entry.msg === 'deleted expired state')).toMatchObject({ deleted: 7 });
  });

  it('logs a failed pass and carries on', async () => {
    const logs = captureLogs('info');
    const sweep = startExpirySweep(
      { deleteExpired: () => Promise.reject(new Error('database restarting')) },
      { intervalMs: 3_600_000, logger: logs.logger },
    );
    await eventually(async () => logs.text().includes('deleting expired state failed'));
    await sweep.stop();
    expect(logs.entries().find((entry) => entry.level === 40)).toMatchObject({ err: { message: 'database restarting' } });
  });
});

describe('draft expiry', () => {
  it("forgets a customer's draft once the state TTL has passed since its last change", async () => {
    let clock = Date.now();
    const storage = await createStorage('memory://', { ttlDays: 1, now: () => clock, encryption: keyring });
    const userState = new UserState(storage);
    const sessions = new PortingSessionStore(userState, () => new Date(clock), 1, captureLogs('silent').logger);
    const adapter = new TestAdapter();
    const turn = () => new TurnContext(adapter, message('hi') as Activity);

    const first = turn();
    await sessions.update(first, (session) => {
      session.draft = { ...session.draft, carrier: undefined };
      session.stage = 'reviewing';
    });
    await userState.saveChanges(first);
    expect((await sessions.find(turn()))?.stage).toBe('reviewing');

    clock += DAY_MS + 1;
    expect(await sessions.find(turn())).toBeUndefined();
    expect(await storage.read([userState.getStorageKey(first) as string])).toEqual({});
    await storage.close();
  });
});

describe('deleteCustomerData', () => {
  const now = new Date();
  const logger = captureLogs('silent').logger;
  const submittedAt = (at: Date) => ({ eventId: `evt-${at.getTime()}`, sequence: 1, state: 'submitted', occurredAt: at.toISOString() }) as const;

  it("deletes every version of the customer's requests, their latest version and status, withdrawing what was not delivered", async () => {
    const storage = await createStorage('memory://', { ttlDays: 1, encryption: keyring });
    const outbox = new OutboxStore(storage);
    const submitter = new OutboxLoaSubmitter(outbox, () => now, logger, () => undefined);
    const first = verizonLoa(now);
    const second = verizonLoa(now, { previous: first });
    const someoneElse = verizonLoa(now);
    for (const loa of [first, second, someoneElse]) await submitter.submit({ loa, contactEmail: 'jane@example.com', conversation: { id: 'c' } });
    const statuses = new PortStatusStore(storage);
    await statuses.apply({ ...submittedAt(now), referenceNumber: first.referenceNumber, version: 2 }, 2, now);

    const forgotten = await deleteCustomerData(storage, outbox, [first.referenceNumber], now);

    const versions = [entryKey(first.referenceNumber, 1), entryKey(first.referenceNumber, 2)];
    expect(forgotten).toEqual({ withdrawn: [first.referenceNumber], sent: [] });
    expect(await storage.read([...versions, latestKey(first.referenceNumber), statusKey(first.referenceNumber)])).toEqual({});
    expect(Object.keys((await outbox.pendingIndex())?.keys ?? {})).toEqual([entryKey(someoneElse.referenceNumber, 1)]);
    expect(await outbox.readEntry(entryKey(someoneElse.referenceNumber, 1))).toBeDefined();
    await storage.close();
  });

  it('reports a request delivered, or being delivered as it is deleted, as with the porting team', async () => {
    const storage = await createStorage('memory://', { ttlDays: 1, encryption: keyring });
    const outbox = new OutboxStore(storage);
    const submitter = new OutboxLoaSubmitter(outbox, () => now, logger, () => undefined);
    const [delivered, inFlight, failed] = [verizonLoa(now), verizonLoa(now), verizonLoa(now)];
    for (const loa of [delivered, inFlight, failed]) await submitter.submit({ loa, contactEmail: 'jane@example.com', conversation: { id: 'c' } });
    const change = async (referenceNumber: string, fields: Partial<OutboxEntry>) => {
      const key = entryKey(referenceNumber, 1);
      const entry = await outbox.readEntry(key);
      if (!entry) throw new Error(`no entry ${key}`);
      await outbox.replaceEntry(key, { ...entry.value, ...fields }, entry.eTag);
    };
    await change(delivered.referenceNumber, { status: 'delivered', deliveredAt: now.toISOString() });
    await change(inFlight.referenceNumber, { claimedBy: 'worker-1', leaseUntil: new Date(now.getTime() + 60_000).toISOString() });
    await change(failed.referenceNumber, { status: 'failed', failedAt: now.toISOString(), failure: { reason: 'refused' } });

    const references = [delivered, inFlight, failed].map((loa) => loa.referenceNumber);
    const forgotten = await deleteCustomerData(storage, outbox, references, now);

    expect(forgotten).toEqual({ withdrawn: [], sent: [delivered.referenceNumber, inFlight.referenceNumber] });
    expect(await storage.read(references.map((reference) => entryKey(reference, 1)))).toEqual({});
    expect((await outbox.pendingIndex())?.keys).toEqual({});
    await storage.close();
  });
});
