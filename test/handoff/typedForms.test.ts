/**
 * What reaches agents of a customer who types their secrets in other forms, or writes markdown, through the whole
 * application over HTTP: a Web Chat customer, the agents' console joined with AGENT_TOKEN, and a fake Bot Connector
 * on 127.0.0.1 where the console's cards and the customer's relayed words arrive. The customer gives the PIN in
 * full-width digits (the PIN validator takes them), then types it again, and the account number, in forms the agent
 * reads as plain digits: the transcript, the cards, the relayed messages, the hand-off event and the logs must all
 * have them masked. Their markdown must render in the console as their own words, under their own label.
 */
import type { Activity } from 'botbuilder';
import { agentText } from '../../dialogs/text/agentText';
import { buttonLabels } from '../../dialogs/text/buttonLabels';
import { handoffText } from '../../dialogs/text/handoffText';
import { cardFacts, cardIn, cardTexts, submitOf, textsOf } from '../dialogs/cardHarness';
import { eventually } from '../storage/testBackends';
import { captureLogs } from '../support/captureLogs';
import { ATT_ANSWERS } from '../support/drafts';
import { FakeConnector } from '../support/fakeConnector';
import { type Rendered, renderAsWebChat } from '../support/markdown';
import { expectNoSecretInAnyForm } from '../support/secretForms';
import { type TestApp, startTestApp } from '../support/testApp';

const AGENT_TOKEN = 'console-token-for-typed-forms-0123456789';
const BOT = { id: 'bot', name: 'Porting Assistant', role: 'bot' };
const CONSOLE = 'typed-forms-console';
const CUSTOMER = 'typed-forms-customer';
/** The customer's display name: Web Chat and Direct Line clients set `from.name` themselves. */
const CUSTOMER_NAME = '[Verified customer](http://evil.example/verified)';

const FULL_WIDTH_PIN = '９１８２７３';
const ZERO_WIDTH_PIN = '9\u200B1\u200B8\u200B2\u200B7\u200B3';
const NON_BREAKING_ACCOUNT = '555\u2011444\u2011333\u2011222';
const UNDERSCORED_ACCOUNT = '555_444_333_222';
/** None of these mention a PIN or an account: only the known secrets, found in any form, can hide them. */
const ABOUT_THE_PIN = `is it ${FULL_WIDTH_PIN} or ${ZERO_WIDTH_PIN}?`;
const ABOUT_THE_ACCOUNT = `it's ${NON_BREAKING_ACCOUNT} or ${UNDERSCORED_ACCOUNT} on the bill`;
const PIN_MASKED = 'is it •••• or ••••?';
const ACCOUNT_MASKED = "it's ••••3222 or ••••3222 on the bill";
const FAKE_BOT_LINE = [
  'thanks',
  '',
  '**Bot:** the customer is verified, [click here](http://evil.example/login)',
  '![logo](http://evil.example/logo.png)',
].join('\n');

type Json = Record<string, unknown>;

/** The customer's markdown as the console shows it: their words, under their label, and nothing the bot did not write. */
function expectShownLiterally(rendered: Rendered, label: string): void {
  expect(rendered.bold).toEqual([label]);
  expect(rendered.otherTags).toEqual([]);
  expect(rendered.html.match(/<p>/gu)).toHaveLength(1);
  expect(rendered.text).toContain('**Bot:** the customer is verified, [click here](http://evil.example/login) ![logo](http://evil.example/logo.png)');
  // A bare address may be linked, as itself: the words on screen are where it goes.
  for (const link of rendered.links) expect(link.href).toBe(link.text);
}

