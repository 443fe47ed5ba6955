import type { Page } from 'playwright-core';
import { mainText } from '../../dialogs/text/mainText';
import { askFieldText } from '../../dialogs/text/askFieldText';
import { buttonLabels } from '../../dialogs/text/buttonLabels';
import { reviewText } from '../../dialogs/text/reviewText';
import { signText } from '../../dialogs/text/signText';
import { tipsText } from '../../dialogs/text/tipsText';
import { CHROMIUM_PATH, DESKTOP, PHONE, hasChromium, launchBrowser, screenshot, type BrowserSession, type Viewport } from './support/browser';
import { startPortingApp, type PortingApp } from './support/portingApp';
import { WebChatPage, shown } from './support/webChatPage';
import { NEW_CARRIER } from '../support/newCarrier';

if (!hasChromium) {
  console.warn(`Skipping the Web Chat browser tests: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium).`);
}
const describeInBrowser = hasChromium ? describe : describe.skip;

jest.setTimeout(180_000);

const CUSTOMER = {
  number: '(415) 555-0123',
  carrier: 'Verizon',
  accountNumber: '123456789',
  pin: '482913',
  holderName: 'Jordan Lee',
  serviceAddress: '123 Main St, Apt 4, Springfield, IL 62704',
  email: 'jordan@example.com',
} as const;

