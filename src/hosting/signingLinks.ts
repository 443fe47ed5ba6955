/**
 * The signing link of an assisted port (src/assisted): the customer page with a token, `<page>/?sign=<token>`, where
 * the token is `<link id>.<expires>.<key id>.<signature>`, signed as the receipt links are (linkSigner.ts) under a
 * purpose of its own. The page hands the token to the bot when the chat opens; the link id names the prepared draft,
 * which is what makes a link single-use and lets staff replace or withdraw it (see assistedPortStore.ts).
 */
import type { DataKey, DataKeyring } from '../security/dataKeys';
import { LinkSigner } from './linkSigner';

const HKDF_INFO = 'porting-assistant/signing-links/v1';
/** The query parameter of the customer page that carries the token (public/assets/app.js reads it). */
export const SIGNING_LINK_PARAMETER = 'sign';

const TOKEN = /^([A-Za-z0-9_-]{16,64})\.(\d{1,12})\.([^.]+)\.([A-Za-z0-9_-]{43})$/;

export interface SigningLink {
  readonly url: string;
  readonly expiresAt: Date;
}

export type SigningTokenCheck =
  | { readonly kind: 'valid'; readonly linkId: string }
  | { readonly kind: 'invalid' }
  | { readonly kind: 'expired'; readonly linkId: string };

export class SigningLinks {
  private readonly signer: LinkSigner;

  constructor(
    keyring: DataKeyring,
    /** The customer page's address, without a trailing slash; read when a link is made. */
    private readonly baseUrl: () => string,
    private readonly clock: () => Date,
  ) {
    this.signer = new LinkSigner(keyring, HKDF_INFO);
  }

  /** The link to the draft `linkId`, working until `expiresAt` (to the second). */
  linkFor(linkId: string, expiresAt: Date): SigningLink {
    const expires = Math.floor(expiresAt.getTime() / 1000);
    const key = this.signer.currentKey;
    const token = `${linkId}.${expires}.${key.id}.${this.signer.sign(key, message(linkId, expires, key))}`;
    return { url: `${this.baseUrl()}/?${SIGNING_LINK_PARAMETER}=${encodeURIComponent(token)}`, expiresAt: new Date(expires * 1000) };
  }

  check(token: unknown): SigningTokenCheck {
    const parts = typeof token === 'string' ? TOKEN.exec(token) : null;
    if (!parts) return { kind: 'invalid' };
    const [, linkId, expiresText, keyId, given] = parts as unknown as [string, string, string, string, string];
    const key = this.signer.findKey(keyId);
    const expires = Number(expiresText);
    if (key === undefined || !this.signer.verify(key, message(linkId, expires, key), given)) return { kind: 'invalid' };
    return expires * 1000 <= this.clock().getTime() ? { kind: 'expired', linkId } : { kind: 'valid', linkId };
  }
}

function message(linkId: string, expires: number, key: DataKey): string {
  return `signing-link\n${linkId}\n${expires}\n${key.id}`;
}
