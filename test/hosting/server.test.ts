import type { Activity } from 'botbuilder';
import { buttonLabels } from '../../dialogs/text/buttonLabels';
import { mainText } from '../../dialogs/text/mainText';
import { message, activity } from '../support/activities';
import { productionEnv } from '../support/productionEnv';
import { memoryStorage, withFailingPing } from '../support/testStorage';
import { startTestApp, type TestApp } from '../support/testApp';
import { NEW_CARRIER } from '../support/newCarrier';

describe('the bot server', () => {
  let app: TestApp;

  afterEach(async () => {
    await app?.close();
  });

  describe('POST /api/messages without authentication', () => {
    beforeEach(async () => {
      app = await startTestApp();
    });

    it('returns the bot reply in the response body for an expectReplies message', async () => {
      const replies = await app.exchange(message('hello'));

      const menu = replies.find((reply) => reply.text?.includes(mainText.menu.intro));
      expect(menu?.suggestedActions?.actions.map((action) => action.title)).toEqual([
        buttonLabels.startPort,
        buttonLabels.tips,
        buttonLabels.status,
        buttonLabels.agent,
        // The other language, for an English-speaking browser.
        buttonLabels.spanish,
      ]);
    });

    it('greets a customer who joins the conversation, not the bot joining', async () => {
      const customerJoins = await app.exchange(activity({ type: 'conversationUpdate', membersAdded: [{ id: 'user-1', name: 'Customer' }] }));
      const botJoins = await app.exchange(activity({ type: 'conversationUpdate', membersAdded: [{ id: 'bot', name: 'Porting Assistant' }] }));

      expect(customerJoins.map((reply) => reply.text)).toEqual([mainText.greeting(NEW_CARRIER.name), expect.stringContaining(mainText.menu.intro)]);
      expect(botJoins).toEqual([]);
    });

    it('answers 400 with a JSON error, without echoing the body, when the JSON is malformed', async () => {
      const response = await app.post('{"type": "message", "text": "my pin is 918273"');

      expect(response.status).toBe(400);
      const body = await response.text();
      expect(JSON.parse(body)).toEqual({ code: 'InvalidJson', message: 'The request body is not valid JSON.' });
      expect(body).not.toContain('918273');
    });

    it.each([
      ['an array', '[]'],
      ['a string', '"message"'],
      ['an object without a type', '{"text":"hi"}'],
    ])('answers 400 when the JSON is %s rather than an activity', async (_what, body) => {
      const response = await app.post(body);

      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: 'InvalidActivity' });
    });

    it('answers 415 to a body that is not JSON', async () => {
      const response = await app.post('hello', { 'content-type': 'text/plain' });

      expect(response.status).toBe(415);
      expect(await response.json()).toMatchObject({ code: 'UnsupportedMediaType' });
    });

    it('answers 415 to a compressed body rather than inflating it', async () => {
      const response = await app.post(message('hi'), { 'content-encoding': 'gzip' });

      expect(response.status).toBe(415);
    });

    it('keeps serving after bad requests', async () => {
      await app.post('{oops');
      await app.post('hello', { 'content-type': 'text/plain' });

      expect(await app.exchange(message('hello'))).not.toHaveLength(0);
    });
  });

  it('answers 413 to a body over MAX_BODY_BYTES, and keeps serving', async () => {
    app = await startTestApp({ env: { MAX_BODY_BYTES: '2048' } });

    const response = await app.post(message('x'.repeat(4096)));

    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: 'PayloadTooLarge' });
    expect(await app.exchange(message('x'.repeat(1024)))).not.toHaveLength(0);
  });

  it.each([
    ['no Authorization header', {}],
    ['a token that is not a signed JWT', { authorization: 'Bearer not.a.token' }],
  ])('answers 401 to a request with %s when an app ID is configured', async (_what, headers: Record<string, string>) => {
    // CloudAdapter reports authentication failures on the console; keep the test output clean.
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      app = await startTestApp({
        env: productionEnv(),
      });

      const response = await app.post(message('hello'), headers);

      expect(response.status).toBe(401);
    } finally {
      consoleError.mockRestore();
    }
  });

  describe('probes', () => {
    it('GET /healthz answers 200 ok', async () => {
      app = await startTestApp();

      const response = await fetch(`${app.url}/healthz`);

      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok' });
    });

    it('GET /readyz answers 200 when the storage answers its ping', async () => {
      app = await startTestApp();

      const response = await fetch(`${app.url}/readyz`);

      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok' });
    });

    it('GET /readyz answers 503 naming the storage, without its error, when the ping fails', async () => {
      app = await startTestApp({ storage: withFailingPing(await memoryStorage(), new Error('connect ECONNREFUSED redis://admin:hunter2@cache:6379')) });

      const response = await fetch(`${app.url}/readyz`);

      expect(response.status).toBe(503);
      const body = (await response.json()) as Record<string, unknown>;
      expect(body).toEqual({ status: 'unavailable', failing: ['storage'], detail: expect.any(String) });
      expect(JSON.stringify(body)).not.toContain('hunter2');
    });
  });

  describe('state', () => {
    it('saves conversation and user state at the end of every turn', async () => {
      app = await startTestApp({
        runDialog: async (context) => {
          const turns = app.conversationState.createProperty<number>('turns');
          const seen = app.userState.createProperty<number>('seen');
          const count = (await turns.get(context, 0)) + 1;
          await turns.set(context, count);
          await seen.set(context, (await seen.get(context, 0)) + 1);
          await context.sendActivity(`turn ${count}`);
        },
      });

      await app.exchange(message('one'));
      const replies = await app.exchange(message('two'));

      expect(replies.map((reply: Partial<Activity>) => reply.text)).toEqual(['turn 2']);
      const stored = await app.storage.read(['test/conversations/conversation-1/', 'test/users/user-1/']);
      expect(stored['test/conversations/conversation-1/']).toMatchObject({ turns: 2 });
      expect(stored['test/users/user-1/']).toMatchObject({ seen: 2 });
    });
  });
});
