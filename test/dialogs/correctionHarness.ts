/**
 * The whole conversation with what follows a signature: the real outbox, the porting backend's events through the
 * real handler (signed like the backend signs them), the status records and the status check, and proactive turns
 * in the customer's own conversation. The TestAdapter stands in for the channel: a proactive turn runs there as a
 * turn of the customer's conversation (the CloudAdapter path is tested with a fake Bot Connector in
 * test/submission/events/proactive.test.ts).
 */
import { randomBytes } from 'node:crypto';
import { type Activity, ActivityTypes, type ConversationReference, ConversationState, TestAdapter, TurnContext, UserState } from 'botbuilder';
import { type Conversation, createConversation } from '../../dialogs/conversation';
import type { HandoffOptions } from '../../dialogs/handoff';
import { EscalationStore } from '../../src/handoff/escalationStore';
import { type PortingSession, newPortingSession } from '../../dialogs/portingSession';
import { type CsrDraft, DEFAULT_NUMBERS_POLICY, type Loa, buildPortRequest, createLoa } from '../../src/domain';
import { ReceiptLinks } from '../../src/hosting/receiptLinks';
import { DataKeyring, parseDataKey } from '../../src/security/dataKeys';
import { customerForgetter } from '../../src/privacy/forgetCustomer';
import type { SweepableStorage } from '../../src/storage/createStorage';
import { OutboxLoaSubmitter, OutboxStore, signBody } from '../../src/submission';
import { type EventsAnswer, type PortStatuses, createPortStatuses, createPortingEvents } from '../../src/submission/events';
import type { PortingEventsHandler } from '../../src/submission/events/portingEventsHandler';
import type { ProactiveMessenger } from '../../src/submission/notifications';
import { captureLogs } from '../support/captureLogs';
import { memoryStorage } from '../support/testStorage';
import { pipelinedBot, testTurnPipeline } from '../support/turnPipeline';
import { NOW } from './cardHarness';
import { SUPPORT, TTL_DAYS } from './conversationHarness';
import { completeAttDraft, expectNoSecrets } from '../support/drafts';
import { NEW_CARRIER } from '../support/newCarrier';

export const EVENTS_SECRET = 'events-secret-shared-with-the-porting-backend-0123';
export const PUBLIC_URL = 'https://porting.example.com';
const CHANNEL = 'test';
const USER = { id: 'user-1', name: 'Customer', role: 'user' };
const BOT = { id: 'bot', name: 'Porting Assistant', role: 'bot' };
const CONVERSATION = { id: 'conversation-1', isGroup: false, conversationType: 'personal', name: '' };

export const testKeyring = () => new DataKeyring(parseDataKey(`test-key:${randomBytes(32).toString('base64')}`));

export interface EventResult {
  readonly answer: EventsAnswer;
  /** What the customer was told in their conversation because of the event. */
  readonly told: Partial<Activity>[];
}

export class CorrectionHarness {
  readonly outbox: OutboxStore;
  readonly statuses: PortStatuses;
  readonly links: ReceiptLinks;
  readonly conversation: Conversation;
  private readonly adapter: TestAdapter;
  private readonly events: PortingEventsHandler;
  private readonly userKey = `${CHANNEL}/users/${USER.id}/`;
  private sequence = 0;
  /** With agents: the agents' channel, where escalation cards are posted. */
  readonly agentsChannel = new TestAdapter();
  escalations?: EscalationStore;

  private constructor(
    readonly storage: SweepableStorage,
    withAgents: boolean,
  ) {
    const clock = () => NOW;
    const logger = captureLogs('silent').logger;
    this.outbox = new OutboxStore(storage);
    this.statuses = createPortStatuses(storage, this.outbox, { logger, clock });
    this.links = new ReceiptLinks({ baseUrl: () => PUBLIC_URL, keyring: testKeyring(), clock });
    const conversationState = new ConversationState(storage);
    const userState = new UserState(storage);
    // A proactive turn: an event activity in the customer's conversation.
    const turns = testTurnPipeline(
      { conversationState, userState },
      { open: (_reference, turn) => this.adapter.processActivity({ type: ActivityTypes.Event, name: 'continueConversation' }, turn), logger },
    );
    this.conversation = createConversation(
      {
        submitter: new OutboxLoaSubmitter(this.outbox, clock, logger, () => undefined),
        forgetCustomer: customerForgetter({ storage, outbox: this.outbox, conversationState, userState, clock }),
        numbersPolicy: DEFAULT_NUMBERS_POLICY,
        supportContact: SUPPORT,
        newCarrier: NEW_CARRIER,
        stateTtlDays: TTL_DAYS,
        clock,
        portStatus: this.statuses.lookup,
        receiptLink: (reference, version) => this.links.linkFor(reference, version),
        handoff: withAgents ? this.handoffToAgents(storage, clock, logger, turns.proactive) : undefined,
        logger,
      },
      conversationState,
      userState,
    );
    const bot = pipelinedBot({ conversationState, userState }, this.conversation, turns);
    this.adapter = new TestAdapter((context: TurnContext) => bot.run(context), {
      channelId: CHANNEL,
      conversation: CONVERSATION,
      from: USER,
      recipient: BOT,
      serviceUrl: 'https://test.example',
    });
    const messenger: ProactiveMessenger = {
      tell: (conversation, notice) => turns.proactive(conversation, (context) => this.conversation.tellCustomer(context, notice)),
    };
    this.events = createPortingEvents({ secret: EVENTS_SECRET, statuses: this.statuses, outbox: this.outbox, messenger, logger, clock });
  }

