/**
 * Internal support staff in Teams, through the whole application over HTTP: staff recognized by their user id (one to
 * one) and by the staff team (in its channels), only on the Teams channel. They look up port requests by reference or
 * by a phone number in any format without the customer's ZIP, see every change with who made it, masked details and
 * the letter link, pick one of several from a list, and ask carrier how-to; each look-up is audited. Anyone else on
 * Teams, and anyone claiming a staff id off Teams, gets the customer's flow, which asks for the ZIP.
 */
import { randomBytes } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { carrierGuidance } from '../../dialogs/carrierGuidance';
import { STAFF_LOOKUP_AUDIT } from '../../dialogs/staff/staffLookupDialog';
import { agentText } from '../../dialogs/text/agentText';
import { mainText } from '../../dialogs/text/mainText';
import { assistedText } from '../../dialogs/text/assistedText';
import { staffText } from '../../dialogs/text/staffText';
import { statusText } from '../../dialogs/text/statusText';
import { text as botText } from '../../src/bot/text';
import { type Loa, LoaSchema, carrierRef, createReferenceNumber, getCarrier, pinExpiryNotice, rejectionReason } from '../../src/domain';
import { DataKeyring, formatDataKey, parseDataKey } from '../../src/security/dataKeys';
import { deleteCustomerData } from '../../src/privacy/deleteCustomerData';
import type { SweepableStorage } from '../../src/storage/createStorage';
import { PortStatusStore } from '../../src/submission/events/statusStore';
import { OutboxStore, entryKey } from '../../src/submission/outbox/outboxStore';
import { OutboxLoaSubmitter } from '../../src/submission/outbox/outboxSubmitter';
import { numbersBucketKey } from '../../src/submission/outbox/submittedNumbers';
import { captureLogs } from '../support/captureLogs';
import { type TestApp, startTestApp } from '../support/testApp';
import { memoryStorage } from '../support/testStorage';
import { eventually } from '../storage/testBackends';
import { VERIZON_ACCOUNT_NUMBER, VERIZON_PIN, verizonLoa } from '../submission/support/loas';

const STAFF_TEAM_ID = '19:support-staff@thread.tacv2';
const BOT = { id: 'bot', name: 'Porting Assistant', role: 'bot' };
/** Staff by user id, one to one. */
const SAM = { id: '29:sam', aadObjectId: 'aad-sam', name: 'Sam Ortiz', role: 'user' };
/** Staff by team: a member of the staff team, in its channel. */
const RILEY = { id: '29:riley', aadObjectId: 'aad-riley', name: 'Riley Chen', role: 'user' };
/** Staff and an agent both. */
const DANA = { id: '29:dana', aadObjectId: 'aad-dana', name: 'Dana Lee', role: 'user' };
/** Someone else in the same tenant. */
const OTTO = { id: '29:otto', aadObjectId: 'aad-otto', name: 'Otto Berg', role: 'user' };
const START = new Date('2026-06-01T10:00:00.000Z');
const MINUTE = 60_000;
const PARENT_REFERENCE = createReferenceNumber();

type Json = Record<string, unknown>;
interface Button {
  readonly type: string;
  readonly title: string;
  readonly text?: string;
  readonly value?: unknown;
}

/** What the replies say (text, and hero cards' text) and the buttons they offer. */
function read(replies: readonly Partial<Activity>[]): { text: string; buttons: Button[]; cards: string } {
  const cards = replies.flatMap((reply) => (reply.attachments ?? []).map((attachment) => attachment.content as { text?: string; buttons?: Button[] }));
  return {
    text: [...replies.map((reply) => reply.text), ...cards.map((card) => card.text)].filter(Boolean).join('\n'),
    buttons: cards.flatMap((card) => card.buttons ?? []),
    cards: JSON.stringify(cards),
  };
}

/** A letter like the Verizon test letter, for other numbers. */
function letterFor(numbers: string[], signedAt: Date): Loa {
  return LoaSchema.parse({ ...verizonLoa(signedAt), referenceNumber: createReferenceNumber(), numbers, billingNumber: numbers[0] });
}

