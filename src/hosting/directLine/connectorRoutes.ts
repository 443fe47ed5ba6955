import type { Activity } from 'botbuilder';
import restify, { type Next, type Request, type Response } from 'restify';
import { sameSecret } from '../../security/sameSecret';
import { parseActivity, requireJsonBody, sendError } from '../activityBody';
import { BRIDGE_BOT_ACCOUNT, BRIDGE_SERVICE_PATH, channelEnvelope, SERVICE_KEY_PARAMETER, type BridgeContext } from './bridgeContext';
import type { Conversation } from './conversationRegistry';

/**
 * The Bot Connector REST API at the bridge's serviceUrl: where the bot sends, updates and deletes its activities,
 * exactly as it does with a real channel. What the bot sends lands in the conversation's log, for the visitor.
 *
 * Only the bot's own process may call it, or anyone could put words in the bot's mouth ("re-enter your PIN at ...")
 * or change what it said. With authentication off the SDK's connector client presents no credentials, so the bridge
 * gives it one where it will repeat it on every call: in the serviceUrl, as a random key made at start-up. The key is
 * a query parameter because the SDK keeps the serviceUrl's query when it appends the API's paths, and because
 * request logs leave queries out. Visitors never see a serviceUrl (see channelEnvelope).
 */

const ACTIVITIES_PATH = `${BRIDGE_SERVICE_PATH}/v3/conversations/:conversationId/activities`;

/** Refuses, before anything else runs, a request that does not carry the service key. */
function requireServiceKey(bridge: BridgeContext) {
  return (req: Request, res: Response, next: Next) => {
    const key = new URLSearchParams(req.getQuery()).get(SERVICE_KEY_PARAMETER) ?? '';
    if (sameSecret(key, bridge.serviceKey)) return next();
    sendError(res, 403, 'Forbidden', 'Only the bot may send to this conversation.');
    return next(false);
  };
}

function conversationOf(bridge: BridgeContext, req: Request, res: Response): Conversation | undefined {
  const conversation = bridge.conversations.use(req.params.conversationId);
  if (!conversation) sendError(res, 404, 'ConversationNotFound', 'There is no such conversation, or it has expired.');
  return conversation;
}

/** The bot's activity as the visitor sees it: without the serviceUrl the SDK fills in, which carries the key. */
function fromBot(bridge: BridgeContext, conversation: Conversation, { serviceUrl: _, ...activity }: Partial<Activity>): Partial<Activity> {
  return {
    ...activity,
    ...channelEnvelope(bridge, conversation),
    from: activity.from ?? BRIDGE_BOT_ACCOUNT,
  };
}

const noSuchActivity = (res: Response) => sendError(res, 404, 'ActivityNotFound', 'There is no activity with that id in the conversation.');

export function registerConnectorRoutes(server: restify.Server, bridge: BridgeContext): void {
  const onlyTheBot = requireServiceKey(bridge);
  const readActivity = [onlyTheBot, requireJsonBody, restify.plugins.bodyReader({ maxBodySize: bridge.maxBodyBytes }), parseActivity];

  const send = async (req: Request, res: Response) => {
    const conversation = conversationOf(bridge, req, res);
    if (!conversation) return;
    const sent = req.body as Partial<Activity>;
    const replyToId: string | undefined = req.params.activityId ?? sent.replyToId;
    const logged = conversation.log.append({ ...fromBot(bridge, conversation, sent), replyToId });
    res.send(200, { id: logged.id });
  };

  server.post(ACTIVITIES_PATH, ...readActivity, send);
  server.post(`${ACTIVITIES_PATH}/:activityId`, ...readActivity, send);

  server.put(`${ACTIVITIES_PATH}/:activityId`, ...readActivity, async (req: Request, res: Response) => {
    const conversation = conversationOf(bridge, req, res);
    if (!conversation) return;
    const updated = conversation.log.replace(req.params.activityId, fromBot(bridge, conversation, req.body as Partial<Activity>));
    if (!updated) return noSuchActivity(res);
    res.send(200, { id: updated.id });
  });

  server.del(`${ACTIVITIES_PATH}/:activityId`, onlyTheBot, async (req: Request, res: Response) => {
    const conversation = conversationOf(bridge, req, res);
    if (!conversation) return;
    if (!conversation.log.remove(req.params.activityId)) return noSuchActivity(res);
    res.send(200);
  });
}
