import { createSecretKey, type KeyObject } from 'node:crypto';
import { z } from 'zod';

/**
 * The keys that encrypt stored data. Each has an id, stored next to the ciphertext, so that keys can be rotated:
 * the current key encrypts every write, and older keys stay available for reading what they encrypted until it
 * has been written again. A key is written as `<id>:<base64 of 32 random bytes>`.
 *
 * The secret is held as a KeyObject, which prints as nothing useful: logging a key by mistake cannot leak it.
 */

export interface DataKey {
  readonly id: string;
  readonly secret: KeyObject;
}

const KEY_BYTES = 32;
const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** A shell command that prints a new key in the expected form. */
export const NEW_KEY_COMMAND = `node -e "console.log('key1:' + require('crypto').randomBytes(32).toString('base64'))"`;

/** Parses `<id>:<base64>`; the error never quotes the value, which may be a real key with a typo. */
export function parseDataKey(text: string): DataKey {
  const separator = text.indexOf(':');
  const id = separator < 0 ? '' : text.slice(0, separator).trim();
  const encoded = text.slice(separator + 1).trim();
  if (!KEY_ID.test(id)) {
    throw new Error('a key must start with its id (letters, digits, ".", "_" or "-", then ":"), e.g. key1:<base64>');
  }
  const bytes = Buffer.from(encoded, 'base64');
  // Buffer.from skips characters that are not base64: re-encoding shows whether the text was exactly the key.
  if (bytes.length !== KEY_BYTES || bytes.toString('base64') !== encoded) {
    throw new Error(`key "${id}" must be exactly ${KEY_BYTES} bytes in standard base64 (44 characters ending in "=")`);
  }
  return { id, secret: createSecretKey(bytes) };
}

export function formatDataKey(id: string, bytes: Buffer): string {
  return `${id}:${bytes.toString('base64')}`;
}

/** The first id used by more than one of the keys, if any. */
export function duplicateKeyId(keys: readonly DataKey[]): string | undefined {
  const seen = new Set<string>();
  for (const { id } of keys) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return undefined;
}

function keySchema(text: string, ctx: z.RefinementCtx): DataKey {
  try {
    return parseDataKey(text);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
    return z.NEVER;
  }
}

/** One key, as DATA_ENCRYPTION_KEY holds it. */
export const dataKeySchema = z.string().transform(keySchema);

/** A comma-separated list of keys, as DATA_ENCRYPTION_OLD_KEYS holds it; blank entries are ignored. */
export const dataKeyListSchema = z
  .string()
  .transform((list) => list.split(',').map((entry) => entry.trim()).filter((entry) => entry !== ''))
  .pipe(z.array(dataKeySchema));

/** The current key and the older keys that may still be needed to read data. */
export class DataKeyring {
  private readonly byId: ReadonlyMap<string, DataKey>;

  constructor(
    readonly current: DataKey,
    readonly old: readonly DataKey[] = [],
  ) {
    const duplicate = duplicateKeyId([current, ...old]);
    if (duplicate !== undefined) {
      throw new Error(`Two data encryption keys have the id "${duplicate}"; every key needs its own id.`);
    }
    this.byId = new Map([current, ...old].map((key) => [key.id, key]));
  }

  find(id: string): DataKey | undefined {
    return this.byId.get(id);
  }
}
