import type { Loa } from '../../../src/domain';
import type { BotStorage } from '../../../src/storage/createStorage';
import { OutboxLoaSubmitter, OutboxStore, entryKey, signBody } from '../../../src/submission';
import {
  type PortStatuses,
  type PortingEventsHandler,
  PortStatusLookup,
  PortStatusStore,
  createPortStatuses,
  createPortingEvents,
  samePostalCode,
} from '../../../src/submission/events';
import { ConversationGoneError, type PortNotice, type ProactiveMessenger } from '../../../src/submission/notifications';
import { captureLogs } from '../../support/captureLogs';
import { memoryStorage } from '../../support/testStorage';
import { VERIZON_CONTACT_EMAIL, verizonLoa } from '../support/loas';

const SECRET = 'events-secret-shared-with-the-porting-backend-0123';
const SIGNED_AT = new Date('2026-03-02T15:04:05.000Z');
const CONVERSATION = { channelId: 'webchat', conversation: { id: 'conversation-1' }, serviceUrl: 'https://example.test/', user: { id: 'u1' } };
const ZIP = '94105';

/** The customer's conversation as the handler reaches it: records what they are told, or fails as scripted. */
class RecordingMessenger implements ProactiveMessenger {
  readonly told: { conversation: Readonly<Record<string, unknown>>; notice: PortNotice }[] = [];
  failWith: Error | undefined;

  async tell(conversation: Readonly<Record<string, unknown>>, notice: PortNotice): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.told.push({ conversation, notice });
  }
}

class TestClock {
  private now = SIGNED_AT.getTime() + 60_000;
  readonly read = () => new Date(this.now);
  advance(ms: number): void {
    this.now += ms;
  }
}

interface Backend {
  readonly handler: PortingEventsHandler;
  readonly messenger: RecordingMessenger;
}

