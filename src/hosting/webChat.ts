import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { basename, dirname, join } from 'node:path';
import restify, { type Next, type Request, type Response } from 'restify';
import { z } from 'zod';
import type { Config } from '../config';
import type { Logger } from '../logging';
import { requireJsonBody, sendError } from './activityBody';
import { clientOfRequest } from './clientAddress';
import { registerDirectLineBridge } from './directLine/bridge';
import { DIRECT_LINE_PATH } from './directLine/bridgeContext';
import { parseJsonBody } from './directLine/requests';
import { generateVisitorToken, VisitorTokenRefused, type VisitorToken } from './directLine/tokenExchange';
import { serverUrl } from './listening';

/**
 * The "Bring your number" page at `/` with Bot Framework Web Chat, and what the page needs from the server:
 * - `GET /api/webchat/config`: where the page's Direct Line is (the local bridge, or the Direct Line service);
 * - `POST /api/directline/token` `{ visitorId }`: a Direct Line token for that visitor, whose user id is
 *   `dl_<visitorId>`, so a returning visitor is the same customer to the bot and can pick up where they left off.
 * Without MicrosoftAppId the page talks to the Direct Line bridge inside this server, which makes the tokens itself;
 * with it, to the Direct Line service, and the server trades DIRECT_LINE_SECRET for the tokens. Either way Web Chat
 * streams the conversation over a WebSocket.
 */

/** What `GET /api/webchat/config` answers. */
export interface WebChatPageSettings {
  /** Web Chat's `domain`: absolute, or relative to the page. */
  readonly directLineDomain: string;
}

/**
 * A random id the page keeps in the browser's storage (a UUID), and the page's language (a BCP 47 tag such as es-US),
 * which the local bridge tells the bot when the conversation starts.
 */
const tokenRequest = z.object({
  visitorId: z.string().regex(/^[A-Za-z0-9-]{16,64}$/),
  locale: z.string().regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,3}$/).optional(),
});
const TOKEN_REQUEST_MAX_BYTES = 1024;

const text = {
  notConfigured: 'The chat is not set up on this server yet: DIRECT_LINE_SECRET is missing.',
  unavailable: 'We could not start the chat just now. Please try again in a moment.',
} as const;

/** Where public/index.html names the carrier customers move to; filled in from CARRIER_NAME when the server starts. */
const NEW_CARRIER_SLOT = /\{\{newCarrier\}\}/g;
const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * The customer page with the new carrier's name in its slots. The name is configuration, not markup: it is escaped
 * for HTML text and attribute values alike, so whatever it holds is shown as written and never read as tags.
 */
export function customerPageHtml(template: string, newCarrierName: string): string {
  const escaped = newCarrierName.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
  // A function, so that "$&" or "$'" in a name is not read as a replacement pattern.
  return template.replace(NEW_CARRIER_SLOT, () => escaped);
}

/** The folder holding package.json: `public/` sits beside it, whether this runs from src/ or from dist/. */
function projectRoot(start: string = __dirname): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`No package.json above ${start}.`);
  }
}

