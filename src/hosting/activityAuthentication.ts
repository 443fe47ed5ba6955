/**
 * Authentication on /api/messages, as a step of its own at the door: after the body and the activity's fields are
 * checked, and before the conversation's rate limit, so that only activities a channel signed for this bot (every
 * activity, with authentication off) count against their conversation. A request that fails it is counted only
 * against its client address, by the limit in front of every route: a forger naming a conversation costs it nothing.
 *
 * Failures are answered in JSON, never with the SDK's error text (it names the login service, its keys and the
 * token's claims):
 * - 401 when the token is missing, malformed, expired, or not signed for this bot;
 * - 503 with Retry-After when the token could not be checked at all: the login service's metadata or keys out of
 *   reach. Anything else thrown while checking is answered so too, since the request may well be a good one.
 */
import type { Activity } from 'botbuilder';
import { AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';
import type { Next, Request, Response } from 'restify';
import type { Logger } from '../logging';
import { sendError } from './activityBody';
import type { BotAdapter } from './adapter';

/** jsonwebtoken's errors for a token that does not verify (signature, audience, expiry), which the SDK lets through. */
const TOKEN_ERRORS: ReadonlySet<string> = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);
/** The SDK fetches the login metadata again for the next request: a channel retrying after this long tries afresh. */
const RETRY_AFTER_SECONDS = 30;
const SERVER_ERROR = 500;

const text = {
  unauthorized: 'The request is not authorized: send it with a Bot Framework token issued for this bot in the Authorization header.',
  unavailable: 'The bot cannot check credentials right now. Please try again in a minute.',
} as const;

/** Whether `error` refuses the request's token, rather than saying the token could not be checked. */
function refusesToken(error: unknown): boolean {
  // The SDK's own "failed to load" errors carry 500: its keys are out of reach, the token is not at fault.
  if (error instanceof AuthenticationError) return error.statusCode < SERVER_ERROR;
  return error instanceof Error && TOKEN_ERRORS.has(error.name);
}

export interface ActivityAuthentication {
  /** For /api/messages once the activity is checked: refuses with 401 or 503, or notes the result for `resultOf`. */
  check(req: Request, res: Response, next: Next): void;
  /** What `check` found for this request. */
  resultOf(req: Request): AuthenticateRequestResult;
}

export function activityAuthentication(adapter: BotAdapter, logger: Logger): ActivityAuthentication {
  const results = new WeakMap<Request, AuthenticateRequestResult>();
  return {
    check(req, res, next) {
      adapter.authenticate(req.body as Activity, req.headers.authorization ?? '').then(
        (result) => {
          results.set(req, result);
          next();
        },
        (error: unknown) => {
          if (refusesToken(error)) {
            logger.debug({ err: error }, 'request not authenticated');
            sendError(res, 401, 'Unauthorized', text.unauthorized);
          } else {
            logger.warn({ err: error }, "could not check a request's credentials: the login service or its keys are out of reach");
            res.header('Retry-After', String(RETRY_AFTER_SECONDS));
            sendError(res, 503, 'AuthenticationUnavailable', text.unavailable);
          }
          next(false);
        },
      );
    },
    resultOf(req) {
      const result = results.get(req);
      if (result === undefined) throw new Error('The request was not authenticated: put activityAuthentication.check before the handler.');
      return result;
    },
  };
}
