/**
 * Escalations and their indexes in the bot's storage, changed only by compare-and-set (casRecords.ts), so that
 * several bot instances share one queue: two agents taking one chat at once cannot both get it, and a customer
 * asking twice gets one escalation.
 *
 * Keys: `handoff/escalations/<id>`; `handoff/queue` (the escalations no agent has yet, oldest first);
 * `handoff/customers/<conversation>` and `handoff/agents/<conversation>` (which escalation a customer's or an agent's
 * conversation is in); `handoff/consoles` (the conversations that joined the agents' console).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { BotStorage } from '../storage/createStorage';
import { CasRecords } from '../storage/casRecords';
import { type AssignedAgent, type Escalation, type StoredReference, escalationSchema } from './escalation';

const ESCALATION_PREFIX = 'handoff/escalations/';
const QUEUE_KEY = 'handoff/queue';
const CUSTOMER_PREFIX = 'handoff/customers/';
const AGENT_PREFIX = 'handoff/agents/';
const CONSOLES_KEY = 'handoff/consoles';
/** Claims of one customer's pointer lost in a row: more than a customer asking twice at once can cause. */
const MAX_CLAIM_ATTEMPTS = 10;
/** A console is posted to for this long after it joined; joining again (reloading the page does) renews it. */
const CONSOLE_LIFETIME_MS = 12 * 60 * 60 * 1000;

const queueSchema = z.object({ ids: z.array(z.string()) });
const pointerSchema = z.object({ escalationId: z.string() });
const consolesSchema = z.object({
  conversations: z.array(z.object({ key: z.string(), reference: z.record(z.string(), z.unknown()), joinedAt: z.string() })),
});

export type NewEscalation = Omit<Escalation, 'id' | 'state' | 'waitNoticeSent' | 'hubPosts'>;

/** What a takeover attempt found. */
export type TakeOutcome =
  | { readonly kind: 'taken'; readonly escalation: Escalation }
  | { readonly kind: 'alreadyTaken'; readonly by: string }
  | { readonly kind: 'gone' };

export class EscalationStore {
  private readonly escalations: CasRecords<Escalation>;
  private readonly queueRecord: CasRecords<z.infer<typeof queueSchema>>;
  private readonly pointers: CasRecords<z.infer<typeof pointerSchema>>;
  private readonly consoleRecord: CasRecords<z.infer<typeof consolesSchema>>;

  constructor(
    private readonly storage: BotStorage,
    private readonly clock: () => Date,
  ) {
    this.escalations = new CasRecords(storage, escalationSchema);
    this.queueRecord = new CasRecords(storage, queueSchema);
    this.pointers = new CasRecords(storage, pointerSchema);
    this.consoleRecord = new CasRecords(storage, consolesSchema);
  }

  /**
   * Opens an escalation for the customer's conversation and puts it at the back of the queue; when the conversation
   * already has one, that one is returned instead (`created` false).
   */
  async open(customerKey: string, fields: NewEscalation): Promise<{ escalation: Escalation; created: boolean }> {
    const existing = await this.forCustomer(customerKey);
    if (existing) return { escalation: existing, created: false };
    const escalation: Escalation = { ...fields, id: randomUUID(), state: 'waiting', waitNoticeSent: false, hubPosts: [] };
    // Written before the customer's pointer is claimed, so that an open losing the claim finds the winner's escalation.
    await this.escalations.write(ESCALATION_PREFIX + escalation.id, escalation, undefined);
    const pointerKey = CUSTOMER_PREFIX + customerKey;
    for (let attempt = 0; attempt < MAX_CLAIM_ATTEMPTS; attempt++) {
      const pointer = await this.pointers.read(pointerKey);
      const other = pointer && (await this.get(pointer.value.escalationId));
      if (other) {
        await this.storage.delete([ESCALATION_PREFIX + escalation.id]);
        return { escalation: other, created: false };
      }
      // No pointer, or one left behind by an escalation that is gone: replaced by compare-and-set, so that two opens
      // at once still make one escalation.
      if (await this.pointers.write(pointerKey, { escalationId: escalation.id }, pointer?.eTag)) {
        await this.queueRecord.change(QUEUE_KEY, (queue) => ({ next: { ids: [...(queue?.ids ?? []), escalation.id] }, outcome: undefined }));
        return { escalation, created: true };
      }
    }
    await this.storage.delete([ESCALATION_PREFIX + escalation.id]);
    throw new Error(`Escalations: the customer's conversation "${customerKey}" kept changing while a person was asked for.`);
  }

