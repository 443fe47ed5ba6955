/**
 * Email through a real SMTP exchange: the whole application with SMTP_URL (user and password in it) pointing at a
 * local SMTP server (smtp-server, from the nodemailer project) that wants a login. The confirmation and the status
 * emails arrive there; a server that refuses for now (451) gets the message again shortly and keeps one copy; and a
 * customer who says "delete my data" while their email waits for the server never gets it.
 */
import { randomUUID } from 'node:crypto';
import { buttonLabels } from '../../dialogs/text/buttonLabels';
import { FakeConnector } from '../support/fakeConnector';
import { type AcceptanceApp, startAcceptanceApp } from './support/acceptanceApp';
import { Customer } from './support/customer';
import { OKAFOR, withChanges } from './support/details';
import { LocalSmtpServer, type ReceivedEmail, secretsIn } from './support/emails';
import { eventually, referenceIn } from './support/submissions';

const MAIL_FROM = 'Porting Assistant <porting@example.com>';
/** Long enough for several retries: the acceptance app retries mail within 200 ms. */
const QUIET_MS = 1_000;

describe('emails sent to an SMTP server (SMTP_URL)', () => {
  const smtp = new LocalSmtpServer('porting-bot', 'p@ss:word 1');
  const channel = new FakeConnector();
  const customers: Customer[] = [];
  let serviceUrl: string;
  let app: AcceptanceApp;

  beforeAll(async () => {
    const smtpUrl = await smtp.listen();
    serviceUrl = await channel.listen();
    app = await startAcceptanceApp({ env: { SMTP_URL: smtpUrl, MAIL_FROM } });
  });

  afterAll(async () => {
    await app?.close();
    await channel.close();
    await smtp.close();
  });

  const receivedAbout = (referenceNumber: string): ReceivedEmail[] => smtp.received.filter((email) => email.subject.includes(referenceNumber));

  async function signedPort(name: string, number: string): Promise<{ customer: Customer; referenceNumber: string }> {
    const e164 = `+1415555${number.slice(-4)}`;
    const customer = new Customer(app.exchange, {
      name,
      details: withChanges(OKAFOR, { numbers: { typed: number, e164: [e164] }, billingNumber: { typed: number, e164 } }),
      serviceUrl,
    });
    customers.push(customer);
    return { customer, referenceNumber: referenceIn(await customer.completePort()) };
  }

  it('delivers the confirmation and the news, once each, though the server first refuses for now', async () => {
    smtp.refusals.push({ code: 451, message: 'Requested action aborted: try again later' });
    const attemptsBefore = smtp.attempts;
    const { referenceNumber } = await signedPort('smtp', '(415) 555-0181');

    await eventually(() => receivedAbout(referenceNumber).length === 1, () => `no confirmation for ${referenceNumber} reached the SMTP server`);
    expect(smtp.attempts - attemptsBefore).toBe(2);
    const [confirmation] = receivedAbout(referenceNumber);
    expect(confirmation).toMatchObject({
      from: '"Porting Assistant" <porting@example.com>',
      to: OKAFOR.contactEmail,
      subject: `Your port request ${referenceNumber} is on its way`,
    });
    expect(confirmation.text).toContain(`Your reference number is ${referenceNumber}.`);

    const event = { eventId: `evt-${randomUUID()}`, referenceNumber, version: 1, sequence: 1, occurredAt: new Date().toISOString(), state: 'completed' };
    expect((await app.postEvent(event)).status).toBe(200);
    await eventually(() => receivedAbout(referenceNumber).length === 2, () => `no status email for ${referenceNumber} reached the SMTP server`);
    expect(receivedAbout(referenceNumber)[1].subject).toBe(`Your move is complete (reference ${referenceNumber})`);

    // The same event again: nothing more arrives.
    expect((await app.postEvent(event)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    expect(receivedAbout(referenceNumber)).toHaveLength(2);
  });

  it('never sends the emails of a customer who deleted their data while the server was refusing', async () => {
    // The server refuses everything for now: the confirmation waits in the queue.
    smtp.refusals.push(...Array.from({ length: 1000 }, () => ({ code: 451, message: 'Try again later' })));
    const attemptsBefore = smtp.attempts;
    const { customer, referenceNumber } = await signedPort('forgotten', '(415) 555-0182');
    await eventually(() => smtp.attempts > attemptsBefore, () => 'the confirmation was never tried');

    await customer.say('delete my data');
    await customer.say(buttonLabels.yes);
    // An attempt under way as the data went ends as the server answers it (refused here); then the server takes mail.
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    const attemptsAfterDeletion = smtp.attempts;
    smtp.refusals.length = 0;

    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    expect(smtp.attempts).toBe(attemptsAfterDeletion);
    expect(receivedAbout(referenceNumber)).toEqual([]);
  });

  it('never carries a PIN or a full account number', () => {
    expect(smtp.received.length).toBeGreaterThanOrEqual(2);
    const secrets = [...new Set(customers.flatMap(({ details }) => [details.pin, details.accountNumber]))];
    expect(secretsIn(smtp.received, secrets)).toEqual([]);
  });
});
