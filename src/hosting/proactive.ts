/**
 * Telling a customer something outside their own turns: `continueConversationAsync` with the conversation reference
 * stored when they signed. The conversation decides what the turn says and does (`NoticeTurn`); this only opens it.
 */
import type { TurnContext } from 'botbuilder';
import { ConversationGoneError, type PortNotice, type ProactiveMessenger } from '../submission/notifications';
import { IncompleteReferenceError, type OpenConversation } from './conversationOpener';

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
    private readonly open: OpenConversation,
    private readonly runNotice: NoticeTurn,
  ) {}

  async tell(conversation: Readonly<Record<string, unknown>>, notice: PortNotice): Promise<void> {
    try {
      await this.open(conversation, (context) => this.runNotice(context, notice));
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

/** The messenger that tells customers about their port, in turns opened with `open`. */
export function createProactiveMessenger(open: OpenConversation, runNotice: NoticeTurn): ProactiveMessenger {
  return new CloudAdapterMessenger(open, runNotice);
}
