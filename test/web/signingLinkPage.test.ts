/**
 * The signing link of an assisted port in a real browser: a support staff member prepares the port in Teams (over
 * HTTP), and the link in the email the customer gets opens the Bring your number page, whose Web Chat hands the
 * link's token to the bot: the customer is greeted with what staff prepared and asked for what is theirs alone to give.
 * The token leaves the address bar at once, and a reload (the same visitor) carries on rather than refusing the link.
 */
import { randomBytes } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { assistedText } from '../../dialogs/text/assistedText';
import { buttonLabels } from '../../dialogs/text/buttonLabels';
import { mainText } from '../../dialogs/text/mainText';
import { tipsText } from '../../dialogs/text/tipsText';
import { DataKeyring, formatDataKey, parseDataKey } from '../../src/security/dataKeys';
import { scratchFolder } from '../acceptance/support/acceptanceApp';
import { Customer, cardsOf, pressOn } from '../acceptance/support/customer';
import { OKAFOR } from '../acceptance/support/details';
import { readEmails } from '../acceptance/support/emails';
import { eventually, referenceIn } from '../acceptance/support/submissions';
import { type TestApp, startTestApp } from '../support/testApp';
import { CHROMIUM_PATH, hasChromium, launchBrowser, type BrowserSession } from './support/browser';
import { WebChatPage, shown } from './support/webChatPage';

if (!hasChromium) {
  console.warn(`Skipping the signing link browser test: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium).`);
}
const describeInBrowser = hasChromium ? describe : describe.skip;

jest.setTimeout(180_000);

const SAM = { id: '29:sam', aadObjectId: 'aad-sam', name: 'Sam Ortiz', role: 'user' };

describeInBrowser('an assisted port’s signing link, opened in Chromium', () => {
  const scratch = scratchFolder('signing-link-page-');
  let app: TestApp;
  let browser: BrowserSession;

  beforeAll(async () => {
    app = await startTestApp({
      env: { MAIL_DIR: scratch.path, STAFF_USER_IDS: SAM.aadObjectId },
      encryption: new DataKeyring(parseDataKey(formatDataKey('signing-page', randomBytes(32)))),
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    scratch.remove();
  });

  async function sam(overrides: Partial<Activity>): Promise<Partial<Activity>[]> {
    return app.exchange({
      type: 'message',
      id: `staff-${randomBytes(4).toString('hex')}`,
      channelId: 'msteams',
      serviceUrl: 'http://localhost/none',
      deliveryMode: 'expectReplies',
      recipient: { id: 'bot', name: 'Porting Assistant', role: 'bot' },
      from: SAM,
      conversation: { id: 'a:personal-sam', conversationType: 'personal', tenantId: 'tenant' },
      channelData: { tenant: { id: 'tenant' } },
      ...overrides,
    } as Partial<Activity>);
  }

  it('greets the customer with the prepared port, asks for the PIN, and keeps the token out of the address bar', async () => {
    const form = cardsOf(await sam({ text: assistedText.button })).at(-1);
    const { pin: _pin, ...inputs } = new Customer(app.exchange, { name: 'reader', details: OKAFOR, serviceUrl: 'http://localhost/none' }).formInputs();
    const referenceNumber = referenceIn(await sam(pressOn(form, assistedText.card.submit, inputs)));
    await eventually(async () => (await readEmails(scratch.path)).some((email) => email.subject.includes(referenceNumber)), () => 'no signing link email');
    const [email] = (await readEmails(scratch.path)).filter((mail) => mail.subject.includes(referenceNumber));
    const link = /http:\/\/\S+\/\?sign=\S+/.exec(email.text)?.[0];
    expect(link).toBeDefined();

    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(link ?? '');
    const chat = new WebChatPage(page);
    await chat.botSaid(shown(`Hello ${OKAFOR.holder.fullName}! Sam filled in your request`));
    expect(page.url()).toBe(`${app.url}/`);

    await chat.botSaid(shown(tipsText.keepService.question));
    await chat.choose(buttonLabels.yes);
    await chat.botSaid(/PIN/);

    // The same visitor coming back (a reload, the token gone from the address) is offered to carry on with the
    // prepared port, as any customer with a port under way: the link is not spent again, nor refused.
    await page.reload();
    await chat.botSaid(shown(mainText.resume.question));
    await expect(chat.botMessages(/doesn['’]t work any more/).count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });
});
