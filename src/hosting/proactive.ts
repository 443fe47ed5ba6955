/**
 * Telling a customer something outside their own turns: `continueConversationAsync` with the conversation reference
 * stored when they signed. The conversation decides what the turn says and does (`NoticeTurn`); this only opens it.
 */
import type { CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import type { Config } from '../config';
import { ConversationGoneError, type PortNotice, type ProactiveMessenger } from '../submission/notifications';
import { createAdapter } from './adapter';

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
    private readonly adapter: CloudAdapter,
    /** The bot's app id; '' when authentication is off (local runs), which CloudAdapter accepts. */
    private readonly appId: string,
    private readonly runNotice: NoticeTurn,
  ) {}

  async tell(conversation: Readonly<Record<string, unknown>>, notice: PortNotice): Promise<void> {
    const reference = conversation as Partial<ConversationReference>;
    if (!reference.serviceUrl || !reference.conversation?.id || !reference.channelId) {
      throw new ConversationGoneError('The stored conversation reference has no service URL, conversation or channel.');
    }
    try {
      await this.adapter.continueConversationAsync(this.appId, reference, (context) => this.runNotice(context, notice));
    } catch (error) {
      const status = statusOf(error);
      if (status !== undefined && GONE_STATUSES.has(status)) {
        throw new ConversationGoneError(`The channel refused the message with status ${status}.`, status);
      }
      throw error;
    }
  }
}

/** A messenger on its own adapter, whose failures reach the caller rather than a turn error handler. */
export function createProactiveMessenger(bot: Config['bot'], runNotice: NoticeTurn): ProactiveMessenger {
  const adapter = createAdapter(bot, async (_context, error) => {
    throw error;
  });
  return new CloudAdapterMessenger(adapter, bot.appId ?? '', runNotice);
}
