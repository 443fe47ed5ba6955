import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';

/**
 * Talks to a running bot the way a channel would, but asks for the replies in the HTTP response
 * (`deliveryMode: "expectReplies"`), so no callback endpoint is needed. Works only against a bot running
 * without authentication (no MicrosoftAppId), as for the Emulator.
 */

export interface ChatIdentity {
  readonly userId: string;
  readonly conversationId: string;
}

export const BOT_ACCOUNT = { id: 'porting-assistant', name: 'Porting Assistant', role: 'bot' } as const;
const CHANNEL_ID = 'terminal';

export class BotRequestError extends Error {
  override readonly name = 'BotRequestError';
}

export class BotClient {
  constructor(
    private readonly baseUrl: string,
    private readonly identity: ChatIdentity,
  ) {}

  /** Sends an activity from the user and returns the bot's replies to it. */
  async send(activity: Partial<Activity>): Promise<Partial<Activity>[]> {
    const endpoint = new URL('/api/messages', this.baseUrl);
    const body: Partial<Activity> = {
      id: randomUUID(),
      timestamp: new Date(),
      channelId: CHANNEL_ID,
      // The bot answers in the response body, so this is never called; the adapter still wants one.
      serviceUrl: this.baseUrl,
      locale: 'en-US',
      from: { id: this.identity.userId, name: 'You', role: 'user' },
      recipient: BOT_ACCOUNT,
      conversation: { id: this.identity.conversationId, isGroup: false, conversationType: 'personal', name: 'terminal chat' },
      deliveryMode: 'expectReplies',
      ...activity,
    };
    let response: Response;
    try {
      response = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    } catch (error) {
      throw new BotRequestError(`Could not reach the bot at ${this.baseUrl}: is it running (npm start)?`, { cause: error });
    }
    const text = await response.text();
    if (!response.ok) {
      throw new BotRequestError(`The bot at ${this.baseUrl} answered ${response.status}: ${text || response.statusText}`);
    }
    const replies = text ? (JSON.parse(text) as { activities?: Partial<Activity>[] }).activities : undefined;
    return replies ?? [];
  }
}
