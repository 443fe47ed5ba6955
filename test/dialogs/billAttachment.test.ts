/**
 * A bill attached at a question of the conversation (the whole conversation, in memory): kept and named in the
 * session, the question asked again; a second copy replaces an unsent first (which goes); Teams' file download info
 * is read as Web Chat's link is; "delete my data" deletes every copy.
 */
import { billText } from '../../dialogs/text/billText';
import { askFieldText } from '../../dialogs/text/askFieldText';
import { buttonLabels } from '../../dialogs/text/buttonLabels';
import { AttachmentDownloader, TEAMS_FILE_DOWNLOAD_INFO } from '../../src/documents/attachmentDownload';
import { DocumentStore } from '../../src/documents/documentStore';
import { createPdfReader, type PdfReader } from '../../src/documents/pdfReader';
import { BILL_LIMITS } from '../../src/domain';
import { billPhoto, dataUrl } from '../support/bills';
import { captureLogs } from '../support/captureLogs';
import { memoryStorage } from '../support/testStorage';
import { ConversationHarness, reachCollection } from './conversationHarness';
import { NOW } from './cardHarness';

describe('a bill attached in the conversation', () => {
  let reader: PdfReader;
  beforeAll(() => {
    reader = createPdfReader();
  });
  afterAll(() => reader.close());

  async function harnessWithBills() {
    const store = new DocumentStore(await memoryStorage(), () => NOW);
    const downloader = new AttachmentDownloader({ maxBytes: BILL_LIMITS.maxBytes, timeoutMs: 5_000 });
    const harness = new ConversationHarness({ bills: { store, downloader, pdfReader: reader, logger: captureLogs('silent').logger } });
    return { harness, store };
  }

  const webChatPhoto = (bytes: Buffer) => ({ type: 'message', attachments: [{ contentType: 'image/png', name: 'bill.png', contentUrl: dataUrl(bytes, 'image/png') }] });

  it('is kept at a question, which comes again; a second copy replaces the first, which goes', async () => {
    const { harness, store } = await harnessWithBills();
    const asked = await reachCollection(harness);

    expect(await harness.say(webChatPhoto(billPhoto()))).toEqual([billText.kept, asked.at(-1)]);
    const first = (await harness.session())?.bill;
    expect(first).toMatchObject({ kind: 'bill', contentType: 'image/png' });

    const second = Buffer.concat([billPhoto(), Buffer.from('another copy')]);
    expect(await harness.say(webChatPhoto(second))).toEqual([billText.replaced, asked.at(-1)]);
    const session = await harness.session();
    expect(session?.bill?.size).toBe(second.byteLength);
    expect(session?.documentIds).toEqual([session?.bill?.id]);
    expect(await store.get(first?.id as string)).toBeUndefined();
  });

  it("reads Teams' file download info, and Teams' own copy of the message is no file", async () => {
    const { harness } = await harnessWithBills();
    await reachCollection(harness);
    const teamsFile = {
      type: 'message',
      attachments: [
        { contentType: 'text/html', content: '<p>my bill</p>' },
        { contentType: TEAMS_FILE_DOWNLOAD_INFO, name: 'bill.png', content: { downloadUrl: dataUrl(billPhoto(), 'image/png'), fileType: 'png' } },
      ],
    };

    expect((await harness.say(teamsFile))[0]).toBe(billText.kept);
    expect(await harness.say({ type: 'message', text: '(415) 555-0142', attachments: [{ contentType: 'text/html', content: '<p>(415) 555-0142</p>' }] })).toContain(
      askFieldText.saved.numbers('(415) 555-0142'),
    );
  });

  it('goes with "delete my data"', async () => {
    const { harness, store } = await harnessWithBills();
    await reachCollection(harness);
    await harness.say(webChatPhoto(billPhoto()));
    const id = (await harness.session())?.bill?.id as string;

    await harness.say('delete my data');
    await harness.say(buttonLabels.yes);

    expect(await store.get(id)).toBeUndefined();
    expect(await harness.session()).toBeUndefined();
  });
});
