import { createHash } from 'node:crypto';
import type { ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder';

/**
 * How many of a conversation's latest activity ids are remembered. A channel redelivers a POST it did not see
 * answered within seconds, and concurrent copies wait on the turn lock; fifty covers both with room to spare.
 */
export const REMEMBERED_ACTIVITIES = 50;
const PROPERTY = 'processedActivities';
/** 60 bits of SHA-256: a collision among one conversation's last fifty ids is out of reach, and state stays small. */
const FINGERPRINT_LENGTH = 10;

const fingerprintOf = (activityId: string) => createHash('sha256').update(activityId).digest('base64url').slice(0, FINGERPRINT_LENGTH);

/**
 * The activities a conversation has already processed, kept with its state, so that a redelivered activity (the same
 * `activity.id`) is recognised across restarts and across instances sharing the storage. Ids are kept as short
 * fingerprints: they are only ever compared.
 */
export class ProcessedActivities {
  private readonly accessor: StatePropertyAccessor<string[]>;

  constructor(conversationState: ConversationState) {
    this.accessor = conversationState.createProperty<string[]>(PROPERTY);
  }

  /** Whether the turn's activity was processed before; an activity without an id never was. */
  async includes(context: TurnContext): Promise<boolean> {
    const id = context.activity.id;
    if (!id) return false;
    const processed = await this.accessor.get(context);
    return Array.isArray(processed) && processed.includes(fingerprintOf(id));
  }

  /** Notes the turn's activity as processed, forgetting the oldest beyond REMEMBERED_ACTIVITIES. */
  async add(context: TurnContext): Promise<void> {
    const id = context.activity.id;
    if (!id) return;
    const processed = await this.accessor.get(context);
    const earlier = Array.isArray(processed) ? processed : [];
    await this.accessor.set(context, [...earlier, fingerprintOf(id)].slice(-REMEMBERED_ACTIVITIES));
  }
}