  async get(id: string): Promise<Escalation | undefined> {
    return (await this.escalations.read(ESCALATION_PREFIX + id))?.value;
  }

  /** The escalation the customer's conversation is in, if any. */
  forCustomer(customerKey: string): Promise<Escalation | undefined> {
    return this.follow(CUSTOMER_PREFIX + customerKey);
  }

  /** The escalation an agent's conversation (a Teams thread, a console) is handling, if any. */
  forAgentConversation(agentKey: string): Promise<Escalation | undefined> {
    return this.follow(AGENT_PREFIX + agentKey);
  }

  /** The escalations waiting for a person or a callback, oldest first. */
  async queue(): Promise<Escalation[]> {
    const ids = (await this.queueRecord.read(QUEUE_KEY))?.value.ids ?? [];
    const found = await Promise.all(ids.map((id) => this.get(id)));
    return found.filter((escalation): escalation is Escalation => escalation !== undefined && escalation.state !== 'assigned');
  }

  /** Changes one escalation by compare-and-set; undefined when it has ended. `change` may leave it as it is. */
  async update(id: string, change: (escalation: Escalation) => Escalation | undefined): Promise<Escalation | undefined> {
    return this.escalations.change(ESCALATION_PREFIX + id, (current) => {
      const next = current && change(current);
      return { next, outcome: next ?? current };
    });
  }

  /**
   * The first agent to take an escalation gets it: a waiting one, or a callback. Everyone else learns who has it.
   * `agentKey` is the agent's conversation, from which their replies are relayed.
   */
  async take(id: string, agent: AssignedAgent, agentKey: string): Promise<TakeOutcome> {
    const outcome = await this.escalations.change<TakeOutcome>(ESCALATION_PREFIX + id, (current) => {
      if (!current) return { outcome: { kind: 'gone' } };
      if (current.state === 'assigned') return { outcome: { kind: 'alreadyTaken', by: current.agent?.name ?? 'our contact centre' } };
      const escalation: Escalation = { ...current, state: 'assigned', agent };
      return { next: escalation, outcome: { kind: 'taken', escalation } };
    });
    if (outcome.kind === 'taken') {
      await this.removeFromQueue(id);
      // A callback has no chat to relay: the agent answers by email.
      if (outcome.escalation.callbackEmail === undefined) {
        await this.pointers.change(AGENT_PREFIX + agentKey, () => ({ next: { escalationId: id }, outcome: undefined }));
      }
    }
    return outcome;
  }

  /**
   * A contact-center platform in front of the bot accepted the hand-off: out of our agents' queue. Undefined when it
   * came too late (one of our agents has the chat already).
   */
  async acceptedByPlatform(id: string): Promise<Escalation | undefined> {
    let accepted = false;
    const escalation = await this.update(id, (current) => {
      accepted = current.state === 'waiting';
      return accepted ? { ...current, state: 'assigned', platform: true } : undefined;
    });
    if (!accepted) return undefined;
    await this.removeFromQueue(id);
    return escalation;
  }

  /**
   * The customer left an email and went back to the bot: the escalation stays in the queue for an agent to answer,
   * and no longer holds the customer's conversation.
   */
  async toCallback(id: string, customerKey: string, email: string): Promise<Escalation | undefined> {
    const escalation = await this.update(id, (current) => ({ ...current, state: 'callback', callbackEmail: email, awaitingCallbackEmail: false }));
    await this.storage.delete([CUSTOMER_PREFIX + customerKey]);
    return escalation;
  }

