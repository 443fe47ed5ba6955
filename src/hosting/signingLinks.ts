/**
 * The signing link of an assisted port (src/assisted): the customer page with a token, `<page>/?sign=<token>`, where
 * the token is `<link id>.<version>.<expires>.<key id>.<signature>`: the link id, then a link token for it
 * (src/security/linkTokens.ts) under a purpose of its own, so that no receipt or document link can pass for one. The
 * page hands the token to the bot when the chat opens; the link id names the prepared draft, which is what makes a
 * link single-use and lets staff replace or withdraw it (see assistedPortStore.ts).
 */
import type { DataKeyring } from '../security/dataKeys';
import { LinkTokens } from '../security/linkTokens';

const PURPOSE = 'porting-assistant/signing-links/v1';
/** The query parameter of the customer page that carries the token (public/assets/app.js reads it). */
export const SIGNING_LINK_PARAMETER = 'sign';
/** A link names one draft: the token's version is always this. */
const LINK_VERSION = 1;

const TOKEN = /^([A-Za-z0-9_-]{16,64})\.(.+)$/;
export interface SigningLink {
  readonly url: string;
  readonly expiresAt: Date;
}

export type SigningTokenCheck =
  | { readonly kind: 'valid'; readonly linkId: string }
  | { readonly kind: 'invalid' }
  | { readonly kind: 'expired'; readonly linkId: string };

export class SigningLinks {
  private readonly tokens: LinkTokens;

  constructor(
    keyring: DataKeyring,
    /** The customer page's address, without a trailing slash; read when a link is made. */
    private readonly baseUrl: () => string,
    private readonly clock: () => Date,
  ) {
    this.tokens = new LinkTokens(keyring, PURPOSE);
  }

  /** The link to the draft `linkId`, working until `expiresAt` (to the second). */
  linkFor(linkId: string, expiresAt: Date): SigningLink {
    const token = `${linkId}.${this.tokens.token(linkId, LINK_VERSION, expiresAt)}`;
    return {
      url: `${this.baseUrl()}/?${SIGNING_LINK_PARAMETER}=${encodeURIComponent(token)}`,
      expiresAt: new Date(Math.floor(expiresAt.getTime() / 1000) * 1000),
    };
  }

  check(token: unknown): SigningTokenCheck {
    const parts = typeof token === 'string' ? TOKEN.exec(token) : null;
    if (!parts) return { kind: 'invalid' };
    const [, linkId, linkToken] = parts as unknown as [string, string, string];
    const check = this.tokens.check(linkId, linkToken, this.clock());
    if (check.kind === 'valid' && check.version !== LINK_VERSION) return { kind: 'invalid' };
    return check.kind === 'invalid' ? check : { kind: check.kind, linkId };
  }
}
