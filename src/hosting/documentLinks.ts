/**
 * The porting backend's way to a bill the customer attached: the webhook's body names each document with a link
 * `GET /api/documents/<id>?token=<version>.<expires>.<key id>.<signature>`, signed as src/security/linkTokens.ts signs
 * links (its own purpose: a letter's token opens no document) and good for DOCUMENT_LINK_LIFETIME_MS, time enough for
 * the backend to fetch it on delivery or on a retry. The id is random too, and names no customer.
 *
 * Answers: 200 with the file; 401 for a missing, malformed or forged token; 410 once it has expired; 404 when the
 * document is not (or no longer) stored.
 */
import type { Request, Response } from 'restify';
import { linkTokenOf, sendText } from './linkResponses';
import type { Logger } from '../logging';
import type { DataKeyring } from '../security/dataKeys';
import { LinkTokens } from '../security/linkTokens';
import { billFileName } from '../domain/billDocument';
import type { DocumentStore } from '../documents/documentStore';
import type { RouteRegistration } from './server';

export const DOCUMENT_PATH_PREFIX = '/api/documents/';
export const DOCUMENT_LINK_LIFETIME_MS = 7 * 24 * 60 * 60_000;

const HKDF_INFO = 'porting-assistant/document-links/v1';
/** Links name no version of a document: a stored document never changes. */
const VERSION = 1;

export interface DocumentLink {
  readonly url: string;
  readonly expiresAt: Date;
}

export class DocumentLinks {
  private readonly tokens: LinkTokens;

  constructor(
    keyring: DataKeyring,
    /** The address the backend reaches the bot at, without a trailing slash (PUBLIC_BASE_URL, or a local run's own). */
    private readonly baseUrl: () => string,
    private readonly clock: () => Date,
    private readonly lifetimeMs = DOCUMENT_LINK_LIFETIME_MS,
  ) {
    this.tokens = new LinkTokens(keyring, HKDF_INFO);
  }

  linkFor(documentId: string): DocumentLink {
    const expiresAt = new Date(Math.floor((this.clock().getTime() + this.lifetimeMs) / 1000) * 1000);
    const token = this.tokens.token(documentId, VERSION, expiresAt);
    return { url: `${this.baseUrl()}${DOCUMENT_PATH_PREFIX}${encodeURIComponent(documentId)}?token=${encodeURIComponent(token)}`, expiresAt };
  }

  check(documentId: string, token: string | undefined) {
    return this.tokens.check(documentId, token, this.clock());
  }
}

/** `GET /api/documents/:id`: the document the token names. */
export function documentLinksRoute(links: DocumentLinks, documents: DocumentStore, logger: Logger): RouteRegistration {
  return (server) => {
    server.get(`${DOCUMENT_PATH_PREFIX}:id`, async (req: Request, res: Response) => {
      const id = String(req.params.id ?? '');
      const token = linkTokenOf(req);
      const checked = links.check(id, token);
      if (checked.kind === 'invalid') return sendText(res, 401, 'This link is not valid.');
      if (checked.kind === 'expired') return sendText(res, 410, 'This link has expired.');
      const document = await documents.get(id);
      if (document === undefined) return sendText(res, 404, 'This document is no longer kept.');
      logger.info({ documentId: id, kind: document.facts.kind }, 'document fetched by its link');
      res.sendRaw(200, document.content, {
        'Content-Type': document.facts.contentType,
        'Content-Disposition': `attachment; filename="${billFileName(document.facts.contentType)}"`,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
      });
    });
  };
}
