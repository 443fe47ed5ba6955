/**
 * Signed, expiring tokens for links that need no login: `<version>.<expires>.<key id>.<signature>`, an HMAC-SHA256 of
 * the subject (what the link opens), the version, the expiry and the key id, keyed with a key derived (HKDF) from the
 * data encryption key. No extra secret needs configuring, and a rotated key keeps its links working while it is among
 * the old keys. Each kind of link has its own `purpose`, so a token made for one opens nothing of another.
 */
import { createHmac, hkdfSync } from 'node:crypto';
import type { DataKey, DataKeyring } from './dataKeys';
import { sameSecret } from './sameSecret';

export type TokenCheck = { readonly kind: 'valid'; readonly version: number } | { readonly kind: 'invalid' } | { readonly kind: 'expired' };

const KEY_BYTES = 32;
const TOKEN = /^(\d{1,9})\.(\d{1,12})\.(.+)\.([A-Za-z0-9_-]{43})$/;

export class LinkTokens {
  private readonly macKeys = new Map<string, Buffer>();

  /** `purpose`: the HKDF info naming the kind of link, e.g. 'porting-assistant/receipt-links/v1'. */
  constructor(
    private readonly keyring: DataKeyring,
    private readonly purpose: string,
  ) {}

  /** A token for `subject` at `version`, valid until `expiresAt` (to the second). */
  token(subject: string, version: number, expiresAt: Date): string {
    const expires = Math.floor(expiresAt.getTime() / 1000);
    const key = this.keyring.current;
    return `${version}.${expires}.${key.id}.${this.mac(key, subject, version, expires)}`;
  }

  check(subject: string, token: string | undefined, now: Date): TokenCheck {
    const parts = token === undefined ? null : TOKEN.exec(token);
    if (!parts) return { kind: 'invalid' };
    const [, versionText, expiresText, keyId, given] = parts as unknown as [string, string, string, string, string];
    const key = this.keyring.find(keyId);
    const version = Number(versionText);
    const expires = Number(expiresText);
    if (key === undefined || version < 1) return { kind: 'invalid' };
    if (!sameSecret(given, this.mac(key, subject, version, expires))) return { kind: 'invalid' };
    return expires * 1000 <= now.getTime() ? { kind: 'expired' } : { kind: 'valid', version };
  }

  private mac(key: DataKey, subject: string, version: number, expires: number): string {
    return createHmac('sha256', this.macKey(key)).update(`${subject}\n${version}\n${expires}\n${key.id}`).digest('base64url');
  }

  private macKey(key: DataKey): Buffer {
    let derived = this.macKeys.get(key.id);
    if (derived === undefined) {
      derived = Buffer.from(hkdfSync('sha256', key.secret, Buffer.alloc(0), this.purpose, KEY_BYTES));
      this.macKeys.set(key.id, derived);
    }
    return derived;
  }
}
