/**
 * Opening a turn in a conversation outside its own traffic (`continueConversationAsync` with a stored conversation
 * reference): to tell a customer about their port, to relay an agent's words, to post in the agents' channel. The only
 * place besides the adapter that knows how Bot Framework does it, so that moving to another SDK touches this file.
 */
import type { ConversationReference } from 'botbuilder';
import type { Config } from '../config';
import type { OpenConversation } from '../bot/turnPipeline';
import { createAdapter } from './adapter';

/** A reference without a service URL, conversation or channel cannot be continued. */
export class IncompleteReferenceError extends Error {
  override readonly name = 'IncompleteReferenceError';
}

export function createConversationOpener(bot: Config['bot']): OpenConversation {
  const adapter = createAdapter(bot, async (_context, error) => {
    throw error;
  });
  // '' when authentication is off (local runs), which CloudAdapter accepts.
  const appId = bot.appId ?? '';
  return async (stored, turn) => {
    const reference = stored as Partial<ConversationReference>;
    if (!reference.serviceUrl || !reference.conversation?.id || !reference.channelId) {
      throw new IncompleteReferenceError('The stored conversation reference has no service URL, conversation or channel.');
    }
    await adapter.continueConversationAsync(appId, reference, async (context) => {
      // The SDK gives the turn an activity of its own making (a new id), and every message sent in a turn replies
      // to the turn's activity (`replyToId`). Web Chat holds a reply back until it has shown the activity replied to,
      // for 5 s when that never comes: a message sent outside the customer's own turn replies to nothing.
      context.onSendActivities(async (_context, activities, next) => {
        for (const activity of activities) delete activity.replyToId;
        return next();
      });
      await turn(context);
    });
  };
}
