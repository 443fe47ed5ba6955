/**
 * botframework-directlinejs (the Direct Line client inside Web Chat) against the local bridge, through the whole
 * application: it starts a conversation, streams it, resumes it by id after its watermark, and sends typing and a
 * message, as the page does.
 */
import { randomUUID } from 'node:crypto';
import type { Activity } from 'botframework-directlinejs';
import { buttonLabels } from '../../dialogs/text/buttonLabels';
import { mainText } from '../../dialogs/text/mainText';
import { tipsText } from '../../dialogs/text/tipsText';
import { startTestApp, type TestApp } from '../support/testApp';
import { requestToken } from './support/directLineClient';
import { OfficialClient } from './support/officialClient';

const fromBot = (activity: Activity) => activity.type === 'message' && activity.from.role === 'bot';
const saying = (start: string) => (activity: Activity) => fromBot(activity) && activity.type === 'message' && (activity.text ?? '').startsWith(start);

describe('botframework-directlinejs on the local bridge', () => {
  let app: TestApp;
  const clients: OfficialClient[] = [];

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    for (const client of clients) client.end();
    await app?.close();
  });

  it('starts a conversation, resumes it by id from its watermark, and sends typing and a message that the bot answers', async () => {
    const visitorId = randomUUID();
    const userId = `dl_${visitorId}`;
    const domain = `${app.url}/v3/directline`;
    const first = new OfficialClient({ token: await requestToken(app.url, visitorId), domain });
    clients.push(first);
    await first.until(saying(mainText.menu.intro));
    const { conversationId, token, watermark } = first.resumption;
    first.end();

    const resumed = new OfficialClient({ token, domain, conversationId, watermark });
    clients.push(resumed);
    const typingId = await resumed.post({ type: 'typing', from: { id: userId } });
    const messageId = await resumed.post({ type: 'message', text: buttonLabels.tips, from: { id: userId } });
    const answer = await resumed.until((activity) => fromBot(activity) && (activity as { replyToId?: string }).replyToId === messageId);

    expect(typingId).toMatch(new RegExp(`^${conversationId}\\|\\d+$`));
    expect(answer).toMatchObject({ type: 'message', text: expect.stringContaining(tipsText.keepService.tip) });
    // Resumed after its watermark: nothing of what the first client had already read comes again.
    expect(resumed.received.filter(saying(mainText.menu.intro))).toEqual([]);
    expect(resumed.received.find((activity) => activity.id === typingId)).toMatchObject({ type: 'typing' });
    // Streamed, not polled: the answer comes as soon as the bot has sent it.
    expect(resumed.streaming).toBe(true);
  });
});