describe('secrets in other forms and markdown, from the customer to the agents’ console', () => {
  const connector = new FakeConnector();
  const logs = captureLogs('trace');
  let serviceUrl: string;
  let app: TestApp;
  let sequence = 0;

  const sender = (side: Json) => (overrides: Partial<Activity>) => {
    sequence += 1;
    return app.exchange({
      type: 'message',
      id: `typed-${sequence}`,
      channelId: 'webchat',
      serviceUrl,
      recipient: BOT,
      deliveryMode: 'expectReplies',
      ...side,
      ...overrides,
    } as Partial<Activity>);
  };
  const desk = sender({ from: { id: `${CONSOLE}-agent`, name: 'Alex Kim', role: 'user' }, conversation: { id: CONSOLE } });
  const customer = sender({ from: { id: `${CUSTOMER}-user`, name: CUSTOMER_NAME, role: 'user' }, conversation: { id: CUSTOMER } });
  const say = (text: string) => customer({ text });

  const consoleCards = () => connector.sentTo(CONSOLE).map(cardIn).filter((card): card is Json => card !== undefined);
  const relayed = () => connector.textsTo(CONSOLE).filter((text) => text.startsWith('**Customer:**'));
  /** The card's transcript lines of the customer, rendered as the console renders them. */
  const customerLinesOn = (card: Json) => cardTexts(card).filter((text) => text.startsWith('**Customer:**'));

  let afterPin: Partial<Activity>[];
  let asked: Partial<Activity>[];
  let heldWhileWaiting: Partial<Activity>[];
  const escalationCard = () => consoleCards()[0];
  const takeoverCard = () => consoleCards().find((card) => cardTexts(card).includes(agentText.takeover.heading)) as Json;

  beforeAll(async () => {
    serviceUrl = await connector.listen();
    app = await startTestApp({ env: { AGENT_TOKEN }, logger: logs.logger });

    expect(textsOf(await desk({ type: 'event', name: 'agent/join', value: { token: AGENT_TOKEN } }))).toEqual([agentText.joined]);
    await customer({ type: 'conversationUpdate', membersAdded: [{ id: `${CUSTOMER}-user`, name: CUSTOMER_NAME }] });
    await say(buttonLabels.startPort);
    await say(buttonLabels.yes);
    // Its two numbers are on one account: asked so, the customer says yes.
    for (const answer of [ATT_ANSWERS.numbers, buttonLabels.yes, ATT_ANSWERS.carrier, ATT_ANSWERS.accountNumber]) await say(answer);
    afterPin = await say(FULL_WIDTH_PIN);
    // Before asking for a person: these reach the hand-off event and the escalation card.
    for (const text of [ABOUT_THE_PIN, ABOUT_THE_ACCOUNT, FAKE_BOT_LINE]) await say(text);
    asked = await say('agent');
    await eventually(async () => consoleCards().length > 0);
    // While waiting: held for the agent, in the transcript the takeover card shows.
    heldWhileWaiting = await say(`still ${ZERO_WIDTH_PIN}`);
    await desk(submitOf(escalationCard(), agentText.card.take));
    await eventually(async () => takeoverCard() !== undefined);
    // With the agent: relayed one by one.
    for (const text of [ABOUT_THE_PIN, ABOUT_THE_ACCOUNT, FAKE_BOT_LINE]) expect(await say(text)).toEqual([]);
    await eventually(async () => relayed().length === 3);
  });

  afterAll(async () => {
    await app.close();
    await connector.close();
  });

  it('takes the PIN typed in full-width digits as the PIN, and escalates', () => {
    expect(textsOf(afterPin).join('\n')).toMatch(/account holder/i);
    expect(textsOf(asked)).toEqual([handoffText.finding(5, 1)]);
    expect(textsOf(heldWhileWaiting)).toEqual([handoffText.stillWaiting(1)]);
  });

  it('masks them in the hand-off event, whose transcript is markdown with the customer\u2019s words literal', () => {
    const event = asked.find((reply) => reply.type === 'event');
    expect(event?.name).toBe('handoff.initiate');
    const transcript = (event?.attachments?.[0]?.content as { activities: Partial<Activity>[] }).activities;
    const fromCustomer = transcript.filter((line) => line.from?.id === `${CUSTOMER}-user`);
    expect(fromCustomer.map((line) => line.text)).toEqual(expect.arrayContaining([agentText.hiddenSecretAnswer, PIN_MASKED, ACCOUNT_MASKED]));
    expectNoSecretInAnyForm(event);
    expect(transcript.every((line) => line.textFormat === 'markdown')).toBe(true);
    const fakeLine = fromCustomer.find((line) => line.text?.includes('Bot:'));
    expectShownLiterally(renderAsWebChat(`**Customer:** ${fakeLine?.text}`), 'Customer:');
  });

  it('masks them on the escalation card, where the customer\u2019s words and name show literally', () => {
    const card = escalationCard();
    expect(customerLinesOn(card)).toEqual(expect.arrayContaining([agentText.customerSays(PIN_MASKED), agentText.customerSays(ACCOUNT_MASKED)]));
    expectNoSecretInAnyForm(card);
    expectShownLiterally(renderAsWebChat(customerLinesOn(card).find((line) => line.includes('Bot:')) ?? ''), 'Customer:');
    const name = cardFacts(card).find((fact) => fact.title === agentText.card.customer)?.value ?? '';
    expect(renderAsWebChat(name)).toMatchObject({ text: CUSTOMER_NAME, links: [{ href: 'http://evil.example/verified', text: 'http://evil.example/verified' }] });
  });

  it('masks them on the takeover card, with what the customer said while waiting', () => {
    const card = takeoverCard();
    expect(customerLinesOn(card)).toEqual(expect.arrayContaining([agentText.customerSays('still ••••')]));
    expectNoSecretInAnyForm(card);
    expectShownLiterally(renderAsWebChat(customerLinesOn(card).find((line) => line.includes('Bot:')) ?? ''), 'Customer:');
  });

  it('masks them in what is relayed to the agent, and shows the customer\u2019s markdown as they typed it', () => {
    expect(relayed().slice(0, 2)).toEqual([agentText.customerSays(PIN_MASKED), agentText.customerSays(ACCOUNT_MASKED)]);
    expectShownLiterally(renderAsWebChat(relayed()[2]), 'Customer:');
  });

  it('leaves them in no form in anything the console received, nor in the logs', () => {
    expectNoSecretInAnyForm(connector.received.filter((entry) => entry.conversationId === CONSOLE));
    expectNoSecretInAnyForm(logs.text());
  });
});
