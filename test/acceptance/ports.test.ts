/**
 * Complete ports through the front door: the whole application, a customer's Web Chat posting to /api/messages
 * with expectReplies and answering what the bot asks, and the folder gateway's request.json and carrier letter
 * compared with what the customer typed.
 */
import type { Activity } from 'botbuilder';
import { askFieldText } from '../../dialogs/text/askFieldText';
import { buttonLabels } from '../../dialogs/text/buttonLabels';
import { portScopeText } from '../../dialogs/text/portScopeText';
import { signText } from '../../dialogs/text/signText';
import { statusText } from '../../dialogs/text/statusText';
import { FakeConnector } from '../support/fakeConnector';
import { type AcceptanceApp, startAcceptanceApp } from './support/acceptanceApp';
import { Customer, textsOf } from './support/customer';
import { ACME, type CustomerDetails, KOWALSKI, MARIA, NGUYEN, OSEI, RIVERA_TMOBILE, RIVERA_VERIZON, TREMBLAY, withChanges } from './support/details';
import {
  awaitDelivery,
  deliveredVersions,
  expectedLetterFacts,
  expectedRequest,
  letterFacts,
  referenceIn,
  timesWithin,
} from './support/submissions';

/** The reference of a split port, in the receipt of each of its requests. */
const PARENT_REFERENCE = /part of your port (PA-[0-9A-Z-]+),/;

