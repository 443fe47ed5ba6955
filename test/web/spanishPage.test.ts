/**
 * The "Bring your number" page in Spanish, in Chromium: a browser whose language is Spanish gets the page, Web Chat
 * and the bot in Spanish; the language button switches all three, and the choice is remembered when the customer
 * comes back.
 */
import type { Page } from 'playwright-core';
import { askFieldText } from '../../dialogs/text/askFieldText';
import { buttonLabels } from '../../dialogs/text/buttonLabels';
import { interruptionText } from '../../dialogs/text/interruptionText';
import { mainText } from '../../dialogs/text/mainText';
import { tipsText } from '../../dialogs/text/tipsText';
import { type Language, inLanguage } from '../../src/i18n/language';
import { NEW_CARRIER } from '../support/newCarrier';
import { CHROMIUM_PATH, hasChromium, launchBrowser, screenshot, type BrowserSession } from './support/browser';
import { startPortingApp, type PortingApp } from './support/portingApp';
import { WebChatPage, shown } from './support/webChatPage';

if (!hasChromium) {
  console.warn(`Skipping the Spanish page browser test: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium).`);
}
const describeInBrowser = hasChromium ? describe : describe.skip;

jest.setTimeout(180_000);

/** The bot's words in `language`, as the page shows them. */
const said = (language: Language, words: () => string) => shown(inLanguage(language, words));

describeInBrowser('the Bring your number page in Spanish', () => {
  let app: PortingApp;
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
    browser = await launchBrowser({ locale: 'es-US' });
  });

  afterEach(async () => {
    await browser?.close();
  });

  async function open(): Promise<WebChatPage> {
    const page: Page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    await page.goto(`${app.url}/`);
    return new WebChatPage(page);
  }

  it('speaks Spanish to a Spanish browser, switches to English with the button, and remembers the choice', async () => {
    const chat = await open();
    const { page } = chat;
    await chat.botSaid(said('es', () => mainText.greeting(NEW_CARRIER.name)));
    await chat.botSaid(said('es', () => mainText.menu.intro));

    await expect(page.evaluate<string>('document.documentElement.lang')).resolves.toBe('es');
    expect(await page.title()).toBe(`Transfiera su número a ${NEW_CARRIER.name} — Asistente de Portabilidad`);
    await expect(page.getByRole('heading', { level: 1, name: 'Transfiera su número' }).count()).resolves.toBe(1);
    await expect(page.locator('.site-header__tagline').textContent()).resolves.toBe(`Conserve su número. Cámbiese a ${NEW_CARRIER.name}.`);
    await expect(page.getByRole('region', { name: 'Chat con el Asistente de Portabilidad' }).count()).resolves.toBe(1);
    // Web Chat's own words are Spanish too.
    await expect(page.getByPlaceholder('Escriba su respuesta').count()).resolves.toBe(1);
    await screenshot(page, 'spanish-greeting');

    await chat.choose(inLanguage('es', () => buttonLabels.startPort));
    await chat.botSaid(said('es', () => tipsText.keepService.question));
    await chat.choose(inLanguage('es', () => buttonLabels.yes));
    await chat.botSaid(said('es', () => askFieldText.question.numbers()));

    // The language button: the page, Web Chat and the bot switch, and the question on screen comes in English.
    await page.getByRole('banner').getByRole('button', { name: 'English', exact: true }).click();
    await chat.botSaid(said('en', () => interruptionText.language.switched));
    await chat.botSaid(said('en', () => askFieldText.question.numbers()));
    await expect(page.evaluate<string>('document.documentElement.lang')).resolves.toBe('en');
    await expect(page.getByRole('heading', { level: 1, name: 'Bring your number' }).count()).resolves.toBe(1);
    await expect(page.getByPlaceholder('Type your answer').count()).resolves.toBe(1);
    await expect(page.getByRole('banner').getByRole('button', { name: 'Español', exact: true }).count()).resolves.toBe(1);

    // Back later in the same browser: the page is in English, and so is the bot, though the browser says Spanish.
    await page.close();
    const again = await open();
    await again.botSaid(said('en', () => mainText.greeting(NEW_CARRIER.name)));
    await expect(again.page.getByRole('heading', { level: 1, name: 'Bring your number' }).count()).resolves.toBe(1);
    expect(pageErrors).toEqual([]);
  });
});
