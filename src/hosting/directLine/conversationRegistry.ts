import { randomBytes } from 'node:crypto';
import { ConversationLog, type LogCapacity } from './conversationLog';
import { SerialQueue } from './serialQueue';

export interface Conversation {
  readonly id: string;
  /** The visitor's user id, as the token that opened the conversation names it. */
  readonly userId: string;
  /** The page's language when it asked for the token (e.g. es-US), told to the bot when the conversation starts. */
  readonly locale?: string;
  readonly log: ConversationLog;
  /** What is on its way to the bot, in order. */
  readonly deliveries: SerialQueue;
  /** Whether the bot has been told that the visitor joined. */
  started: boolean;
}

export interface ConversationLimits {
  /** Conversations kept at once. */
  readonly maxConversations: number;
  /** Conversations kept at once for the visitors of one client address. */
  readonly maxConversationsPerClient: number;
  /** What each conversation keeps of its activities (the oldest go first). */
  readonly log: LogCapacity;
  /** Activities per conversation waiting for the bot at once. */
  readonly maxPendingDeliveries: number;
  /** A conversation unused this long may be let go to make room for a new one. */
  readonly reclaimableAfterMs: number;
  /** A conversation unused this long is forgotten. */
  readonly idleMs: number;
}

/** Why no conversation was made: its client address has as many as it may, or the bridge does. */
export type Refusal = 'tooManyForClient' | 'full';

interface Entry {
  readonly conversation: Conversation;
  /** The client address (see clientAddress.ts) of the visitor it was made for. */
  readonly client: string;
  lastUsedAt: number;
}

/**
 * The bridge's conversations, in memory. Each use moves a conversation to the end of the map, so the least recently
 * used are always at the front: expiring idle ones stops at the first live one, and making room lets the oldest
 * unused one go.
 *
 * A new conversation beyond a limit (its client's, or the bridge's) first takes the place of the oldest conversation
 * within that limit that nobody has used for `reclaimableAfterMs`; only when every one of them is in use is it
 * refused. So one address cannot hold more than its share, and a full bridge still lets visitors in while anyone
 * has left a page.
 */
export class ConversationRegistry {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly limits: ConversationLimits,
    private readonly clock: () => number,
  ) {}

  /** A new conversation for `userId`, a visitor at the client address `client`, or why there is none. */
  create(userId: string, client: string, locale?: string): Conversation | Refusal {
    this.expireIdle();
    const clientsOwn = (entry: Entry) => entry.client === client;
    if (this.count(clientsOwn) >= this.limits.maxConversationsPerClient && !this.reclaim(clientsOwn)) return 'tooManyForClient';
    if (this.entries.size >= this.limits.maxConversations && !this.reclaim(() => true)) return 'full';
    const id = randomBytes(18).toString('base64url');
    const conversation: Conversation = {
      id,
      userId,
      ...(locale !== undefined && { locale }),
      log: new ConversationLog(id, this.limits.log),
      deliveries: new SerialQueue(this.limits.maxPendingDeliveries),
      started: false,
    };
    this.entries.set(id, { conversation, client, lastUsedAt: this.clock() });
    return conversation;
  }

  /** The conversation with this id, marked as used now; undefined when there is none or it has expired. */
  use(id: string): Conversation | undefined {
    this.expireIdle();
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    this.entries.delete(id);
    entry.lastUsedAt = this.clock();
    this.entries.set(id, entry);
    return entry.conversation;
  }

  private count(matches: (entry: Entry) => boolean): number {
    let count = 0;
    for (const entry of this.entries.values()) if (matches(entry)) count += 1;
    return count;
  }

  /** Lets go the least recently used conversation that `matches`, if nobody has used it for a while. */
  private reclaim(matches: (entry: Entry) => boolean): boolean {
    const usedSince = this.clock() - this.limits.reclaimableAfterMs;
    for (const [id, entry] of this.entries) {
      if (entry.lastUsedAt > usedSince) return false;
      if (matches(entry)) return this.entries.delete(id);
    }
    return false;
  }

  private expireIdle(): void {
    const oldestLive = this.clock() - this.limits.idleMs;
    for (const [id, entry] of this.entries) {
      if (entry.lastUsedAt > oldestLive) return;
      this.entries.delete(id);
    }
  }
}
