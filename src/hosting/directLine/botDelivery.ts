import type { Activity } from 'botbuilder';

export class BotDeliveryError extends Error {
  override readonly name = 'BotDeliveryError';
}

/**
 * Posts an activity to the bot's messages endpoint as a channel does: without `expectReplies`, so the bot answers
 * through the activity's serviceUrl. Resolves once the bot has finished the turn.
 */
export async function deliverToBot(messagesUrl: string, activity: Partial<Activity>, timeoutMs: number): Promise<void> {
  const response = await fetch(messagesUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
    signal: AbortSignal.timeout(timeoutMs),
  });
  await response.body?.cancel();
  if (!response.ok) throw new BotDeliveryError(`The bot answered ${response.status} to a ${activity.type} activity.`);
}
