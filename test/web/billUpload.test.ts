/**
 * A bill attached in Web Chat on a local run, through the local Direct Line bridge as Web Chat sends it: the upload
 * route takes the file, the message reaches the whole application with a link to it, and the bot fetches it from
 * there, keeps it or refuses it, and says so in the chat.
 */
import type { Activity } from 'botbuilder';
import { billText } from '../../dialogs/text/billText';
import { BILL_LIMITS } from '../../src/domain';
import { ATTACHMENTS_PATH } from '../../src/hosting/directLine/uploads';
import { billPdf, sha256Of } from '../support/bills';
import { startTestApp, type TestApp } from '../support/testApp';
import { DirectLineClient } from './support/directLineClient';

const MARIAS_BILL = {
  accountNumber: '555444333222',
  holderName: 'Maria Lopez',
  serviceAddress: '123 Main St, Apt 4, Springfield, IL 62704',
  phoneNumber: '(415) 555-0142',
  carrier: 'AT&T',
};

/** The conversation's activities once one of the bot's messages says `text` (the bot answers after the upload returns). */
async function once(client: DirectLineClient, text: string, timeoutMs = 20_000): Promise<Partial<Activity>[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { activities } = await client.poll();
    if (activities.some((activity) => activity.type === 'message' && activity.text === text)) return activities;
    if (Date.now() > deadline) throw new Error(`the bot never said "${text}"; it said ${JSON.stringify(activities.map((activity) => activity.text))}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("a bill attached in Web Chat, through the local Direct Line bridge's upload", () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('is echoed with a link to the file, which the bot fetches and keeps', async () => {
    const client = await DirectLineClient.open(app.url);
    const pdf = await billPdf(MARIAS_BILL);

    const uploaded = await client.upload([{ bytes: pdf, contentType: 'application/pdf', name: 'statement.pdf' }]);

    expect(uploaded.status).toBe(200);
    const activities = await once(client, billText.kept);
    const echoed = activities.find((activity) => activity.attachments?.length);
    expect(echoed?.attachments).toEqual([{ contentType: 'application/pdf', name: 'statement.pdf', contentUrl: expect.stringContaining(`${app.url}${ATTACHMENTS_PATH}?id=`) }]);
    const file = await fetch(echoed?.attachments?.[0]?.contentUrl as string);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(sha256Of(Buffer.from(await file.arrayBuffer()))).toBe(sha256Of(pdf));
  });

  it('a file over 10 MB is refused by the bot in the chat', async () => {
    const client = await DirectLineClient.open(app.url);
    const big = Buffer.concat([await billPdf(MARIAS_BILL), Buffer.alloc(BILL_LIMITS.maxBytes)]);

    expect((await client.upload([{ bytes: big, contentType: 'application/pdf', name: 'scan.pdf' }])).status).toBe(200);
    await once(client, billText.refused.tooBig);
  });

  it('refuses what no Web Chat sends: no token, not multipart, no activity part, too much at once', async () => {
    const client = await DirectLineClient.open(app.url);
    const uploadUrl = `${app.url}/v3/directline/conversations/${client.conversationId}/upload`;
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('%PDF-1.4')], { type: 'application/pdf' }), 'bill.pdf');

    expect((await fetch(uploadUrl, { method: 'POST', body: form })).status).toBe(401);
    expect((await fetch(uploadUrl, { method: 'POST', headers: { authorization: `Bearer ${client.token}`, 'content-type': 'application/json' }, body: '{}' })).status).toBe(415);
    expect((await fetch(uploadUrl, { method: 'POST', headers: { authorization: `Bearer ${client.token}` }, body: form })).status).toBe(400);
    const huge = Buffer.alloc(3 * BILL_LIMITS.maxBytes + 1);
    const tooMuch = await client.upload([{ bytes: huge, contentType: 'image/png', name: 'a.png' }]).catch(() => undefined);
    // The bridge answers 413 as soon as it has read too much; a client still sending may see the connection close instead.
    if (tooMuch !== undefined) expect(tooMuch.status).toBe(413);
    expect((await fetch(`${app.url}${ATTACHMENTS_PATH}?id=not-an-id`)).status).toBe(404);
    expect((await fetch(`${app.url}${ATTACHMENTS_PATH}`)).status).toBe(404);
  });
});
