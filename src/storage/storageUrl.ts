/**
 * STORAGE_URL parsing, kept free of I/O so configuration validation can reuse it.
 */

export const storageKinds = ['sqlite', 'redis', 'postgres', 'memory'] as const;
export type StorageKind = (typeof storageKinds)[number];

const kindByScheme: ReadonlyMap<string, StorageKind> = new Map([
  ['sqlite', 'sqlite'],
  ['redis', 'redis'],
  ['rediss', 'redis'],
  ['postgres', 'postgres'],
  ['postgresql', 'postgres'],
  ['memory', 'memory'],
]);

const supportedUrls = [...kindByScheme.keys()].map((scheme) => `${scheme}://`).join(', ');

const SQLITE_PREFIX = 'sqlite://';

/** The backend a STORAGE_URL selects; throws a message naming the scheme and the supported ones. */
export function parseStorageUrl(url: string): StorageKind {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url.trim())?.[1]?.toLowerCase();
  if (scheme === undefined) {
    throw new Error(`STORAGE_URL must start with a scheme such as sqlite://; supported: ${supportedUrls}.`);
  }
  const kind = kindByScheme.get(scheme);
  if (kind === undefined) {
    throw new Error(`STORAGE_URL scheme "${scheme}://" is not supported; supported: ${supportedUrls}.`);
  }
  if (kind === 'sqlite' && sqlitePathOf(url) === '') {
    throw new Error('STORAGE_URL sqlite:// needs a file path, e.g. sqlite://./data/bot.sqlite or sqlite://:memory:.');
  }
  return kind;
}

/** The file path of a sqlite:// URL exactly as written (relative paths are relative to the working directory). */
export function sqlitePathOf(url: string): string {
  return url.trim().slice(SQLITE_PREFIX.length);
}

/** The URL with any password masked, for error messages and logs. */
export function redactStorageUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password === '') {
      return url;
    }
    parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/\/\/([^/@]*):[^/@]*@/, '//$1:***@');
  }
}