/** Web Chat's prebuilt browser bundle, served from node_modules rather than a CDN. */
function webChatBundle(): string {
  // The package's exports hide dist/; its CommonJS entry point is lib/index.js, beside it.
  const bundle = join(dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');
  if (!existsSync(bundle)) throw new Error(`Web Chat's browser bundle is missing at ${bundle}: run npm install.`);
  return bundle;
}

function contentSecurityPolicy(directLineOrigins: string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Web Chat styles itself with inline <style> elements.
    "style-src 'self' 'unsafe-inline'",
    // Cards may show images from anywhere on the web.
    "img-src 'self' data: blob: https:",
    "media-src 'self' blob: https:",
    "font-src 'self' data:",
    // blob: is the file the customer attaches, which Web Chat reads to upload it.
    `connect-src 'self' blob: ${directLineOrigins.join(' ')}`.trim(),
    "frame-ancestors 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}

function pageHeaders(policy: string) {
  return (_req: Request, res: Response, next: Next) => {
    res.header('Content-Security-Policy', policy);
    res.header('X-Content-Type-Options', 'nosniff');
    res.header('Referrer-Policy', 'no-referrer');
    return next();
  };
}

/** Where the page's Direct Line is, and how the server gets tokens for it. */
interface DirectLineBackend {
  readonly settings: WebChatPageSettings;
  /** What the page may connect to besides this server. */
  readonly origins: string[];
  /**
   * A token for the visitor `userId`, whose page asked from the client address `client`. Throws VisitorTokenRefused
   * for what the visitor is to be told, and any other error when the Direct Line service could not be asked.
   */
  visitorToken(userId: string, client: string, locale?: string): Promise<VisitorToken>;
  close(): void;
}

function localBridge(server: restify.Server, config: Pick<Config, 'server'>, logger: Logger): DirectLineBackend {
  const selfUrl = () => serverUrl(server.address() as AddressInfo);
  const bridge = registerDirectLineBridge(server, { selfUrl, maxBodyBytes: config.server.maxBodyBytes, logger });
  return {
    settings: { directLineDomain: DIRECT_LINE_PATH },
    // A browser's 'self' covers this page's ws: origin too.
    origins: [],
    visitorToken: async (userId, client, locale) => bridge.visitorToken(userId, client, locale),
    close: () => bridge.close(),
  };
}

function directLineService({ directLineUrl, directLineSecret }: Config['webChat']): DirectLineBackend {
  const { host, protocol } = new URL(directLineUrl);
  return {
    settings: { directLineDomain: `${directLineUrl}${DIRECT_LINE_PATH}` },
    origins: [`${protocol}//${host}`, `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}`],
    async visitorToken(userId) {
      if (!directLineSecret) throw new VisitorTokenRefused(503, 'WebChatNotConfigured', text.notConfigured);
      return generateVisitorToken(directLineUrl, directLineSecret, userId);
    },
    close: () => undefined,
  };
}

/**
 * Registers the page, its assets and its API on `server`; without MicrosoftAppId, the Direct Line bridge too. Call
 * `close` when the server closes, once its turns have finished: it ends the bridge's streams, which would otherwise
 * hold the server open.
 */
export function registerWebChat(
  server: restify.Server,
  config: Pick<Config, 'bot' | 'server' | 'webChat' | 'newCarrier'>,
  logger: Logger,
): { close(): void } {
  const backend = config.bot.authEnabled ? directLineService(config.webChat) : localBridge(server, config, logger);
  const publicDir = join(projectRoot(), 'public');
  const bundle = webChatBundle();
  const revalidate = { maxAge: 0 };
  // Filled in once: the page is the same for every visitor until the server restarts with other settings.
  const customerPage = customerPageHtml(readFileSync(join(publicDir, 'index.html'), 'utf8'), config.newCarrier.name);

  server.get('/', pageHeaders(contentSecurityPolicy(backend.origins)), async (_req: Request, res: Response) => {
    res.sendRaw(200, customerPage, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
  });
  // The agents' console (dialogs/handoff/agentDesk.ts): the same Web Chat, joining the agents' hub with the agent token.
  server.get(
    '/agent',
    pageHeaders(contentSecurityPolicy(backend.origins)),
    restify.plugins.serveStatic({ directory: publicDir, file: 'agent.html', ...revalidate }),
  );
  server.get('/assets/*', restify.plugins.serveStaticFiles(join(publicDir, 'assets'), revalidate));
  server.get('/static/webchat.js', restify.plugins.serveStatic({ directory: dirname(bundle), file: basename(bundle), maxAge: 24 * 60 * 60 }));

  server.get('/api/webchat/config', async (_req: Request, res: Response) => {
    res.send(200, backend.settings);
  });

  server.post(
    '/api/directline/token',
    requireJsonBody,
    restify.plugins.bodyReader({ maxBodySize: TOKEN_REQUEST_MAX_BYTES }),
    async (req: Request, res: Response) => {
      res.header('Cache-Control', 'no-store');
      const body = parseJsonBody(req, res, tokenRequest);
      if (!body) return;
      const client = clientOfRequest(req, config.server.trustProxy);
      try {
        res.send(200, await backend.visitorToken(`dl_${body.visitorId}`, client?.key ?? 'unknown', body.locale));
      } catch (error) {
        if (error instanceof VisitorTokenRefused) return sendError(res, error.status, error.code, error.message);
        logger.warn({ err: error }, 'web chat: could not get a Direct Line token');
        sendError(res, 502, 'DirectLineUnavailable', text.unavailable);
      }
    },
  );

  return { close: () => backend.close() };
}
