/**
 * Complete ports through the front door: the whole application, a customer's Web Chat posting to /api/messages
 * with expectReplies and answering what the bot asks, and the folder gateway's request.json and carrier letter
 * compared with what the customer typed.
 */
import type { Activity } from 'botbuilder';
import { askFieldText } from '../../dialogs/text/askFieldText';
import { buttonLabels } from '../../dialogs/text/buttonLabels';
import { signText } from '../../dialogs/text/signText';
import { FakeConnector } from '../support/fakeConnector';
import { type AcceptanceApp, startAcceptanceApp } from './support/acceptanceApp';
import { Customer, textsOf } from './support/customer';
import { ACME, type CustomerDetails, KOWALSKI, MARIA, NGUYEN, TREMBLAY, withChanges } from './support/details';
import {
  awaitDelivery,
  deliveredVersions,
  expectedLetterFacts,
  expectedRequest,
  letterFacts,
  referenceIn,
  timesWithin,
} from './support/submissions';

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
    }));
    await acme.open();
    await acme.say(buttonLabels.form);
    const form = await acme.until((asked) => asked.kind === 'form');
    // Everything on the card at once: the next thing on screen is the review, not a question.
    await acme.answer(form);
    expect(acme.asked()?.kind).toBe('review');
    const sent = await acme.finishPort();
    await expectDelivered(acme, sent, startedAt);
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