describe('the porting events endpoint', () => {
  let storage: BotStorage;
  let outbox: OutboxStore;
  let statuses: PortStatuses;
  let clock: TestClock;
  let loa: Loa;
  let backend: Backend;
  let sequence: number;

  const instance = (claimant: string): Backend => {
    const messenger = new RecordingMessenger();
    const handler = createPortingEvents({
      secret: SECRET,
      statuses,
      outbox,
      messenger,
      logger: captureLogs('silent').logger,
      clock: clock.read,
      notifier: { claimant, leaseMs: 60_000 },
    });
    return { handler, messenger };
  };

  const submit = (letter: Loa) =>
    new OutboxLoaSubmitter(outbox, clock.read, captureLogs('silent').logger, () => undefined).submit({ loa: letter, contactEmail: VERIZON_CONTACT_EMAIL, conversation: CONVERSATION });

  const eventBody = (fields: Record<string, unknown>) => {
    sequence += 1;
    return {
      eventId: `evt-${sequence}`,
      referenceNumber: loa.referenceNumber,
      version: 1,
      sequence,
      occurredAt: '2026-03-03T10:00:00Z',
      ...fields,
    };
  };

  const post = (body: object | string, on: Backend = backend, signature?: string) => {
    const raw = typeof body === 'string' ? body : JSON.stringify(body);
    return on.handler.handle(Buffer.from(raw), signature ?? signBody(raw, SECRET));
  };

  // The lookup itself, without the limits on guessing (guardedStatusLookup.ts) in front of it.
  const current = async () => new PortStatusLookup(outbox, statuses.store).find(loa.referenceNumber, ZIP);

  beforeEach(async () => {
    storage = await memoryStorage();
    outbox = new OutboxStore(storage);
    statuses = createPortStatuses(storage, outbox, { logger: captureLogs('silent').logger, clock: () => SIGNED_AT });
    clock = new TestClock();
    sequence = 0;
    loa = verizonLoa(SIGNED_AT);
    await submit(loa);
    backend = instance('instance-a');
  });

  afterEach(async () => {
    await storage.close();
  });

  it('tells the customer about each state in the conversation they signed in, with the date or the reason', async () => {
    const events = [
      { state: 'submitted' },
      { state: 'pending' },
      { state: 'foc_confirmed', focDate: '2026-03-10' },
      { state: 'completed' },
      { state: 'rejected', reasonCode: 'POSTAL_CODE_MISMATCH' },
      { state: 'cancelled' },
    ];
    for (const fields of events) {
      expect(await post(eventBody(fields))).toMatchObject({ status: 200, body: { code: 'applied' } });
    }

    expect(backend.messenger.told.map(({ notice }) => notice.state)).toEqual(events.map((event) => event.state));
    for (const { conversation, notice } of backend.messenger.told) {
      expect(conversation).toEqual(CONVERSATION);
      expect(notice).toMatchObject({ referenceNumber: loa.referenceNumber, version: 1, carrier: 'Verizon', numbers: loa.numbers });
    }
    expect(backend.messenger.told[2].notice.focDate).toBe('2026-03-10');
    expect(backend.messenger.told[4].notice.reason).toMatchObject({ code: 'POSTAL_CODE_MISMATCH', fields: ['serviceAddress'], needsPerson: false });
    expect((await statuses.store.read(loa.referenceNumber))?.history).toHaveLength(6);
  });

  describe('refuses a body the backend did not sign with the shared secret (401), changing nothing', () => {
    it.each([
      ['no signature', (raw: string) => ({ raw, signature: undefined })],
      ['a signature of other bytes', (raw: string) => ({ raw, signature: signBody(`${raw} `, SECRET) })],
      ['a signature with another secret', (raw: string) => ({ raw, signature: signBody(raw, `${SECRET}-other`) })],
      ['a body changed after signing', (raw: string) => ({ raw: raw.replace('submitted', 'completed'), signature: signBody(raw, SECRET) })],
      ['a bare hex digest', (raw: string) => ({ raw, signature: signBody(raw, SECRET).slice('sha256='.length) })],
    ])('%s', async (_case, forge) => {
      const { raw, signature } = forge(JSON.stringify(eventBody({ state: 'submitted' })));

      const answer = await backend.handler.handle(Buffer.from(raw), signature);

      expect(answer).toMatchObject({ status: 401, body: { code: 'InvalidSignature' } });
      expect(await statuses.store.read(loa.referenceNumber)).toBeUndefined();
      expect(backend.messenger.told).toEqual([]);
    });
  });

  it('takes the signature in any letter case, as the shared helper does', async () => {
    const raw = JSON.stringify(eventBody({ state: 'submitted' }));

    expect(await post(raw, backend, signBody(raw, SECRET).toUpperCase().replace('SHA256=', 'sha256='))).toMatchObject({ status: 200 });
  });

  it('refuses what is not a valid event about a request this bot submitted', async () => {
    expect(await post('{"state":')).toMatchObject({ status: 400, body: { code: 'InvalidJson' } });
    const noDate = await post(eventBody({ state: 'foc_confirmed' }));
    expect(noDate).toMatchObject({ status: 400, body: { code: 'InvalidEvent', issues: [{ path: 'focDate' }] } });
    const noReason = await post(eventBody({ state: 'rejected' }));
    expect(noReason).toMatchObject({ status: 400, body: { issues: [{ path: 'reasonCode' }] } });
    expect(await post(eventBody({ state: 'done' }))).toMatchObject({ status: 400, body: { issues: [{ path: 'state' }] } });
    expect(await post(eventBody({ state: 'submitted', referenceNumber: 'PA-7KX4-M9Q2-TDY' }))).toMatchObject({
      status: 400,
      body: { issues: [{ path: 'referenceNumber' }] },
    });
    const unknown = verizonLoa(SIGNED_AT);
    expect(await post(eventBody({ state: 'submitted', referenceNumber: unknown.referenceNumber }))).toMatchObject({
      status: 404,
      body: { code: 'UnknownReference' },
    });
    expect(await post(eventBody({ state: 'submitted', version: 2 }))).toMatchObject({ status: 409, body: { code: 'UnknownVersion' } });
    expect(await statuses.store.read(loa.referenceNumber)).toBeUndefined();
    expect(backend.messenger.told).toEqual([]);
  });

  it('takes the reference number in any spelling the customer could read out', async () => {
    const body = eventBody({ state: 'submitted', referenceNumber: loa.referenceNumber.toLowerCase().replace(/-/g, '') });

    expect(await post(body)).toMatchObject({ status: 200, body: { code: 'applied' } });
  });

  it('changes nothing for a replayed event, and tells the customer once', async () => {
    const event = eventBody({ state: 'foc_confirmed', focDate: '2026-03-10' });
    await post(event);
    const before = await statuses.store.read(loa.referenceNumber);

    expect(await post(event)).toMatchObject({ status: 200, body: { code: 'duplicate' } });
    expect(await statuses.store.read(loa.referenceNumber)).toEqual(before);
    expect(backend.messenger.told).toHaveLength(1);
  });

  it('changes nothing for an event older than the current state, whatever its id', async () => {
    const pending = eventBody({ state: 'pending' });
    const confirmed = eventBody({ state: 'foc_confirmed', focDate: '2026-03-10' });
    await post(confirmed);

    expect(await post(pending)).toMatchObject({ status: 200, body: { code: 'outOfOrder' } });
    expect(await post({ ...eventBody({ state: 'completed' }), sequence: confirmed.sequence })).toMatchObject({ body: { code: 'outOfOrder' } });
    expect(await current()).toMatchObject({ progress: 'foc_confirmed', focDate: '2026-03-10' });
    expect(backend.messenger.told.map(({ notice }) => notice.state)).toEqual(['foc_confirmed']);
  });

  it('changes nothing for an event about a version the customer has replaced', async () => {
    await submit(verizonLoa(SIGNED_AT, { previous: loa }));

    expect(await post(eventBody({ state: 'rejected', reasonCode: 'INVALID_PIN' }))).toMatchObject({ status: 200, body: { code: 'superseded' } });
    expect(await current()).toMatchObject({ version: 2, progress: 'received' });
    expect(await post(eventBody({ state: 'submitted', version: 2 }))).toMatchObject({ body: { code: 'applied' } });
    expect(backend.messenger.told.map(({ notice }) => [notice.version, notice.state])).toEqual([[2, 'submitted']]);
  });

  it('answers 503 while the customer cannot be told, keeps the status, and tells them when the event comes again', async () => {
    const event = eventBody({ state: 'completed' });
    backend.messenger.failWith = new Error('connect ECONNREFUSED');

    expect(await post(event)).toMatchObject({ status: 503, body: { code: 'CustomerNotToldYet' } });
    expect(await current()).toMatchObject({ progress: 'completed' });

    backend.messenger.failWith = undefined;
    expect(await post(event)).toMatchObject({ status: 200, body: { code: 'duplicate' } });
    expect(backend.messenger.told.map(({ notice }) => notice.state)).toEqual(['completed']);
    expect(await post(event)).toMatchObject({ status: 200 });
    expect(backend.messenger.told).toHaveLength(1);
  });

  it('tells only the latest state when an earlier one could not be told', async () => {
    backend.messenger.failWith = new Error('timeout');
    await post(eventBody({ state: 'submitted' }));
    backend.messenger.failWith = undefined;

    await post(eventBody({ state: 'foc_confirmed', focDate: '2026-03-10' }));

    expect(backend.messenger.told.map(({ notice }) => notice.state)).toEqual(['foc_confirmed']);
  });

  it('gives up telling a customer whose conversation is gone, without failing the event', async () => {
    const event = eventBody({ state: 'pending' });
    backend.messenger.failWith = new ConversationGoneError('The channel refused the message with status 404.', 404);

    expect(await post(event)).toMatchObject({ status: 200, body: { code: 'applied' } });
    backend.messenger.failWith = undefined;
    await post(event);
    expect(backend.messenger.told).toEqual([]);
  });

  it('never has two instances tell the customer at once; a claim left by a crashed one lapses', async () => {
    const other = instance('instance-b');
    await statuses.store.apply({ ...eventBody({ state: 'pending' }), state: 'pending', referenceNumber: loa.referenceNumber }, 1, clock.read());
    // Instance A claimed the notice and stopped before telling.
    expect(await statuses.store.claimNotice(loa.referenceNumber, 'instance-a', clock.read(), new Date(clock.read().getTime() + 60_000))).toMatchObject({
      kind: 'claimed',
    });

    const replay = { ...(await statuses.store.read(loa.referenceNumber))!.history[0] };
    const again = { ...eventBody({ state: 'pending' }), eventId: replay.eventId, sequence: replay.sequence };
    expect(await post(again, other)).toMatchObject({ status: 503 });
    expect(other.messenger.told).toEqual([]);

    clock.advance(60_001);
    expect(await post(again, other)).toMatchObject({ status: 200, body: { code: 'duplicate' } });
    expect(other.messenger.told.map(({ notice }) => notice.state)).toEqual(['pending']);
  });
});

