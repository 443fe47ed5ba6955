/**
 * The whole conversation as the bot runs it — the real PortingBot and createConversation, state in memory and saved
 * after every turn — driven one activity at a time through a TestAdapter. A second harness on the same storage (same
 * user, new conversation) is a customer coming back after a restart.
 */
import { type Activity, ActivityTypes, ConversationState, MemoryStorage, TestAdapter, type TurnContext, UserState } from 'botbuilder';
import type { BillDeps } from '../../dialogs/billAttachment';
import { createConversation } from '../../dialogs/conversation';
import type { PortingSession } from '../../dialogs/portingSession';
import { isSecretAnswer } from '../../dialogs/secretAnswer';
import { WEB_CHAT_JOIN_EVENT } from '../../src/bot/portingBot';
import { buttonLabels } from '../../dialogs/text/buttonLabels';
import { portScopeText } from '../../dialogs/text/portScopeText';
import { type CsrFieldName, DEFAULT_NUMBERS_POLICY } from '../../src/domain';
import type { Logger } from '../../src/logging';
import type { PortabilityChecker } from '../../src/portability/portabilityChecker';
import { captureLogs } from '../support/captureLogs';
import { pipelinedBot, testTurnPipeline } from '../support/turnPipeline';
import { reviewText } from '../../dialogs/text/reviewText';
import { NOW, RecordingSubmitter, lastCard, memoryForgetter, submitOf } from './cardHarness';
import { ATT_ANSWERS, expectNoSecrets } from '../support/drafts';
import { NEW_CARRIER } from '../support/newCarrier';

export const SUPPORT = { phone: '1-800-555-0100', email: 'porting@example.com' } as const;
export const TTL_DAYS = 30;
const USER_ID = 'user-1';
const BOT_ID = 'bot';

/** The customer opening the chat: a conversationUpdate adding them. */
export const CUSTOMER_JOINS: Partial<Activity> = {
  type: ActivityTypes.ConversationUpdate,
  membersAdded: [{ id: USER_ID, name: 'Customer' }],
};
/** The bot being added to the conversation: not someone to greet. */
export const BOT_JOINS: Partial<Activity> = { type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: BOT_ID, name: 'Porting Assistant' }] };

export interface HarnessOptions {
  readonly storage?: MemoryStorage;
  readonly channelId?: string;
  readonly conversationId?: string;
  /** The clock the conversation sees; NOW by default. */
  readonly now?: () => Date;
  /** The porting provider's portability check; none by default. */
  readonly portability?: PortabilityChecker;
  /** Where the conversation logs; silent by default. */
  readonly logger?: Logger;
  /** Copies of bills attached in the chat; none taken by default. */
  readonly bills?: BillDeps;
}

export interface Turn {
  readonly replies: Partial<Activity>[];
  /** Whether the turn was marked as carrying a secret answer. */
  readonly secret: boolean;
}

export class ConversationHarness {
  readonly storage: MemoryStorage;
  readonly submitter = new RecordingSubmitter();
  /** Every reply of every turn so far, for scanning. */
  readonly transcript: Partial<Activity>[] = [];
  private readonly adapter: TestAdapter;
  private readonly userKey: string;
  private lastTurnSecret = false;

  constructor(options: HarnessOptions = {}) {
    this.storage = options.storage ?? new MemoryStorage();
    const channelId = options.channelId ?? 'test';
    this.userKey = `${channelId}/users/${USER_ID}/`;
    const conversationState = new ConversationState(this.storage);
    const userState = new UserState(this.storage);
    const conversation = createConversation(
      {
        submitter: this.submitter,
        forgetCustomer: memoryForgetter(this.storage, { conversationState, userState }),
        numbersPolicy: DEFAULT_NUMBERS_POLICY,
        supportContact: SUPPORT,
        newCarrier: NEW_CARRIER,
        stateTtlDays: TTL_DAYS,
        clock: options.now ?? (() => NOW),
        logger: options.logger ?? captureLogs('silent').logger,
        portability: options.portability,
        bills: options.bills,
      },
      conversationState,
      userState,
    );
    const bot = pipelinedBot({ conversationState, userState }, conversation, testTurnPipeline({ conversationState, userState }, { logger: options.logger }));
    this.adapter = new TestAdapter(
      async (context: TurnContext) => {
        await bot.run(context);
        this.lastTurnSecret = isSecretAnswer(context);
      },
      {
        channelId,
        conversation: { id: options.conversationId ?? 'conversation-1', isGroup: false, conversationType: 'personal', name: '' },
        from: { id: USER_ID, name: 'Customer', role: 'user' },
        recipient: { id: BOT_ID, name: 'Porting Assistant', role: 'bot' },
        serviceUrl: 'https://test.example',
      },
    );
  }

