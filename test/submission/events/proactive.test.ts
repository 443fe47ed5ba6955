/**
 * The porting backend's events through the real server, and the customer told through the real CloudAdapter: the
 * stored conversation reference's serviceUrl is a fake Bot Connector on 127.0.0.1, where the proactive messages must
 * arrive, in the customer's own conversation.
 */
import { gzipSync } from 'node:zlib';
import { ConversationState, UserState } from 'botbuilder';
import { createConversation } from '../../../dialogs/conversation';
import { type PortingSession, newPortingSession } from '../../../dialogs/portingSession';
import { buttonLabels } from '../../../dialogs/text/buttonLabels';
import { correctionText } from '../../../dialogs/text/correctionText';
import { parseConfig } from '../../../src/config';
import { DEFAULT_NUMBERS_POLICY, type Loa, rejectionReason } from '../../../src/domain';
import { PORTING_EVENTS_PATH, portingEventsRoute } from '../../../src/hosting/portingEventsRoute';
import { createConversationOpener } from '../../../src/hosting/conversationOpener';
import { createProactiveMessenger } from '../../../src/hosting/proactive';
import { type RunningServer, startServer } from '../../../src/hosting/server';
import { customerForgetter } from '../../../src/privacy/forgetCustomer';
import type { BotStorage } from '../../../src/storage/createStorage';
import { OutboxLoaSubmitter, OutboxStore, SIGNATURE_HEADER, signBody } from '../../../src/submission';
import { createPortStatuses, createPortingEvents } from '../../../src/submission/events';
import { type PortNotice, noticeText } from '../../../src/submission/notifications';
import { completeVerizonDraft } from '../../support/drafts';
import { captureLogs } from '../../support/captureLogs';
import { FakeConnector } from '../../support/fakeConnector';
import { memoryStorage } from '../../support/testStorage';
import { VERIZON_CONTACT_EMAIL, verizonLoa } from '../support/loas';
import { pipelinedBot, testTurnPipeline } from '../../support/turnPipeline';

const SECRET = 'events-secret-shared-with-the-porting-backend-0123';
const SUPPORT = { phone: '1-800-555-0100' };
const SIGNED_AT = new Date('2026-03-02T15:04:05.000Z');
const USER = { id: 'user-1', name: 'Customer', role: 'user' };
const BOT = { id: 'bot', name: 'Porting Assistant', role: 'bot' };