describe('support staff in Teams', () => {
  const logs = captureLogs('info');
  let now = START.getTime();
  const clock = () => new Date(now);
  let storage: SweepableStorage;
  let app: TestApp;
  let sequence = 0;
  /** Rejected; names (415) 555-0123 and -0124. */
  let rejected: Loa;
  /** Has a moving date; names the same numbers, signed later. */
  let dated: Loa;
  /** The only one naming (312) 555-0147. */
  let single: Loa;

  async function submit(loa: Loa): Promise<void> {
    await new OutboxLoaSubmitter(new OutboxStore(storage), clock, logs.logger, () => undefined).submit({
      loa,
      contactEmail: 'jane@example.com',
      conversation: { channelId: 'webchat', conversation: { id: `customer-${loa.referenceNumber}` }, serviceUrl: 'http://localhost/none' },
    });
  }

  beforeAll(async () => {
    storage = await memoryStorage();
    rejected = verizonLoa(new Date(now - 60 * MINUTE));
    await submit(rejected);
    now += MINUTE;
    // Signed by a customer who read the letter in Spanish, for one account of a port split by account.
    dated = LoaSchema.parse({ ...verizonLoa(new Date(now - 30 * MINUTE), { language: 'es' }), parentReference: PARENT_REFERENCE });
    await submit(dated);
    now += MINUTE;
    single = letterFor(['+13125550147'], new Date(now - 10 * MINUTE));
    await submit(single);
    app = await startTestApp({
      storage,
      clock,
      logger: logs.logger,
      encryption: new DataKeyring(parseDataKey(formatDataKey('staff-test', randomBytes(32)))),
      env: {
        STAFF_TEAM_ID,
        STAFF_USER_IDS: `${SAM.aadObjectId}, ${DANA.aadObjectId}`,
        AGENT_ALLOWED_USER_IDS: DANA.aadObjectId,
        AGENT_TOKEN: 'console-token-for-the-staff-tests-0123456789',
      },
    });
    // The outbox worker hands each request to the porting team as the application starts.
    const outbox = new OutboxStore(storage);
    await eventually(async () => {
      const entries = await Promise.all([rejected, dated, single].map((loa) => outbox.readEntry(entryKey(loa.referenceNumber, 1))));
      return entries.every((entry) => entry?.value.status === 'delivered');
    });
    const statuses = new PortStatusStore(storage);
    const event = (loa: Loa, sequenceNumber: number, minutes: number) => ({
      eventId: `evt-${loa.referenceNumber}-${sequenceNumber}`,
      referenceNumber: loa.referenceNumber,
      version: 1,
      sequence: sequenceNumber,
      occurredAt: new Date(now + minutes * MINUTE).toISOString(),
    });
    await statuses.apply({ ...event(rejected, 1, 5), state: 'submitted' }, 1, clock());
    await statuses.apply({ ...event(rejected, 2, 50), state: 'rejected', reasonCode: 'INVALID_ADDRESS' }, 1, clock());
    await statuses.apply({ ...event(dated, 1, 60), state: 'foc_confirmed', focDate: '2026-06-09' }, 1, clock());
    now += 2 * 60 * MINUTE;
  });
  afterAll(() => app.close());

  /** Messages (or other activities) from `from` in a Teams conversation, each with an id of its own. */
  function teams(from: Json, conversation: Json, channelData: Json = { tenant: { id: 'tenant' } }, channelId = 'msteams') {
    const send = async (overrides: Partial<Activity>) => {
      sequence += 1;
      return read(
        await app.exchange({
          type: 'message',
          id: `activity-${sequence}`,
          channelId,
          serviceUrl: 'http://localhost/none',
          deliveryMode: 'expectReplies',
          recipient: BOT,
          from,
          conversation,
          channelData,
          ...overrides,
        } as Partial<Activity>),
      );
    };
    // Teams sends an imBack's value as typed text, a messageBack's text with its value.
    const click = (button: Button) => send(button.type === 'imBack' ? { text: String(button.value) } : { text: button.text, value: button.value });
    return { send, say: (text: string) => send({ text }), click };
  }
  const oneToOne = (from: Json) => teams(from, { id: `a:personal-${String(from.id)}`, conversationType: 'personal', tenantId: 'tenant' });
  const inTeamChannel = (from: Json, teamId: string) =>
    teams(
      from,
      { id: `${teamId};messageid=${sequence + 1}`, conversationType: 'channel', isGroup: true, tenantId: 'tenant' },
      { team: { id: teamId }, channel: { id: teamId }, tenant: { id: 'tenant' } },
    );

  const audits = () => logs.entries().filter((entry) => entry.msg === STAFF_LOOKUP_AUDIT);

  it('greets a staff member who opens a one-to-one chat with the staff menu, not the customer’s', async () => {
    const sam = oneToOne(SAM);
    const opened = await sam.send({ type: 'conversationUpdate', membersAdded: [{ id: SAM.id, name: SAM.name }] });

    expect(opened.text).toContain(staffText.greeting('Sam'));
    // With email on (MAIL_DIR on a local run) and links (the data keys), assisted ports are offered too.
    expect(opened.buttons.map((button) => button.title)).toEqual([staffText.menu.buttons.lookup, staffText.menu.buttons.howTo, assistedText.button]);
    expect(opened.text).not.toContain(mainText.greeting(''));
  });

  it('looks up a request by its reference without a ZIP: each change and who made it, the rejection in plain words, masked details, the letter', async () => {
    const { text } = await oneToOne(SAM).say(`status ${rejected.referenceNumber.toLowerCase()}`);

    expect(text).toContain(`**${rejected.referenceNumber}** · version 1 · **Rejected by the carrier** · from Verizon`);
    expect(text).toContain(rejectionReason('INVALID_ADDRESS').words);
    expect(text).toContain('signed by Jane Doe (the customer, in Web Chat)');
    expect(text).toContain('sent to our porting team by the bot');
    expect(text).toContain('submitted to the carrier (reported by our porting team');
    expect(text).toContain('2026-06-01 10:52 UTC · v1 · rejected by the carrier: INVALID_ADDRESS');
    expect(text).toContain('Account number: ••••4321');
    expect(text).toContain('Language: English');
    // Sent on, the letter no longer holds the PIN at all.
    expect(text).toContain('Transfer PIN: not on file');
    expect(text).not.toContain(VERIZON_ACCOUNT_NUMBER);
    expect(text).not.toContain(VERIZON_PIN);
    expect(text).not.toContain(statusText.askPostalCode);

    const link = /\((http[^)]+\/api\/loa\/[^)]+)\)/.exec(text)?.[1];
    expect(link).toBeDefined();
    const letter = await fetch(link as string);
    expect(letter.status).toBe(200);
    expect(letter.headers.get('content-type')).toContain('application/pdf');
  });

  it('finds every request for a phone number typed in any format, and lists several to pick from', async () => {
    const sam = oneToOne(SAM);
    const listed = await sam.say('status (415) 555-0123');

    expect(listed.text).toContain('2 requests name (415) 555-0123. Pick one:');
    // The latest first.
    expect(listed.buttons.map((button) => button.title)).toEqual([dated.referenceNumber, rejected.referenceNumber]);
    expect((await sam.say('status 415.555.0124')).buttons.map((button) => button.title)).toEqual([dated.referenceNumber, rejected.referenceNumber]);

    const picked = await sam.click(listed.buttons[0]);
    expect(picked.text).toContain(`**${dated.referenceNumber}** · version 1 · **Moving date set**`);
    // The customer's language, so that staff can speak it with them, and the port it is part of.
    expect(picked.text).toContain('Language: Spanish');
    expect(picked.text).toContain(`Part of port ${PARENT_REFERENCE}`);
    expect(picked.text).toContain('Moving date: Tuesday, June 9, 2026');

    const one = await sam.say('look up +1 312-555-0147');
    expect(one.text).toContain(`**${single.referenceNumber}**`);
    expect(one.text).toContain('**With our porting team**');
    expect(one.buttons).toEqual([]);
  });

  it('asks what to look up when the staff member only says so, and says plainly what it cannot read', async () => {
    const sam = oneToOne(SAM);

    expect((await sam.say(staffText.menu.buttons.lookup)).text).toBe(staffText.lookup.ask);
    expect((await sam.say('312 555 0147')).text).toContain(`**${single.referenceNumber}**`);
    expect((await sam.say('status PA-0000-0000-00X')).text).toContain(staffText.lookup.unreadable('PA-0000-0000-00X'));
    expect((await sam.say('status (212) 555-0199')).text).toBe(staffText.lookup.noNumber('(212) 555-0199'));
    // Asked which port, a carrier question is answered as one.
    await sam.say('status');
    expect((await sam.say('what is a CSR')).text).toBe(staffText.howTo.glossary.csr);
  });

  it('writes each look-up to the audit log: who, what, when and what it showed, and no secret', async () => {
    const before = audits().length;
    await oneToOne(SAM).say(`status ${rejected.referenceNumber}`);
    await oneToOne(SAM).say('status 4155550123');

    const [byReference, byNumber] = audits().slice(before);
    expect(byReference).toMatchObject({
      level: 30,
      staffId: SAM.aadObjectId,
      channelId: 'msteams',
      by: 'reference',
      lookedUp: rejected.referenceNumber,
      found: [rejected.referenceNumber],
      at: clock().toISOString(),
      conversationId: `a:personal-${SAM.id}`,
    });
    expect(byNumber).toMatchObject({ staffId: SAM.aadObjectId, by: 'number', lookedUp: '+14155550123', found: [dated.referenceNumber, rejected.referenceNumber] });
    expect(logs.text()).not.toContain(VERIZON_ACCOUNT_NUMBER);
    expect(logs.text()).not.toContain(VERIZON_PIN);
  });

  it('answers carrier how-to from the directory the customers’ flow uses, in the customers’ own words', async () => {
    const sam = oneToOne(SAM);
    const verizon = getCarrier('verizon');
    if (!verizon) throw new Error('Verizon is not in the directory');

    const pin = (await sam.say('verizon pin')).text;
    expect(pin).toContain(`**Verizon: ${verizon.pin.name}.**`);
    expect(pin).toContain(pinExpiryNotice(carrierRef(verizon)) ?? verizon.instructions.pin);

    const att = getCarrier('att');
    if (!att) throw new Error('AT&T is not in the directory');
    expect((await sam.say('How do I port from AT&T?')).text).toContain(carrierGuidance(carrierRef(att)));
    expect((await sam.say('what is a CSR')).text).toBe(staffText.howTo.glossary.csr);
    expect((await sam.say('tmobile account number')).text).toContain('**T-Mobile: the account number.**');

    expect((await sam.say(staffText.menu.buttons.howTo)).text).toBe(staffText.howTo.askCarrier);
    const tmobile = getCarrier('tmobile');
    if (!tmobile) throw new Error('T-Mobile is not in the directory');
    expect((await sam.say('T-Mobile')).text).toContain(carrierGuidance(carrierRef(tmobile)));
  });

  it('treats members of the staff team as staff in its channels; another team’s channel gets the pointer', async () => {
    expect((await inTeamChannel(RILEY, STAFF_TEAM_ID).say('verizon pin')).text).toContain('Number Transfer PIN');
    expect((await inTeamChannel(RILEY, STAFF_TEAM_ID).say(`status ${single.referenceNumber}`)).text).toContain('Account number: ••••4321');
    expect((await inTeamChannel(RILEY, '19:another-team@thread.tacv2').say('verizon pin')).text).toBe(botText.teamChannelMessage);
  });

  it('gives anyone else on Teams, and anyone claiming a staff id off Teams, the customer’s flow, which asks for the ZIP', async () => {
    for (const customer of [oneToOne(OTTO), teams(SAM, { id: 'webchat-claiming-sam' }, {}, 'webchat')]) {
      expect((await customer.say(`status ${rejected.referenceNumber}`)).text).not.toContain('**What happened**');
      expect((await customer.say('status')).text).toContain(statusText.askReference);
      expect((await customer.say(rejected.referenceNumber)).text).toBe(statusText.askPostalCode);
    }
    expect(audits().map((entry) => entry.staffId)).not.toContain(OTTO.aadObjectId);
  });

  it('gives a staff member who is also an agent the staff desk outside any chat, and still the agents’ commands', async () => {
    const dana = oneToOne(DANA);

    expect((await dana.say(`status ${single.referenceNumber}`)).text).toContain(`**${single.referenceNumber}**`);
    expect((await dana.say('queue')).cards).toContain(agentText.queue.heading);
    expect((await dana.say('end')).text).toBe(agentText.noChat);
  });

  it('finds a request by its number no longer once the customer deleted their data, and keeps the number nowhere', async () => {
    const deleted = letterFor(['+16175550188', '+16175550189'], new Date(now - MINUTE));
    await submit(deleted);
    const sam = oneToOne(SAM);
    expect((await sam.say('status 617 555 0188')).text).toContain(`**${deleted.referenceNumber}**`);

    await deleteCustomerData(storage, new OutboxStore(storage), [deleted.referenceNumber], clock());

    expect((await sam.say('status 617 555 0188')).text).toBe(staffText.lookup.noNumber('(617) 555-0188'));
    expect((await sam.say(`status ${deleted.referenceNumber}`)).text).toBe(staffText.lookup.noReference(deleted.referenceNumber));
    for (const number of ['+16175550188', '+16175550189']) {
      const key = numbersBucketKey(number);
      expect(JSON.stringify((await storage.read([key]))[key] ?? {})).not.toContain(number);
    }
  });
});
