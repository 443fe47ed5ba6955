/**
 * Spanish, end to end, through the front door: a customer whose Web Chat says `es-US` ports a number in Spanish
 * (every message, question, button and card), the request reaches the porting backend as typed; and a customer
 * talking English switches to Spanish by writing "español", and the port goes on in Spanish.
 */
import type { Activity } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import { agentText } from '../../dialogs/text/agentText';
import { handoffText } from '../../dialogs/text/handoffText';
import { interruptionText } from '../../dialogs/text/interruptionText';
import { signText } from '../../dialogs/text/signText';
import { authorizationStatement } from '../../src/domain/loa';
import { inLanguage } from '../../src/i18n/language';
import { readPdf } from '../submission/support/readPdf';
import { NEW_CARRIER } from '../support/newCarrier';
import { englishFragments } from '../support/catalogues';
import { FakeConnector } from '../support/fakeConnector';
import { AGENT_TOKEN, type AcceptanceApp, startAcceptanceApp, testKeyring } from './support/acceptanceApp';
import { Customer, buttonTitles, cardsOf, pressOn, readCard, textsOf } from './support/customer';
import { type CustomerDetails, HERNANDEZ, MARIA } from './support/details';
import { awaitDelivery, eventually, expectedLetterFacts, expectedRequest, letterFacts, referenceIn } from './support/submissions';

/** Words no Spanish message has, but nearly every English sentence does. */
const ENGLISH_WORDS = /\b(?:the|your|you|please|with|and|is|are|we|I'll|what|which|choose|number)\b/i;

/** Everything a customer reads in the bot's messages: text, buttons, and each card's text and buttons. */
function whatTheCustomerReads(replies: readonly Partial<Activity>[]): string[] {
  return replies.flatMap((reply) => [
    ...textsOf([reply]),
    ...buttonTitles(reply),
    ...cardsOf([reply]).flatMap((card) => {
      const { lines, actions } = readCard(card);
      const titles = Array.from({ length: actions.count }, (_, n) => actions.get(n + 1)?.title ?? '');
      return [...lines, ...titles];
    }),
  ]);
}

/** The English found in what the customer read, once names, addresses and numbers (theirs, not ours to translate) are set aside. */
function englishIn(read: readonly string[], details: CustomerDetails): string[] {
  const fragments = englishFragments();
  const theirs = [details.holder.fullName, details.serviceAddress.street, details.serviceAddress.city, details.carrier.name, 'English'];
  return read.filter((line) => {
    // Carriers' product names are given in English, in parentheses, so the customer can find them in the carrier's app.
    const own = theirs.reduce((text, word) => text.split(word).join(' '), line).replace(/\([^)]*\)/g, ' ');
    return ENGLISH_WORDS.test(own) || fragments.some((fragment) => own.includes(fragment));
  });
}

const BOT = { id: 'bot', name: 'Porting Assistant', role: 'bot' };

