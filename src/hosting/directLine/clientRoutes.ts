import type { Activity } from 'botbuilder';
import restify, { type Request, type Response } from 'restify';
import { z } from 'zod';
import { parseActivity, requireJsonBody, sendError } from '../activityBody';
import {
  BRIDGE_BOT_ACCOUNT,
  channelEnvelope,
  conversationForToken,
  conversationGrant,
  deliver,
  DIRECT_LINE_PATH,
  isDenial,
  type BridgeContext,
} from './bridgeContext';
import type { Conversation } from './conversationRegistry';
import { bearerCredential, parseWatermark } from './requests';
import { streamUrl } from './streams';

/**
 * The Direct Line 3.0 API that Web Chat (botframework-directlinejs) talks to: refreshing a token, starting a
 * conversation and resuming it (both answer with a `streamUrl`, see streams.ts), posting an activity, and reading the
 * activities after a watermark for a client that polls. Answers as the Direct Line service does where the client
 * depends on it: 403 for a bad or expired token, 404 for a conversation that is gone.
 */

/** The polling route, named so that the request log can keep its once-a-second requests out of `info`. */
export const DIRECT_LINE_POLL_ROUTE = 'directline-poll';

/** What a visitor may send; other fields are kept as they are, as the Direct Line service keeps them. */
const visitorActivity = z.looseObject({
  type: z.enum(['message', 'event', 'typing']),
  from: z.looseObject({ name: z.string().max(200).optional() }).optional(),
});
/** A visitor's message is what they type or paste (a CSR's text at most); the bot's own limit is far larger. */
const VISITOR_ACTIVITY_MAX_BYTES = 32 * 1024;

const text = {
  tooManyPending: 'Too many messages are waiting for the bot. Please wait for its answer.',
  badWatermark: 'The watermark must be a whole number.',
  botFailed: 'The bot could not take the message. Please send it again.',
} as const;

/** The conversation a request's token is for (and, given `conversationId`, that it names); else answers why not. */
export function authorize(bridge: BridgeContext, req: Request, res: Response, conversationId?: string): Conversation | undefined {
  const conversation = conversationForToken(bridge, bearerCredential(req), conversationId);
  if (!isDenial(conversation)) return conversation;
  sendError(res, conversation.status, conversation.code, conversation.message);
  return undefined;
}

/** The request's `?watermark=`; undefined, having answered 400, when it is not a whole number. */
function watermarkOf(req: Request, res: Response): number | undefined {
  const watermark = parseWatermark(new URLSearchParams(req.getQuery()).get('watermark'));
  if (watermark === undefined) sendError(res, 400, 'InvalidWatermark', text.badWatermark);
  return watermark;
}

/** A conversation grant with where to stream the conversation from `watermark` on. */
function streamingGrant(bridge: BridgeContext, req: Request, conversation: Conversation, watermark: number) {
  const grant = conversationGrant(bridge, conversation);
  return { ...grant, streamUrl: streamUrl(req, grant.conversationId, grant.token, watermark) };
}

/** Tells the bot that the visitor (and the bot) joined, as a channel does when a conversation starts. */
function start(bridge: BridgeContext, conversation: Conversation): void {
  conversation.started = true;
  const joined = conversation.log.append({
    ...channelEnvelope(bridge, conversation),
    type: 'conversationUpdate',
    // So that the bot greets in the page's language, as it answers the activities Web Chat sends with their locale.
    ...(conversation.locale !== undefined && { locale: conversation.locale }),
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

  server.post(`${DIRECT_LINE_PATH}/tokens/refresh`, async (req: Request, res: Response) => {
    const conversation = authorize(bridge, req, res);
    if (conversation) res.send(200, conversationGrant(bridge, conversation));
  });

  server.post(`${DIRECT_LINE_PATH}/conversations`, async (req: Request, res: Response) => {
    const conversation = authorize(bridge, req, res);
    if (!conversation) return;
    const isNew = !conversation.started;
    if (isNew) start(bridge, conversation);
    res.send(isNew ? 201 : 200, streamingGrant(bridge, req, conversation, 0));
  });

  // Resuming: a client that knows the conversation (a reload, a dropped stream) picks up after its watermark.
  server.get(`${DIRECT_LINE_PATH}/conversations/:conversationId`, async (req: Request, res: Response) => {
    const conversation = authorize(bridge, req, res, req.params.conversationId);
    if (!conversation) return;
    const watermark = watermarkOf(req, res);
    if (watermark !== undefined) res.send(200, streamingGrant(bridge, req, conversation, watermark));
  });

  server.get(
    { path: `${DIRECT_LINE_PATH}/conversations/:conversationId/activities`, name: DIRECT_LINE_POLL_ROUTE },
    async (req: Request, res: Response) => {
      const conversation = authorize(bridge, req, res, req.params.conversationId);
      if (!conversation) return;
      const watermark = watermarkOf(req, res);
      if (watermark !== undefined) res.send(200, conversation.log.since(watermark));
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
      await postVisitorActivity(bridge, conversation, req.body, res);
    },
  );
}

/**
 * Takes an activity the visitor sent (posted, or uploaded with files: see uploads.ts) into the conversation: echoed to
 * the visitor, and handed to the bot. Answers the request: the activity's id, or why it was not taken.
 */
export async function postVisitorActivity(bridge: BridgeContext, conversation: Conversation, body: unknown, res: Response): Promise<void> {
  const sent = visitorActivity.safeParse(body);
  if (!sent.success) return sendError(res, 400, 'UnsupportedActivity', 'Send a message, an event or a typing activity.');
  // The bot has no use for the visitor's typing, and each activity it is given is a whole turn (a lock, a read and
  // a save of its state): typing is only echoed.
  const forBot = sent.data.type !== 'typing';
  if (forBot && conversation.deliveries.full) return sendError(res, 429, 'TooManyPendingActivities', text.tooManyPending);
  // The echo is what tells Web Chat its activity arrived: it carries the client's `clientActivityID`.
  const echoed = conversation.log.append({
    ...(sent.data as Partial<Activity>),
    ...channelEnvelope(bridge, conversation),
    from: { ...sent.data.from, id: conversation.userId, name: sent.data.from?.name ?? '', role: 'user' },
    recipient: BRIDGE_BOT_ACCOUNT,
  });
  try {
    if (forBot) await deliver(bridge, conversation, echoed);
  } catch (error) {
    bridge.logger.warn({ err: error, conversationId: conversation.id }, 'direct line bridge: the bot did not take an activity');
    return sendError(res, 502, 'BotUnavailable', text.botFailed);
  }
  res.send(200, { id: echoed.id });
}
