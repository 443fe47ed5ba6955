/**
 * Assisted ports, through the front door: the whole application on a local run, a support staff member in Teams and
 * the customer in Web Chat, both over HTTP. Staff fill in the customer's details on the form card (no PIN), the
 * signing link arrives as an .eml in MAIL_DIR (checked, and carrying no secret), the customer opens the chat with the
 * link's token, gives the PIN, reviews and signs, and the folder gateway delivers request.json with `preparedBy`.
 * A link opens once, stops working once expired, replaced or withdrawn; staff see each state in the look-up, and an
 * unopened link gets its reminder a day later (the application's clock is the test's).
 */
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import { ASSISTED_PORT_AUDIT } from '../../dialogs/assistedPorts';
import { assistedText } from '../../dialogs/text/assistedText';
import { signingLinkText } from '../../dialogs/text/signingLinkText';
import { buttonLabels } from '../../dialogs/text/buttonLabels';
import { staffText } from '../../dialogs/text/staffText';
import { captureLogs } from '../support/captureLogs';
import { validateCsrField } from '../../src/domain';
import { FakeConnector } from '../support/fakeConnector';
import { type AcceptanceApp, SUPPORT_PHONE, scratchFolder, startAcceptanceApp, testKeyring } from './support/acceptanceApp';
import { type Asked, Customer, cardsOf, pressOn, readCard, textsOf } from './support/customer';
import { type CustomerDetails, OKAFOR, withChanges } from './support/details';
import { type ReceivedEmail, readEmails, secretsIn } from './support/emails';
import { awaitDelivery, eventually, expectedRequest, referenceIn } from './support/submissions';

const SAM = { id: '29:sam', aadObjectId: 'aad-sam', name: 'Sam Ortiz', role: 'user' };
const BOT = { id: 'bot', name: 'Porting Assistant', role: 'bot' };
const HOUR = 60 * 60_000;
const SIGNING_LINK = /http:\/\/\S+\/\?sign=(\S+)/;
const contact = { phone: SUPPORT_PHONE };

interface Button {
  readonly type: string;
  readonly title: string;
  readonly text?: string;
  readonly value?: unknown;
}