describe('Spanish, end to end', () => {
  const channel = new FakeConnector();
  let serviceUrl: string;
  let app: AcceptanceApp;

  beforeAll(async () => {
    serviceUrl = await channel.listen();
    // With a data key, so that the signed letter's link is given and the customer's copy can be opened.
    app = await startAcceptanceApp({ env: { AGENT_TOKEN }, encryption: testKeyring() });
  });

  afterAll(async () => {
    await app?.close();
    await channel.close();
  });

  it('a customer whose browser speaks Spanish ports a number without reading a word of English', async () => {
    const jose = new Customer(app.exchange, { name: 'es-US', details: HERNANDEZ, serviceUrl, locale: 'es-US' });
    const sent = await jose.completePort();
    const referenceNumber = referenceIn(sent);
    const { request, pdfText } = await awaitDelivery(app.submissionsDir, referenceNumber, 1);

    expect(englishIn(whatTheCustomerReads(jose.heard), HERNANDEZ)).toEqual([]);
    expect(textsOf(sent).join('\n\n')).toContain(
      inLanguage('es', () => signText.sent({ referenceNumber, carrier: 'T-Mobile', contactEmail: HERNANDEZ.contactEmail })),
    );
    // Names and addresses are never translated: the request carries them as typed, the unit as USPS writes it.
    // The carrier's copy: the English statement, and the Spanish one the customer signed; request.json says so.
    expect(letterFacts(HERNANDEZ, pdfText, referenceNumber, 'es')).toEqual(expectedLetterFacts());
    expect(request).toEqual(expectedRequest(HERNANDEZ, { referenceNumber, version: 1, language: 'es' }));

    // The customer's own copy, behind the link the bot gave: the whole letter in Spanish, the account number masked.
    const letterUrl = textsOf(sent).join('\n').match(/\]\((https?:\/\/[^)\s]*\/api\/loa\/[^)\s]+)\)/)?.[1];
    expect(letterUrl).toBeDefined();
    const response = await fetch(letterUrl ?? '');
    expect(response.status).toBe(200);
    const copy = (await readPdf(Buffer.from(await response.arrayBuffer()))).text.replace(/\s+/g, '');
    for (const words of ['Carta de Autorización', 'Copia del cliente', 'Nombre del titular de la cuenta', 'Su copia.', authorizationStatement(NEW_CARRIER.name, 'es')]) {
      expect(copy).toContain(words.replace(/\s+/g, ''));
    }
    expect(copy).toContain(`••••${HERNANDEZ.accountNumber.slice(-4)}`);
    expect(copy).not.toContain(HERNANDEZ.accountNumber);
    expect(copy).not.toMatch(/LetterofAuthorization|Accountholdername|Yourcopy/);
  });

  it('an English conversation goes on in Spanish after "español", and the choice is remembered', async () => {
    const maria = new Customer(app.exchange, { name: 'switch', details: MARIA, serviceUrl });
    await maria.open();
    await maria.say('Start my port');
    await maria.untilAskedFor('carrier');

    const switched = await maria.say('español');
    maria.language = 'es';
    expect(textsOf(switched)[0]).toBe(inLanguage('es', () => interruptionText.language.switched));
    // The question on screen comes again, in Spanish.
    expect(maria.asked()).toEqual({ kind: 'field', field: 'carrier' });
    expect(englishIn(whatTheCustomerReads(switched), MARIA)).toEqual([]);

    // A later message from an English browser is still answered in Spanish: the choice is the customer's.
    const sent = await maria.finishPort();
    const startOfSpanish = maria.heard.indexOf(switched[0]);
    expect(englishIn(whatTheCustomerReads(maria.heard.slice(startOfSpanish)), MARIA)).toEqual([]);
    const referenceNumber = referenceIn(sent);
    const { request } = await awaitDelivery(app.submissionsDir, referenceNumber, 1);
    expect(request).toEqual(expectedRequest(MARIA, { referenceNumber, version: 1, language: 'es' }));

    // And back: "English" switches again, and the menu offers Spanish.
    const back = await maria.say('English');
    maria.language = 'en';
    expect(textsOf(back)[0]).toBe(inLanguage('en', () => interruptionText.language.switched));
    expect(back.flatMap(buttonTitles)).toContain('Español');
  });

  it('on the review, "cuenta" in a change request names whose detail it is: the holder, the email, or the account number itself', async () => {
    const jose = new Customer(app.exchange, { name: 'es-review-words', details: HERNANDEZ, serviceUrl, locale: 'es-US' });
    await jose.open();
    await jose.say('Quiero transferir mi número');
    await jose.until((asked) => asked.kind === 'review');

    for (const [typed, field] of [
      ['cambiar el nombre del titular de la cuenta', 'holderName'],
      ['el correo de la cuenta está mal', 'contactEmail'],
      ['cambiar la cuenta', 'accountNumber'],
      ['corregir el número de la cuenta', 'accountNumber'],
    ] as const) {
      const asked = await jose.say(typed);
      expect([typed, jose.asked(asked)]).toEqual([typed, { kind: 'field', field }]);
      expect(englishIn(whatTheCustomerReads(asked), HERNANDEZ)).toEqual([]);
      await jose.answer();
      expect(jose.asked()?.kind).toBe('review');
    }

    // Each detail was asked again and given back as it was: the request goes out unchanged.
    const sent = await jose.finishPort();
    const referenceNumber = referenceIn(sent);
    const { request } = await awaitDelivery(app.submissionsDir, referenceNumber, 1);
    expect(request).toEqual(expectedRequest(HERNANDEZ, { referenceNumber, version: 1, language: 'es' }));
  });

  it('offers English on the Spanish menu, and Spanish on the English one', async () => {
    const jose = new Customer(app.exchange, { name: 'menu', details: HERNANDEZ, serviceUrl, locale: 'es-MX' });
    const menu = await jose.open();
    expect(menu.flatMap(buttonTitles)).toContain('English');
    expect(menu.flatMap(buttonTitles)).not.toContain('Español');
    const english = await jose.press('english');
    jose.language = 'en';
    expect(textsOf(english)[0]).toBe(inLanguage('en', () => interruptionText.language.switched));
    expect(english.flatMap(buttonTitles)).toContain('Español');
  });

  it('tells the agent the customer reads Spanish, and relays what the agent types as typed', async () => {
    const consoleId = `acceptance-console-es-${randomUUID().slice(0, 8)}`;
    let consoleSequence = 0;
    const fromConsole = (overrides: Partial<Activity>) => {
      consoleSequence += 1;
      return app.exchange({
        type: 'message',
        id: `${consoleId}-${consoleSequence}`,
        channelId: 'webchat',
        serviceUrl,
        from: { id: `${consoleId}-agent`, name: 'Alex Kim', role: 'user' },
        recipient: BOT,
        conversation: { id: consoleId },
        deliveryMode: 'expectReplies',
        ...overrides,
      } as Partial<Activity>);
    };
    await fromConsole({ type: 'event', name: 'agent/join', value: { token: AGENT_TOKEN } });

    const jose = new Customer(app.exchange, { name: 'es-handoff', details: HERNANDEZ, serviceUrl, locale: 'es-US' });
    await jose.open();
    await jose.say('Quiero transferir mi número');
    await jose.untilAskedFor('accountNumber');
    const finding = await jose.say('hablar con una persona');
    expect(englishIn(whatTheCustomerReads(finding), HERNANDEZ)).toEqual([]);

    // The card says so, in the agents' English; the details so far are labelled in English too.
    const toConsole = () => channel.sentTo(consoleId);
    await eventually(() => cardsOf(toConsole()).length > 0, () => 'no escalation card reached the console');
    const escalation = cardsOf(toConsole())[0];
    expect(readCard(escalation).lines).toEqual(expect.arrayContaining([`${agentText.card.language}: ${agentText.languages.es}`, 'Current carrier: T-Mobile']));
    await fromConsole(pressOn(escalation, agentText.card.take));
    const toCustomer = () => channel.textsTo(jose.conversationId);
    await eventually(
      () => toCustomer().includes(inLanguage('es', () => handoffText.takenOver('Alex'))),
      () => `the customer was not told in Spanish: ${JSON.stringify(toCustomer())}`,
    );

    // What the agent types reaches the customer word for word, under the Spanish "(equipo de portabilidad)".
    await fromConsole({ text: 'Hola José, ¿me confirma el número de cuenta que aparece en su factura?' });
    await eventually(
      () => toCustomer().includes(inLanguage('es', () => handoffText.fromAgent('Alex', 'Hola José, ¿me confirma el número de cuenta que aparece en su factura?'))),
      () => `the agent's words did not reach the customer as typed: ${JSON.stringify(toCustomer())}`,
    );
  });
});
