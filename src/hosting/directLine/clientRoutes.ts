import type { Activity } from 'botbuilder';
import restify, { type Request, type Response } from 'restify';
import { z } from 'zod';
import { parseActivity, requireJsonBody, sendError } from '../activityBody';
import {
  BRIDGE_BOT_ACCOUNT,
  channelEnvelope,
  conversationGrant,
  deliver,
  type BridgeContext,
} from './bridgeContext';
import type { Conversation } from './conversationRegistry';
import { sameSecret } from '../../security/sameSecret';
import { bearerCredential, parseJsonBody } from './requests';

/**
 * The Direct Line 3.0 API that Web Chat talks to, the polling half: tokens, starting a conversation, posting an
 * activity and reading the activities after a watermark. Answers as the Direct Line service does where Web Chat
 * (botframework-directlinejs) depends on it: 403 for a bad or expired token, 404 for a conversation that is gone.
 */

export const DIRECT_LINE_PATH = '/v3/directline';
/** The polling route, named so that the request log can keep its once-a-second requests out of `info`. */
export const DIRECT_LINE_POLL_ROUTE = 'directline-poll';

/** Direct Line's own user ids for a token are at most this long; ours are `dl_` and a visitor id. */
const userId = z.string().regex(/^[\w.:@-]{1,128}$/);
const generateTokenBody = z.object({ user: z.object({ id: userId }) });
/** What a visitor may send; other fields are kept as they are, as the Direct Line service keeps them. */
const visitorActivity = z.looseObject({
  type: z.enum(['message', 'event']),
  from: z.looseObject({ name: z.string().max(200).optional() }).optional(),
});
/** A visitor's message is what they type or paste (a CSR's text at most); the bot's own limit is far larger. */
const VISITOR_ACTIVITY_MAX_BYTES = 32 * 1024;
const watermark = z.union([z.literal(''), z.string().regex(/^\d{1,15}$/)]).transform((value) => Number(value || 0));

const text = {
  missingToken: 'Send the Direct Line token as "Authorization: Bearer <token>".',
  badToken: 'The token is not valid for this conversation, or it has expired.',
  badSecret: 'The secret is not valid.',
  conversationGone: 'The conversation has ended. Please reload the page to start a new one.',
  full: 'The chat is busy right now. Please try again in a few minutes.',
  tooManyPending: 'Too many messages are waiting for the bot. Please wait for its answer.',
  badWatermark: 'The watermark must be a whole number.',
  botFailed: 'The bot could not take the message. Please send it again.',
} as const;

/** The conversation a request's token is for (and, given `conversationId`, that it names); else answers. */
function authorize(bridge: BridgeContext, req: Request, res: Response, conversationId?: string): Conversation | undefined {
  const credential = bearerCredential(req);
  if (!credential) {
    sendError(res, 401, 'MissingToken', text.missingToken);
    return undefined;
  }
  const claims = bridge.tokens.verify(credential);
  if (!claims || (conversationId !== undefined && claims.conversationId !== conversationId)) {
    sendError(res, 403, 'InvalidToken', text.badToken);
    return undefined;
  }
  const conversation = bridge.conversations.use(claims.conversationId);
  if (!conversation) sendError(res, 404, 'ConversationNotFound', text.conversationGone);
  return conversation;
}

/** Tells the bot that the visitor (and the bot) joined, as a channel does when a conversation starts. */
function start(bridge: BridgeContext, conversation: Conversation): void {
  conversation.started = true;
  const joined = conversation.log.append({
    ...channelEnvelope(bridge, conversation),
    type: 'conversationUpdate',
    from: { id: conversation.userId, name: '', role: 'user' },
    recipient: BRIDGE_BOT_ACCOUNT,
    membersAdded: [BRIDGE_BOT_ACCOUNT, { id: conversation.userId, name: '' }],
  });
  deliver(bridge, conversation, joined).catch((error: unknown) =>
    bridge.logger.warn({ err: error, conversationId: conversation.id }, 'direct line bridge: the bot did not take the conversation start'),
  );
}

export function registerClientRoutes(server: restify.Server, bridge: BridgeContext): void {
  const readBody = restify.plugins.bodyReader({ maxBodySize: Math.min(bridge.maxBodyBytes, VISITOR_ACTIVITY_MAX_BYTES) });

  server.post(`${DIRECT_LINE_PATH}/tokens/generate`, requireJsonBody, readBody, async (req: Request, res: Response) => {
    const credential = bearerCredential(req);
    if (!credential || !sameSecret(credential, bridge.secret)) return sendError(res, 403, 'InvalidSecret', text.badSecret);
    const body = parseJsonBody(req, res, generateTokenBody);
    if (!body) return;
    const conversation = bridge.conversations.create(body.user.id);
    if (!conversation) return sendError(res, 503, 'TooManyConversations', text.full);
    res.send(200, conversationGrant(bridge, conversation));
  });

  server.post(`${DIRECT_LINE_PATH}/tokens/refresh`, async (req: Request, res: Response) => {
    const conversation = authorize(bridge, req, res);
    if (conversation) res.send(200, conversationGrant(bridge, conversation));
  });

  server.post(`${DIRECT_LINE_PATH}/conversations`, async (req: Request, res: Response) => {
    const conversation = authorize(bridge, req, res);
    if (!conversation) return;
    const isNew = !conversation.started;
    if (isNew) start(bridge, conversation);
    res.send(isNew ? 201 : 200, conversationGrant(bridge, conversation));
  });

  server.get(
    { path: `${DIRECT_LINE_PATH}/conversations/:conversationId/activities`, name: DIRECT_LINE_POLL_ROUTE },
    async (req: Request, res: Response) => {
      const conversation = authorize(bridge, req, res, req.params.conversationId);
      if (!conversation) return;
      const after = watermark.safeParse(new URLSearchParams(req.getQuery()).get('watermark') ?? '');
      if (!after.success) return sendError(res, 400, 'InvalidWatermark', text.badWatermark);
      res.send(200, conversation.log.since(after.data));
    },
  );

  server.post(
    `${DIRECT_LINE_PATH}/conversations/:conversationId/activities`,
    requireJsonBody,
    readBody,
    parseActivity,
    async (req: Request, res: Response) => {
      const conversation = authorize(bridge, req, res, req.params.conversationId);
      if (!conversation) return;
      const sent = visitorActivity.safeParse(req.body);
      if (!sent.success) return sendError(res, 400, 'UnsupportedActivity', 'Send a message or an event activity.');
      if (conversation.deliveries.full) return sendError(res, 429, 'TooManyPendingActivities', text.tooManyPending);
      // The echo is what tells Web Chat its message arrived: it carries the client's `clientActivityID`.
      const echoed = conversation.log.append({
        ...(sent.data as Partial<Activity>),
        ...channelEnvelope(bridge, conversation),
        from: { ...sent.data.from, id: conversation.userId, name: sent.data.from?.name ?? '', role: 'user' },
        recipient: BRIDGE_BOT_ACCOUNT,
      });
      try {
        await deliver(bridge, conversation, echoed);
      } catch (error) {
        bridge.logger.warn({ err: error, conversationId: conversation.id }, 'direct line bridge: the bot did not take an activity');
        return sendError(res, 502, 'BotUnavailable', text.botFailed);
      }
      res.send(200, { id: echoed.id });
    },
  );
}
