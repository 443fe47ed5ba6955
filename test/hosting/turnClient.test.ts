import { TestAdapter, TurnContext } from 'botbuilder';
import type { Request } from 'restify';
import { type ClientAddressSettings, clientAddressOf, withClientAddress } from '../../src/hosting/turnClient';

function request(socketAddress: string, forwardedFor?: string): Request {
  return { socket: { remoteAddress: socketAddress }, headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } } as unknown as Request;
}

const settings = (authEnabled: boolean, trustProxy = false): ClientAddressSettings => ({ bot: { authEnabled }, server: { trustProxy } });

/** The address a turn sees when `req` brings it. */
async function addressSeen(req: Request, given: ClientAddressSettings): Promise<string | undefined> {
  const context = new TurnContext(new TestAdapter(), { type: 'message', text: 'hi' });
  let seen: string | undefined = 'not run';
  await withClientAddress(req, given, async (turn) => {
    seen = clientAddressOf(turn);
  })(context);
  return seen;
}

describe("a turn's client address", () => {
  it('is the address that connected, with authentication off', async () => {
    expect(await addressSeen(request('203.0.113.7'), settings(false))).toBe('203.0.113.7');
    expect(await addressSeen(request('2001:db8:1:2:3:4:5:6'), settings(false))).toBe('2001:db8:1:2::/64');
  });

  it("is the proxy's last X-Forwarded-For entry behind a trusted proxy", async () => {
    expect(await addressSeen(request('10.0.0.4', '192.0.2.1, 198.51.100.9'), settings(false, true))).toBe('198.51.100.9');
  });

  it('is unknown for this machine itself (the local Direct Line bridge relays every visitor over loopback)', async () => {
    expect(await addressSeen(request('127.0.0.1'), settings(false))).toBeUndefined();
    expect(await addressSeen(request('::1'), settings(false))).toBeUndefined();
  });

  it("is unknown with authentication on: the request comes from the channel's service, on behalf of every customer", async () => {
    expect(await addressSeen(request('203.0.113.7'), settings(true))).toBeUndefined();
  });

  it('is unknown in a turn that did not come over HTTP', () => {
    expect(clientAddressOf(new TurnContext(new TestAdapter(), { type: 'message' }))).toBeUndefined();
  });
});