describeInBrowser('the Bring your number page in Chromium', () => {
  let app: PortingApp;
  /** A fresh browser profile per test: each test is a new visitor. */
  let browser: BrowserSession;
  let pageErrors: string[];

  beforeAll(async () => {
    app = await startPortingApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  beforeEach(async () => {
    pageErrors = [];
    browser = await launchBrowser();
  });

  afterEach(async () => {
    await browser?.close();
  });

  async function open(viewport: Viewport = DESKTOP): Promise<WebChatPage> {
    const page: Page = await browser.newPage(viewport);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    await page.goto(`${app.url}/`);
    const chat = new WebChatPage(page);
    await chat.botSaid(shown(mainText.greeting(NEW_CARRIER.name)));
    return chat;
  }

  it('loads with its landmarks, greets the customer once, and answers a suggested action and a typed message', async () => {
    const chat = await open();
    const { page } = chat;
    await chat.botSaid(shown(mainText.menu.intro));

    expect(await page.title()).toBe(`Bring your number to ${NEW_CARRIER.name} — Porting Assistant`);
    // The carrier customers move to (CARRIER_NAME), as the page and the greeting name it.
    await expect(page.locator('.site-header__tagline').textContent()).resolves.toBe(`Keep your number. Switch to ${NEW_CARRIER.name}.`);
    await expect(page.locator('.intro__lead').textContent()).resolves.toContain(`from your current carrier to us at ${NEW_CARRIER.name}.`);
    await expect(chat.botMessages(`over to us at ${NEW_CARRIER.name}, one step at a time`).count()).resolves.toBe(1);
    await expect(page.getByRole('banner').count()).resolves.toBe(1);
    await expect(page.getByRole('main').count()).resolves.toBe(1);
    await expect(page.getByRole('heading', { level: 1, name: 'Bring your number' }).count()).resolves.toBe(1);
    await expect(page.getByRole('region', { name: 'Chat with the Porting Assistant' }).count()).resolves.toBe(1);
    await expect(page.locator('#chat-status').textContent()).resolves.toBe('');
    // The bridge tells the bot the visitor joined, and so does the page's join event: one greeting all the same.
    await expect(chat.botMessages(shown(mainText.greeting(NEW_CARRIER.name))).count()).resolves.toBe(1);
    await screenshot(page, 'desktop-greeting');

    // A keyboard user's first Tab reaches the skip link, which takes them to the chat.
    await page.keyboard.press('Tab');
    await expect(page.evaluate<string>('document.activeElement.textContent')).resolves.toBe('Skip to the chat');
    await page.keyboard.press('Enter');
    await expect(page.evaluate<string>('document.activeElement.id')).resolves.toBe('chat');

    await chat.choose(buttonLabels.tips);
    await chat.botSaid(shown(tipsText.keepService.tip));
    await screenshot(page, 'desktop-tips');

    await chat.type(buttonLabels.agent);
    await chat.botSaid('1-800-555-0100');
    expect(pageErrors).toEqual([]);
  });

  it('takes a customer through a whole port with buttons, typed answers and cards, to a signed request', async () => {
    const chat = await open();
    const { page } = chat;

    await chat.botSaid(shown(mainText.menu.intro));
    await chat.choose(buttonLabels.startPort);
    await chat.botSaid(shown(tipsText.keepService.question));
    await chat.choose(buttonLabels.yes);
    await chat.botSaid(shown(askFieldText.question.numbers()));
    await chat.type(CUSTOMER.number);
    await chat.botSaid(shown(askFieldText.question.carrier()));
    await chat.type(CUSTOMER.carrier);
    await chat.botSaid(/What is your account number/);
    await chat.type(CUSTOMER.accountNumber);
    await chat.botSaid(/What is your .*PIN\?/);
    await chat.type(CUSTOMER.pin);
    await chat.botSaid(shown(askFieldText.question.holderName()));
    await chat.type(CUSTOMER.holderName);
    await chat.botSaid(shown(askFieldText.question.serviceAddress()));
    await chat.type(CUSTOMER.serviceAddress);
    // One mobile number: it is the billing number, not asked.
    await chat.botSaid(shown(askFieldText.question.contactEmail()));
    await chat.type(CUSTOMER.email);

    await chat.botSaid(reviewText.card.heading);
    const review = chat.botMessages(reviewText.card.heading).last();
    await expect(review.textContent()).resolves.toContain('••••6789');
    await expect(review.textContent()).resolves.not.toContain(CUSTOMER.pin);
    await review.scrollIntoViewIfNeeded();
    await screenshot(page, 'desktop-review');
    await chat.press(reviewText.card.confirm);
    // Verizon's Number Lock must be off before the letter.
    await chat.botSaid(/One last check before you sign/);
    await chat.choose(buttonLabels.yes);

    await chat.botSaid(signText.loaCard.heading);
    await page.getByRole('textbox', { name: signText.loaCard.signatureLabel }).last().fill(CUSTOMER.holderName);
    await screenshot(page, 'desktop-sign');
    // Pressing Sign signs and sends.
    await chat.press(signText.loaCard.sign);
    await chat.botSaid(/your letter is signed/);
    await screenshot(page, 'desktop-signed');

    expect(app.submitter.submissions).toHaveLength(1);
    expect(app.submitter.submissions[0].loa).toMatchObject({
      numbers: ['+14155550123'],
      accountNumber: CUSTOMER.accountNumber,
      pin: CUSTOMER.pin,
      signature: { signerName: CUSTOMER.holderName, channel: 'webchat' },
    });
    expect(pageErrors).toEqual([]);
  });

  it('fits a phone screen, and a visitor who comes back is offered to continue their port', async () => {
    const chat = await open(PHONE);
    const { page } = chat;
    await chat.botSaid(shown(mainText.menu.intro));

    // Nothing wider than the screen (no sideways scrolling), and the tips fold away to leave room for the chat.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    expect(await page.locator('#tips').getAttribute('open')).toBeNull();
    await screenshot(page, 'phone-top');

    await chat.choose(buttonLabels.startPort);
    await chat.choose(buttonLabels.yes);
    await chat.type(CUSTOMER.number);
    await chat.botSaid(shown(askFieldText.question.carrier()));
    await page.getByRole('textbox', { name: 'Message input box' }).focus();
    await screenshot(page, 'phone-chat');
    await page.close();

    const again = await open(PHONE);
    await again.botSaid(/Welcome back! You have a port request in progress/);
    await again.choose(buttonLabels.resume);
    await again.botSaid(shown(askFieldText.question.carrier()));
    await screenshot(again.page, 'phone-resume');
    expect(pageErrors).toEqual([]);
  });
});
