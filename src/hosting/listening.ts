import type { AddressInfo } from 'node:net';
import { requestClient } from './clientAddress';

/** What a server bound to no address in particular (HOST unset with an app id, 0.0.0.0, ::) listens on. */
const EVERY_INTERFACE = new Set(['0.0.0.0', '::']);

/**
 * Where this server is reached from this machine, as it tells people and calls itself (the Direct Line bridge): the
 * address it listens on, or `localhost` when it listens on every interface.
 */
export function serverUrl({ address, family, port }: AddressInfo): string {
  const host = EVERY_INTERFACE.has(address) ? 'localhost' : family === 'IPv6' ? `[${address}]` : address;
  return `http://${host}:${port}`;
}

export interface StartupLine {
  readonly level: 'info' | 'warn';
  readonly fields: Record<string, unknown>;
  readonly message: string;
}

/**
 * The line the server logs once it listens: where, and, with authentication off, that it is off and who can reach
 * it. Off and reachable from other machines, it warns: anyone there gets a bot that believes whatever a request says
 * and posts to any serviceUrl it is given.
 */
export function startupLine(address: AddressInfo, authEnabled: boolean): StartupLine {
  const url = serverUrl(address);
  const where = EVERY_INTERFACE.has(address.address) ? `every interface, port ${address.port}` : `${address.address} port ${address.port}`;
  const fields = { url, address: address.address, port: address.port, authentication: authEnabled ? 'on' : 'off' };
  const listening = `Porting Assistant listening on ${url} (${where})`;
  if (authEnabled) return { level: 'info', fields, message: listening };
  const loopback = requestClient({ socketAddress: address.address, forwardedFor: undefined }, false)?.local === true;
  return loopback
    ? { level: 'info', fields, message: `${listening}, for this machine only: authentication is off (no MicrosoftAppId)` }
    : {
        level: 'warn',
        fields,
        message:
          `${listening} with authentication off (no MicrosoftAppId): anyone who can reach it can use the bot ` +
          'unauthenticated. Set HOST=127.0.0.1 unless that is intended',
      };
}
