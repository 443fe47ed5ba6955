/**
 * When someone else steps into a port: the carrier, and a person from our porting team. What the bot tells the
 * customer outside their own turns arrives at the serviceUrl their messages carried: here a fake Bot Connector, the
 * customer's channel, where the test reads it as the customer would.
 *
 * - A correction after a rejection: the port is signed and delivered (v1), the porting backend posts a signed
 *   "rejected" event for the service address to /api/porting/events, the customer is told and offered "Fix my
 *   request"; they correct the address, give their PIN again (it is not kept once the request was delivered) and
 *   sign again. v2 carries the corrected address and the new PIN, and nothing else changed.
 * - A hand-off in which the agent corrects the address: the agents' console joins with the console token
 *   (AGENT_TOKEN, an `agent/join` event), the customer asks for a person, the agent takes the chat with the
 *   escalation card's "Take over", corrects the service address on the takeover card and hands the customer back;
 *   the customer finishes and signs, and request.json carries the address the agent saved.
 */
import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { fieldLabel } from '../../dialogs/draftFields';
import { agentText } from '../../dialogs/text/agentText';
import { buttonLabels } from '../../dialogs/text/buttonLabels';
import { correctionText } from '../../dialogs/text/correctionText';
import { handoffText } from '../../dialogs/text/handoffText';
import { signText } from '../../dialogs/text/signText';
import { rejectionReason } from '../../src/domain';
import { noticeText } from '../../src/submission/notifications/noticeText';
import { FakeConnector } from '../support/fakeConnector';
import { AGENT_TOKEN, type AcceptanceApp, startAcceptanceApp } from './support/acceptanceApp';
import { Customer, cardsOf, pressOn, readCard, textsOf } from './support/customer';
import { MARIA, addressLine, withChanges } from './support/details';
import {
  awaitDelivery,
  deliveredVersions,
  eventually,
  expectedLetterFacts,
  expectedRequest,
  letterFacts,
  referenceIn,
} from './support/submissions';

const BOT = { id: 'bot', name: 'Porting Assistant', role: 'bot' };
const EXPECTED_WAIT_MINUTES = 5;

