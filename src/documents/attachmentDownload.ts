/**
 * Fetching a file the customer attached in the chat. Channels send it as a link, not as bytes: Web Chat (through
 * Direct Line) as the attachment's `contentUrl`, Teams as file download info whose `downloadUrl` is a short-lived,
 * pre-authorized link. Only https links are fetched (or, on a local run, the local Direct Line bridge's own
 * address), with a timeout and a size cap that stop reading a file the moment it is too big. A link is the visitor's
 * to write, so none may lead inside: a host that resolves to this machine, a private network or a link-local address
 * (a cloud's metadata service) is refused, at every redirect.
 */
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import type { Attachment } from 'botbuilder';

export const TEAMS_FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

/** A file attached to a message, where to fetch it from. */
export interface ChatFile {
  readonly url: string;
  readonly name?: string;
}

export type Download =
  | { readonly ok: true; readonly bytes: Buffer }
  | { readonly ok: false; readonly refusal: 'tooBig' | 'unreachable' };

export interface AttachmentDownloadOptions {
  readonly maxBytes: number;
  readonly timeoutMs: number;
  /** The local Direct Line bridge's origin (http://127.0.0.1:…) on a local run, whose uploads are fetched too. */
  readonly localOrigin?: () => string | undefined;
}

const MAX_REDIRECTS = 3;

/** Where no attachment link may lead: unspecified, this machine, private and shared networks, link-local, multicast. */
const INSIDE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) INSIDE.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [['::', 127], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) INSIDE.addSubnet(network, prefix, 'ipv6');

function isInside(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped !== undefined) return INSIDE.check(mapped, 'ipv4');
  return INSIDE.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}

/** Whether every address the host has is outside (see INSIDE); false when it does not resolve. */
async function leadsOutside(hostname: string): Promise<boolean> {
  const host = hostname.replace(/^\[|\]$/g, '');
  try {
    const addresses = isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map(({ address }) => address);
    return addresses.length > 0 && !addresses.some(isInside);
  } catch {
    return false;
  }
}

/**
 * The file a message carries, if any. Teams adds the message's own text as a 'text/html' attachment, and cards are
 * attachments too: neither is a file.
 */
export function fileAttachmentOf(attachments: readonly Attachment[] | undefined): ChatFile | undefined {
  for (const attachment of attachments ?? []) {
    const { contentType, contentUrl, name } = attachment;
    if (contentType === TEAMS_FILE_DOWNLOAD_INFO) {
      const downloadUrl = (attachment.content as { downloadUrl?: unknown } | undefined)?.downloadUrl;
      if (typeof downloadUrl === 'string') return { url: downloadUrl, name };
      continue;
    }
    if (typeof contentUrl !== 'string' || contentUrl === '') continue;
    if (contentType === 'text/html' || contentType.startsWith('application/vnd.microsoft.card')) continue;
    return { url: contentUrl, name };
  }
  return undefined;
}

export class AttachmentDownloader {
  constructor(private readonly options: AttachmentDownloadOptions) {}

  async download(file: ChatFile): Promise<Download> {
    const url = parseUrl(file.url);
    if (url === undefined) return { ok: false, refusal: 'unreachable' };
    if (url.protocol === 'data:') return this.inline(url);
    const signal = AbortSignal.timeout(this.options.timeoutMs);
    try {
      let location = url;
      for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
        if (!(await this.mayFetch(location))) return { ok: false, refusal: 'unreachable' };
        const response = await fetch(location, { redirect: 'manual', signal });
        const next = response.headers.get('location');
        if (response.status >= 300 && response.status < 400 && next !== null) {
          await response.body?.cancel();
          location = new URL(next, location);
          continue;
        }
        if (!response.ok || response.body === null) {
          await response.body?.cancel();
          return { ok: false, refusal: 'unreachable' };
        }
        return await this.readCapped(response);
      }
      return { ok: false, refusal: 'unreachable' };
    } catch {
      return { ok: false, refusal: 'unreachable' };
    }
  }

  private async mayFetch(url: URL): Promise<boolean> {
    const local = this.options.localOrigin?.();
    if (local !== undefined && url.origin === new URL(local).origin) return true;
    return url.protocol === 'https:' && leadsOutside(url.hostname);
  }

  /** The body, up to one byte past the cap: reading stops there, and the file is too big. */
  private async readCapped(response: Response): Promise<Download> {
    const { maxBytes } = this.options;
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > maxBytes) {
      await response.body?.cancel();
      return { ok: false, refusal: 'tooBig' };
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        return { ok: false, refusal: 'tooBig' };
      }
      chunks.push(value);
    }
    return { ok: true, bytes: Buffer.concat(chunks) };
  }

  /** A `data:` URL, as some clients send a small file inline. */
  private inline(url: URL): Download {
    const match = /^data:[^,]*?(;base64)?,(.*)$/s.exec(url.href);
    if (!match) return { ok: false, refusal: 'unreachable' };
    const [, base64, payload] = match as unknown as [string, string | undefined, string];
    // Base64 holds 3 bytes in 4 characters: anything longer than the cap's worth is too big without decoding it.
    if (payload.length > Math.ceil((this.options.maxBytes * 4) / 3) + 4) return { ok: false, refusal: 'tooBig' };
    const bytes = base64 ? Buffer.from(payload, 'base64') : percentDecoded(payload);
    if (bytes === undefined) return { ok: false, refusal: 'unreachable' };
    return bytes.byteLength > this.options.maxBytes ? { ok: false, refusal: 'tooBig' } : { ok: true, bytes };
  }
}

/** A `data:` URL's percent-encoded payload as bytes; undefined when it is not well formed (a stray `%`). */
function percentDecoded(payload: string): Buffer | undefined {
  try {
    return Buffer.from(decodeURIComponent(payload), 'latin1');
  } catch {
    return undefined;
  }
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}
