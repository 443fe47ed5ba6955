import type { Next, Request, RequestHandler, Response } from 'restify';
import type { Config } from '../config';
import { sendError } from './activityBody';
import { clientOfRequest } from './clientAddress';
import { DIRECT_LINE_POLL_ROUTE } from './directLine/clientRoutes';
import { TokenBuckets } from './tokenBuckets';

/**
 * Rate limits, answered with 429, a Retry-After header and a JSON body:
 * - per client address, on every route but the health probes: RATE_LIMIT_PER_MINUTE_PER_CLIENT requests a minute,
 *   with Web Chat's polling of the local Direct Line bridge counted apart, against a far larger allowance;
 * - per conversation, on /api/messages: RATE_LIMIT_PER_MINUTE_PER_CONVERSATION activities a minute, whichever
 *   address they come from, counting only activities that passed authentication (a forger naming a conversation
 *   must not spend its customer's allowance; see activityAuthentication.ts).
 * Requests from this machine itself are not counted per client: they are the server's own (the Direct Line bridge
 * hands every visitor's message to /api/messages, and trades for their tokens, over loopback), and each visitor has
 * already been counted at the bridge. Their conversations are still counted.
 */

export type RateLimitSettings = Pick<Config['server'], 'trustProxy' | 'rateLimitPerMinutePerClient' | 'rateLimitPerMinutePerConversation'>;

/** Web Chat polls once a second for each open chat: this lets sixty chats share one address (an office, say). */
export const POLLS_PER_MINUTE_PER_CLIENT = 3600;
/** Buckets kept per limit (see TokenBuckets): some 15 MB at worst. */
const MAX_TRACKED_KEYS = 100_000;
/** The platform's health probes come every few seconds and cost nothing. */
const UNCOUNTED_PATHS: ReadonlySet<string> = new Set(['/healthz', '/readyz']);

const text = {
  tooMany: (seconds: number) => `Too many requests. Please wait ${seconds} second${seconds === 1 ? '' : 's'} and try again.`,
} as const;

export interface RateLimits {
  /** For `server.use`: counts each request against its client's address. */
  readonly perClient: RequestHandler;
  /** For /api/messages, once the activity is checked and authenticated: counts it against its conversation. */
  readonly perConversation: RequestHandler;
}

function refuse(res: Response, next: Next, waitMs: number): void {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  res.header('Retry-After', String(seconds));
  sendError(res, 429, 'TooManyRequests', text.tooMany(seconds));
  next(false);
}

/** The conversation an activity belongs to, across channels; undefined when it names none. */
function conversationKey(activity: unknown): string | undefined {
  const { channelId, conversation } = activity as { channelId?: unknown; conversation?: { id?: unknown } };
  return typeof conversation?.id === 'string' ? `${typeof channelId === 'string' ? channelId : ''}|${conversation.id}` : undefined;
}

export function createRateLimits(settings: RateLimitSettings, clock?: () => number): RateLimits {
  const buckets = (perMinute: number) => new TokenBuckets({ perMinute, maxKeys: MAX_TRACKED_KEYS, clock });
  const requests = buckets(settings.rateLimitPerMinutePerClient);
  const polls = buckets(POLLS_PER_MINUTE_PER_CLIENT);
  const conversations = buckets(settings.rateLimitPerMinutePerConversation);

  return {
    perClient(req: Request, res: Response, next: Next) {
      const route = req.getRoute();
      if (UNCOUNTED_PATHS.has(String(route?.path))) return next();
      const client = clientOfRequest(req, settings.trustProxy);
      if (client === undefined || client.local) return next();
      const waitMs = (route?.name === DIRECT_LINE_POLL_ROUTE ? polls : requests).take(client.key);
      return waitMs === 0 ? next() : refuse(res, next, waitMs);
    },
    perConversation(req: Request, res: Response, next: Next) {
      const key = conversationKey(req.body);
      const waitMs = key === undefined ? 0 : conversations.take(key);
      return waitMs === 0 ? next() : refuse(res, next, waitMs);
    },
  };
}
