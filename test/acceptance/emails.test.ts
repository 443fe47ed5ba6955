/**
 * The emails customers get, through the front door: the whole application on a local run (no SMTP_URL), where every
 * email is written to MAIL_DIR as the .eml file that would be sent. The scripted customer signs over HTTP, the
 * porting backend posts signed events, and the emails are read as a mail program reads them:
 *
 * - the confirmation after signing: reference, what happens next, the numbers and the masked account, and a link to
 *   the customer's copy of the letter that opens it;
 * - each change of state the chat tells: the date of the move, the move done with the tip to test calls, and a
 *   rejection with what to fix and the way back to the chat;
 * - one message per news: an event sent again, or news of the same state again, sends nothing more;
 * - the folder is the bot's own (0700, files 0600), and no email carries a PIN or a full account number.
 */
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { fieldLabel } from '../../dialogs/draftFields';
import { inSentence } from '../../dialogs/text/inSentence';
import { signText } from '../../dialogs/text/signText';
import { rejectionReason } from '../../src/domain';
import { inLanguage } from '../../src/i18n/language';
import { FakeConnector } from '../support/fakeConnector';
import { type AcceptanceApp, scratchFolder, startAcceptanceApp, testKeyring } from './support/acceptanceApp';
import { Customer, textsOf } from './support/customer';
import { OKAFOR, withChanges } from './support/details';
import { emlFiles, readEmails, secretsIn, type ReceivedEmail } from './support/emails';
import { eventually, referenceIn } from './support/submissions';

const SUPPORT_EMAIL = 'porting-help@example.com';
const LETTER_LINK = /http:\/\/\S+\/api\/loa\/\S+/;