describe('the status check lookup', () => {
  let storage: BotStorage;
  let outbox: OutboxStore;
  let lookup: PortStatusLookup;
  let loa: Loa;

  beforeEach(async () => {
    storage = await memoryStorage();
    outbox = new OutboxStore(storage);
    lookup = new PortStatusLookup(outbox, new PortStatusStore(storage));
    loa = verizonLoa(SIGNED_AT);
    await new OutboxLoaSubmitter(outbox, () => SIGNED_AT, captureLogs('silent').logger, () => undefined).submit({ loa, contactEmail: VERIZON_CONTACT_EMAIL, conversation: CONVERSATION });
  });

  afterEach(async () => {
    await storage.close();
  });

  it('finds the request only with the ZIP of its service address', async () => {
    expect(await lookup.find(loa.referenceNumber, '94105')).toMatchObject({ referenceNumber: loa.referenceNumber, progress: 'received' });
    expect(await lookup.find(loa.referenceNumber, ' 94105-0001 ')).toBeDefined();
    expect(await lookup.find(loa.referenceNumber, '94104')).toBeUndefined();
    expect(await lookup.find(loa.referenceNumber, 'San Francisco')).toBeUndefined();
    expect(await lookup.find('not a reference', '94105')).toBeUndefined();
  });

  it('tells what the outbox knows before the first event: sent to our team, or refused', async () => {
    const key = entryKey(loa.referenceNumber, 1);
    const entry = (await outbox.readEntry(key))!;
    await outbox.replaceEntry(key, { ...entry.value, status: 'delivered' }, entry.eTag);
    expect(await lookup.find(loa.referenceNumber, ZIP)).toMatchObject({ progress: 'sent', carrier: 'Verizon' });

    const delivered = (await outbox.readEntry(key))!;
    await outbox.replaceEntry(key, { ...delivered.value, status: 'failed' }, delivered.eTag);
    expect(await lookup.find(loa.referenceNumber, ZIP)).toMatchObject({ progress: 'failed' });
  });

  it.each([
    ['62704', '62704-1234', true],
    ['62704-1234', '62704', true],
    ['62705', '62704', false],
    ['k1a0b1', 'K1A 0B1', true],
    ['K1A 0B2', 'K1A 0B1', false],
    ['62704', 'K1A 0B1', false],
  ])('ZIP %s typed against %s on file: %s', (typed, onFile, same) => {
    expect(samePostalCode(typed, onFile)).toBe(same);
  });
});
