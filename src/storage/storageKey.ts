import { createHash } from 'node:crypto';

/**
 * Maps a bot's storage key to the key a backend stores, injectively.
 *
 * Postgres keeps keys in keyv's VARCHAR(255) column and cannot store NUL; every backend turns strings into UTF-8,
 * which maps each lone surrogate to U+FFFD (so two different keys would collide). Keys that are short and safe are
 * kept readable ("k:" + key); all others are replaced by a SHA-256 of their UTF-16 code units ("h:" + hex), which
 * is injective for every JavaScript string. The two prefixes keep the two forms from ever meeting.
 */

const MAX_READABLE_KEY_LENGTH = 200;
const NAMESPACE_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;
// With the `u` flag a well-formed surrogate pair is one code point, so \p{Cs} only matches lone surrogates.
const LONE_SURROGATE = /\p{Cs}/u;

export function assertValidNamespace(namespace: string): void {
  if (!NAMESPACE_PATTERN.test(namespace)) {
    throw new Error(`Storage namespace "${namespace}" must be 1-40 letters, digits, "_" or "-".`);
  }
}

/** What every backend key of the namespace starts with. */
export function namespacePrefix(namespace: string): string {
  return `${namespace}:`;
}

export function backendKey(namespace: string, key: string): string {
  const readable = key.length <= MAX_READABLE_KEY_LENGTH && !key.includes('\u0000') && !LONE_SURROGATE.test(key);
  const encoded = readable ? `k:${key}` : `h:${createHash('sha256').update(key, 'utf16le').digest('hex')}`;
  return `${namespacePrefix(namespace)}${encoded}`;
}