describe('emails to customers, written to MAIL_DIR on a local run', () => {
  const channel = new FakeConnector();
  const scratch = scratchFolder('acceptance-mail-');
  const mailDir = join(scratch.path, 'mail');
  let serviceUrl: string;
  let app: AcceptanceApp;
  const customers: Customer[] = [];
  let sequence = 0;

  beforeAll(async () => {
    serviceUrl = await channel.listen();
    // With data keys, the emails link to the customer's copy of the letter, as the chat does. The customer is on a
    // carrier without a port-out lock question, so that the scripted port stays short.
    app = await startAcceptanceApp({ env: { MAIL_DIR: mailDir, SUPPORT_EMAIL }, encryption: testKeyring() });
  });

  afterAll(async () => {
    await app?.close();
    await channel.close();
    scratch.remove();
  });

  const emailsAbout = async (referenceNumber: string): Promise<ReceivedEmail[]> =>
    (await readEmails(mailDir)).filter((email) => email.subject.includes(referenceNumber) || email.text.includes(referenceNumber));

  /** Waits until `count` emails about the reference were written; resolves them, oldest first. */
  async function awaitEmails(referenceNumber: string, count: number): Promise<ReceivedEmail[]> {
    await eventually(
      async () => (await emailsAbout(referenceNumber)).length >= count,
      () => `fewer than ${count} emails about ${referenceNumber} in ${mailDir}`,
    );
    return emailsAbout(referenceNumber);
  }

  async function signedPort(name: string, changes: Parameters<typeof withChanges>[1]): Promise<{ customer: Customer; referenceNumber: string; replies: string[] }> {
    const customer = new Customer(app.exchange, { name, details: withChanges(OKAFOR, changes), serviceUrl });
    customers.push(customer);
    const replies = await customer.completePort();
    return { customer, referenceNumber: referenceIn(replies), replies: textsOf(replies) };
  }

  async function postEvent(referenceNumber: string, event: Record<string, unknown>, eventId = `evt-${randomUUID()}`): Promise<string> {
    sequence += 1;
    const answer = await app.postEvent({ eventId, referenceNumber, version: 1, sequence, occurredAt: new Date().toISOString(), ...event });
    expect(answer.status).toBe(200);
    return ((await answer.json()) as { code: string }).code;
  }

  it('confirms the signed request, tells each change of its state once, and keeps the files private', async () => {
    const { referenceNumber, replies } = await signedPort('confirmed', {
      numbers: { typed: '(415) 555-0171', e164: ['+14155550171'] },
      billingNumber: { typed: '(415) 555-0171', e164: '+14155550171' },
    });
    // The receipt promises email, as it is sent.
    expect(replies.join('\n')).toContain(`here and at ${OKAFOR.contactEmail}`);

    const [confirmation] = await awaitEmails(referenceNumber, 1);
    expect(confirmation).toMatchObject({
      to: OKAFOR.contactEmail,
      from: '"Porting Assistant" <porting-assistant@localhost>',
      replyTo: SUPPORT_EMAIL,
      subject: `Your port request ${referenceNumber} is on its way`,
      messageId: expect.stringContaining(referenceNumber),
    });
    for (const part of [confirmation.text, confirmation.html]) {
      expect(part).toContain(`Hello ${OKAFOR.signerName},`);
      expect(part).toContain(`Your reference number is ${referenceNumber}.`);
      expect(part).toContain('(415) 555-0171');
      expect(part).toContain('••••4321');
    }
    expect(confirmation.text).toContain(signText.whatHappensNext(OKAFOR.carrier.name));
    expect(confirmation.text).toContain(signText.keepService);
    // The link to the customer's copy of the letter opens it.
    const letterUrl = LETTER_LINK.exec(confirmation.text)?.[0] as string;
    expect(confirmation.html).toContain(`href="${letterUrl}"`);
    const letter = await fetch(letterUrl);
    expect({ status: letter.status, type: letter.headers.get('content-type') }).toEqual({ status: 200, type: 'application/pdf' });

    expect(await postEvent(referenceNumber, { state: 'foc_confirmed', focDate: '2025-12-02' })).toBe('applied');
    const [, moving] = await awaitEmails(referenceNumber, 2);
    expect(moving.subject).toBe('The date is set: your move happens on Tuesday, December 2, 2025');
    expect(moving.text).toContain(`Good news: the date is set. Your number (415) 555-0171 will move to us on Tuesday, December 2, 2025 (reference ${referenceNumber}).`);

    const completedId = `evt-${randomUUID()}`;
    expect(await postEvent(referenceNumber, { state: 'completed' }, completedId)).toBe('applied');
    const [, , moved] = await awaitEmails(referenceNumber, 3);
    expect(moved.subject).toBe(`Your move is complete (reference ${referenceNumber})`);
    expect(moved.text).toContain('Please test it now: make a call and receive one, then send a text and receive one.');

    // The same event again, and news of the same state in a new event: the chat may hear it again, the inbox doesn't.
    sequence -= 1;
    expect(await postEvent(referenceNumber, { state: 'completed' }, completedId)).toBe('duplicate');
    expect(await postEvent(referenceNumber, { state: 'completed' })).toBe('applied');
    await eventually(() => channel.textsTo(customers[0].conversationId).length >= 3, () => 'the customer was not told in the chat');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await emailsAbout(referenceNumber)).map((email) => email.subject)).toEqual([confirmation.subject, moving.subject, moved.subject]);

    expect(statSync(mailDir).mode & 0o777).toBe(0o700);
    for (const file of await emlFiles(mailDir)) expect([file, statSync(join(mailDir, file)).mode & 0o777]).toEqual([file, 0o600]);
  });

  it('after a rejection, says what to fix and links back to the chat', async () => {
    const { referenceNumber } = await signedPort('rejected', {
      numbers: { typed: '(415) 555-0172', e164: ['+14155550172'] },
      billingNumber: { typed: '(415) 555-0172', e164: '+14155550172' },
    });
    await awaitEmails(referenceNumber, 1);

    expect(await postEvent(referenceNumber, { state: 'rejected', reasonCode: 'INVALID_ADDRESS' })).toBe('applied');
    const [, rejected] = await awaitEmails(referenceNumber, 2);
    expect(rejected.subject).toBe(`Your port request ${referenceNumber} needs your attention`);
    expect(rejected.text).toContain(`${OKAFOR.carrier.name} couldn't accept your port request ${referenceNumber}. ${rejectionReason('INVALID_ADDRESS').words}`);
    expect(rejected.text).toContain(`we need your ${inSentence(fieldLabel('serviceAddress'))}`);
    expect(rejected.text).toContain(`Choose "Fix my request" in the chat:\n${app.url}/`);
    expect(rejected.html).toContain(`<a href="${app.url}/">open the chat</a>`);
  });

  it('writes to a customer who ported in Spanish in Spanish, the news of their port too, in the chat and by email', async () => {
    const customer = new Customer(app.exchange, {
      name: 'spanish',
      details: withChanges(OKAFOR, { numbers: { typed: '(415) 555-0173', e164: ['+14155550173'] }, billingNumber: { typed: '(415) 555-0173', e164: '+14155550173' } }),
      serviceUrl,
      locale: 'es-US',
    });
    customers.push(customer);
    const referenceNumber = referenceIn(await customer.completePort());

    const [confirmation] = await awaitEmails(referenceNumber, 1);
    expect(confirmation.subject).toBe(`Su solicitud de portabilidad ${referenceNumber} va en camino`);
    expect(confirmation.text).toContain(`Hola, ${OKAFOR.signerName}:`);
    expect(confirmation.text).toContain(inLanguage('es', () => signText.keepService));

    // The news comes in a turn of its own, outside the customer's: it still speaks the customer's language.
    expect(await postEvent(referenceNumber, { state: 'rejected', reasonCode: 'INVALID_ADDRESS' })).toBe('applied');
    const [, rejected] = await awaitEmails(referenceNumber, 2);
    expect(rejected.subject).toBe(`Su solicitud de portabilidad ${referenceNumber} necesita su atención`);
    expect(rejected.text).toContain(inLanguage('es', () => rejectionReason('INVALID_ADDRESS').words));
    expect(rejected.text).toContain(inLanguage('es', () => inSentence(fieldLabel('serviceAddress'))));
    await eventually(() => channel.textsTo(customer.conversationId).length >= 1, () => 'the customer was not told in the chat');
    expect(channel.textsTo(customer.conversationId).join('\n')).toContain(`no pudo aceptar su solicitud de portabilidad ${referenceNumber}`);
  });

  it('never carries a PIN or a full account number', async () => {
    const emails = await readEmails(mailDir);
    expect(emails.length).toBeGreaterThanOrEqual(5);
    const secrets = [...new Set(customers.flatMap(({ details }) => [details.pin, details.accountNumber]))];
    expect(secretsIn(emails, secrets)).toEqual([]);
  });
});
