import { randomBytes } from 'node:crypto';
import { ConversationLog, type LogCapacity } from './conversationLog';
import { SerialQueue } from './serialQueue';

export interface Conversation {
  readonly id: string;
  /** The visitor's user id, as the token that opened the conversation names it. */
  readonly userId: string;
  readonly log: ConversationLog;
  /** What is on its way to the bot, in order. */
  readonly deliveries: SerialQueue;
  /** Whether the bot has been told that the visitor joined. */
  started: boolean;
}

export interface ConversationLimits {
  /** Conversations kept at once; a new one beyond this is refused until idle ones expire. */
  readonly maxConversations: number;
  /** What each conversation keeps of its activities (the oldest go first). */
  readonly log: LogCapacity;
  /** Activities per conversation waiting for the bot at once. */
  readonly maxPendingDeliveries: number;
  /** A conversation nobody has used for this long is forgotten. */
  readonly idleMs: number;
}

interface Entry {
  readonly conversation: Conversation;
  lastUsedAt: number;
}

/**
 * The bridge's conversations, in memory. Each use moves a conversation to the end of the map, so the idle ones
 * are always at the front and expiring them stops at the first live one.
 */
export class ConversationRegistry {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly limits: ConversationLimits,
    private readonly clock: () => number,
  ) {}

  /** A new conversation for `userId`; undefined when the registry is full. */
  create(userId: string): Conversation | undefined {
    this.expireIdle();
    if (this.entries.size >= this.limits.maxConversations) return undefined;
    const id = randomBytes(18).toString('base64url');
    const conversation: Conversation = {
      id,
      userId,
      log: new ConversationLog(id, this.limits.log),
      deliveries: new SerialQueue(this.limits.maxPendingDeliveries),
      started: false,
    };
    this.entries.set(id, { conversation, lastUsedAt: this.clock() });
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

  private expireIdle(): void {
    const oldestLive = this.clock() - this.limits.idleMs;
    for (const [id, entry] of this.entries) {
      if (entry.lastUsedAt > oldestLive) return;
      this.entries.delete(id);
    }
  }
}
