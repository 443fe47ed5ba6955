/**
 * The bill attached with Web Chat's own paper clip, in Chromium, on a local run: the page lets Web Chat read the file
 * (its blob: link) and upload it to the local Direct Line bridge, which the whole application's bot fetches it from.
 */
import { billText } from '../../dialogs/text/billText';
import { mainText } from '../../dialogs/text/mainText';
import { billPdf } from '../support/bills';
import { NEW_CARRIER } from '../support/newCarrier';
import { startTestApp, type TestApp } from '../support/testApp';
import { CHROMIUM_PATH, DESKTOP, hasChromium, launchBrowser, type BrowserSession } from './support/browser';
import { WebChatPage, shown } from './support/webChatPage';

if (!hasChromium) {
  console.warn(`Skipping the bill browser test: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium).`);
}
const describeInBrowser = hasChromium ? describe : describe.skip;

jest.setTimeout(180_000);

describeInBrowser('a bill attached with the paper clip of the Web Chat page', () => {
  let app: TestApp;
  let browser: BrowserSession;

  beforeAll(async () => {
    app = await startTestApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('is uploaded, kept, and its details read', async () => {
    const page = await browser.newPage(DESKTOP);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${app.url}/`);
    const chat = new WebChatPage(page);
    await chat.botSaid(shown(mainText.greeting(NEW_CARRIER.name)));
    const pdf = await billPdf({
      accountNumber: '555444333222',
      holderName: 'Maria Lopez',
      serviceAddress: '123 Main St, Apt 4, Springfield, IL 62704',
      phoneNumber: '(415) 555-0142',
      carrier: 'AT&T',
    });

    await page.locator('input[type=file]').setInputFiles({ name: 'statement.pdf', mimeType: 'application/pdf', buffer: pdf });
    // Web Chat shows the file in its send box; the customer sends it as any message.
    await page.locator('.webchat__send-button').click();

    await chat.botSaid(shown(billText.kept));
    await chat.botSaid(/••••3222/);
    expect(pageErrors).toEqual([]);
  });
});
