import { createHmac, hkdfSync } from 'node:crypto';
import type { DataKey, DataKeyring } from '../security/dataKeys';
import { sameSecret } from '../security/sameSecret';

const KEY_BYTES = 32;

/**
 * The signature of the bot's links (the letter's receipt link, the assisted port's signing link): an HMAC-SHA256 of
 * what the link names, keyed with a key derived (HKDF) from the data encryption key under the link's own `purpose`, so
 * no extra secret needs configuring, one kind of link can never pass for another, and a rotated key keeps its links
 * working while it is among the old keys.
 */
export class LinkSigner {
  private readonly macKeys = new Map<string, Buffer>();

  constructor(
    private readonly keyring: DataKeyring,
    /** HKDF's info: one per kind of link. */
    private readonly purpose: string,
  ) {}

  /** The key new links are signed with. */
  get currentKey(): DataKey {
    return this.keyring.current;
  }

  /** The key a link names, while it is current or among the old keys. */
  findKey(keyId: string): DataKey | undefined {
    return this.keyring.find(keyId);
  }

  /** The signature of `message` under `key`, base64url (43 characters). */
  sign(key: DataKey, message: string): string {
    return createHmac('sha256', this.macKey(key)).update(message).digest('base64url');
  }

  /** Whether `given` is the signature of `message` under `key`, compared in constant time. */
  verify(key: DataKey, message: string, given: string): boolean {
    return sameSecret(given, this.sign(key, message));
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
