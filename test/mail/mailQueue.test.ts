/**
 * The mail queue and its worker on the application's own storage, with a transport that records what it is handed:
 * each message is sent once however often it is queued, a refusal for now is retried, one for good is not, a message
 * too old to be news is dropped, two instances never send one message twice, and "delete my data" drops a customer's
 * messages. Then what a failed send means, the HTML's escaping, and email switched off.
 */
import { createMailService } from '../../src/mail/createMailService';
import { escapeHtml, renderEmail } from '../../src/mail/emailLayout';
import { MailQueue, type MailRequest } from '../../src/mail/mailQueue';
import { MailStore, type QueuedMail, ledgerKey } from '../../src/mail/mailStore';
import { type MailTransport, type SendOutcome, failureOutcome } from '../../src/mail/mailTransport';
import { MailWorker, type MailWorkerOptions } from '../../src/mail/mailWorker';
import type { SweepableStorage } from '../../src/storage/createStorage';
import { captureLogs } from '../support/captureLogs';
import { memoryStorage } from '../support/testStorage';

const REFERENCE = 'PA-7KX4-M9Q2-TDX';
const request = (id: string, reference = REFERENCE): MailRequest => ({
  reference,
  id,
  to: 'maria@example.com',
  content: { subject: `About ${reference}`, text: 'Hello', html: '<p>Hello</p>' },
});

/** Hands out the outcomes it is given, in order (then 'sent'), and records every message it was handed. */
class RecordingTransport implements MailTransport {
  readonly handed: QueuedMail[] = [];
  constructor(private readonly outcomes: SendOutcome[] = []) {}

  async send(mail: QueuedMail): Promise<SendOutcome> {
    this.handed.push(mail);
    // Another worker gets a chance to step in while this one "talks to the server".
    await new Promise((resolve) => setTimeout(resolve, 5));
    return this.outcomes.shift() ?? { kind: 'sent' };
  }

  async close(): Promise<void> {}

  sentIds(): string[] {
    return this.handed.map((mail) => mail.id);
  }
}

describe('the mail queue and its worker', () => {
  let storage: SweepableStorage;
  let store: MailStore;
  let now: number;
  const clock = () => new Date(now);

  beforeEach(async () => {
    storage = await memoryStorage();
    store = new MailStore(storage);
    now = Date.parse('2025-11-27T09:30:00.000Z');
  });

  afterEach(() => storage.close());

  function worker(transport: MailTransport, options: Partial<MailWorkerOptions> = {}): MailWorker {
    return new MailWorker(store, transport, clock, captureLogs('silent').logger, {
      retry: { baseMs: 1_000, maxMs: 60_000 },
      leaseMs: 60_000,
      random: () => 1,
      ...options,
    });
  }
  const queue = () => new MailQueue(store, clock, captureLogs('silent').logger, () => undefined);

  it('sends a message once, however often it is queued, before or after it went', async () => {
    const transport = new RecordingTransport();
    const sender = worker(transport);
    await queue().enqueue(request('signed-v1'));
    await queue().enqueue(request('signed-v1'));
    expect(Object.keys(await store.queued())).toEqual([`${REFERENCE}/signed-v1`]);

    await sender.runOnce();
    await queue().enqueue(request('signed-v1'));
    await sender.runOnce();

    expect(transport.sentIds()).toEqual(['signed-v1']);
    expect(await store.queued()).toEqual({});
    expect(await store.isSettled(REFERENCE, 'signed-v1')).toBe(true);
  });

  it('retries a refusal for now after its backoff, and sends nothing more once it went', async () => {
    const transport = new RecordingTransport([{ kind: 'retry', reason: '451 try again later' }]);
    const sender = worker(transport);
    await queue().enqueue(request('status-v1-completed'));

    expect(await sender.runOnce()).toBe(1_000);
    expect(Object.values(await store.queued())).toEqual([
      expect.objectContaining({ attempts: 1, lastError: '451 try again later', nextAttemptAt: new Date(now + 1_000).toISOString() }),
    ]);
    expect(Object.values(await store.queued())[0]).not.toHaveProperty('claimedBy');
    await sender.runOnce();
    expect(transport.handed).toHaveLength(1);

    now += 1_000;
    await sender.runOnce();
    expect(transport.handed).toHaveLength(2);
    expect(await store.queued()).toEqual({});
  });

  it('drops a message refused for good, and one too old to be news, without trying again', async () => {
    const transport = new RecordingTransport([{ kind: 'refused', reason: 'EENVELOPE 550: no such mailbox' }]);
    const sender = worker(transport, { maxAgeMs: 60 * 60_000 });
    await queue().enqueue(request('signed-v1'));
    await sender.runOnce();

    await queue().enqueue(request('status-v1-submitted', 'PA-2222-3333-444'));
    now += 2 * 60 * 60_000;
    await sender.runOnce();

    expect(transport.sentIds()).toEqual(['signed-v1']);
    expect(await store.queued()).toEqual({});
    const ledger = async (reference: string) => (await storage.read([ledgerKey(reference)]))[ledgerKey(reference)] as { messages: Record<string, { outcome: string }> };
    expect((await ledger(REFERENCE)).messages['signed-v1']?.outcome).toBe('refused');
    expect((await ledger('PA-2222-3333-444')).messages['status-v1-submitted']?.outcome).toBe('expired');
  });

  it('lets two instances share the queue without sending any message twice', async () => {
    const transport = new RecordingTransport();
    const first = worker(transport, { workerId: 'first' });
    const second = worker(transport, { workerId: 'second' });
    const ids = Array.from({ length: 12 }, (_, n) => `status-v1-news${n}`);
    await Promise.all(ids.map((id) => queue().enqueue(request(id))));

    // Each instance runs one pass at a time (see WakeableLoop); the two run at once, twice over.
    await Promise.all([first.runOnce(), second.runOnce()]);
    await Promise.all([first.runOnce(), second.runOnce()]);

    expect(transport.sentIds().sort()).toEqual([...ids].sort());
    expect(await store.queued()).toEqual({});
  });

  it('forgets the messages about a customer\'s requests: queued ones are never sent, and their ledgers go', async () => {
    const transport = new RecordingTransport();
    const sender = worker(transport);
    await queue().enqueue(request('signed-v1', 'PA-AAAA-BBBB-CCC'));
    await sender.runOnce();
    await queue().enqueue(request('status-v1-submitted', 'PA-AAAA-BBBB-CCC'));
    await queue().enqueue(request('signed-v1', 'PA-DDDD-EEEE-FFF'));

    await store.forget(['PA-AAAA-BBBB-CCC']);
    await sender.runOnce();

    expect(transport.handed.map((mail) => `${mail.reference}/${mail.id}`)).toEqual(['PA-AAAA-BBBB-CCC/signed-v1', 'PA-DDDD-EEEE-FFF/signed-v1']);
    expect(await storage.read([ledgerKey('PA-AAAA-BBBB-CCC')])).toEqual({});
  });

  it('hands an abandoned send back at once when stopped', async () => {
    let release = () => undefined as void;
    const transport: MailTransport = {
      send: (_mail, signal) =>
        new Promise<SendOutcome>((resolve) => {
          release = () => resolve({ kind: 'retry', reason: 'EABORT: aborted' });
          signal.addEventListener('abort', () => release());
        }),
      close: async () => undefined,
    };
    const sender = worker(transport);
    await queue().enqueue(request('signed-v1'));
    sender.start();
    await new Promise((resolve) => setTimeout(resolve, 50));

    await sender.stop();

    expect(Object.values(await store.queued())).toEqual([expect.objectContaining({ attempts: 0 })]);
    expect(Object.values(await store.queued())[0]).not.toHaveProperty('claimedBy');
  });
});

