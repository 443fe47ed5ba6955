import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import restify, { type Request, type Response, type Route } from 'restify';
import type { Config } from '../config';
import type { Logger } from '../logging';
import { activityAuthentication } from './activityAuthentication';
import { parseActivity, requireJsonBody, sendError } from './activityBody';
import { checkActivityFields } from './activityLimits';
import { createAdapter } from './adapter';
import { DIRECT_LINE_POLL_ROUTE } from './directLine/clientRoutes';
import { InFlight } from './inFlight';
import { serverUrl, startupLine } from './listening';
import { createRateLimits } from './rateLimit';
import { checkReadiness, type Pingable } from './readiness';
import { createTurnErrorHandler } from './turnErrorHandler';
import { withClientAddress } from './turnClient';
import type { TurnHandler } from '../bot/turnPipeline';
import { registerWebChat } from './webChat';

/** What a route registered beside the bot's own may use: `track` keeps shutdown waiting for its work to finish. */
export interface RouteContext {
  track<T>(work: Promise<T>): Promise<T>;
}

/** Adds routes to the server (the porting backend's events, the signed-letter links). */
export type RouteRegistration = (server: restify.Server, context: RouteContext) => void;

export interface AppDependencies {
  readonly bot: TurnHandler;
  readonly storage: Pingable;
  readonly logger: Logger;
  /** How long `/readyz` waits for the storage to answer. */
  readonly readinessTimeoutMs?: number;
  readonly routes?: readonly RouteRegistration[];
}

export interface RunningServer {
  /** Where the server listens, e.g. `http://127.0.0.1:3978` (see serverUrl). */
  readonly url: string;
  /** Stops taking requests, lets the turns under way finish, then resolves. Safe to call more than once. */
  close(): Promise<void>;
}

const PROBE_PATHS = new Set(['/healthz', '/readyz']);
/** Routes a client calls every second or so: Web Chat polling the local Direct Line bridge. */
const POLLED_ROUTES = new Set([DIRECT_LINE_POLL_ROUTE]);
const DEFAULT_READINESS_TIMEOUT_MS = 2000;

function logRequest(logger: Logger, req: Request, res: Response, route: Route | undefined, error: unknown): void {
  const entry = { req, statusCode: res.statusCode, durationMs: Date.now() - req.time(), ...(error ? { err: error } : {}) };
  // A failing probe is logged where it fails (see checkReadiness); probes are otherwise too frequent for info.
  if (PROBE_PATHS.has(req.getPath())) logger.debug(entry, 'probe answered');
  else if (POLLED_ROUTES.has(route?.name ?? '') && res.statusCode < 500) logger.debug(entry, 'poll answered');
  else if (res.statusCode >= 500) logger.error(entry, 'request failed');
  else logger.info(entry, 'request completed');
}

/** Listens on `host` (undefined: every interface) and `port`; resolves with the address it listens on. */
function listen(server: restify.Server, port: number, host: string | undefined): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    // On restify's server, not the http server inside it: restify re-emits every error of the http server on its own,
    // where one with no listener is thrown, and a taken port (EADDRINUSE) would crash the process instead of rejecting.
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

/**
 * Starts the bot's HTTP server: `POST /api/messages` for the Bot Framework channels, `GET /healthz` (the process
 * is up), `GET /readyz` (it can take traffic), and the Web Chat page at `/` (see `registerWebChat`). Port 0 picks a
 * free port, for tests.
 */
export async function startServer(config: Pick<Config, 'server' | 'bot' | 'webChat' | 'newCarrier'>, deps: AppDependencies): Promise<RunningServer> {
  const logger = deps.logger;
  const httpLogger = logger.child({ component: 'http' });
  const adapter = createAdapter(config.bot, createTurnErrorHandler(logger));
  const authentication = activityAuthentication(adapter, httpLogger);
  const turns = new InFlight();
  let closing: Promise<void> | undefined;

  // restify's typings still describe its old bunyan logger; restify 11 uses pino, whose API this is.
  const server = restify.createServer({ name: 'porting-assistant', log: httpLogger as never });
  const rateLimits = createRateLimits(config.server);
  server.use(rateLimits.perClient);

  server.get('/healthz', async (_req: Request, res: Response) => {
    res.send(200, { status: 'ok' });
  });

  server.get('/readyz', async (_req: Request, res: Response) => {
    if (closing) {
      res.send(503, { status: 'unavailable', failing: ['server'], detail: 'The server is shutting down.' });
      return;
    }
    const readiness = await checkReadiness(deps.storage, deps.readinessTimeoutMs ?? DEFAULT_READINESS_TIMEOUT_MS, httpLogger);
    if (readiness.ready) res.send(200, { status: 'ok' });
    else res.send(503, { status: 'unavailable', failing: readiness.failing, detail: readiness.detail });
  });

  server.post(
    '/api/messages',
    (_req: Request, res: Response, next: restify.Next) => {
      if (!closing) return next();
      res.header('Connection', 'close');
      sendError(res, 503, 'ShuttingDown', 'The bot is restarting. Please send your message again in a moment.');
      return next(false);
    },
    requireJsonBody,
    restify.plugins.bodyReader({ maxBodySize: config.server.maxBodyBytes }),
    parseActivity,
    checkActivityFields,
    // Authentication before the conversation's limit: a request that fails it must not spend the conversation's budget.
    (req: Request, res: Response, next: restify.Next) => authentication.check(req, res, next),
    rateLimits.perConversation,
    async (req: Request, res: Response) => {
      const activity = req.body as Activity;
      const logic = withClientAddress(req, config, (context) => deps.bot.run(context));
      try {
        const answer = await turns.track(adapter.runAuthenticated(authentication.resultOf(req), activity, logic));
        res.send(answer?.status ?? 200, answer?.body);
      } catch (error) {
        // A turn's own failures are the turn error handler's; this is the adapter failing around a turn (its connector
        // could not be made, say), whose text stays in the log.
        httpLogger.error({ err: error, activity }, 'activity not handled');
        sendError(res, 500, 'ActivityNotHandled', 'The bot could not handle this activity. Please send it again in a moment.');
      }
    },
  );

  const webChat = registerWebChat(server, config, httpLogger);
  for (const register of deps.routes ?? []) register(server, { track: (work) => turns.track(work) });

  server.on('after', (req: Request, res: Response, route: Route | undefined, error: unknown) => logRequest(httpLogger, req, res, route, error));

  const address = await listen(server, config.server.port, config.server.host);
  const url = serverUrl(address);
  const started = startupLine(address, config.bot.authEnabled);
  logger[started.level](started.fields, started.message);

  return {
    url,
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        logger.info({ turnsInFlight: turns.size }, 'shutting down: no new requests; finishing turns under way');
        await turns.drain();
        webChat.close();
        // Keep-alive connections would otherwise hold the server open until they time out.
        server.server.closeIdleConnections();
        await closed;
        logger.info('server stopped');
      })();
      return closing;
    },
  };
}
