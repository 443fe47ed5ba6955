import type { TurnContext } from 'botbuilder';
import { ACTIVITY_LIMITS } from '../../src/hosting/activityLimits';
import { message } from '../support/activities';
import { startTestApp, type TestApp } from '../support/testApp';

describe('field limits on /api/messages', () => {
  let app: TestApp;
  const seen: string[] = [];

  beforeAll(async () => {
    app = await startTestApp({ bot: () => ({ run: async (context: TurnContext) => void seen.push(String(context.activity.text)) }) });
  });

  afterAll(async () => {
    await app.close();
  });

  async function refusal(body: unknown): Promise<{ status: number; message: string }> {
    const response = await app.post(body);
    return { status: response.status, message: ((await response.json()) as { message: string }).message };
  }

  it('takes the longest text the bot reads (a pasted CSR) and refuses longer, naming the field', async () => {
    expect((await app.post(message('9'.repeat(ACTIVITY_LIMITS.textChars)))).status).toBe(200);
    expect(await refusal(message('9'.repeat(ACTIVITY_LIMITS.textChars + 1)))).toEqual({ status: 400, message: expect.stringContaining('"text"') });
    expect(seen).toEqual(['9'.repeat(ACTIVITY_LIMITS.textChars)]);
  });

  it('refuses fields of the wrong type before the bot sees them', async () => {
    expect(await refusal(message('', { text: 42 as never }))).toEqual({ status: 400, message: expect.stringContaining('"text"') });
    expect(await refusal(message('hi', { conversation: { id: { nested: true } } as never }))).toEqual({ status: 400, message: expect.stringContaining('"conversation.id"') });
    expect(await refusal(message('hi', { from: { id: 7 } as never }))).toEqual({ status: 400, message: expect.stringContaining('"from.id"') });
  });

  it('refuses a card value that is too large or nests too deeply, and an activity that nests beyond any channel', async () => {
    const deep = (depth: number): unknown => (depth === 0 ? 'x' : { inner: deep(depth - 1) });
    expect(await refusal(message('', { value: deep(ACTIVITY_LIMITS.valueDepth + 1) }))).toEqual({ status: 400, message: expect.stringContaining('"value" nests') });
    expect(await refusal(message('', { value: { signature: 'x'.repeat(ACTIVITY_LIMITS.valueChars) } }))).toEqual({ status: 400, message: expect.stringContaining('"value" is longer') });
    expect(await refusal(message('hi', { channelData: deep(ACTIVITY_LIMITS.activityDepth + 1) }))).toEqual({ status: 400, message: expect.stringContaining('nests deeper') });
    expect((await app.post(message('', { value: { action: 'sign', cardId: 'c1', signature: 'Maria Lopez' } }))).status).toBe(200);
  });

  it("takes a file as Web Chat and Teams attach it (a bill), and refuses a link that isn't text", async () => {
    const webChat = { contentType: 'application/pdf', name: 'bill.pdf', contentUrl: 'https://directline.botframework.com/attachments/abc' };
    const teams = {
      contentType: 'application/vnd.microsoft.teams.file.download.info',
      contentUrl: 'https://contoso.sharepoint.com/personal/maria/Documents/bill.pdf',
      name: 'bill.pdf',
      content: { downloadUrl: 'https://contoso.sharepoint.com/download?token=abc', uniqueId: 'u1', fileType: 'pdf' },
    };
    expect((await app.post(message('', { attachments: [webChat] }))).status).toBe(200);
    expect((await app.post(message('', { attachments: [{ contentType: 'text/html', content: '<p>hi</p>' }, teams] }))).status).toBe(200);
    expect(await refusal(message('', { attachments: [{ ...webChat, contentUrl: 42 as never }] }))).toEqual({ status: 400, message: expect.stringContaining('"attachments.0.contentUrl"') });
  });
});
