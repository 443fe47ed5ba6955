import { randomBytes } from 'node:crypto';
import type restify from 'restify';
import type { Logger } from '../../logging';
import { registerClientRoutes } from './clientRoutes';
import { registerConnectorRoutes } from './connectorRoutes';
import { ConversationRegistry, type ConversationLimits } from './conversationRegistry';
import { BridgeTokens } from './tokens';

/**
 * A Direct Line 3.0 service inside the bot's own server, for running without an Azure Bot: Web Chat talks to it as
 * it would to directline.botframework.com (polling), and the bot sees an ordinary channel. It hands visitors'
 * activities to the bot's /api/messages and takes the bot's answers at its serviceUrl, like the real service.
 * Everything is in memory and bounded; a restart forgets every conversation.
 */

export interface DirectLineBridge {
  /** Trades for a token at /v3/directline/tokens/generate; made at start-up, never leaves the server. */
  readonly secret: string;
}

export interface DirectLineBridgeOptions {
  /** This server's own address, such as `http://localhost:3978`, known once it listens. */
  readonly selfUrl: () => string;
  readonly maxBodyBytes: number;
  readonly logger: Logger;
}

/** As long as the Direct Line service's tokens; Web Chat refreshes them halfway through. */
const TOKEN_LIFETIME_SECONDS = 30 * 60;

// At most 200 conversations of 1 MiB each: the bridge serves a developer or a demo, never the public at scale.
const LIMITS: ConversationLimits = {
  maxConversations: 200,
  log: { maxActivities: 500, maxBytes: 1024 * 1024 },
  maxPendingDeliveries: 10,
  // Web Chat polls every second while the page is open, so this only runs out once the visitor has left.
  idleMs: TOKEN_LIFETIME_SECONDS * 1000,
};

export function registerDirectLineBridge(server: restify.Server, options: DirectLineBridgeOptions): DirectLineBridge {
  const clock = Date.now;
  const bridge = {
    conversations: new ConversationRegistry(LIMITS, clock),
    tokens: new BridgeTokens(TOKEN_LIFETIME_SECONDS, clock),
    secret: randomBytes(32).toString('base64url'),
    clock,
    selfUrl: options.selfUrl,
    maxBodyBytes: options.maxBodyBytes,
    logger: options.logger,
  };
  registerClientRoutes(server, bridge);
  registerConnectorRoutes(server, bridge);
  return { secret: bridge.secret };
}
