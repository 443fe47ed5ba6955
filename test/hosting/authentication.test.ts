/**
 * Authentication at the door of /api/messages, with an app id set: what fails it costs the conversation it names
 * nothing (only authenticated activities count against a conversation's rate limit), and a login service out of reach
 * is the bot's trouble, told as 503 without its details.
 */
import type { Activity } from 'botbuilder';
import { mainText } from '../../dialogs/text/mainText';
import { message } from '../support/activities';
import { FakeChannelLogin, useChannelLogin } from '../support/fakeChannelLogin';
import { productionEnv } from '../support/productionEnv';
import { startTestApp, type TestApp } from '../support/testApp';

const CONVERSATION_LIMIT = 60;

describe('authentication at the door, with an app id', () => {
  const login = new FakeChannelLogin();
  let metadataUrl: string;
  let restoreLogin: (() => void) | undefined;
  let app: TestApp | undefined;

  beforeAll(async () => {
    metadataUrl = await login.listen();
  });

  afterAll(async () => {
    await login.close();
  });

  afterEach(async () => {
    await app?.close();
    app = undefined;
    restoreLogin?.();
  });

  async function startSignedApp(loginMetadataUrl = metadataUrl, conversationLimit = CONVERSATION_LIMIT): Promise<{ app: TestApp; appId: string }> {
    restoreLogin = useChannelLogin(loginMetadataUrl);
    const env = productionEnv({ RATE_LIMIT_PER_MINUTE_PER_CONVERSATION: String(conversationLimit) });
    app = await startTestApp({ env });
    return { app, appId: env.MicrosoftAppId };
  }

  const signed = (appId: string, activity: Partial<Activity>) => ({ authorization: login.authorization(appId, activity) });

  it('runs a signed activity', async () => {
    const { app, appId } = await startSignedApp();
    const hello = message('hello');

    const response = await app.post(hello, signed(appId, hello));

    expect(response.status).toBe(200);
    const { activities } = (await response.json()) as { activities: Partial<Activity>[] };
    expect(activities.map((reply) => reply.text)).toContainEqual(expect.stringContaining(mainText.menu.intro));
  });

  it('does not count unsigned requests against the conversation they name: its customer still gets through', async () => {
    const { app, appId } = await startSignedApp();

    const unsigned: number[] = [];
    for (let n = 0; n < CONVERSATION_LIMIT + 10; n++) unsigned.push((await app.post(message(`forged ${n}`))).status);
    const real = message('hello');
    const response = await app.post(real, signed(appId, real));

    expect(unsigned).toEqual(Array(CONVERSATION_LIMIT + 10).fill(401));
    expect(response.status).toBe(200);
  });

  it('still limits a conversation its authenticated activities', async () => {
    const { app, appId } = await startSignedApp(metadataUrl, 3);

    const statuses: number[] = [];
    for (let n = 0; n < 4; n++) {
      const activity = message(`hello ${n}`);
      statuses.push((await app.post(activity, signed(appId, activity))).status);
    }

    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('answers 401 with a JSON error to a token that is not signed by the channel login', async () => {
    const { app, appId } = await startSignedApp();
    const hello = message('hello');
    const forger = new FakeChannelLogin();

    const response = await app.post(hello, { authorization: forger.authorization(appId, hello) });

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ code: 'Unauthorized', message: expect.any(String) });
  });

  it.each([
    ['refuses connections', async () => closedPortUrl()],
    ['answers 500', async () => `${new URL(metadataUrl).origin}/no-such-metadata`],
  ])('answers 503 with a generic body when the login metadata %s', async (_what, unreachable) => {
    const { app, appId } = await startSignedApp(await unreachable());
    const hello = message('hello');

    const response = await app.post(hello, signed(appId, hello));

    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({ code: 'AuthenticationUnavailable', message: expect.stringContaining('try again') });
    expect(body).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|openID|metadata|Keys/i);
  });
});

/** A URL on this machine where nothing listens. */
async function closedPortUrl(): Promise<string> {
  const probe = new FakeChannelLogin();
  const url = await probe.listen();
  await probe.close();
  return url;
}
