/**
 * Runs one of the card dialogs the way the bot does — on the stack of a root that handles interruptions, conversation
 * and user state in memory, saved after every turn — and submits its cards the way Web Chat does: the action's data
 * merged with the card's input values.
 */
import { type Activity, AutoSaveStateMiddleware, ConversationState, MemoryStorage, type StoreItems, UserState } from 'botbuilder';
import type { Dialog } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import { CardActions } from '../../dialogs/cardActions';
import type { ConversationDeps } from '../../dialogs/conversationDeps';
import { InterruptibleDialog } from '../../dialogs/interruptibleDialog';
import { type PortingSession, newPortingSession } from '../../dialogs/portingSession';
import { captureLogs } from '../support/captureLogs';
import { PortingSessionStore } from '../../dialogs/sessionStore';
import { type CsrDraft, DEFAULT_NUMBERS_POLICY } from '../../src/domain';
import { type CustomerForgetter, customerForgetter } from '../../src/privacy/forgetCustomer';
import type { BotStorage } from '../../src/storage/createStorage';
import { OutboxStore } from '../../src/submission/outbox/outboxStore';
import type { LoaSubmitter, SignedLoaSubmission, SubmissionReceipt } from '../../src/submission/loaSubmitter';
import { expectNoSecrets } from '../support/drafts';
import { NEW_CARRIER } from '../support/newCarrier';

type Json = Record<string, unknown>;

export const NOW = new Date('2026-03-02T15:04:05.000Z');
const CHANNEL = 'test';
/** Where UserState keeps the state of the user DialogTestClient's TestAdapter sends as (User1). */
const USER_KEY = `${CHANNEL}/users/user1/`;

/** Records every hand-over, as the real submitter would receive it. */
export class RecordingSubmitter implements LoaSubmitter {
  readonly submissions: SignedLoaSubmission[] = [];

  async submit(signed: SignedLoaSubmission): Promise<SubmissionReceipt> {
    this.submissions.push(signed);
    return { referenceNumber: signed.loa.referenceNumber, version: signed.loa.version, acceptedAt: NOW.toISOString() };
  }
}

/**
 * "Delete my data" as the application does it, over a harness's memory storage. Its outbox stays empty (the
 * harnesses' submitters only record), so forgetting the customer deletes their states.
 */
export function memoryForgetter(storage: MemoryStorage, states: { conversationState: ConversationState; userState: UserState }): CustomerForgetter {
  const botStorage: BotStorage = {
    read: (keys) => storage.read(keys),
    write: (changes) => storage.write(changes),
    delete: (keys) => storage.delete(keys),
    ping: async () => undefined,
    close: async () => undefined,
  };
  return customerForgetter({ storage: botStorage, outbox: new OutboxStore(botStorage), ...states, clock: () => NOW });
}

/**
 * The dialog under test as the conversation's root holds it (help, cancel and the other interruptions are the root's):
 * a root that begins it and ends with it, the default way of InterruptibleDialog.
 */
class RootOf extends InterruptibleDialog {
  constructor(dialog: Dialog, deps: ConversationDeps, cards: CardActions) {
    super('testRoot', deps, dialog.id, cards);
    this.addDialog(dialog);
  }
}

export interface Harness {
  client: DialogTestClient;
  submitter: RecordingSubmitter;
  /** Sends one activity and returns every reply to it. */
  send(activity: Partial<Activity> | string): Promise<Partial<Activity>[]>;
  session(): Promise<PortingSession | undefined>;
}

/**
 * Starts `dialog` (built from the harness's deps and card guard) for a customer whose draft is `draft`; `earlier`
 * seeds the rest of their session (a previously signed LOA, say).
 */
