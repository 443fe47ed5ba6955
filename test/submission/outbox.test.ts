import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Loa } from '../../src/domain';
import { type BotStorage, createStorage } from '../../src/storage/createStorage';
import {
  OutboxLoaSubmitter,
  OutboxStore,
  OutboxWorker,
  type OutboxWorkerOptions,
  type PermanentFailureReport,
  type PortingGateway,
  WebhookGateway,
  entryKey,
  renderCarrierLoaPdf,
} from '../../src/submission';
import { type LoaPdfRenderer, createLoaPdfRenderer } from '../../src/submission/pdf/pdfRenderer';
import { eventually } from '../storage/testBackends';
import { captureLogs } from '../support/captureLogs';
import { VERIZON_ACCOUNT_NUMBER, VERIZON_CONTACT_EMAIL, VERIZON_PIN, verizonLoa } from './support/loas';
import { type Answer, RECEIVER_SECRET, type ReceivedRequest, Receiver, sha256 } from './support/receiver';

const START = Date.parse('2025-11-25T18:00:00.000Z');
const CONVERSATION = { channelId: 'webchat', conversation: { id: 'conversation-1' }, serviceUrl: 'https://example.test/' };
const RETRY = { baseMs: 1_000, maxMs: 60_000 };
const LEASE_MS = 120_000;

/** A clock the test moves by hand: backoff and leases are stored times, so no test waits for them. */
class TestClock {
  private now = START;
  readonly read = () => new Date(this.now);
  advance(ms: number): void {
    this.now += ms;
  }
}

interface Instance {
  readonly store: OutboxStore;
  readonly worker: OutboxWorker;
  readonly submitter: OutboxLoaSubmitter;
  readonly failures: PermanentFailureReport[];
}

/** One bot instance's outbox: its own store, worker and submitter over the given storage. */
function instance(
  storage: BotStorage,
  gateway: PortingGateway,
  clock: TestClock,
  options: Partial<OutboxWorkerOptions> = {},
  renderer: LoaPdfRenderer = pdfRenderer,
): Instance {
  const store = new OutboxStore(storage);
  const failures: PermanentFailureReport[] = [];
  const worker = new OutboxWorker(store, gateway, renderer, clock.read, logs.logger, {
    retry: RETRY,
    leaseMs: LEASE_MS,
    pollIntervalMs: 20,
    onPermanentFailure: (report) => {
      failures.push(report);
    },
    ...options,
  });
  return { store, worker, failures, submitter: new OutboxLoaSubmitter(store, clock.read, logs.logger, () => worker.kick()) };
}

// Generous, so that a loaded machine (the whole suite runs two workers, one may be the browser test) is not taken
// for an unanswering receiver; the test of a real timeout passes its own short one.
function webhook(url: string, timeoutMs = 20_000): WebhookGateway {
  return new WebhookGateway({ url, secret: RECEIVER_SECRET, timeoutMs });
}

/** Every key the receiver saw, once each: more than one means one LOA version was sent as two requests. */
const distinctKeys = (receiver: Receiver) => new Set(receiver.requests.map((request: ReceivedRequest) => request.idempotencyKey));

let logs = captureLogs('info');
// The application's renderer, worker threads and all; one pool serves every instance, as it does in a process.
const pdfRenderer = createLoaPdfRenderer({ threads: 1 });
afterAll(() => pdfRenderer.close());
let folder: string;
let storages: BotStorage[];
let receivers: Receiver[];
let clock: TestClock;
let loa: Loa;

/** SQLite, so that two storage instances over one file stand for two bot processes. */
async function sqliteStorage(ttlDays = 30): Promise<BotStorage> {
  const storage = await createStorage(`sqlite://${join(folder, 'bot.sqlite')}`, { ttlDays, now: () => clock.read().getTime() });
  storages.push(storage);
  return storage;
}

async function receiver(answer?: (request: ReceivedRequest, attempt: number) => Answer): Promise<{ receiver: Receiver; url: string }> {
  const started = new Receiver(answer);
  receivers.push(started);
  return { receiver: started, url: await started.listen() };
}

