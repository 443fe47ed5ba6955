import { randomBytes } from 'node:crypto';
import type restify from 'restify';
import type { Logger } from '../../logging';
import { registerClientRoutes } from './clientRoutes';
import { registerConnectorRoutes } from './connectorRoutes';
import { ConversationRegistry, type ConversationLimits } from './conversationRegistry';
import { registerStreams } from './streams';
import { VisitorTokenRefused, type VisitorToken } from './tokenExchange';
import { BridgeTokens } from './tokens';
import { BridgeUploads, registerUploadRoutes } from './uploads';

/**
 * A Direct Line 3.0 service inside the bot's own server, for running without an Azure Bot: Web Chat talks to it as
 * it would to directline.botframework.com (streaming, or polling), and the bot sees an ordinary channel. It hands
 * visitors' activities to the bot's /api/messages and takes the bot's answers at its serviceUrl, like the real
 * service. Everything is in memory and bounded; a restart forgets every conversation.
 */

export interface DirectLineBridge {
  /**
   * A token for a new conversation of the visitor `userId`, whose page asked from the client address `client` (see
   * clientAddress.ts). Throws VisitorTokenRefused when that address, or the bridge, has no room for another.
   */
  visitorToken(userId: string, client: string, locale?: string): VisitorToken;
  /** Ends the conversations' streams, for the server to close. */
  close(): void;
}

export interface DirectLineBridgeOptions {
  /** This server's own address, such as `http://127.0.0.1:3978`, known once it listens. */
  readonly selfUrl: () => string;
  readonly maxBodyBytes: number;
  readonly logger: Logger;
}

/** As long as the Direct Line service's tokens; Web Chat refreshes them halfway through. */
const TOKEN_LIFETIME_SECONDS = 30 * 60;

const LIMITS: ConversationLimits = {
  // At most 200 conversations of 1 MiB each: the bridge serves a developer or a demo, never the public at scale.
  maxConversations: 200,
  // A developer has a few chats open, a demo room behind one router perhaps a dozen: twenty leaves room for them,
  // and one address can never hold more than a tenth of the bridge.
  maxConversationsPerClient: 20,
  log: { maxActivities: 500, maxBytes: 1024 * 1024 },
  maxPendingDeliveries: 10,
  // An open page uses its conversation every 30 s at most (its stream's heartbeat; a polling page every second):
  // one unused for two minutes has been left, or was never opened, and gives way to a new visitor.
  reclaimableAfterMs: 2 * 60_000,
  idleMs: TOKEN_LIFETIME_SECONDS * 1000,
};

const refusals = {
  tooManyForClient: () =>
    new VisitorTokenRefused(429, 'TooManyConversations', 'Too many chats are open from your network. Please close one, or try again in a few minutes.'),
  full: () => new VisitorTokenRefused(503, 'ChatBusy', 'The chat is busy right now. Please try again in a few minutes.'),
} as const;

export function registerDirectLineBridge(server: restify.Server, options: DirectLineBridgeOptions): DirectLineBridge {
  const clock = Date.now;
  const bridge = {
    conversations: new ConversationRegistry(LIMITS, clock),
    tokens: new BridgeTokens(TOKEN_LIFETIME_SECONDS, clock),
    serviceKey: randomBytes(32).toString('base64url'),
    clock,
    selfUrl: options.selfUrl,
    maxBodyBytes: options.maxBodyBytes,
    logger: options.logger,
  };
  registerClientRoutes(server, bridge);
  registerConnectorRoutes(server, bridge);
  registerUploadRoutes(server, bridge, new BridgeUploads());
  const streams = registerStreams(server, bridge);
  return {
    visitorToken(userId, client, locale) {
      const conversation = bridge.conversations.create(userId, client, locale);
      if (typeof conversation === 'string') throw refusals[conversation]();
      const { token, expiresIn } = bridge.tokens.issue({ conversationId: conversation.id, userId });
      return { token, expiresIn };
    },
    close: () => streams.close(),
  };
}
