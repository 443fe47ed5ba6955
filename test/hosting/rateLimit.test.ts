import type { TurnContext } from 'botbuilder';
import { requestClient } from '../../src/hosting/clientAddress';
import { POLLS_PER_MINUTE_PER_CLIENT } from '../../src/hosting/rateLimit';
import { TokenBuckets } from '../../src/hosting/tokenBuckets';
import { activity, message } from '../support/activities';
import { startTestApp, type TestApp } from '../support/testApp';
import { DirectLineClient } from '../web/support/directLineClient';

const answering = () => ({ run: async (context: TurnContext) => void (await context.sendActivity('ok')) });

describe('TokenBuckets', () => {
  it('lets a key spend its whole minute at once, then one more each time a token has been earned back', () => {
    let now = 0;
    const buckets = new TokenBuckets({ perMinute: 3, maxKeys: 10, clock: () => now });

    expect([buckets.take('a'), buckets.take('a'), buckets.take('a')]).toEqual([0, 0, 0]);
    expect(buckets.take('a')).toBe(20_000);
    expect(buckets.take('b')).toBe(0);
    now = 19_999;
    expect(buckets.take('a')).toBe(1);
    now = 20_000;
    expect(buckets.take('a')).toBe(0);
    expect(buckets.take('a')).toBe(20_000);
  });

  it('keeps at most maxKeys buckets, dropping the one used least recently', () => {
    const buckets = new TokenBuckets({ perMinute: 1, maxKeys: 2, clock: () => 0 });
    buckets.take('a');
    buckets.take('b');
    buckets.take('a');
    buckets.take('c');

    expect(buckets.size).toBe(2);
    expect(buckets.take('a')).toBeGreaterThan(0);
    expect(buckets.take('b')).toBe(0);
  });
});

describe('requestClient', () => {
  const behindProxy = (forwardedFor: string) => requestClient({ socketAddress: '10.0.0.4', forwardedFor }, true);

  it('believes only the last X-Forwarded-For entry, and only behind a trusted proxy', () => {
    expect(behindProxy('198.51.100.1, 203.0.113.7:52144')).toEqual({ key: '203.0.113.7', local: false });
    expect(requestClient({ socketAddress: '10.0.0.4', forwardedFor: '203.0.113.7' }, false)).toEqual({ key: '10.0.0.4', local: false });
    expect(behindProxy('not an address')).toEqual({ key: '10.0.0.4', local: false });
  });

  it('counts an IPv6 client by its /64, and an IPv4 address written as IPv6 as IPv4', () => {
    expect(behindProxy('[2001:db8:1:2:aaaa::1]:443')).toEqual({ key: '2001:db8:1:2::/64', local: false });
    expect(behindProxy('2001:db8:1:2:bbbb::9')).toEqual({ key: '2001:db8:1:2::/64', local: false });
    expect(requestClient({ socketAddress: '::ffff:203.0.113.7', forwardedFor: undefined }, false)).toEqual({ key: '203.0.113.7', local: false });
  });

  it('knows requests from this machine', () => {
    for (const socketAddress of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      expect(requestClient({ socketAddress, forwardedFor: undefined }, false)?.local).toBe(true);
    }
  });
});

describe('rate limits on the running server', () => {
  let app: TestApp;

  afterEach(async () => {
    await app.close();
  });

  async function expectTooMany(response: Response): Promise<void> {
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await response.json()).toEqual({ code: 'TooManyRequests', message: expect.stringMatching(/^Too many requests\. Please wait \d+ seconds? and try again\.$/) });
  }

  it('refuses a conversation its activities beyond RATE_LIMIT_PER_MINUTE_PER_CONVERSATION, whatever address they come from', async () => {
    app = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE_PER_CONVERSATION: '3', TRUST_PROXY: 'true' }, bot: answering });
    const from = (address: string) => ({ 'x-forwarded-for': address });

    for (const address of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) {
      expect((await app.post(message('hello'), from(address))).status).toBe(200);
    }
    await expectTooMany(await app.post(message('hello'), from('198.51.100.4')));
    expect((await app.post(activity({ type: 'message', text: 'hi' }, 'another-conversation'))).status).toBe(200);
  });

  it('refuses a client address its requests beyond RATE_LIMIT_PER_MINUTE_PER_CLIENT, on every public route', async () => {
    app = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE_PER_CLIENT: '3', TRUST_PROXY: 'true' }, bot: answering });
    const client = { 'x-forwarded-for': '203.0.113.7' };

    for (const conversation of ['c1', 'c2', 'c3']) {
      expect((await app.post(activity({ type: 'message', text: 'hi' }, conversation), client)).status).toBe(200);
    }
    await expectTooMany(await app.post(activity({ type: 'message', text: 'hi' }, 'c4'), client));
    const token = await fetch(`${app.url}/api/directline/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...client },
      body: JSON.stringify({ visitorId: 'a-visitor-id-0123456789' }),
    });
    await expectTooMany(token);
    expect((await app.post(activity({ type: 'message', text: 'hi' }, 'c5'), { 'x-forwarded-for': '203.0.113.8' })).status).toBe(200);
    expect((await fetch(`${app.url}/healthz`, { headers: client })).status).toBe(200);
  });

  it("counts Web Chat's polling apart, against a far larger allowance", async () => {
    app = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE_PER_CLIENT: '2', TRUST_PROXY: 'true' }, bot: answering });
    const chat = await DirectLineClient.open(app.url);
    const visitor = { authorization: `Bearer ${chat.token}`, 'x-forwarded-for': '203.0.113.9' };

    const statuses: number[] = [];
    for (let poll = 0; poll < 30; poll++) statuses.push((await fetch(chat.activitiesUrl, { headers: visitor })).status);

    expect(statuses).toEqual(Array(30).fill(200));
    expect(POLLS_PER_MINUTE_PER_CLIENT).toBeGreaterThanOrEqual(60);
  });

  it('does not count requests from this machine per client: the Direct Line bridge hands over every visitor', async () => {
    app = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE_PER_CLIENT: '1' }, bot: answering });

    for (const conversation of ['c1', 'c2', 'c3']) {
      expect((await app.post(activity({ type: 'message', text: 'hi' }, conversation))).status).toBe(200);
    }
  });
});
