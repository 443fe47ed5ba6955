import { isIPv4, isIPv6 } from 'node:net';

/**
 * Who a request comes from, as a key to count its requests by: the address that connected, or, behind a trusted
 * reverse proxy, the address that proxy saw. The proxy appends that address to X-Forwarded-For, so only the last
 * entry is believed: every entry before it came from the client, which can write anything there.
 *
 * An IPv6 client is counted by its /64 network, since one customer line is given at least a /64 and could otherwise
 * pick a fresh address for each request. An IPv4 address written as IPv6 (::ffff:a.b.c.d) is the IPv4 address.
 */

export interface ClientAddressSource {
  readonly socketAddress: string | undefined;
  readonly forwardedFor: string | string[] | undefined;
}

/** The last X-Forwarded-For entry, without a port: App Service writes `203.0.113.7:52144` and `[2001:db8::1]:52144`. */
function lastForwarded(header: string | string[]): string {
  const value = Array.isArray(header) ? header.join(',') : header;
  const entry = value.slice(value.lastIndexOf(',') + 1).trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry);
  if (bracketed) return bracketed[1];
  const ipv4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(entry);
  return ipv4WithPort ? ipv4WithPort[1] : entry;
}

/** The eight 16-bit groups of an IPv6 address, expanding `::`; an IPv4 tail (`::ffff:1.2.3.4`) is two groups. */
function ipv6Groups(address: string): number[] {
  const [text] = address.split('%');
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  const group = (high: string, low: string) => ((Number(high) << 8) | Number(low)).toString(16);
  const hex = dotted ? `${text.slice(0, dotted.index)}${group(dotted[1], dotted[2])}:${group(dotted[3], dotted[4])}` : text;
  const [head, tail] = hex.split('::');
  const parse = (part: string | undefined) => (part ? part.split(':').map((value) => parseInt(value, 16)) : []);
  const [front, back] = [parse(head), parse(tail)];
  return tail === undefined ? front : [...front, ...new Array<number>(8 - front.length - back.length).fill(0), ...back];
}

/** `address` as a plain IPv4 address when it is one written as IPv6; other addresses as they are. */
function unmapped(address: string): string {
  if (!isIPv6(address)) return address;
  const groups = ipv6Groups(address);
  const mapped = groups.slice(0, 5).every((value) => value === 0) && groups[5] === 0xffff;
  return mapped ? [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff].join('.') : address;
}

export interface Client {
  /** What the client's requests are counted by: an IPv4 address, or an IPv6 /64 network. */
  readonly key: string;
  /** Whether the request comes from this machine itself. */
  readonly local: boolean;
}

function clientOf(address: string): Client | undefined {
  const plain = unmapped(address.trim());
  // Loopback is 127.0.0.0/8 and ::1.
  if (isIPv4(plain)) return { key: plain, local: plain.startsWith('127.') };
  if (!isIPv6(plain)) return undefined;
  const groups = ipv6Groups(plain);
  const network = groups
    .slice(0, 4)
    .map((value) => value.toString(16))
    .join(':');
  return { key: `${network}::/64`, local: groups.slice(0, 7).every((value) => value === 0) && groups[7] === 1 };
}

/** The HTTP request's client, from its socket and, behind a trusted proxy, its X-Forwarded-For. */
export function clientOfRequest(req: { socket: { remoteAddress?: string }; headers: Record<string, string | string[] | undefined> }, trustProxy: boolean): Client | undefined {
  return requestClient({ socketAddress: req.socket.remoteAddress, forwardedFor: req.headers['x-forwarded-for'] }, trustProxy);
}

/** The request's client; undefined when no address is known. */
export function requestClient(source: ClientAddressSource, trustProxy: boolean): Client | undefined {
  const forwarded = trustProxy && source.forwardedFor !== undefined ? clientOf(lastForwarded(source.forwardedFor)) : undefined;
  return forwarded ?? (source.socketAddress === undefined ? undefined : clientOf(source.socketAddress));
}
