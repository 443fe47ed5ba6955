/**
 * The address of the person behind an inbound turn, carried from the HTTP request into the turn's state, so that what
 * runs inside a turn (the status check's limits, the agents' console audit) can count or log by it without knowing
 * HTTP. The key is the one the rate limits count by (see clientAddress.ts): an IPv4 address or an IPv6 /64.
 *
 * It is known only when the request comes from that person. With authentication off, whoever posts to /api/messages
 * is the client itself. With authentication on, requests come from the channel's service (the Bot Connector), whose
 * few addresses carry every customer's messages: counting by them would lump all customers together, so there is no
 * address. Nor is there for requests from this machine: the local Direct Line bridge relays every visitor's messages
 * over loopback. Proactive turns have none.
 */
import type { TurnContext } from 'botbuilder';
import type { Request } from 'restify';
import type { Config } from '../config';
import { clientOfRequest } from './clientAddress';

const CLIENT_ADDRESS = Symbol('clientAddress');

export type ClientAddressSettings = { readonly server: Pick<Config['server'], 'trustProxy'>; readonly bot: Pick<Config['bot'], 'authEnabled'> };

/** The turn's client address, when the turn came straight from its client (see above). */
export function clientAddressOf(context: TurnContext): string | undefined {
  const address: unknown = context.turnState.get(CLIENT_ADDRESS);
  return typeof address === 'string' ? address : undefined;
}

/** `logic` for `adapter.process`, with the request's client address put in the turn's state first. */
export function withClientAddress(
  req: Request,
  settings: ClientAddressSettings,
  logic: (context: TurnContext) => Promise<void>,
): (context: TurnContext) => Promise<void> {
  const client = settings.bot.authEnabled
    ? undefined
    : clientOfRequest(req, settings.server.trustProxy);
  const address = client === undefined || client.local ? undefined : client.key;
  return (context) => {
    if (address !== undefined) context.turnState.set(CLIENT_ADDRESS, address);
    return logic(context);
  };
}