describe('when the carrier or a person steps in, the customer hears it in their channel and the request follows', () => {
  const channel = new FakeConnector();
  let serviceUrl: string;
  let app: AcceptanceApp;

  beforeAll(async () => {
    serviceUrl = await channel.listen();
    // The events route (PORTING_WEBHOOK_SECRET) is always on in these apps; the console needs its token.
    app = await startAcceptanceApp({ env: { AGENT_TOKEN, AGENT_EXPECTED_WAIT_MINUTES: String(EXPECTED_WAIT_MINUTES) } });
  });

  afterAll(async () => {
    await app?.close();
    await channel.close();
  });

  it('a correction after a rejection: the customer is told in their channel, gives the address and PIN again, and v2 carries both', async () => {
    // She typed her street number wrong; the carrier has 123.
    const asSigned = withChanges(MARIA, {
      numbers: { typed: '(415) 555-0166', e164: ['+14155550166'] },
      billingNumber: { typed: '(415) 555-0166', e164: '+14155550166' },
      serviceAddress: { ...MARIA.serviceAddress, street: '132 Main St' },
    });
    const maria = new Customer(app.exchange, { name: 'correction', details: asSigned, serviceUrl });
    const referenceNumber = referenceIn(await maria.completePort());
    const v1 = await awaitDelivery(app.submissionsDir, referenceNumber, 1);

    const rejected = await app.postEvent({
      eventId: `evt-${randomUUID()}`,
      referenceNumber,
      version: 1,
      sequence: 1,
      occurredAt: new Date().toISOString(),
      state: 'rejected',
      reasonCode: 'INVALID_ADDRESS',
    });
    expect({ status: rejected.status, body: await rejected.json() }).toMatchObject({ status: 200, body: { code: 'applied' } });

    // The news reaches her own conversation, outside any turn of hers, with the way to fix it.
    await eventually(() => channel.sentTo(maria.conversationId).length > 0, () => 'nothing was sent to the customer');
    const told = channel.sentTo(maria.conversationId);
    const notice = { referenceNumber, version: 1, state: 'rejected' as const, carrier: asSigned.carrier.name, numbers: asSigned.numbers.e164, reason: rejectionReason('INVALID_ADDRESS') };
    expect(textsOf(told)).toEqual([`${noticeText.rejected(notice)}\n\n${correctionText.invite([fieldLabel('serviceAddress'), fieldLabel('pin')])}`]);
    expect(told[0].suggestedActions?.actions.map((action) => action.title)).toEqual([buttonLabels.fixNow]);

    // She checks her bill, and gets a new transfer PIN: the old one went with the first request.
    maria.hear(told);
    maria.details = withChanges(asSigned, { serviceAddress: MARIA.serviceAddress, pin: '864209' });
    const fixing = await maria.say(buttonLabels.fixNow);
    expect(textsOf(fixing)[0]).toBe(correctionText.intro(referenceNumber, rejectionReason('INVALID_ADDRESS').words, [fieldLabel('serviceAddress'), fieldLabel('pin')]));
    const resent = await maria.finishPort();
    expect(textsOf(resent)).toContain(signText.resent({ referenceNumber, carrier: asSigned.carrier.name, contactEmail: asSigned.contactEmail }));

    const v2 = await awaitDelivery(app.submissionsDir, referenceNumber, 2);
    expect(deliveredVersions(app.submissionsDir, referenceNumber)).toEqual(['v1', 'v2']);
    expect(letterFacts(maria.details, v2.pdfText, referenceNumber)).toEqual(expectedLetterFacts());
    expect(v2.request).toEqual(expectedRequest(maria.details, { referenceNumber, version: 2 }));
    // The first request is as it was delivered: the address and PIN she signed then.
    expect(v1.request).toEqual(expectedRequest(asSigned, { referenceNumber, version: 1 }));
    // Nothing else was sent to her outside her own turns.
    expect(channel.sentTo(maria.conversationId)).toHaveLength(1);
    expect(channel.sentTo(maria.conversationId)[0].replyToId).toBeUndefined();
  });

  it('a hand-off: the agent takes over, corrects the address and hands back; the signed request has the agent\'s address', async () => {
    // The agents' console: a Web Chat conversation of its own that joins with the token.
    const consoleId = `acceptance-console-${randomUUID().slice(0, 8)}`;
    let consoleSequence = 0;
    const agent = { id: `${consoleId}-agent`, name: 'Alex Kim', role: 'user' };
    const fromConsole = (overrides: Partial<Activity>) => {
      consoleSequence += 1;
      return app.exchange({
        type: 'message',
        id: `${consoleId}-${consoleSequence}`,
        channelId: 'webchat',
        serviceUrl,
        from: agent,
        recipient: BOT,
        conversation: { id: consoleId },
        deliveryMode: 'expectReplies',
        ...overrides,
      } as Partial<Activity>);
    };
    expect(textsOf(await fromConsole({ type: 'event', name: 'agent/join', value: { token: AGENT_TOKEN } }))).toEqual([agentText.joined]);

    // The customer typed a wrong street number, and asks for a person at the last question (the contact email).
    const asTyped = withChanges(MARIA, {
      numbers: { typed: '(415) 555-0155', e164: ['+14155550155'] },
      billingNumber: { typed: '(415) 555-0155', e164: '+14155550155' },
      serviceAddress: { ...MARIA.serviceAddress, street: '321 Main St' },
    });
    const maria = new Customer(app.exchange, { name: 'handoff', details: asTyped, serviceUrl });
    await maria.open();
    await maria.say(buttonLabels.startPort);
    await maria.untilAskedFor('contactEmail');
    expect(textsOf(await maria.say('I want to talk to a person'))[0]).toBe(handoffText.finding(EXPECTED_WAIT_MINUTES, 1));

    // The escalation card reaches the console; the agent takes the chat.
    const toConsole = () => channel.sentTo(consoleId);
    await eventually(() => cardsOf(toConsole()).length > 0, () => 'no escalation card reached the console');
    const escalation = cardsOf(toConsole())[0];
    expect(readCard(escalation).lines).toEqual(expect.arrayContaining([agentText.card.heading, `Service address: ${addressLine(asTyped.serviceAddress)}`]));
    await fromConsole(pressOn(escalation, agentText.card.take));
    const takeoverCard = () => cardsOf(toConsole()).find((card) => readCard(card).lines[0] === agentText.takeover.heading);
    await eventually(() => takeoverCard() !== undefined, () => 'no takeover card reached the console');
    const toCustomer = () => channel.textsTo(maria.conversationId);
    await eventually(() => toCustomer().includes(handoffText.takenOver('Alex')), () => `the customer was not told: ${JSON.stringify(toCustomer())}`);

    // The agent saves the address as the carrier has it; the customer is told.
    const corrected = MARIA.serviceAddress;
    const saved = await fromConsole(pressOn(takeoverCard(), agentText.takeover.save, { field: 'serviceAddress', value: addressLine(corrected) }));
    expect(textsOf(saved)).toEqual([agentText.corrected('Service address', addressLine(corrected))]);
    await eventually(
      () => toCustomer().includes(handoffText.corrected('Alex', 'service address', addressLine(corrected))),
      () => `the customer was not told of the correction: ${JSON.stringify(toCustomer())}`,
    );

    // The agent hands back; the bot carries on with the customer where they stopped, in their channel.
    const before = channel.sentTo(maria.conversationId).length;
    expect(textsOf(await fromConsole(pressOn(takeoverCard(), agentText.takeover.end)))).toEqual([agentText.ended]);
    await eventually(
      () => maria.asked(channel.sentTo(maria.conversationId).slice(before)) !== undefined,
      () => `the bot asked the customer nothing after the hand-back: ${JSON.stringify(toCustomer().slice(before))}`,
    );
    const afterHandBack = channel.sentTo(maria.conversationId).slice(before);
    expect(textsOf(afterHandBack)[0]).toBe(handoffText.handedBack('Alex'));
    maria.hear(afterHandBack);
    expect(maria.asked()).toEqual({ kind: 'field', field: 'contactEmail' });

    // She finishes and signs what the review shows, the agent's address among it.
    maria.details = withChanges(asTyped, { serviceAddress: corrected });
    const referenceNumber = referenceIn(await maria.finishPort());
    const { request, pdfText } = await awaitDelivery(app.submissionsDir, referenceNumber, 1);
    expect(letterFacts(maria.details, pdfText, referenceNumber)).toEqual(expectedLetterFacts());
    expect(request).toEqual(expectedRequest(maria.details, { referenceNumber, version: 1 }));
    // Everything sent outside the customer's own turns (and the agent's) replies to none of their messages: Web Chat
    // would hold such a reply back until it had shown the message replied to.
    expect([...channel.sentTo(maria.conversationId), ...toConsole()].filter((sent) => sent.replyToId !== undefined)).toEqual([]);
  });
});
