import type { Activity, ChannelAccount, ConversationAccount } from 'botbuilder';
import type { Logger } from '../../logging';
import { deliverToBot } from './botDelivery';
import type { Conversation, ConversationRegistry } from './conversationRegistry';
import type { BridgeTokens } from './tokens';
import { whileTyping } from './typingIndicator';

/** Web Chat's channel id: the same as the Direct Line service gives activities from Web Chat in production. */
export const WEBCHAT_CHANNEL_ID = 'webchat';
export const BRIDGE_BOT_ACCOUNT: ChannelAccount = { id: 'porting-assistant', name: 'Porting Assistant', role: 'bot' };
/** The Direct Line 3.0 API that Web Chat talks to. */
export const DIRECT_LINE_PATH = '/v3/directline';
/** Where the bridge answers the Bot Connector calls the bot makes: the path of the serviceUrl it gives the bot. */
export const BRIDGE_SERVICE_PATH = '/directline-bridge';
/** The query parameter of the bot's serviceUrl that carries the bridge's service key (see connectorRoutes.ts). */
export const SERVICE_KEY_PARAMETER = 'key';

/** The Direct Line service waits this long for a bot's turn before it tells the client that the bot failed. */
const BOT_TIMEOUT_MS = 15_000;

/** What the bridge's routes share. */
export interface BridgeContext {
  readonly conversations: ConversationRegistry;
  readonly tokens: BridgeTokens;
  /** Made at start-up; only the bot's own process knows it, from the serviceUrl the bridge gives it. */
  readonly serviceKey: string;
  readonly clock: () => number;
  /** This server's own address, such as `http://127.0.0.1:3978`. */
  readonly selfUrl: () => string;
  readonly maxBodyBytes: number;
  readonly logger: Logger;
}

/** Why a client's request is refused, as the Direct Line service answers it. */
export interface Denial {
  readonly status: 401 | 403 | 404;
  readonly code: string;
  readonly message: string;
}

const denials = {
  missingToken: { status: 401, code: 'MissingToken', message: 'Send the Direct Line token as "Authorization: Bearer <token>".' },
  badToken: { status: 403, code: 'InvalidToken', message: 'The token is not valid for this conversation, or it has expired.' },
  conversationGone: { status: 404, code: 'ConversationNotFound', message: 'The conversation has ended. Please reload the page to start a new one.' },
} as const satisfies Record<string, Denial>;

/**
 * The conversation that `token` is for, marked as used, when it is a token of this bridge, unexpired, for the
 * conversation `conversationId` (when given) and that conversation is still kept; else why not.
 */
export function conversationForToken(bridge: BridgeContext, token: string | undefined, conversationId?: string): Conversation | Denial {
  if (!token) return denials.missingToken;
  const claims = bridge.tokens.verify(token);
  if (!claims || (conversationId !== undefined && claims.conversationId !== conversationId)) return denials.badToken;
  return bridge.conversations.use(claims.conversationId) ?? denials.conversationGone;
}

export function isDenial(value: Conversation | Denial): value is Denial {
  return 'status' in value;
}

/**
 * The fields a channel sets on every activity of a conversation, as its visitor sees them: without the serviceUrl,
 * which carries the service key and is for the bot alone.
 */
export function channelEnvelope(bridge: BridgeContext, conversation: Conversation): Partial<Activity> {
  return {
    timestamp: new Date(bridge.clock()),
    channelId: WEBCHAT_CHANNEL_ID,
    conversation: { id: conversation.id, isGroup: false, conversationType: 'personal' } as ConversationAccount,
  };
}

/**
 * Queues `activity` for the bot behind those already on their way, with the serviceUrl the bot answers at; while
 * the bot's turn runs, the visitor sees it typing. Check `conversation.deliveries.full` first.
 */
export function deliver(bridge: BridgeContext, conversation: Conversation, activity: Partial<Activity>): Promise<void> {
  const serviceUrl = `${bridge.selfUrl()}${BRIDGE_SERVICE_PATH}?${new URLSearchParams({ [SERVICE_KEY_PARAMETER]: bridge.serviceKey })}`;
  const typing = (): Partial<Activity> => ({
    ...channelEnvelope(bridge, conversation),
    type: 'typing',
    from: BRIDGE_BOT_ACCOUNT,
    recipient: { id: conversation.userId, name: '', role: 'user' },
  });
  return conversation.deliveries.run(() =>
    whileTyping(conversation.log, typing, () => deliverToBot(`${bridge.selfUrl()}/api/messages`, { ...activity, serviceUrl }, BOT_TIMEOUT_MS)),
  );
}

/** What the Direct Line API answers about a conversation: its id and a fresh token for it. */
export function conversationGrant(bridge: BridgeContext, conversation: Conversation) {
  const { token, expiresIn } = bridge.tokens.issue({ conversationId: conversation.id, userId: conversation.userId });
  return { conversationId: conversation.id, token, expires_in: expiresIn };
}