describe('a complete port, from the chat to the request and letter the porting backend receives', () => {
  const channel = new FakeConnector();
  let serviceUrl: string;
  let app: AcceptanceApp;

  beforeAll(async () => {
    serviceUrl = await channel.listen();
    app = await startAcceptanceApp();
  });

  afterAll(async () => {
    await app?.close();
    await channel.close();
  });

  const customer = (name: string, details: CustomerDetails) => new Customer(app.exchange, { name, details, serviceUrl });

  /** Signs and delivers, then checks request.json field by field, the letter, and what the customer was told. */
  async function expectDelivered(who: Customer, sent: Partial<Activity>[], startedAt: number) {
    const referenceNumber = referenceIn(sent);
    const { request, pdfText } = await awaitDelivery(app.submissionsDir, referenceNumber, 1);
    const { details } = who;

    expect(letterFacts(details, pdfText, referenceNumber)).toEqual(expectedLetterFacts());
    expect(textsOf(sent)).toContain(signText.sent({ referenceNumber, carrier: details.carrier.name, contactEmail: details.contactEmail }));
    expect(deliveredVersions(app.submissionsDir, referenceNumber)).toEqual(['v1']);
    // Nothing reached the customer's channel outside their own turns.
    expect(channel.sentTo(who.conversationId)).toEqual([]);
    expect(timesWithin(request, startedAt)).toBe(true);
    // Last, so that every other check has run: the request, field by field.
    expect(request).toEqual(expectedRequest(details, { referenceNumber, version: 1 }));
  }

  it('a person: every answer reaches request.json as typed, the contact email included', async () => {
    const startedAt = Date.now();
    const maria = customer('person', MARIA);
    const sent = await maria.completePort();
    await expectDelivered(maria, sent, startedAt);
  });

  it('a customer with every detail at hand (one mobile number, Verizon and its lock question) signs in at most 11 messages', async () => {
    const startedAt = Date.now();
    const linh = customer('at-hand', NGUYEN);
    await linh.open();
    await linh.say(buttonLabels.startPort);
    const afterStart = linh.messagesSent;
    const sent = await linh.finishPort();

    // From "Start my port" to the signed receipt: the service question, seven details, the review, the lock, the
    // signature. The billing number (her one mobile number) is not asked, and the signature sends.
    expect(linh.answered).toEqual([
      'serviceActive',
      'field numbers',
      'field carrier',
      'field accountNumber',
      'field pin',
      'field holderName',
      'field serviceAddress',
      'field contactEmail',
      'review',
      'portOutLock',
      'letter',
    ]);
    expect(linh.messagesSent - afterStart).toBeLessThanOrEqual(11);
    await expectDelivered(linh, sent, startedAt);
  });

  it('a business: the holder is the business, the authorized person signs for it', async () => {
    const startedAt = Date.now();
    const acme = customer('business', ACME);
    const sent = await acme.completePort();
    await expectDelivered(acme, sent, startedAt);
  });

  it('three numbers, typed three ways in one message, with the second as the billing number', async () => {
    const startedAt = Date.now();
    const anna = customer('three-numbers', KOWALSKI);
    const sent = await anna.completePort();
    await expectDelivered(anna, sent, startedAt);
  });

  it('the form card: every detail on one card, asked for at the menu', async () => {
    const startedAt = Date.now();
    const acme = customer('form', withChanges(ACME, {
      numbers: { typed: '212-555-0191, 212-555-0192', e164: ['+12125550191', '+12125550192'] },
      billingNumber: { typed: '212-555-0191', e164: '+12125550191' },
      wholeAccount: true,
    }));
    await acme.open();
    await acme.say(buttonLabels.form);
    const form = await acme.until((asked) => asked.kind === 'form');
    // Every detail on the card at once: what follows are the two questions about the account behind the numbers
    // (the card has no place for them), then the review.
    await acme.answer(form);
    expect(acme.asked()?.kind).toBe('sameAccount');
    await acme.until((asked) => asked.kind === 'review');
    expect(acme.answered).toEqual(['serviceActive', 'form', 'sameAccount', 'wholeAccount']);
    const sent = await acme.finishPort();
    await expectDelivered(acme, sent, startedAt);
  });

  it('numbers on two carriers: two requests, one per account, linked under one parent reference the customer is given', async () => {
    const startedAt = Date.now();
    const sam = customer('two-carriers', RIVERA_TMOBILE);
    await sam.open();
    await sam.say(buttonLabels.startPort);
    // The first account's request, signed; the bot goes straight on to the second account.
    await sam.until(() => textsOf(sam.lastReplies).some((text) => sam.saysSent(text)));
    const firstReplies = sam.lastReplies;
    const first = referenceIn(firstReplies);
    const said = sam.transcript.join('\n');
    const parent = PARENT_REFERENCE.exec(textsOf(firstReplies).find((text) => text.includes('This request is part of your port')) ?? '')?.[1];
    if (parent === undefined) throw sam.lost('was not given the reference of the whole port with the first request');
    expect(parent).not.toBe(first);
    expect(textsOf(firstReplies)).toContain(portScopeText.nextAccount(['(773) 555-0130'], parent));

    sam.details = RIVERA_VERIZON;
    const sent = await sam.finishPort();
    const second = referenceIn(sent);
    expect(textsOf(sent).join('\n')).toContain(portScopeText.partOfPort(parent));
    expect(said).toContain(`Your port's reference is ${parent}`);

    // Asked once whether the numbers are on one account; which ones go first; the second account only what differs.
    expect(sam.answered).toEqual([
      'serviceActive', 'field numbers', 'sameAccount', 'firstAccount', 'field carrier', 'field accountNumber', 'field pin',
      'field holderName', 'field serviceAddress', 'wholeAccount', 'field billingNumber', 'field contactEmail', 'review',
      'portOutLock', 'letter',
      'field carrier', 'field accountNumber', 'field pin', 'review', 'portOutLock', 'letter',
    ]);

    // Both delivered by the folder gateway, each as a request of its own naming the parent reference.
    for (const [details, referenceNumber] of [[RIVERA_TMOBILE, first], [RIVERA_VERIZON, second]] as const) {
      const { request, pdfText } = await awaitDelivery(app.submissionsDir, referenceNumber, 1);
      expect(letterFacts(details, pdfText, referenceNumber)).toEqual(expectedLetterFacts());
      expect(timesWithin(request, startedAt)).toBe(true);
      expect(request).toEqual(expectedRequest(details, { referenceNumber, version: 1, parentReference: parent }));
    }

    // The parent reference checks the whole port: each request, with the ZIP as for any request.
    await sam.press('status');
    await sam.say(parent);
    const status = textsOf(await sam.say(RIVERA_TMOBILE.serviceAddress.postalCode)).join('\n');
    expect(status).toContain(statusText.linkedPort(parent, 2));
    expect(status).toContain(first);
    expect(status).toContain(second);
  });

  it('a partial port of a landline that moves the billing number: the line that stays gets a new one, in request.json', async () => {
    const startedAt = Date.now();
    const kwame = customer('partial', OSEI);
    const sent = await kwame.completePort();

    // A landline: whether every number on the account moves is asked, and so is the billing number; it is moving, so
    // the new billing number of the line that stays is asked too. Xfinity Voice asks for no PIN.
    expect(kwame.answered).toEqual([
      'serviceActive', 'field numbers', 'field carrier', 'field accountNumber', 'field holderName', 'field serviceAddress',
      'wholeAccount', 'field billingNumber', 'remainingBillingNumber', 'field contactEmail', 'review', 'letter',
    ]);
    const referenceNumber = referenceIn(sent);
    const { request, pdfText } = await awaitDelivery(app.submissionsDir, referenceNumber, 1);
    // No PIN to keep off the letter: the empty one is "shown" trivially.
    expect(letterFacts(kwame.details, pdfText, referenceNumber)).toEqual({ ...expectedLetterFacts(), pin: true });
    // The letter tells the carrier that lines stay, and their new billing number.
    expect(pdfText.replace(/\s+/g, ' ')).toContain('Partial port: other numbers stay on the account');
    expect(pdfText.replace(/\s+/g, '')).toContain('(206)555-0151');
    expect(timesWithin(request, startedAt)).toBe(true);
    expect(request).toEqual({ ...expectedRequest(OSEI, { referenceNumber, version: 1 }), account: { number: OSEI.accountNumber } });
  });

  it('a pasted CSR: the details are taken from the paste, and only what it lacks is asked', async () => {
    const startedAt = Date.now();
    const emilie = customer('pasted', TREMBLAY);
    const { details } = emilie;
    const address = details.serviceAddress;
    // Copied from her carrier's record, labels and all; it has no email.
    const record = [
      'CUSTOMER SERVICE RECORD',
      `Account Name: ${details.holder.fullName}`,
      `Account Number: ${details.accountNumber}`,
      `Transfer PIN: ${details.pin}`,
      `Service Address: ${address.street}, ${address.unit}`,
      `City: ${address.city}`,
      `Province: ${address.region}`,
      `Postal Code: ${address.postalCode}`,
      `Phone Numbers: ${details.numbers.typed}`,
      `Billing Telephone Number: ${details.billingNumber.typed}`,
      `Current Provider: ${details.carrier.typed}`,
    ].join('\n');
    await emilie.open();
    await emilie.say(buttonLabels.startPort);
    await emilie.untilAskedFor('numbers');
    const afterPaste = await emilie.say(record);

    expect(textsOf(afterPaste)[0]).toContain(askFieldText.pasted.intro);
    expect(emilie.asked()).toEqual({ kind: 'field', field: 'contactEmail' });
    const sent = await emilie.finishPort();
    await expectDelivered(emilie, sent, startedAt);
  });
});