describe('what a failed send means', () => {
  const failure = (fields: Record<string, unknown>, message = 'failed') => Object.assign(new Error(message), fields);

  it('is final only for a permanent reply to the message, never for a refused login or a server that is down', () => {
    expect(failureOutcome(failure({ code: 'EENVELOPE', responseCode: 550, permanent: true }))).toMatchObject({ kind: 'refused' });
    expect(failureOutcome(failure({ code: 'EMESSAGE', responseCode: 451, permanent: false }))).toMatchObject({ kind: 'retry' });
    expect(failureOutcome(failure({ code: 'EAUTH', responseCode: 535, permanent: true }))).toMatchObject({ kind: 'retry' });
    expect(failureOutcome(failure({ code: 'ESOCKET', originalCode: 'ECONNREFUSED' }))).toMatchObject({ kind: 'retry' });
  });

  it('keeps no address or digits of the customer in its reason', () => {
    const outcome = failureOutcome(failure({ code: 'EENVELOPE', responseCode: 550, permanent: true }, '550 5.1.1 <maria.lopez@example.com>: user 555444333222 unknown'));

    expect(outcome).toEqual({ kind: 'refused', reason: 'EENVELOPE 550: [digits removed] <<address>>: user [digits removed] unknown' });
  });
});

describe('the email layout', () => {
  it('says the same in text and HTML, escaping what customers typed', () => {
    const content = renderEmail({
      subject: 'Hi',
      paragraphs: ['Hello <b>Maria</b> & co,\nsecond line', { text: 'Your letter:', label: 'open it', url: 'https://example.com/a?b=1&c="2"' }],
    });

    expect(content.text).toBe('Hello <b>Maria</b> & co,\nsecond line\n\nYour letter:\nhttps://example.com/a?b=1&c="2"\n');
    expect(content.html).toContain('<p>Hello &lt;b&gt;Maria&lt;/b&gt; &amp; co,<br>second line</p>');
    expect(content.html).toContain('<p>Your letter: <a href="https://example.com/a?b=1&amp;c=&quot;2&quot;">open it</a></p>');
    expect(escapeHtml(`'`)).toBe('&#39;');
  });
});

describe('email switched off', () => {
  it('is said at start-up, and nothing is made to send it', async () => {
    const storage = await memoryStorage();
    const logs = captureLogs('info');

    expect(createMailService({ kind: 'off' }, { storage, logger: logs.logger })).toBeUndefined();
    expect(logs.entries()).toEqual([expect.objectContaining({ level: 40, msg: expect.stringMatching(/^email is off: SMTP_URL is not set/) })]);
    await storage.close();
  });
});
