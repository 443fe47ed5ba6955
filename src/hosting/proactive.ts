/**
 * Telling a customer something outside their own turns: a proactive turn of the turn pipeline with the conversation
 * reference stored when they signed. The conversation decides what the turn says and does (`NoticeTurn`); this only
 * opens it, and tells a conversation that is gone from other failures.
 */
import type { TurnContext } from 'botbuilder';
import type { ProactiveTurn } from '../bot/turnPipeline';
import { ConversationGoneError, type PortNotice, type ProactiveMessenger } from '../submission/notifications';
import { IncompleteReferenceError } from './conversationOpener';

/** One proactive turn in the customer's conversation: tell them the news, and remember what it means for them. */
export type NoticeTurn = (context: TurnContext, notice: PortNotice) => Promise<void>;

/** What channels answer when the bot can never post in the conversation again: forbidden (blocked, removed) or gone. */
const GONE_STATUSES: ReadonlySet<number> = new Set([403, 404, 410]);

function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

export class CloudAdapterMessenger implements ProactiveMessenger {
  constructor(
    private readonly turn: ProactiveTurn,
    private readonly runNotice: NoticeTurn,
  ) {}

  async tell(conversation: Readonly<Record<string, unknown>>, notice: PortNotice): Promise<void> {
    try {
      await this.turn(conversation, (context) => this.runNotice(context, notice));
    } catch (error) {
      if (error instanceof IncompleteReferenceError) throw new ConversationGoneError(error.message);
      const status = statusOf(error);
      if (status !== undefined && GONE_STATUSES.has(status)) {
        throw new ConversationGoneError(`The channel refused the message with status ${status}.`, status);
      }
      throw error;
    }
  }
}

/** The messenger that tells customers about their port, in proactive turns of the turn pipeline. */
export function createProactiveMessenger(turn: ProactiveTurn, runNotice: NoticeTurn): ProactiveMessenger {
  return new CloudAdapterMessenger(turn, runNotice);
}
