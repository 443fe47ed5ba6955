/**
 * An agent's words reaching the customer's page, with both people in Chromium on the local Direct Line bridge: the
 * agent in the console at /agent, the customer on the Bring your number page, the whole application behind them.
 */
import type { Page } from 'playwright-core';
import { agentText } from '../../dialogs/text/agentText';
import { handoffText } from '../../dialogs/text/handoffText';
import { mainText } from '../../dialogs/text/mainText';
import { startTestApp, type TestApp } from '../support/testApp';
import { CHROMIUM_PATH, hasChromium, launchBrowser, screenshot, type BrowserSession } from './support/browser';
import { WebChatPage, shown } from './support/webChatPage';
import { NEW_CARRIER } from '../support/newCarrier';

if (!hasChromium) {
  console.warn(`Skipping the agent relay browser test: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium).`);
}
const describeInBrowser = hasChromium ? describe : describe.skip;

jest.setTimeout(120_000);

const AGENT_TOKEN = 'agent-token-for-the-relay-test-0123456789';
/**
 * The bound. Web Chat streams the conversation, so a message shows as soon as the bot relays it (about 0.3 s
 * here, where polling took 1.4 s); before proactive messages stopped replying to a made-up activity it took 6 s.
 */
const MOST_MS_TO_SHOW = 2_000;

describeInBrowser("an agent's message on the customer's page", () => {
  let app: TestApp;
  let agentBrowser: BrowserSession;
  let customerBrowser: BrowserSession;
  const pageErrors: string[] = [];

  const watchErrors = (page: Page) => {
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' || /Timed out while waiting for activity/.test(message.text())) pageErrors.push(message.text());
    });
  };

  beforeAll(async () => {
    app = await startTestApp({ env: { AGENT_TOKEN } });
    // Two visitors: the agent and the customer each have a browser profile of their own.
    [agentBrowser, customerBrowser] = await Promise.all([launchBrowser(), launchBrowser()]);
  });

  afterAll(async () => {
    await Promise.all([agentBrowser?.close(), customerBrowser?.close()]);
    await app?.close();
  });

  it('shows within 1 s of the agent sending it, with nothing waiting on an activity that never comes', async () => {
    const agentPage = await agentBrowser.newPage();
    watchErrors(agentPage);
    await agentPage.goto(`${app.url}/agent`);
    await agentPage.getByLabel('Your name').fill('Sam Rivera');
    await agentPage.getByLabel('Agent token').fill(AGENT_TOKEN);
    await agentPage.getByRole('button', { name: 'Join the console' }).click();
    const agent = new WebChatPage(agentPage);
    await agent.botSaid(shown(agentText.joined));

    const customerPage = await customerBrowser.newPage();
    watchErrors(customerPage);
    await customerPage.goto(`${app.url}/`);
    const customer = new WebChatPage(customerPage);
    await customer.botSaid(shown(mainText.greeting(NEW_CARRIER.name)));
    await customer.type('agent');
    await customer.botSaid(shown(handoffText.finding(5, 1)));

    await agent.botSaid(agentText.card.heading);
    await agent.press(agentText.card.take);
    await customer.botSaid(shown(handoffText.takenOver('Sam')));

    const words = 'Hello, I can help you with the account number.';
    const sentAt = Date.now();
    await agent.type(words);
    await customer.botSaid(words);
    const tookMs = Date.now() - sentAt;
    await screenshot(customerPage, 'customer-agent-message');

    expect(tookMs).toBeLessThan(MOST_MS_TO_SHOW);
    expect(pageErrors).toEqual([]);
  });
});