describe('porting events over HTTP, told to the customer through the Bot Connector', () => {
  const connector = new FakeConnector();
  let storage: BotStorage;
  let server: RunningServer;
  let loa: Loa;
  let sequence = 0;
  let connectorUrl: string;

  const post = (raw: string | Buffer, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${PORTING_EVENTS_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signBody(raw, SECRET), ...headers },
      body: raw,
    });

  const event = (fields: Record<string, unknown>) => {
    sequence += 1;
    return JSON.stringify({
      eventId: `evt-${sequence}`,
      referenceNumber: loa.referenceNumber,
      version: 1,
      sequence,
      occurredAt: '2026-03-03T10:00:00Z',
      ...fields,
    });
  };

  const notice = (state: PortNotice['state'], extra: Partial<PortNotice> = {}): PortNotice => ({
    referenceNumber: loa.referenceNumber,
    version: 1,
    state,
    carrier: 'Verizon',
    numbers: loa.numbers,
    ...extra,
  });

  const session = async () => {
    const key = 'webchat/users/user-1/';
    return ((await storage.read([key]))[key] as { portingSession?: PortingSession } | undefined)?.portingSession;
  };

  beforeAll(async () => {
    connectorUrl = await connector.listen();
    storage = await memoryStorage();
    const logger = captureLogs('silent').logger;
    const config = parseConfig({ PORT: '0', PORTING_WEBHOOK_SECRET: SECRET });
    const outbox = new OutboxStore(storage);
    const statuses = createPortStatuses(storage, outbox, { logger, clock: () => SIGNED_AT });
    const conversationState = new ConversationState(storage);
    const userState = new UserState(storage);
    const submitter = new OutboxLoaSubmitter(outbox, () => SIGNED_AT, logger, () => undefined);
    const conversation = createConversation(
      {
        submitter,
        forgetCustomer: customerForgetter({ storage, outbox, conversationState, userState, clock: () => SIGNED_AT }),
        numbersPolicy: DEFAULT_NUMBERS_POLICY,
        supportContact: SUPPORT,
        newCarrier: config.newCarrier,
        stateTtlDays: 30,
        portStatus: statuses.lookup,
        clock: () => SIGNED_AT,
        logger,
      },
      conversationState,
      userState,
    );
    const turns = testTurnPipeline({ conversationState, userState }, { open: createConversationOpener(config.bot), logger });
    const messenger = createProactiveMessenger(turns.proactive, conversation.tellCustomer);
    const events = createPortingEvents({ secret: SECRET, statuses, outbox, messenger, logger });
    server = await startServer(config, {
      bot: pipelinedBot({ conversationState, userState }, conversation, turns),
      storage,
      logger,
      routes: [portingEventsRoute(events, config.server.maxBodyBytes)],
    });

    // The customer signed in their Web Chat conversation; the outbox holds its reference, their session the letter.
    loa = verizonLoa(SIGNED_AT);
    // Stored as the signing turn left it: naming the activity the customer signed with.
    const reference = { channelId: 'webchat', serviceUrl: connectorUrl, conversation: { id: 'conversation-7' }, user: USER, bot: BOT, activityId: 'signing-activity' };
    await submitter.submit({ loa, contactEmail: VERIZON_CONTACT_EMAIL, conversation: reference });
    const signed: PortingSession = {
      ...newPortingSession(SIGNED_AT),
      draft: completeVerizonDraft(),
      stage: 'signed',
      signedLoa: loa,
      submittedReferences: [loa.referenceNumber],
    };
    await storage.write({ 'webchat/users/user-1/': { portingSession: signed } });
  });

  afterAll(async () => {
    await server.close();
    await storage.close();
    await connector.close();
  });

  beforeEach(() => {
    connector.received.length = 0;
  });

  it('tells the customer each state in their own conversation: the date, the test tip, the reason and the fix', async () => {
    for (const fields of [{ state: 'submitted' }, { state: 'pending' }, { state: 'foc_confirmed', focDate: '2026-03-10' }, { state: 'completed' }]) {
      const answer = await post(event(fields));
      expect({ status: answer.status, body: await answer.json() }).toMatchObject({ status: 200, body: { code: 'applied' } });
    }
    const rejected = await post(event({ state: 'rejected', reasonCode: 'INVALID_ADDRESS' }));
    expect(rejected.status).toBe(200);

    expect(connector.received.map(({ conversationId }) => conversationId)).toEqual(Array(5).fill('conversation-7'));
    expect(connector.received.map(({ activity }) => activity.text)).toEqual([
      noticeText.submitted(notice('submitted')),
      noticeText.pending(notice('pending')),
      noticeText.foc_confirmed(notice('foc_confirmed', { focDate: '2026-03-10' })),
      noticeText.completed(notice('completed')),
      `${noticeText.rejected(notice('rejected', { reason: rejectionReason('INVALID_ADDRESS') }))}\n\n${correctionText.invite(['Service address'])}`,
    ]);
    expect(connector.received[2].activity.text).toContain('Tuesday, March 10, 2026');
    expect(connector.received[3].activity.text).toContain('make a call and receive one, then send a text and receive one');
    // Sent outside the customer's turn, so replying to none of their messages (Web Chat would hold a reply back until it
    // had shown the message replied to).
    expect(connector.received.map(({ activity }) => activity.replyToId)).toEqual(Array(5).fill(undefined));
    const last = connector.received[4].activity;
    expect(last).toMatchObject({ type: 'message', from: { id: 'bot' }, recipient: { id: 'user-1' } });
    expect(last.suggestedActions?.actions.map((action) => action.title)).toEqual([buttonLabels.fixNow]);
    expect(await session()).toMatchObject({ stage: 'correcting', correction: { fields: ['serviceAddress'], begun: false } });

    const cancelled = await post(event({ state: 'cancelled' }));
    expect(cancelled.status).toBe(200);
    expect(connector.received.at(-1)?.activity.text).toBe(noticeText.cancelled(notice('cancelled')));
    expect((await session())?.correction).toBeUndefined();
  });

  it('checks the signature over the exact bytes received: 401 when missing or wrong', async () => {
    const raw = event({ state: 'pending' });

    expect((await post(raw, { [SIGNATURE_HEADER]: '' })).status).toBe(401);
    const forged = await post(raw, { [SIGNATURE_HEADER]: signBody(raw, 'a-different-secret-of-the-same-sort-0123456789') });
    expect(forged.status).toBe(401);
    expect(await forged.json()).toEqual({ code: 'InvalidSignature', message: expect.stringContaining(SIGNATURE_HEADER) });
    expect(connector.received).toEqual([]);

    // Spacing and characters outside ASCII are the backend's to choose: the signature covers them as sent.
    const pretty = Buffer.from(JSON.stringify({ ...JSON.parse(event({ state: 'pending' })), eventId: 'évènement-№1' }, null, 2), 'utf8');
    expect((await post(pretty)).status).toBe(200);
  });

  it('gives up on a conversation the channel says is gone, and asks the backend to retry while the channel is busy', async () => {
    connector.script.push(404);
    const gone = await post(event({ state: 'pending' }));
    expect({ status: gone.status, body: await gone.json() }).toMatchObject({ status: 200, body: { code: 'applied' } });

    // 429 without Retry-After: the connector client does not retry it itself (it does retry 5xx a few times).
    connector.script.push(429);
    const raw = event({ state: 'foc_confirmed', focDate: '2026-03-11' });
    const failed = await post(raw);
    expect({ status: failed.status, body: await failed.json() }).toMatchObject({ status: 503, body: { code: 'CustomerNotToldYet' } });
    expect(connector.received).toEqual([]);

    const retried = await post(raw);
    expect({ status: retried.status, body: await retried.json() }).toMatchObject({ status: 200, body: { code: 'duplicate' } });
    expect(connector.received.map(({ activity }) => activity.text)).toEqual([noticeText.foc_confirmed(notice('foc_confirmed', { focDate: '2026-03-11' }))]);
  });

  it('refuses a compressed body (415) and one over MAX_BODY_BYTES (413) before reading it as an event', async () => {
    const raw = event({ state: 'pending' });
    const zipped = gzipSync(raw);
    expect((await post(zipped, { 'content-encoding': 'gzip', [SIGNATURE_HEADER]: signBody(zipped, SECRET) })).status).toBe(415);
    const huge = JSON.stringify({ ...JSON.parse(raw), padding: 'x'.repeat(300 * 1024) });
    expect((await post(huge)).status).toBe(413);
    expect(connector.received).toEqual([]);
  });
});