async function submit(target: Instance, signed: Loa = loa) {
  return target.submitter.submit({ loa: signed, conversation: CONVERSATION, contactEmail: VERIZON_CONTACT_EMAIL });
}

async function storedEntry(target: Instance, signed: Loa = loa) {
  return (await target.store.readEntry(entryKey(signed.referenceNumber, signed.version)))?.value;
}

beforeEach(() => {
  logs = captureLogs('info');
  folder = mkdtempSync(join(tmpdir(), 'outbox-test-'));
  storages = [];
  receivers = [];
  clock = new TestClock();
  loa = verizonLoa(new Date(START - 60_000));
});

afterEach(async () => {
  await Promise.all(receivers.map((started) => started.close()));
  await Promise.all(storages.map((storage) => storage.close()));
  rmSync(folder, { recursive: true, force: true });
  // Nothing secret ever reaches a log line.
  expect(logs.text()).not.toContain(VERIZON_PIN);
  expect(logs.text()).not.toContain(VERIZON_ACCOUNT_NUMBER);
});

describe('the submission outbox', () => {
  it('stores the signed LOA before any delivery, then delivers it once, signed, with the letter inside', async () => {
    const { receiver: backend, url } = await receiver();
    const bot = instance(await sqliteStorage(), webhook(url), clock);

    const receipt = await submit(bot);

    expect(receipt).toEqual({ referenceNumber: loa.referenceNumber, version: 1, acceptedAt: new Date(START).toISOString() });
    expect(await storedEntry(bot)).toMatchObject({ status: 'pending', attempts: 0, conversation: CONVERSATION });
    expect(backend.requests).toHaveLength(0);

    bot.worker.start();
    await eventually(async () => (await storedEntry(bot))?.status === 'delivered');
    await bot.worker.stop();

    const [request] = backend.requests;
    expect(request.idempotencyKey).toBe(`${loa.referenceNumber}-v1`);
    expect(request.signatureValid).toBe(true);
    expect(request.body.request).toMatchObject({ referenceNumber: loa.referenceNumber, account: { pin: VERIZON_PIN }, contactEmail: VERIZON_CONTACT_EMAIL });
    const pdf = Buffer.from(request.body.loa.contentBase64, 'base64');
    expect(request.body.loa.sha256).toBe(sha256(pdf));
    expect(pdf.equals(await renderCarrierLoaPdf(loa))).toBe(true);
    expect(await storedEntry(bot)).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(await bot.store.pendingIndex()).toMatchObject({ keys: {} });
  });

  it('retries after server errors with backoff and delivers exactly once', async () => {
    const { receiver: backend, url } = await receiver((_request, attempt) => (attempt <= 2 ? 500 : 200));
    const bot = instance(await sqliteStorage(), webhook(url), clock, { random: () => 0.5 });
    await submit(bot);

    await bot.worker.runOnce();
    const afterFirst = await storedEntry(bot);
    expect(afterFirst).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringContaining('HTTP 500') });
    // Full jitter: half (random 0.5) of the first ceiling (RETRY.baseMs).
    expect(afterFirst?.nextAttemptAt).toBe(new Date(START + RETRY.baseMs / 2).toISOString());
    await bot.worker.runOnce();
    expect(backend.requests).toHaveLength(1); // not due yet

    clock.advance(RETRY.baseMs);
    await bot.worker.runOnce();
    clock.advance(2 * RETRY.baseMs);
    await bot.worker.runOnce();
    clock.advance(RETRY.maxMs);
    await bot.worker.runOnce();

    expect(backend.requests).toHaveLength(3);
    expect(distinctKeys(backend).size).toBe(1);
    expect(backend.processed.size).toBe(1);
    expect(await storedEntry(bot)).toMatchObject({ status: 'delivered', attempts: 3 });
  });

  it('retries a delivery whose letter could not be rendered, without sending anything', async () => {
    const { receiver: backend, url } = await receiver();
    const unusable = createLoaPdfRenderer({ threads: 1 });
    await unusable.close();
    const bot = instance(await sqliteStorage(), webhook(url), clock, {}, unusable);
    await submit(bot);

    await bot.worker.runOnce();

    expect(backend.requests).toHaveLength(0);
    expect(await storedEntry(bot)).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringContaining('renderer is closed') });
  });

  it('retries a delivery that timed out with the same key, which the receiver recognises', async () => {
    const { receiver: backend, url } = await receiver((_request, attempt) => (attempt === 1 ? 'hang' : 200));
    const bot = instance(await sqliteStorage(), webhook(url, 150), clock);
    await submit(bot);

    await bot.worker.runOnce();
    expect(await storedEntry(bot)).toMatchObject({ status: 'pending', lastError: 'no answer within 150 ms' });

    clock.advance(RETRY.maxMs);
    await bot.worker.runOnce();

    expect(backend.requests).toHaveLength(2);
    expect(distinctKeys(backend).size).toBe(1);
    expect(backend.processed.size).toBe(1);
    expect(await storedEntry(bot)).toMatchObject({ status: 'delivered', attempts: 2 });
  });

  it('keeps retrying while the receiver refuses connections, and delivers once it listens', async () => {
    const port = await freePort();
    const bot = instance(await sqliteStorage(), webhook(`http://127.0.0.1:${port}/porting`), clock);
    await submit(bot);

    await bot.worker.runOnce();
    expect(await storedEntry(bot)).toMatchObject({ status: 'pending', attempts: 1, lastError: 'connection refused' });

    const backend = new Receiver();
    receivers.push(backend);
    await backend.listen(port);
    clock.advance(RETRY.maxMs);
    await bot.worker.runOnce();

    expect(backend.requests).toHaveLength(1);
    expect(await storedEntry(bot)).toMatchObject({ status: 'delivered', attempts: 2 });
  });

  it('survives a restart mid-delivery: the next instance re-delivers with the same key', async () => {
    const { receiver: backend, url } = await receiver((_request, attempt) => (attempt === 1 ? 'hang' : 200));
    const first = instance(await sqliteStorage(), webhook(url, 30_000), clock);
    await submit(first);
    first.worker.start();
    await backend.received(1);
    await first.worker.stop(); // abandons the delivery in flight, as a shutdown would

    const restarted = instance(await sqliteStorage(), webhook(url), clock);
    await restarted.worker.runOnce();

    expect(backend.requests).toHaveLength(2);
    expect(distinctKeys(backend).size).toBe(1);
    expect(backend.processed.size).toBe(1);
    expect(await storedEntry(restarted)).toMatchObject({ status: 'delivered', attempts: 1 });
  });

  it('takes over an entry whose worker crashed once its lease has lapsed', async () => {
    const { receiver: backend, url } = await receiver();
    const storage = await sqliteStorage();
    const crashed = instance(storage, webhook(url), clock);
    await submit(crashed);
    // A worker that claimed the entry and died: its lease is stored, nothing else happens.
    const key = entryKey(loa.referenceNumber, loa.version);
    const claimed = await crashed.store.readEntry(key);
    const lease = { claimedBy: 'crashed-worker', leaseUntil: new Date(START + LEASE_MS).toISOString() };
    await crashed.store.replaceEntry(key, { ...claimed!.value, ...lease }, claimed!.eTag);

    const next = instance(await sqliteStorage(), webhook(url), clock);
    await next.worker.runOnce();
    expect(backend.requests).toHaveLength(0);

    clock.advance(LEASE_MS + 1);
    await next.worker.runOnce();
    expect(backend.requests).toHaveLength(1);
    expect(await storedEntry(next)).toMatchObject({ status: 'delivered' });
  });

  it('reports a 4xx once as a permanent failure and never retries it', async () => {
    const { receiver: backend, url } = await receiver(() => 422);
    const bot = instance(await sqliteStorage(), webhook(url), clock);
    await submit(bot);

    await bot.worker.runOnce();
    clock.advance(RETRY.maxMs);
    await bot.worker.runOnce();

    expect(backend.requests).toHaveLength(1);
    expect(bot.failures).toEqual([
      {
        referenceNumber: loa.referenceNumber,
        version: 1,
        conversation: CONVERSATION,
        status: 422,
        reason: expect.stringContaining('HTTP 422'),
        failedAt: new Date(START).toISOString(),
      },
    ]);
    const entry = await storedEntry(bot);
    expect(entry).toMatchObject({ status: 'failed', failure: { status: 422 } });
    expect(entry?.loa.pin).toBeUndefined();
    expect(await bot.store.pendingIndex()).toMatchObject({ keys: {} });
  });

  it('keeps one entry and makes one delivery when the same LOA is submitted twice', async () => {
    const { receiver: backend, url } = await receiver();
    const bot = instance(await sqliteStorage(), webhook(url), clock);

    const [first, concurrent] = await Promise.all([submit(bot), submit(bot)]);
    clock.advance(5_000);
    const later = await submit(bot);
    await bot.worker.runOnce();
    const afterDelivery = await submit(bot);
    await bot.worker.runOnce();

    expect(concurrent).toEqual(first);
    expect(later).toEqual(first);
    expect(afterDelivery).toEqual(first);
    expect(backend.requests).toHaveLength(1);
  });

  it('delivers once when two instances work on one storage at the same time', async () => {
    const { receiver: backend, url } = await receiver();
    const one = instance(await sqliteStorage(), webhook(url), clock, { workerId: 'one' });
    const two = instance(await sqliteStorage(), webhook(url), clock, { workerId: 'two' });
    await submit(one);

    await Promise.all([one.worker.runOnce(), two.worker.runOnce(), one.worker.runOnce(), two.worker.runOnce()]);

    expect(backend.requests).toHaveLength(1);
    expect(await storedEntry(two)).toMatchObject({ status: 'delivered', attempts: 1 });
  });

  it('purges the PIN from storage once delivered and keeps everything else', async () => {
    const { url } = await receiver();
    const storage = await sqliteStorage();
    const bot = instance(storage, webhook(url), clock);
    await submit(bot);
    const key = entryKey(loa.referenceNumber, loa.version);
    expect(JSON.stringify((await storage.read([key]))[key])).toContain(VERIZON_PIN);

    await bot.worker.runOnce();

    const raw = JSON.stringify((await storage.read([key]))[key]);
    expect(raw).not.toContain(VERIZON_PIN);
    expect(raw).not.toContain('"pin"');
    expect(await storedEntry(bot)).toMatchObject({
      status: 'delivered',
      contactEmail: VERIZON_CONTACT_EMAIL,
      conversation: CONVERSATION,
      loa: { accountNumber: VERIZON_ACCOUNT_NUMBER, referenceNumber: loa.referenceNumber },
    });
  });

  it('remembers the latest version submitted under a reference', async () => {
    const { url } = await receiver();
    const bot = instance(await sqliteStorage(), webhook(url), clock);
    const corrected = verizonLoa(new Date(START - 30_000), { previous: loa });

    await submit(bot, corrected);
    await submit(bot, loa);

    expect(await bot.store.latestVersion(loa.referenceNumber)).toBe(2);
  });

  it("refuses to deliver an LOA that is too old for providers, and reports it", async () => {
    const { receiver: backend, url } = await receiver();
    // Kept longer than the jump below: a real outbox rewrites a waiting entry at every attempt.
    const bot = instance(await sqliteStorage(365), webhook(url), clock);
    await submit(bot);

    clock.advance(91 * 24 * 60 * 60_000);
    await bot.worker.runOnce();

    expect(backend.requests).toHaveLength(0);
    expect(bot.failures).toEqual([expect.objectContaining({ reason: expect.stringContaining('90 days') })]);
  });

  it('drops an index key whose entry never appeared, after a grace period', async () => {
    const bot = instance(await sqliteStorage(), webhook('http://127.0.0.1:9/unused'), clock, { orphanGraceMs: 60_000 });
    const orphan = entryKey(loa.referenceNumber, 7);
    await bot.store.addPending(orphan, clock.read());

    await bot.worker.runOnce();
    expect(Object.keys((await bot.store.pendingIndex())!.keys)).toEqual([orphan]);

    clock.advance(60_000);
    await bot.worker.runOnce();
    expect((await bot.store.pendingIndex())!.keys).toEqual({});
  });
});

/** A port nothing listens on (yet). */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
