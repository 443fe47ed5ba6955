import { randomUUID } from 'node:crypto';
import { ActivityHandler, MessageFactory, type Activity } from 'botbuilder';
import { startTestApp, type TestApp } from '../support/testApp';
import { ActivityStream, DirectLineClient, jwtClaims, requestToken, type ConversationGrant } from './support/directLineClient';
import { productionEnv } from '../support/productionEnv';

/** How long the ScriptedBot takes over a `slow` message: long enough for the bridge to show it typing. */
const SLOW_TURN_MS = 1_000;

/** A bot whose answers show each Bot Connector call the bridge must take: send, reply, update, delete. */
class ScriptedBot extends ActivityHandler {
  readonly received: Partial<Activity>[] = [];
  /** The ids the bridge gave the activities the bot then updated or deleted. */
  readonly changed: { updated?: string; deleted?: string } = {};

  constructor() {
    super();
    this.onTurn(async (context, next) => {
      this.received.push(context.activity);
      await next();
    });
    this.onMessage(async (context, next) => {
      const text = context.activity.text ?? '';
      if (text === 'edit') {
        const draft = await context.sendActivity('first draft');
        this.changed.updated = draft?.id;
        await context.updateActivity({ ...MessageFactory.text('final version'), id: draft?.id });
      } else if (text === 'slow') {
        await new Promise((resolve) => setTimeout(resolve, SLOW_TURN_MS));
        await context.sendActivity('took a while');
      } else if (text === 'retract') {
        const mistake = await context.sendActivity('sent by mistake');
        this.changed.deleted = mistake?.id;
        await context.deleteActivity(mistake?.id ?? '');
      } else {
        await context.sendActivity(`You said: ${text}`);
      }
      await next();
    });
  }
}

const texts = (activities: Partial<Activity>[]) => activities.filter((a) => a.type === 'message').map((a) => a.text);

/** A URL of the bot's Bot Connector API at `serviceUrl`, built as the SDK builds it: the path appended, the query kept. */
function connectorUrl(serviceUrl: string, path: string): string {
  const url = new URL(serviceUrl);
  url.pathname = `${url.pathname}${path}`;
  return url.href;
}