describe('assisted ports: staff fill in the details, the customer signs through the emailed link', () => {
  const channel = new FakeConnector();
  const scratch = scratchFolder('acceptance-assisted-');
  const mailDir = join(scratch.path, 'mail');
  let now = Date.parse('2026-06-01T10:00:00.000Z');
  let serviceUrl: string;
  let app: AcceptanceApp;
  let sequence = 0;
  const logs = captureLogs('info');
  const audits = () => logs.entries().filter((entry) => entry.msg === ASSISTED_PORT_AUDIT);

  beforeAll(async () => {
    serviceUrl = await channel.listen();
    app = await startAcceptanceApp({
      env: { MAIL_DIR: mailDir, STAFF_USER_IDS: SAM.aadObjectId },
      encryption: testKeyring(),
      clock: () => new Date(now),
      signingLinkCheckIntervalMs: 50,
      logger: logs.logger,
    });
  });

  afterAll(async () => {
    await app?.close();
    await channel.close();
    scratch.remove();
  });

  /** Sam, in a one-to-one chat with the bot in Teams. */
  async function sam(overrides: Partial<Activity>): Promise<Partial<Activity>[]> {
    sequence += 1;
    return app.exchange({
      type: 'message',
      id: `staff-${sequence}`,
      channelId: 'msteams',
      serviceUrl,
      deliveryMode: 'expectReplies',
      recipient: BOT,
      from: SAM,
      conversation: { id: 'a:personal-sam', conversationType: 'personal', tenantId: 'tenant' },
      channelData: { tenant: { id: 'tenant' } },
      ...overrides,
    } as Partial<Activity>);
  }
  const said = (replies: readonly Partial<Activity>[]) =>
    [...textsOf(replies), ...replies.flatMap((reply) => (reply.attachments ?? []).map((a) => (a.content as { text?: string }).text ?? ''))].join('\n');
  const buttonsOf = (replies: readonly Partial<Activity>[]) =>
    replies.flatMap((reply) => (reply.attachments ?? []).flatMap((a) => (a.content as { buttons?: Button[] }).buttons ?? []));
  /** Teams sends an imBack's value as typed text, a messageBack's text with its value. */
  const click = (button: Button | undefined) => {
    if (button === undefined) throw new Error('no such button');
    return sam(button.type === 'imBack' ? { text: String(button.value) } : { text: button.text, value: button.value });
  };

  /** What the customer reads out to Sam, typed into the staff form: everything but the PIN. */
  function staffInputs(details: CustomerDetails): Record<string, string> {
    const { pin: _pin, ...inputs } = new Customer(app.exchange, { name: 'reader', details, serviceUrl }).formInputs();
    return inputs;
  }

  /** Sam fills in the form for the customer; resolves the reference and what the bot told Sam. */
  async function prepare(details: CustomerDetails): Promise<{ referenceNumber: string; told: string }> {
    const opened = await sam({ text: assistedText.button });
    const card = cardsOf(opened).at(-1);
    const { lines, actions } = readCard(card);
    expect(lines[0]).toBe(assistedText.card.heading);
    // No PIN input, and no way to the customer's questions one at a time.
    const inputIds = Array.from({ length: actions.count }, (_, n) => actions.get(n + 1)).flatMap((action) => (action?.kind === 'submit' ? action.inputs.map((input) => input.id) : []));
    expect(inputIds).toContain('accountNumber');
    expect(inputIds).not.toContain('pin');
    expect(JSON.stringify(card)).not.toContain('"pin"');
    const replies = await sam(pressOn(card, assistedText.card.submit, staffInputs(details)));
    return { referenceNumber: referenceIn(replies), told: said(replies) };
  }

  const emailsAbout = async (referenceNumber: string): Promise<ReceivedEmail[]> =>
    (await readEmails(mailDir)).filter((email) => email.subject.includes(referenceNumber));

  /** Waits for the email about the reference whose subject begins so; resolves it. */
  async function awaitEmail(referenceNumber: string, subject: string, count = 1): Promise<ReceivedEmail> {
    const matching = async () => (await emailsAbout(referenceNumber)).filter((email) => email.subject.startsWith(subject));
    await eventually(async () => (await matching()).length >= count, () => `no email "${subject}" about ${referenceNumber} in ${mailDir}`);
    return (await matching())[count - 1];
  }

  function tokenIn(email: ReceivedEmail): string {
    const found = SIGNING_LINK.exec(email.text);
    if (!found) throw new Error(`no signing link in: ${email.text}`);
    return decodeURIComponent(found[1]);
  }

  /** A customer's page opening the chat from the link. */
  async function openLink(name: string, details: CustomerDetails, token: string): Promise<Customer> {
    const customer = new Customer(app.exchange, { name, details, serviceUrl });
    await customer.send({ type: 'event', name: 'webchat/join', value: { language: 'en-US', signingLink: token } });
    return customer;
  }

  it('from the staff form to a delivered request signed by the customer, prepared by staff; the link opens once', async () => {
    const details = OKAFOR;
    const { referenceNumber, told } = await prepare(details);
    expect(told).toContain(`I've emailed the signing link to ${details.contactEmail}`);
    expect(told).toContain(`account ••••${details.accountNumber.slice(-4)}`);
    expect(told).not.toContain(details.accountNumber);

    const email = await awaitEmail(referenceNumber, 'Your port request');
    expect(email.to).toBe(details.contactEmail);
    expect(email.subject).toBe(`Your port request ${referenceNumber} is ready for you to sign`);
    expect(email.text).toContain(`Hello ${details.holder.fullName},`);
    expect(email.text).toContain(`Sam filled in your request to move your number with you on the phone. Your reference number is ${referenceNumber}.`);
    expect(email.text).toContain(`It moves the number (646) 555-0163 from your ${details.carrier.name} account ••••${details.accountNumber.slice(-4)}.`);
    expect(email.text).toContain('The link works once, until June 4, 2026');
    expect(email.html).toContain('>review and sign</a>');
    expect(secretsIn([email], [details.accountNumber, details.pin])).toEqual([]);

    // The customer opens the chat from the link: greeted with what Sam prepared, asked only for the PIN.
    const token = tokenIn(email);
    const customer = await openLink('assisted', details, token);
    expect(textsOf(customer.lastReplies).join('\n')).toContain(`Hello ${details.holder.fullName}! Sam filled in your request`);
    const firstQuestion = await customer.until((asked: Asked) => asked.kind !== 'serviceActive');
    expect(firstQuestion).toEqual({ kind: 'field', field: 'pin' });
    // Staff see the link opened.
    expect(said(await sam({ text: `status ${referenceNumber}` }))).toContain('Signing link opened by the customer, not signed yet');

    const signed = await customer.finishPort();
    expect(referenceIn(signed)).toBe(referenceNumber);
    const { request } = await awaitDelivery(app.submissionsDir, referenceNumber, 1);
    expect(request).toEqual({ ...expectedRequest(details, { referenceNumber, version: 1 }), preparedBy: { staffId: SAM.aadObjectId } });

    // Used once: the same link on another device is refused, and staff see it signed.
    const again = await openLink('assisted-again', details, token);
    expect(textsOf(again.lastReplies)).toContain(signingLinkText.refused.closed(contact));
    const lookup = said(await sam({ text: `status ${referenceNumber}` }));
    expect(lookup).toContain('Signed by the customer');
    expect(lookup).toContain('prepared by staff (Sam)');

    // Sam's work is in the audit log; the account number and the PIN are nowhere in the logs.
    expect(audits().filter((entry) => entry.referenceNumber === referenceNumber)).toEqual([
      expect.objectContaining({ audit: 'assistedPort', staffId: SAM.aadObjectId, channelId: 'msteams', action: 'prepared', outcome: 'done', at: expect.any(String) }),
    ]);
    expect(logs.text()).not.toContain(details.accountNumber);
    expect(logs.text()).not.toContain(`"${details.pin}"`);
  });

  it("refuses on the staff form what the customer's form refuses, with the same words, and sends nothing until all is right", async () => {
    const details = withChanges(OKAFOR, {
      numbers: { typed: '(646) 555-0181', e164: ['+16465550181'] },
      billingNumber: { typed: '(646) 555-0181', e164: '+16465550181' },
      contactEmail: 'chidi.typo@example.net',
    });
    const card = cardsOf(await sam({ text: assistedText.button })).at(-1);
    const typo = { ...staffInputs(details), contactEmail: 'chidi.typo@example' };
    const refused = await sam(pressOn(card, assistedText.card.submit, typo));

    const again = cardsOf(refused).at(-1);
    const emailRefusal = validateCsrField('contactEmail', typo.contactEmail, {});
    expect(emailRefusal.ok).toBe(false);
    expect(readCard(again).lines).toContain(emailRefusal.ok ? '' : emailRefusal.error.message);
    expect(textsOf(refused).join('\n')).not.toContain("I've emailed");
    expect((await readEmails(mailDir)).filter((email) => email.to === details.contactEmail)).toEqual([]);

    // Corrected, the rest kept: the link goes out.
    const sent = await sam(pressOn(again, assistedText.card.submit, { contactEmail: details.contactEmail }));
    expect(said(sent)).toContain(`I've emailed the signing link to ${details.contactEmail}`);
  });

  it('reminds the customer a day after an unopened link, and refuses the link once it has expired', async () => {
    const details = withChanges(OKAFOR, {
      numbers: { typed: '(646) 555-0177', e164: ['+16465550177'] },
      billingNumber: { typed: '(646) 555-0177', e164: '+16465550177' },
      contactEmail: 'chidi.reminder@example.net',
    });
    const { referenceNumber } = await prepare(details);
    const email = await awaitEmail(referenceNumber, 'Your port request');

    now += 25 * HOUR;
    const reminder = await awaitEmail(referenceNumber, 'Reminder:');
    expect(reminder.subject).toBe(`Reminder: your port request ${referenceNumber} is waiting for your signature`);
    expect(reminder.to).toBe(details.contactEmail);
    expect(tokenIn(reminder)).toBe(tokenIn(email));
    expect(secretsIn([reminder], [details.accountNumber])).toEqual([]);

    now += 48 * HOUR;
    const late = await openLink('late', details, tokenIn(email));
    expect(textsOf(late.lastReplies)).toContain(signingLinkText.refused.expired(contact));
    await eventually(
      async () => said(await sam({ text: `status ${referenceNumber}` })).includes('Signing link expired before it was signed'),
      () => 'the look-up never showed the link expired',
    );
    // Only one reminder per link.
    expect((await emailsAbout(referenceNumber)).filter((mail) => mail.subject.startsWith('Reminder:'))).toHaveLength(1);
  });

  it('resends a link from the look-up: the old link is refused, the new one works', async () => {
    const details = withChanges(OKAFOR, {
      numbers: { typed: '(646) 555-0178', e164: ['+16465550178'] },
      billingNumber: { typed: '(646) 555-0178', e164: '+16465550178' },
      contactEmail: 'chidi.resend@example.net',
    });
    const { referenceNumber } = await prepare(details);
    const first = await awaitEmail(referenceNumber, 'Your port request');

    // Looked up by number: the state, and the buttons.
    const lookup = await sam({ text: 'status 646.555.0178' });
    expect(said(lookup)).toContain('Signing link sent, not opened yet');
    const resend = buttonsOf(lookup).find((button) => button.title === assistedText.resend(referenceNumber));
    expect(said(await click(resend))).toContain(`I've emailed a new signing link for ${referenceNumber}`);

    // Both were queued at the same moment of the test's clock: the new one is the one with the other token.
    await awaitEmail(referenceNumber, 'Your port request', 2);
    const links = (await emailsAbout(referenceNumber)).filter((email) => email.subject.startsWith('Your port request'));
    const second = links.find((email) => tokenIn(email) !== tokenIn(first));
    if (second === undefined) throw new Error('the resent email carries the old link');
    const old = await openLink('resend-old', details, tokenIn(first));
    expect(textsOf(old.lastReplies)).toContain(signingLinkText.refused.closed(contact));
    const fresh = await openLink('resend-new', details, tokenIn(second));
    expect(textsOf(fresh.lastReplies).join('\n')).toContain(`Sam filled in your request to move (646) 555-0178`);
    expect(said(await sam({ text: `status ${referenceNumber}` }))).toContain('(link 2)');
  });

  it('withdraws a link from the look-up: the customer signing is stopped, the link refused, staff see it withdrawn', async () => {
    const details = withChanges(OKAFOR, {
      numbers: { typed: '(646) 555-0179', e164: ['+16465550179'] },
      billingNumber: { typed: '(646) 555-0179', e164: '+16465550179' },
      contactEmail: 'chidi.withdraw@example.net',
    });
    const { referenceNumber } = await prepare(details);
    const token = tokenIn(await awaitEmail(referenceNumber, 'Your port request'));
    const customer = await openLink('withdrawn', details, token);
    await customer.until((asked: Asked) => asked.kind === 'field');

    const withdraw = buttonsOf(await sam({ text: `status ${referenceNumber}` })).find((button) => button.title === assistedText.withdraw(referenceNumber));
    expect(said(await click(withdraw))).toBe(assistedText.withdrawn(referenceNumber));
    expect(audits().filter((entry) => entry.referenceNumber === referenceNumber).map((entry) => entry.action)).toEqual(['prepared', 'withdrawn']);

    // The customer's next answer finds the port withdrawn: nothing is signed.
    const next = await customer.say(details.pin);
    expect(textsOf(next)).toContain(signingLinkText.stopped(contact));
    const reopened = await openLink('withdrawn-again', details, token);
    expect(textsOf(reopened.lastReplies)).toContain(signingLinkText.refused.closed(contact));
    const lookup = said(await sam({ text: `status ${referenceNumber}` }));
    expect(lookup).toContain('Withdrawn by staff');
    expect(said(await sam({ text: assistedText.resend(referenceNumber) }))).toContain('is no longer waiting for the customer');
  });

  it('forgets what staff prepared when the customer who opened the link asks to delete their data', async () => {
    const details = withChanges(OKAFOR, {
      numbers: { typed: '(646) 555-0180', e164: ['+16465550180'] },
      billingNumber: { typed: '(646) 555-0180', e164: '+16465550180' },
      contactEmail: 'chidi.forget@example.net',
    });
    const { referenceNumber } = await prepare(details);
    const token = tokenIn(await awaitEmail(referenceNumber, 'Your port request'));
    const customer = await openLink('forgets', details, token);
    await customer.until((asked: Asked) => asked.kind === 'field');

    await customer.say('delete my data');
    await customer.say(buttonLabels.yes);

    expect(said(await sam({ text: `status ${referenceNumber}` }))).toContain(staffText.lookup.noReference(referenceNumber));
    const reopened = await openLink('forgets-again', details, token);
    expect(textsOf(reopened.lastReplies)).toContain(signingLinkText.refused.closed(contact));
  });
});