  /** `withAgents`: people are on hand in an agents' channel (without, asking for one gives the support contact). */
  static async create(withAgents = false): Promise<CorrectionHarness> {
    return new CorrectionHarness(await memoryStorage(), withAgents);
  }

  private handoffToAgents(
    storage: SweepableStorage,
    clock: () => Date,
    logger: ReturnType<typeof captureLogs>['logger'],
    customerTurn: HandoffOptions['customerTurn'],
  ): HandoffOptions {
    this.escalations = new EscalationStore(storage, clock);
    return {
      store: this.escalations,
      open: (reference, turn) =>
        this.agentsChannel.processActivity({ ...TurnContext.applyConversationReference({ type: ActivityTypes.Event, name: 'continueConversation' }, reference as Partial<ConversationReference>, true) }, turn),
      customerTurn,
      teamsChannel: { channelId: 'msteams', serviceUrl: 'https://teams.test', conversation: { id: '19:agents@thread.tacv2' } },
      agents: { allowedUserIds: [], maxWaitMinutes: 10, expectedWaitMinutes: 4 },
      reportError: (error) => logger.error({ err: error }, 'agents channel'),
    };
  }

  close(): Promise<void> {
    return this.storage.close();
  }

  /** Sends a message (or any activity) and returns the bot's replies to it, checking that none shows a secret. */
  async turn(activity: string | Partial<Activity>): Promise<Partial<Activity>[]> {
    // A copy: TestAdapter writes an id into the activity it is given, and a shared one would then repeat an earlier id.
    await this.adapter.receiveActivity(typeof activity === 'string' ? { type: ActivityTypes.Message, text: activity } : { ...activity });
    return this.replies();
  }

  async say(activity: string | Partial<Activity>): Promise<string[]> {
    return textsOf(await this.turn(activity));
  }

  /**
   * The customer joined this conversation and signed `draft` (the AT&T draft by default) there, and it went into the
   * outbox: their session holds the signed letter, as the sign dialog leaves it, and the menu is on screen.
   */
  async signed(draft: CsrDraft = completeAttDraft()): Promise<Loa> {
    await this.turn({ type: ActivityTypes.ConversationUpdate, membersAdded: [USER] });
    const built = buildPortRequest(draft);
    if (!built.ok) throw new Error(`the test draft is incomplete: ${JSON.stringify(built.problems)}`);
    const loa = createLoa(built.request, { signerName: 'Maria Lopez', signedAt: NOW, channel: CHANNEL }, { newCarrier: NEW_CARRIER });
    const reference = TurnContext.getConversationReference({
      channelId: CHANNEL,
      conversation: CONVERSATION,
      from: USER,
      recipient: BOT,
      serviceUrl: 'https://test.example',
    });
    await new OutboxLoaSubmitter(this.outbox, () => NOW, captureLogs('silent').logger, () => undefined).submit({ loa, contactEmail: draft.contactEmail ?? 'maria@example.com', conversation: { ...reference } });
    // As the sign dialog leaves it: the PIN went with the submission alone, so neither the draft nor the letter keeps it.
    const { pin: _letterPin, ...signedLoa } = loa;
    const { pin: _draftPin, ...unsigned } = draft;
    const session: PortingSession = { ...newPortingSession(NOW), draft: unsigned, stage: 'signed', signedLoa, submittedReferences: [loa.referenceNumber] };
    await this.storage.write({ [this.userKey]: { portingSession: session } });
    return loa;
  }

  /** The porting backend posts an event about `loa` (signed with the shared secret); the next sequence number by default. */
  async event(loa: Loa, fields: Record<string, unknown>): Promise<EventResult> {
    this.sequence += 1;
    const body = {
      eventId: `evt-${this.sequence}`,
      referenceNumber: loa.referenceNumber,
      version: loa.version,
      sequence: this.sequence,
      occurredAt: NOW.toISOString(),
      ...fields,
    };
    return this.post(JSON.stringify(body));
  }

  /** Posts a raw body, signed correctly unless a signature is given. */
  async post(raw: string, signature: string | undefined = signBody(raw, EVENTS_SECRET)): Promise<EventResult> {
    const answer = await this.events.handle(Buffer.from(raw), signature);
    return { answer, told: this.replies() };
  }

  async session(): Promise<PortingSession | undefined> {
    const items = await this.storage.read([this.userKey]);
    return (items[this.userKey] as { portingSession?: PortingSession } | undefined)?.portingSession;
  }

  private replies(): Partial<Activity>[] {
    const replies = this.adapter.activeQueue.splice(0);
    expectNoSecrets(replies);
    return replies;
  }
}

export function textsOf(replies: readonly Partial<Activity>[]): string[] {
  return replies.flatMap((reply) => (reply.text ? [reply.text] : []));
}

/** The buttons of a reply: suggested actions, or a hero card's buttons (Teams). */
export function buttonsOf(reply: Partial<Activity> | undefined): string[] {
  const suggested = reply?.suggestedActions?.actions ?? [];
  return suggested.map((action) => action.title ?? '');
}