describe('the local Direct Line bridge (no MicrosoftAppId)', () => {
  let app: TestApp;
  let bot: ScriptedBot;

  beforeEach(async () => {
    bot = new ScriptedBot();
    app = await startTestApp({ bot: () => bot });
  });

  afterEach(async () => {
    await app.close();
  });

  it('gives the visitor a token naming their user id, and tells the bot they joined, through the webchat channel', async () => {
    const visitorId = randomUUID();
    const client = await DirectLineClient.open(app.url, visitorId);
    await client.say('hello');

    expect(jwtClaims(client.token)).toMatchObject({ user: `dl_${visitorId}` });
    const [joined, message] = bot.received;
    expect(joined).toMatchObject({ type: 'conversationUpdate', channelId: 'webchat', conversation: { id: client.conversationId } });
    // The bot's serviceUrl carries the key that only its own process knows, and the visitor never sees it.
    expect(joined.serviceUrl).toMatch(new RegExp(`^${app.url}/directline-bridge\\?key=[\\w-]{43}$`));
    expect((await client.poll()).activities.filter((activity) => 'serviceUrl' in activity)).toEqual([]);
    expect(joined.membersAdded?.map((member) => member.id)).toContain(`dl_${visitorId}`);
    expect(message).toMatchObject({ type: 'message', text: 'hello', channelId: 'webchat', from: { id: `dl_${visitorId}`, role: 'user' } });
  });

  it('tells the bot about the start once, however often the page posts to /conversations', async () => {
    const client = await DirectLineClient.open(app.url);
    const again = await fetch(`${app.url}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${client.token}` } });
    await client.say('hello');

    expect(again.status).toBe(200);
    expect(((await again.json()) as { conversationId: string }).conversationId).toBe(client.conversationId);
    expect(bot.received.filter((activity) => activity.type === 'conversationUpdate')).toHaveLength(1);
  });

  it("echoes the visitor's message with an id and their clientActivityID, then the bot's reply, from the watermark on", async () => {
    const client = await DirectLineClient.open(app.url);
    const start = await client.poll();
    const id = await client.say('hello');

    expect(id).toMatch(new RegExp(`^${client.conversationId}\\|\\d{7}$`));
    const page = await client.poll(start.watermark);
    expect(page.activities).toHaveLength(2);
    const [echo, reply] = page.activities;
    expect(echo).toMatchObject({ id, type: 'message', text: 'hello', channelData: { clientActivityID: 'client-hello' } });
    expect(echo.from).toMatchObject({ name: 'Visitor', role: 'user' });
    expect(echo.from?.id).not.toBe('someone-else');
    expect(reply).toMatchObject({ type: 'message', text: 'You said: hello', replyToId: id, from: { role: 'bot' } });
    expect(typeof reply.timestamp).toBe('string');

    const after = await client.poll(page.watermark);
    expect(after).toEqual({ activities: [], watermark: page.watermark });
  });

  it('passes on what the bot updates, in place, and what it deletes, as a messageDelete with the same id', async () => {
    const client = await DirectLineClient.open(app.url);
    const start = await client.poll();
    await client.say('edit');
    await client.say('retract');

    const page = await client.poll(start.watermark);
    expect(texts(page.activities)).toEqual(['edit', 'final version', 'retract']);
    expect(page.activities.find((activity) => activity.text === 'final version')?.id).toBe(bot.changed.updated);
    expect(page.activities.filter((activity) => activity.id === bot.changed.deleted)).toEqual([
      expect.objectContaining({ type: 'messageDelete' }),
    ]);
  });

  it('shows a client that already saw a message the update, with the id and timestamp it had', async () => {
    const client = await DirectLineClient.open(app.url);
    const seen = await client.poll();
    await client.say('hello');
    const before = await client.poll(seen.watermark);
    const reply = before.activities[1];

    // As the bot would update it in a later turn, through the Bot Connector API at its serviceUrl.
    const response = await fetch(
      connectorUrl(bot.received[0].serviceUrl!, `/v3/conversations/${client.conversationId}/activities/${encodeURIComponent(reply.id)}`),
      { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'message', text: 'You said: hello (edited)' }) },
    );
    expect(response.status).toBe(200);

    const after = await client.poll(before.watermark);
    expect(after.activities).toEqual([expect.objectContaining({ id: reply.id, text: 'You said: hello (edited)', timestamp: reply.timestamp })]);
  });

  it('accepts typing from the visitor, echoes it as Web Chat expects, and does not run a turn for it', async () => {
    const client = await DirectLineClient.open(app.url);
    const start = await client.poll();
    const response = await client.post({ type: 'typing', from: { id: 'x' }, channelData: { clientActivityID: 'client-typing' } });

    expect(response.status).toBe(200);
    const { id } = (await response.json()) as { id: string };
    expect((await client.poll(start.watermark)).activities).toEqual([
      expect.objectContaining({ id, type: 'typing', channelData: { clientActivityID: 'client-typing' }, from: expect.objectContaining({ role: 'user' }) }),
    ]);
    expect(bot.received.map((activity) => activity.type)).toEqual(['conversationUpdate']);
  });

  it('resumes a conversation by id from a watermark, with a fresh token and where to stream it from', async () => {
    const client = await DirectLineClient.open(app.url);
    await client.say('hello');
    const seen = await client.poll();

    const response = await client.resume(seen.watermark);
    expect(response.status).toBe(200);
    const grant = (await response.json()) as ConversationGrant;
    expect(grant).toMatchObject({ conversationId: client.conversationId, expires_in: expect.any(Number) });
    expect(jwtClaims(grant.token)).toMatchObject({ conv: client.conversationId });
    const streamUrl = new URL(grant.streamUrl);
    expect(streamUrl.origin).toBe(app.url.replace(/^http/, 'ws'));
    expect(streamUrl.searchParams.get('watermark')).toBe(seen.watermark);

    const other = await DirectLineClient.open(app.url);
    expect((await client.resume(seen.watermark, other.token)).status).toBe(403);
    expect((await client.resume('abc')).status).toBe(400);
  });

  it('streams each activity the moment it exists, from the watermark on, over the streamUrl', async () => {
    const client = await DirectLineClient.open(app.url);
    await client.say('before');
    const seen = await client.poll();
    const grant = (await (await client.resume(seen.watermark)).json()) as ConversationGrant;
    const stream = await ActivityStream.open(grant.streamUrl);
    try {
      const sentAt = Date.now();
      await client.say('hello');
      const reply = await stream.until((activity) => activity.text === 'You said: hello');

      expect(texts(stream.activities)).toEqual(['hello', 'You said: hello']);
      // No poll to wait for: the reply comes with the turn (a poll would add a second; 3 s leaves room for a loaded machine).
      expect(reply.at - sentAt).toBeLessThan(3_000);
    } finally {
      await stream.close();
    }
  });

  it("shows the visitor the bot typing while a slow turn runs, before the bot's answer", async () => {
    const client = await DirectLineClient.open(app.url);
    const stream = await ActivityStream.open(client.streamUrl);
    try {
      await client.say('slow');
      await stream.until((activity) => activity.text === 'took a while');

      const sequence = stream.activities.filter((activity) => activity.type !== 'conversationUpdate').map((activity) => [activity.type, activity.from?.role]);
      expect(sequence).toEqual([
        ['message', 'user'],
        ['typing', 'bot'],
        ['message', 'bot'],
      ]);
    } finally {
      await stream.close();
    }
  });

  it('ends its streams when the server closes, so that closing does not wait for them', async () => {
    const client = await DirectLineClient.open(app.url);
    const stream = await ActivityStream.open(client.streamUrl);
    const ended = stream.closed();

    await app.close();
    await ended;
  });

  describe('takes what is sent to the bot\'s serviceUrl from the bot alone', () => {
    let client: DirectLineClient;
    let reply: Partial<Activity> & { id: string };
    let watermark: string;

    beforeEach(async () => {
      client = await DirectLineClient.open(app.url);
      await client.say('hello');
      ({ watermark } = await client.poll());
      reply = (await client.poll()).activities.find((activity) => activity.text === 'You said: hello')!;
    });

    const activities = () => `/v3/conversations/${client.conversationId}/activities`;
    const fake = JSON.stringify({ type: 'message', text: 'Please re-enter your PIN at http://evil.example' });

    it.each([
      ['no key', (path: string) => `${app.url}/directline-bridge${path}`, 403],
      ['a wrong key', (path: string) => `${app.url}/directline-bridge${path}?key=${'A'.repeat(43)}`, 403],
      ['a key as a path segment', (path: string) => `${app.url}/directline-bridge/${'A'.repeat(43)}${path}`, 404],
    ])('refuses a post, a reply, an update and a delete with %s, and the visitor sees nothing change', async (_what, urlFor, status) => {
      const json = { 'content-type': 'application/json' };
      const answers = [
        await fetch(urlFor(activities()), { method: 'POST', headers: json, body: fake }),
        await fetch(urlFor(`${activities()}/${encodeURIComponent(reply.id)}`), { method: 'POST', headers: json, body: fake }),
        await fetch(urlFor(`${activities()}/${encodeURIComponent(reply.id)}`), { method: 'PUT', headers: json, body: fake }),
        await fetch(urlFor(`${activities()}/${encodeURIComponent(reply.id)}`), { method: 'DELETE' }),
      ];

      expect(answers.map((answer) => answer.status)).toEqual([status, status, status, status]);
      expect(await client.poll(watermark)).toEqual({ activities: [], watermark });
      expect((await client.poll()).activities.find((activity) => activity.id === reply.id)).toEqual(reply);
    });
  });

  describe('refuses what it should', () => {
    let client: DirectLineClient;

    beforeEach(async () => {
      client = await DirectLineClient.open(app.url);
    });

    it('answers 401 without a token and 403 with a token that is forged or for another conversation', async () => {
      const other = await DirectLineClient.open(app.url);
      const forged = `${client.token.slice(0, -4)}AAAA`;

      expect((await fetch(`${client.activitiesUrl}?watermark=`)).status).toBe(401);
      expect((await fetch(client.activitiesUrl, { headers: { authorization: `Bearer ${forged}` } })).status).toBe(403);
      expect((await fetch(client.activitiesUrl, { headers: { authorization: `Bearer ${other.token}` } })).status).toBe(403);
    });

    it('refreshes a token into one that works for the same conversation', async () => {
      const response = await fetch(`${app.url}/v3/directline/tokens/refresh`, { method: 'POST', headers: { authorization: `Bearer ${client.token}` } });
      const refreshed = (await response.json()) as { conversationId: string; token: string };

      expect(response.status).toBe(200);
      expect(refreshed.conversationId).toBe(client.conversationId);
      client.token = refreshed.token;
      await expect(client.poll()).resolves.toMatchObject({ watermark: expect.any(String) });
    });

    it('makes tokens only for the page: there is no tokens/generate to trade anything at', async () => {
      const response = await fetch(`${app.url}/v3/directline/tokens/generate`, {
        method: 'POST',
        headers: { authorization: `Bearer ${client.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ user: { id: 'dl_someone' } }),
      });

      expect(response.status).toBe(404);
    });

    it.each([
      ['malformed JSON', '{"type":"message"', {}, 400],
      ['an activity type a visitor may not send', { type: 'conversationUpdate' }, {}, 400],
      ['a body that is not JSON', 'hello', { 'content-type': 'text/plain' }, 415],
      ['a body over the size limit', { type: 'message', text: 'x'.repeat(40 * 1024) }, {}, 413],
    ])('answers %s with a 4xx, and the bot never sees it', async (_what, body, headers, status) => {
      const response = await client.post(body, headers);

      expect(response.status).toBe(status);
      expect(bot.received.filter((activity) => activity.type !== 'conversationUpdate')).toEqual([]);
    });

    it('answers 400 to a watermark that is not a number', async () => {
      const response = await fetch(`${client.activitiesUrl}?watermark=abc`, { headers: { authorization: `Bearer ${client.token}` } });

      expect(response.status).toBe(400);
    });

    it('answers the bot 404 for a conversation or an activity it does not have', async () => {
      await client.say('hello');
      const serviceUrl = bot.received[0].serviceUrl!;
      const unknownConversation = await fetch(connectorUrl(serviceUrl, '/v3/conversations/nope/activities'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', text: 'hi' }),
      });
      const unknownActivity = await fetch(connectorUrl(serviceUrl, `/v3/conversations/${client.conversationId}/activities/nope`), {
        method: 'DELETE',
      });

      expect(unknownConversation.status).toBe(404);
      expect(unknownActivity.status).toBe(404);
    });

    it('answers 400 to a token request whose visitor id is not a random id', async () => {
      await expect(requestToken(app.url, 'me')).rejects.toThrow(/answered 400/);
    });

    it('opens no stream without a token for the conversation', async () => {
      const other = await DirectLineClient.open(app.url);
      const url = new URL(client.streamUrl);
      url.searchParams.set('t', other.token);

      await expect(ActivityStream.open(url.href)).rejects.toThrow(/answered 403/);
      url.searchParams.delete('t');
      await expect(ActivityStream.open(url.href)).rejects.toThrow(/answered 401/);
    });
  });
});

describe('the bridge with one address asking for every conversation', () => {
  let app: TestApp;

  beforeAll(async () => {
    // Behind a proxy, so that the test can speak from several addresses.
    app = await startTestApp({ env: { TRUST_PROXY: 'true' }, bot: () => new ScriptedBot() });
  });

  afterAll(async () => {
    await app.close();
  });

  const tokenFrom = (address: string) =>
    fetch(`${app.url}/api/directline/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({ visitorId: randomUUID() }),
    });

  it('gives that address its share (20) and refuses it more, while visitors from elsewhere still get in', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 200; i += 1) statuses.push((await tokenFrom('203.0.113.7')).status);
    const refused = await tokenFrom('203.0.113.7');

    expect(statuses.slice(0, 20)).toEqual(new Array(20).fill(200));
    expect(new Set(statuses.slice(20))).toEqual(new Set([429]));
    expect(await refused.json()).toMatchObject({ code: 'TooManyConversations' });
    expect((await tokenFrom('198.51.100.23')).status).toBe(200);
  });
});

describe('with MicrosoftAppId (production)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({
      env: productionEnv(),
      bot: () => new ScriptedBot(),
    });
  });

  afterAll(async () => {
    await app.close();
  });

  it.each([
    ['POST', '/v3/directline/tokens/generate'],
    ['POST', '/v3/directline/conversations'],
    ['GET', '/v3/directline/conversations/any/activities'],
    ['POST', '/directline-bridge/v3/conversations/any/activities'],
    ['PUT', '/directline-bridge/v3/conversations/any/activities/any'],
  ])('has no bridge: %s %s answers 404', async (method, path) => {
    const response = await fetch(`${app.url}${path}`, { method, headers: { 'content-type': 'application/json' }, body: method === 'GET' ? undefined : '{}' });

    expect(response.status).toBe(404);
  });
});
