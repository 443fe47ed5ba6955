import type { TurnContext } from 'botbuilder';
import type { ConversationDeps } from '../conversationDeps';
import { interruptionText } from '../text/interruptionText';

/**
 * The customer asked for a person. True when one is on the way (or already with them): the customer now talks to or
 * waits for them, and the bot asks nothing. False when they were told other ways to reach us: the bot carries on.
 */
export async function askForPerson(context: TurnContext, deps: ConversationDeps): Promise<boolean> {
  if (!deps.handoff) {
    await context.sendActivity(interruptionText.agent(deps.supportContact));
    return false;
  }
  return (await deps.handoff.request(context)) !== 'unavailable';
}