export async function startHarness(
  makeDialog: (deps: ConversationDeps, cards: CardActions) => Dialog,
  draft: CsrDraft = {},
  earlier: Partial<PortingSession> = {},
): Promise<Harness> {
  const storage = new MemoryStorage();
  const session: PortingSession = { ...newPortingSession(NOW), draft, ...earlier };
  await storage.write({ [USER_KEY]: { portingSession: session } });
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const submitter = new RecordingSubmitter();
  const deps: ConversationDeps = {
    sessions: new PortingSessionStore(userState, () => NOW, 30, captureLogs('silent').logger),
    submitter,
    forgetCustomer: memoryForgetter(storage, { conversationState, userState }),
    clock: () => NOW,
    numbersPolicy: DEFAULT_NUMBERS_POLICY,
    prefersForm: () => true,
    supportContact: { phone: '1-800-555-0100' },
    newCarrier: NEW_CARRIER,
  };
  const cards = new CardActions(conversationState);
  const root = new RootOf(makeDialog(deps, cards), deps, cards);
  const client = new DialogTestClient(CHANNEL, root, undefined, [new AutoSaveStateMiddleware(userState)], conversationState);

  const send = async (activity: Partial<Activity> | string): Promise<Partial<Activity>[]> => {
    const replies: Partial<Activity>[] = [];
    for (let reply = await client.sendActivity(activity); reply !== undefined; reply = client.getNextReply()) replies.push(reply);
    // Whatever the bot says, it never repeats a secret in full.
    expectNoSecrets(replies);
    return replies;
  };
  const readSession = async () => {
    const items: StoreItems = await storage.read([USER_KEY]);
    return (items[USER_KEY] as { portingSession?: PortingSession } | undefined)?.portingSession;
  };
  return { client, submitter, send, session: readSession };
}

/** The Adaptive Card in a reply, if it carries one. */
export function cardIn(reply: Partial<Activity>): Json | undefined {
  const attachment = reply.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
  return attachment?.content as Json | undefined;
}

/** The last card among the replies; fails the test when there is none. */
export function lastCard(replies: readonly Partial<Activity>[]): Json {
  const card = replies.map(cardIn).filter((c): c is Json => c !== undefined).at(-1);
  if (!card) throw new Error(`no card in replies: ${JSON.stringify(replies.map((r) => r.text))}`);
  return card;
}

export function textsOf(replies: readonly Partial<Activity>[]): string[] {
  return replies.flatMap((reply) => (reply.text ? [reply.text] : []));
}

function allObjects(value: unknown): Json[] {
  if (Array.isArray(value)) return value.flatMap(allObjects);
  if (value === null || typeof value !== 'object') return [];
  return [value as Json, ...Object.values(value as Json).flatMap(allObjects)];
}

export function cardInput(card: Json, id: string): Json | undefined {
  return allObjects(card).find((o) => typeof o.type === 'string' && o.type.startsWith('Input.') && o.id === id);
}

export function cardTexts(card: Json): string[] {
  return allObjects(card)
    .filter((o) => o.type === 'TextBlock')
    .map((o) => String(o.text));
}

/** The rows of every fact set on the card (the review's summary, the letter's details), in order. */
export function cardFacts(card: Json): { title: string; value: string }[] {
  return allObjects(card)
    .filter((o) => o.type === 'FactSet')
    .flatMap((o) => o.facts as { title: string; value: string }[]);
}

/**
 * What pressing the card's button titled `title` sends: as in Web Chat, the action's data merged with the value of
 * every input on the card (what it was pre-filled with, unless `typed` changes it).
 */
export function submitOf(card: Json, title: string, typed: Record<string, string> = {}): Partial<Activity> {
  const action = allObjects(card).find((o) => o.type === 'Action.Submit' && o.title === title);
  if (!action) throw new Error(`no button "${title}" on the card`);
  const inputs = action.associatedInputs === 'none' ? [] : allObjects(card).filter((o) => typeof o.type === 'string' && o.type.startsWith('Input.'));
  const shown = Object.fromEntries(inputs.map((input) => [String(input.id), typeof input.value === 'string' ? input.value : '']));
  return { type: 'message', value: { ...shown, ...typed, ...(action.data as Json) } };
}
