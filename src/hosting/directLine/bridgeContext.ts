import type { Activity, ChannelAccount, ConversationAccount } from 'botbuilder';
import type { Logger } from '../../logging';
import { deliverToBot } from './botDelivery';
import type { Conversation, ConversationRegistry } from './conversationRegistry';
import type { BridgeTokens } from './tokens';

/** Web Chat's channel id: the same as the Direct Line service gives activities from Web Chat in production. */
export const WEBCHAT_CHANNEL_ID = 'webchat';
export const BRIDGE_BOT_ACCOUNT: ChannelAccount = { id: 'porting-assistant', name: 'Porting Assistant', role: 'bot' };
/** Where the bridge answers the Bot Connector calls the bot makes: the serviceUrl it gives the bot. */
export const BRIDGE_SERVICE_PATH = '/directline-bridge';

/** The Direct Line service waits this long for a bot's turn before it tells the client that the bot failed. */
const BOT_TIMEOUT_MS = 15_000;

/** What the bridge's routes share. */
export interface BridgeContext {
  readonly conversations: ConversationRegistry;
  readonly tokens: BridgeTokens;
  /** Trades for tokens at /v3/directline/tokens/generate, as a Direct Line channel's secret does. */
  readonly secret: string;
  readonly clock: () => number;
  /** This server's own address, such as `http://localhost:3978`. */
  readonly selfUrl: () => string;
  readonly maxBodyBytes: number;
  readonly logger: Logger;
}

/** The fields a channel sets on every activity of a conversation. */
export function channelEnvelope(bridge: BridgeContext, conversation: Conversation): Partial<Activity> {
  return {
    timestamp: new Date(bridge.clock()),
    channelId: WEBCHAT_CHANNEL_ID,
    serviceUrl: `${bridge.selfUrl()}${BRIDGE_SERVICE_PATH}`,
    conversation: { id: conversation.id, isGroup: false, conversationType: 'personal' } as ConversationAccount,
  };
}

/** Queues `activity` for the bot behind those already on their way. Check `conversation.deliveries.full` first. */
export function deliver(bridge: BridgeContext, conversation: Conversation, activity: Partial<Activity>): Promise<void> {
  return conversation.deliveries.run(() => deliverToBot(`${bridge.selfUrl()}/api/messages`, activity, BOT_TIMEOUT_MS));
}

/** What the Direct Line API answers about a conversation: its id and a fresh token for it. */
export function conversationGrant(bridge: BridgeContext, conversation: Conversation) {
  const { token, expiresIn } = bridge.tokens.issue({ conversationId: conversation.id, userId: conversation.userId });
  return { conversationId: conversation.id, token, expires_in: expiresIn };
}
