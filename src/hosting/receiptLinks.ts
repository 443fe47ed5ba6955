/**
 * The customer's copy of their signed LOA, behind a link they can open from the chat on any channel:
 * `GET /api/loa/<reference>?token=<version>.<expires>.<key id>.<signature>`, signed as src/security/linkTokens.ts
 * signs links (the subject is the reference). The copy shows the account number masked and never the PIN (the
 * 'customer' copy of loaPdf.ts).
 *
 * Answers: 200 with the PDF; 401 for a missing, malformed or forged token; 410 once it has expired; 404 when the
 * letter is not (or no longer) stored.
 */
import type { Request, Response } from 'restify';
import { linkTokenOf, sendText } from './linkResponses';
import { normalizeReferenceNumber } from '../domain/referenceNumber';
import type { Config } from '../config';
import type { Logger } from '../logging';
import type { DataKeyring } from '../security/dataKeys';
import { LinkTokens, type TokenCheck } from '../security/linkTokens';
import { type OutboxStore, entryKey } from '../submission/outbox/outboxStore';
import type { LoaPdfRenderer } from '../submission/pdf/pdfRenderer';
import type { RouteRegistration } from './server';

export const RECEIPT_PATH_PREFIX = '/api/loa/';
/** Long enough to outlast a port; the status check hands out a fresh link whenever the customer asks. */
export const RECEIPT_LINK_LIFETIME_MS = 30 * 24 * 60 * 60_000;

const HKDF_INFO = 'porting-assistant/receipt-links/v1';

/** Shown in the customer's browser. */
const text = {
  invalid:
    "This link doesn't work. Please open the link from your chat with the Porting Assistant, or ask it for your port " +
    'status to get a new one.',
  expired: 'This link has expired. Ask the Porting Assistant for your port status and it will give you a new link.',
  notFound: "We couldn't find this letter. We keep letters for a limited time after the last change to a request.",
} as const;

/** A link to a letter, and when it stops working. */
export interface ReceiptLink {
  readonly url: string;
  readonly expiresAt: Date;
}

export type { TokenCheck } from '../security/linkTokens';

export interface ReceiptLinkOptions {
  /** The address customers reach the bot at, without a trailing slash; read when a link is made (see receiptLinksFor). */
  readonly baseUrl: () => string;
  readonly keyring: DataKeyring;
  readonly lifetimeMs?: number;
  readonly clock?: () => Date;
}

export class ReceiptLinks {
  private readonly tokens: LinkTokens;
  private readonly lifetimeMs: number;
  private readonly clock: () => Date;

  constructor(private readonly options: ReceiptLinkOptions) {
    this.tokens = new LinkTokens(options.keyring, HKDF_INFO);
    this.lifetimeMs = options.lifetimeMs ?? RECEIPT_LINK_LIFETIME_MS;
    this.clock = options.clock ?? (() => new Date());
  }

  /** A link to the customer copy of this version of the letter, valid for the link lifetime from now. */
  linkFor(referenceNumber: string, version: number): ReceiptLink {
    const expiresAt = new Date(Math.floor((this.clock().getTime() + this.lifetimeMs) / 1000) * 1000);
    const token = this.tokens.token(referenceNumber, version, expiresAt);
    const url = `${this.options.baseUrl()}${RECEIPT_PATH_PREFIX}${encodeURIComponent(referenceNumber)}?token=${encodeURIComponent(token)}`;
    return { url, expiresAt };
  }

  check(referenceNumber: string, token: string | undefined): TokenCheck {
    return this.tokens.check(referenceNumber, token, this.clock());
  }
}

/**
 * The address customers reach the bot at, for links to it: PUBLIC_BASE_URL, or on a local run (no MicrosoftAppId) this
 * server's own address, known once it listens. A deployment without PUBLIC_BASE_URL has none: its own address is not
 * the one customers reach.
 */
export function customerBaseUrl(config: Pick<Config, 'receipts' | 'bot'>, serverUrl: () => string): (() => string) | undefined {
  const { publicBaseUrl } = config.receipts;
  if (publicBaseUrl === undefined && config.bot.authEnabled) return undefined;
  return () => publicBaseUrl ?? serverUrl();
}

/** The links for this configuration, to the customerBaseUrl; none without one. */
export function receiptLinksFor(
  config: Pick<Config, 'receipts' | 'bot'>,
  options: Omit<ReceiptLinkOptions, 'baseUrl'> & { readonly serverUrl: () => string },
): ReceiptLinks | undefined {
  const baseUrl = customerBaseUrl(config, options.serverUrl);
  return baseUrl && new ReceiptLinks({ ...options, baseUrl });
}

/** `GET /api/loa/:reference`: the customer copy of the signed letter the token names. */
export function receiptLinksRoute(links: ReceiptLinks, outbox: OutboxStore, pdfRenderer: LoaPdfRenderer, logger: Logger): RouteRegistration {
  return (server) => {
    server.get(`${RECEIPT_PATH_PREFIX}:reference`, async (req: Request, res: Response) => {
      const reference = normalizeReferenceNumber(String(req.params.reference ?? ''));
      const token = linkTokenOf(req);
      if (reference === undefined) return sendText(res, 404, text.notFound);
      const checked = links.check(reference, token);
      if (checked.kind === 'invalid') return sendText(res, 401, text.invalid);
      if (checked.kind === 'expired') return sendText(res, 410, text.expired);
      const entry = await outbox.readEntry(entryKey(reference, checked.version));
      if (entry === undefined) return sendText(res, 404, text.notFound);
      const pdf = await pdfRenderer.render(entry.value.loa, 'customer');
      logger.info({ referenceNumber: reference, version: checked.version }, 'customer copy of the LOA served');
      res.sendRaw(200, pdf, {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `inline; filename="LOA-${reference}-v${checked.version}.pdf"`,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
      });
    });
  };
}
