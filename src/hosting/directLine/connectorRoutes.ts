import type { Activity } from 'botbuilder';
import restify, { type Request, type Response } from 'restify';
import { parseActivity, requireJsonBody, sendError } from '../activityBody';
import { BRIDGE_BOT_ACCOUNT, BRIDGE_SERVICE_PATH, channelEnvelope, type BridgeContext } from './bridgeContext';
import type { Conversation } from './conversationRegistry';

/**
 * The Bot Connector REST API at the bridge's serviceUrl: where the bot sends, updates and deletes its activities,
 * exactly as it does with a real channel. What the bot sends lands in the conversation's log for the page to poll.
 */

const ACTIVITIES_PATH = `${BRIDGE_SERVICE_PATH}/v3/conversations/:conversationId/activities`;

function conversationOf(bridge: BridgeContext, req: Request, res: Response): Conversation | undefined {
  const conversation = bridge.conversations.use(req.params.conversationId);
  if (!conversation) sendError(res, 404, 'ConversationNotFound', 'There is no such conversation, or it has expired.');
  return conversation;
}

function fromBot(bridge: BridgeContext, conversation: Conversation, activity: Partial<Activity>): Partial<Activity> {
  return {
    ...activity,
    ...channelEnvelope(bridge, conversation),
    from: activity.from ?? BRIDGE_BOT_ACCOUNT,
  };
}

const noSuchActivity = (res: Response) => sendError(res, 404, 'ActivityNotFound', 'There is no activity with that id in the conversation.');

export function registerConnectorRoutes(server: restify.Server, bridge: BridgeContext): void {
  const readActivity = [requireJsonBody, restify.plugins.bodyReader({ maxBodySize: bridge.maxBodyBytes }), parseActivity];

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

  server.del(`${ACTIVITIES_PATH}/:activityId`, async (req: Request, res: Response) => {
    const conversation = conversationOf(bridge, req, res);
    if (!conversation) return;
    if (!conversation.log.remove(req.params.activityId)) return noSuchActivity(res);
    res.send(200);
  });
}