  /** Sends a message (or any activity) and returns the bot's replies to it. */
  async turn(activity: string | Partial<Activity>): Promise<Turn> {
    this.lastTurnSecret = false;
    // A copy: TestAdapter writes an id into the activity it is given, and a shared one would then repeat an earlier id.
    await this.adapter.receiveActivity(typeof activity === 'string' ? { type: ActivityTypes.Message, text: activity } : { ...activity });
    const replies = this.adapter.activeQueue.splice(0);
    this.transcript.push(...replies);
    expectNoSecrets(replies);
    return { replies, secret: this.lastTurnSecret };
  }

  /** The texts of the bot's replies to `activity`. */
  async say(activity: string | Partial<Activity>): Promise<string[]> {
    return textsOf((await this.turn(activity)).replies);
  }

  /** The customer opens the chat. */
  async join(): Promise<string[]> {
    return this.say(CUSTOMER_JOINS);
  }

  /** Web Chat's join event, sent by the page when the chat opens. */
  async webChatJoin(): Promise<string[]> {
    return this.say({ type: ActivityTypes.Event, name: WEB_CHAT_JOIN_EVENT });
  }

  async session(): Promise<PortingSession | undefined> {
    const items = await this.storage.read([this.userKey]);
    return (items[this.userKey] as { portingSession?: PortingSession } | undefined)?.portingSession;
  }
}

export function textsOf(replies: readonly Partial<Activity>[]): string[] {
  return replies.flatMap((reply) => (reply.text ? [reply.text] : []));
}

/** The button labels offered by the last reply (suggested actions). */
export function buttonsOf(replies: readonly Partial<Activity>[]): string[] {
  return (replies.at(-1)?.suggestedActions?.actions ?? []).map((action) => action.title ?? '');
}

/** A new customer who chooses to start a port and confirms their service is active: the first question comes next. */
export async function reachCollection(harness: ConversationHarness): Promise<string[]> {
  await harness.join();
  await harness.say(buttonLabels.startPort);
  return harness.say(buttonLabels.yes);
}

/**
 * Answers the questions for `fields`, in order, with the AT&T answers. The AT&T numbers are two, on one account and
 * moving whole: asked so (after the numbers, after the carrier), the customer says yes. Returns the replies to the
 * last answer.
 */
export async function answerFields(harness: ConversationHarness, fields: readonly CsrFieldName[]): Promise<Partial<Activity>[]> {
  let replies: Partial<Activity>[] = [];
  for (const field of fields) {
    replies = (await harness.turn(ATT_ANSWERS[field])).replies;
    while (asksAboutTheAccount(replies)) replies = (await harness.turn(buttonLabels.yes)).replies;
  }
  return replies;
}

/** Whether `replies` end with "Are all 2 numbers on one account…?" or "Are you moving every number on this … account?". */
export function asksAboutTheAccount(replies: readonly Partial<Activity>[]): boolean {
  const last = textsOf(replies).at(-1) ?? '';
  return last === portScopeText.sameAccount.question(2) || /^Are you moving every number on this .+ account\?$/.test(last);
}

/**
 * Confirms the review among `review`, then, asked whether AT&T's Wireless Account Lock is off (the check before
 * signing), says yes. Resolves the turn that shows the letter to sign.
 */
export async function confirmReview(harness: ConversationHarness, review: readonly Partial<Activity>[]): Promise<Turn> {
  const lock = await harness.turn(submitOf(lastCard(review), reviewText.card.confirm));
  expect(textsOf(lock.replies).at(-1)).toMatch(/is Wireless Account Lock turned off on your AT&T account\?/);
  return harness.turn(buttonLabels.yes);
}