  /** Ends an escalation: it is deleted with its transcript and indexes. Resolves with it as it was, if it existed. */
  async end(id: string): Promise<Escalation | undefined> {
    const escalation = await this.get(id);
    await this.removeFromQueue(id);
    if (!escalation) return undefined;
    const keys = [ESCALATION_PREFIX + id];
    const customerKey = conversationKeyOf(escalation.customer.conversation);
    if ((await this.pointers.read(CUSTOMER_PREFIX + customerKey))?.value.escalationId === id) keys.push(CUSTOMER_PREFIX + customerKey);
    if (escalation.agent) {
      const agentKey = conversationKeyOf(escalation.agent.conversation);
      if ((await this.pointers.read(AGENT_PREFIX + agentKey))?.value.escalationId === id) keys.push(AGENT_PREFIX + agentKey);
    }
    await this.storage.delete(keys);
    return escalation;
  }

  /**
   * Ends every escalation of a customer: the one their conversation is in, and callbacks they left in the queue (which
   * no longer point back to it), from this conversation or an earlier one of the same user on the same channel.
   * Resolves with them as they were.
   */
  async endAllOfCustomer(customer: StoredReference): Promise<Escalation[]> {
    const customerKey = conversationKeyOf(customer);
    const current = await this.forCustomer(customerKey);
    const theirs = (await this.queue()).filter(
      (escalation) => conversationKeyOf(escalation.customer.conversation) === customerKey || sameUser(escalation.customer.conversation, customer),
    );
    const ids = new Set([...(current ? [current.id] : []), ...theirs.map((escalation) => escalation.id)]);
    const ended = await Promise.all([...ids].map((id) => this.end(id)));
    return ended.filter((escalation): escalation is Escalation => escalation !== undefined);
  }

  /** Registers a conversation as an agents' console (it joined with the console token), or renews it. */
  async joinConsole(key: string, reference: StoredReference): Promise<void> {
    const now = this.clock();
    await this.consoleRecord.change(CONSOLES_KEY, (current) => {
      const others = (current?.conversations ?? []).filter((entry) => entry.key !== key && isLive(entry.joinedAt, now));
      return { next: { conversations: [...others, { key, reference, joinedAt: now.toISOString() }] }, outcome: undefined };
    });
  }

  async isConsole(key: string): Promise<boolean> {
    return (await this.consoles()).some((entry) => entry.key === key);
  }

  /** The consoles joined in the last CONSOLE_LIFETIME_MS. */
  async consoles(): Promise<{ key: string; reference: StoredReference }[]> {
    const now = this.clock();
    return ((await this.consoleRecord.read(CONSOLES_KEY))?.value.conversations ?? []).filter((entry) => isLive(entry.joinedAt, now));
  }

  private async follow(pointerKey: string): Promise<Escalation | undefined> {
    const pointer = await this.pointers.read(pointerKey);
    return pointer && this.get(pointer.value.escalationId);
  }

  private async removeFromQueue(id: string): Promise<void> {
    await this.queueRecord.change(QUEUE_KEY, (queue) =>
      queue?.ids.includes(id) ? { next: { ids: queue.ids.filter((queued) => queued !== id) }, outcome: undefined } : { outcome: undefined },
    );
  }
}

function isLive(joinedAt: string, now: Date): boolean {
  return now.getTime() - Date.parse(joinedAt) < CONSOLE_LIFETIME_MS;
}

/** `<channel>/<conversation id>`: one conversation, wherever its reference came from. */
/** Whether two conversation references are of the same user on the same channel. */
function sameUser(a: StoredReference, b: StoredReference): boolean {
  const userOf = (reference: StoredReference) => (reference.user as { id?: unknown } | undefined)?.id;
  return a.channelId === b.channelId && userOf(a) !== undefined && userOf(a) === userOf(b);
}

export function conversationKeyOf(reference: StoredReference): string {
  const conversation = reference.conversation as { id?: unknown } | undefined;
  return `${String(reference.channelId)}/${String(conversation?.id)}`;
}
