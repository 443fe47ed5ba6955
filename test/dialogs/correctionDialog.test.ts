import { askFieldText } from '../../dialogs/text/askFieldText';
import { buttonLabels } from '../../dialogs/text/buttonLabels';
import { agentText } from '../../dialogs/text/agentText';
import { correctionText } from '../../dialogs/text/correctionText';
import { handoffText } from '../../dialogs/text/handoffText';
import { mainText } from '../../dialogs/text/mainText';
import { signText } from '../../dialogs/text/signText';
import { SIGNATURE_INPUT_ID } from '../../src/cards/signCards';
import { type Loa, rejectionReason } from '../../src/domain';
import { entryKey } from '../../src/submission';
import { noticeText } from '../../src/submission/notifications';
import type { PortNotice } from '../../src/submission/notifications/portNotice';
import { cardIn, lastCard, submitOf } from './cardHarness';
import { SUPPORT } from './conversationHarness';
import { CorrectionHarness, buttonsOf, textsOf } from './correctionHarness';
import { CANARY_PIN, draftFrom } from '../support/drafts';

const NEW_ADDRESS = '125 Main St, Springfield, IL 62704';
const NEW_PIN = '135790';
const PIN_QUESTION = /What is your Number Transfer PIN\?/;

function notice(loa: Loa, state: PortNotice['state'], extra: Partial<PortNotice> = {}): PortNotice {
  return { referenceNumber: loa.referenceNumber, version: loa.version, state, carrier: 'AT&T', numbers: loa.numbers, ...extra };
}

const rejectedNotice = (loa: Loa, reasonCode: string) => notice(loa, 'rejected', { reason: rejectionReason(reasonCode) });
/** Email is off in these tests (no mail queue): the receipt promises none. */
const SENT_DETAILS = (loa: Loa) => ({ referenceNumber: loa.referenceNumber, carrier: 'AT&T' });

/** Asked before every letter, a corrected one too: a lock left on is a reason carriers reject. */
const LOCK_QUESTION = /is Wireless Account Lock turned off on your AT&T account\?/;

/** Says AT&T's lock is off when asked (`replies` end with the question), then signs the letter as Maria Lopez and sends it. */
async function signAndSend(harness: CorrectionHarness, replies: Parameters<typeof lastCard>[0]) {
  expect(textsOf(replies).at(-1)).toMatch(LOCK_QUESTION);
  const letter = await harness.turn(buttonLabels.yes);
  return harness.turn(submitOf(lastCard(letter), signText.loaCard.sign, { [SIGNATURE_INPUT_ID]: 'Maria Lopez' }));
}

describe('the correction after a rejection', () => {
  let harness: CorrectionHarness;

  beforeEach(async () => {
    harness = await CorrectionHarness.create();
  });

  afterEach(async () => {
    await harness.close();
  });

  it('offers to fix a rejected address, asks for the address and then the PIN once, and resends a new version under the same reference', async () => {
    const loa = await harness.signed();

    const rejected = await harness.event(loa, { state: 'rejected', reasonCode: 'INVALID_ADDRESS' });

    // The PIN went out with the rejected letter and was not kept: the corrected one needs it again.
    expect(rejected.answer).toMatchObject({ status: 200, body: { code: 'applied' } });
    expect(textsOf(rejected.told)).toEqual([
      `${noticeText.rejected(rejectedNotice(loa, 'INVALID_ADDRESS'))}\n\n${correctionText.invite(['Service address', 'Transfer PIN'])}`,
    ]);
    expect(buttonsOf(rejected.told[0])).toEqual([buttonLabels.fixNow]);
    expect(await harness.session()).toMatchObject({
      stage: 'correcting',
      correction: { referenceNumber: loa.referenceNumber, version: 1, reasonCode: 'INVALID_ADDRESS', fields: ['serviceAddress', 'pin'] },
    });

    // The button (or a next message that asks for nothing else) begins the correction: the reason again, then the address.
    const intro = await harness.say(buttonLabels.fixNow);
    expect(intro[0]).toBe(correctionText.intro(loa.referenceNumber, rejectionReason('INVALID_ADDRESS').words, ['Service address', 'Transfer PIN']));
    expect(intro[1]).toContain(askFieldText.question.serviceAddress());
    expect(intro[1]).toContain(askFieldText.current('123 Main St, Apt 4, Springfield, IL 62704'));

    const pinQuestion = await harness.say(NEW_ADDRESS);
    expect(pinQuestion[0]).toBe(askFieldText.saved.serviceAddress(NEW_ADDRESS));
    expect(pinQuestion.at(-1)).toMatch(PIN_QUESTION);

    // The PIN is asked once: once given, the letter to sign comes next, not the PIN question again.
    const toSign = await harness.turn(NEW_PIN);
    expect(textsOf(toSign)).toEqual([
      `${askFieldText.saved.pin()} Your AT&T Number Transfer PIN should be good until about Friday, March 6.`,
      correctionText.readyToSign,
      expect.stringMatching(LOCK_QUESTION),
    ]);

    const sent = await signAndSend(harness, toSign);
    expect(await harness.outbox.latestVersion(loa.referenceNumber)).toBe(2);
    const resent = (await harness.outbox.readEntry(entryKey(loa.referenceNumber, 2)))?.value.loa;
    expect(resent).toMatchObject({ referenceNumber: loa.referenceNumber, version: 2, serviceAddress: { street: '125 Main St' }, pin: NEW_PIN });
    // The rest is carried over from the session's draft.
    expect(resent).toMatchObject({ accountNumber: loa.accountNumber, accountHolder: loa.accountHolder });

    const texts = textsOf(sent);
    expect(texts[0]).toContain(signText.resent(SENT_DETAILS(loa)));
    expect(texts[0]).toMatch(/\[open your letter\]\(https:\/\/porting\.example\.com\/api\/loa\/PA-[^?]+\?token=2\./);
    expect(texts.at(-1)).toBe(mainText.menu.again);
    const session = await harness.session();
    expect(session).toMatchObject({ stage: 'signed', signedLoa: { version: 2 } });
    expect(session?.correction).toBeUndefined();
  });

  it('ignores a late event about the rejected version once the corrected one is sent, and tells news about the new one', async () => {
    const loa = await harness.signed();
    await harness.event(loa, { state: 'rejected', reasonCode: 'PASSCODE_PIN_INVALID' });
    const question = await harness.say('hello?');
    expect(question[0]).toBe(correctionText.intro(loa.referenceNumber, rejectionReason('PASSCODE_PIN_INVALID').words, ['Transfer PIN']));
    const sent = await signAndSend(harness, await harness.turn(CANARY_PIN));
    expect(textsOf(sent)[0]).toContain(signText.resent(SENT_DETAILS(loa)));
    const v2 = { ...loa, version: 2 };

    const late = await harness.event(loa, { state: 'pending' });
    expect(late).toEqual({ answer: expect.objectContaining({ status: 200, body: expect.objectContaining({ code: 'superseded' }) }), told: [] });

    const news = await harness.event(v2, { state: 'submitted' });
    expect(textsOf(news.told)).toEqual([noticeText.submitted(notice(v2, 'submitted'))]);
  });

  it('says the request waits for a correction when asked for the status during it, then asks the same question again', async () => {
    const loa = await harness.signed();
    await harness.event(loa, { state: 'rejected', reasonCode: 'BTN_ATN_MISMATCH' });
    const question = await harness.say('ok');

    expect(await harness.say('status')).toEqual([correctionText.waiting(loa.referenceNumber), question[1]]);
  });

  it('re-signs even when the customer gives the same PIN again: the carrier may have been wrong', async () => {
    const loa = await harness.signed();
    await harness.event(loa, { state: 'rejected', reasonCode: 'INVALID_PIN' });
    await harness.say('fix my request');

    const sent = await signAndSend(harness, await harness.turn(CANARY_PIN));

    expect(textsOf(sent)[0]).toContain(signText.resent(SENT_DETAILS(loa)));
    expect(await harness.outbox.latestVersion(loa.referenceNumber)).toBe(2);
  });

  it("asks a personal account's holder name when the carrier says the authorizing person doesn't match", async () => {
    const loa = await harness.signed();
    const rejected = await harness.event(loa, { state: 'rejected', reasonCode: 'auth_person_mismatch' });

    expect(textsOf(rejected.told)[0]).toContain(correctionText.invite(['Account holder', 'Transfer PIN']));
    expect((await harness.session())?.correction?.fields).toEqual(['holderName', 'pin']);
  });

  it('sends reasons that need a person to our porting team, with how to reach them, and offers no fix', async () => {
    const loa = await harness.signed();

    for (const reasonCode of ['BILLING_DISPUTE', 'SOMETHING_NEW']) {
      const rejected = await harness.event(loa, { state: 'rejected', reasonCode });

      expect(textsOf(rejected.told)).toEqual([
        `${noticeText.rejected(rejectedNotice(loa, reasonCode))}\n\n${correctionText.personNeeded(SUPPORT, loa.referenceNumber)}`,
      ]);
      expect(textsOf(rejected.told)[0]).toContain(SUPPORT.phone);
      expect(buttonsOf(rejected.told[0])).toEqual([]);
      expect(await harness.session()).toMatchObject({ stage: 'signed', personNeeded: { referenceNumber: loa.referenceNumber, reasonCode } });
      expect((await harness.session())?.correction).toBeUndefined();
    }
    // Later news of the request means the person is no longer needed for it.
    await harness.event(loa, { state: 'cancelled' });
    expect((await harness.session())?.personNeeded).toBeUndefined();
  });

  it('offers a person in the chat when agents are on hand, and asks for one when the customer takes it', async () => {
    const withAgents = await CorrectionHarness.create(true);
    try {
      const loa = await withAgents.signed();
      const rejected = await withAgents.event(loa, { state: 'rejected', reasonCode: 'BILLING_DISPUTE' });

      expect(textsOf(rejected.told)).toEqual([`${noticeText.rejected(rejectedNotice(loa, 'BILLING_DISPUTE'))}\n\n${correctionText.personHere(loa.referenceNumber)}`]);
      expect(buttonsOf(rejected.told[0])).toEqual([buttonLabels.agent]);
      expect(await withAgents.say(buttonLabels.agent)).toEqual([handoffText.finding(4, 1)]);
      const escalation = (await withAgents.escalations?.queue())?.[0];
      expect(escalation).toMatchObject({
        reason: 'rejectionNeedsPerson',
        step: agentText.steps.rejected(loa.referenceNumber, 'BILLING_DISPUTE', rejectionReason('BILLING_DISPUTE').words),
      });
      expect(JSON.stringify(cardIn(withAgents.agentsChannel.activeQueue[0]))).toContain(agentText.reasons.rejectionNeedsPerson);
    } finally {
      await withAgents.close();
    }
  });

  it('keeps the corrections when the customer stops before signing, and starts again only when asked', async () => {
    const loa = await harness.signed();
    await harness.event(loa, { state: 'rejected', reasonCode: 'POSTAL_CODE_MISMATCH' });
    await harness.say('hi');
    await harness.say(NEW_ADDRESS);
    await harness.turn(NEW_PIN);
    const toSign = await harness.turn(buttonLabels.yes);

    expect(lastCard(toSign)).toBeDefined();
    const notYet = await harness.say('not yet');
    expect(notYet).toEqual([signText.notYet, correctionText.notSent, mainText.menu.again]);
    expect(await harness.outbox.latestVersion(loa.referenceNumber)).toBe(1);

    // Another message is just another message now: the menu takes it.
    expect((await harness.say('hi')).join('\n')).not.toContain("Let's fix");

    const again = await harness.say('fix my request');
    expect(again[0]).toContain(`Let's fix your port request ${loa.referenceNumber}.`);
    expect(again[1]).toContain(askFieldText.current(NEW_ADDRESS));
  });

  it('offers nothing to fix when the customer already started a new request, and points to a person instead', async () => {
    const loa = await harness.signed();
    await harness.say(buttonLabels.startPort);
    expect((await harness.session())?.signedLoa).toBeUndefined();

    const rejected = await harness.event(loa, { state: 'rejected', reasonCode: 'INVALID_ADDRESS' });

    expect(textsOf(rejected.told)[0]).toContain(correctionText.personNeeded(SUPPORT, loa.referenceNumber));
    expect((await harness.session())?.correction).toBeUndefined();
  });

  it('drops a pending correction once the request is cancelled', async () => {
    const loa = await harness.signed();
    await harness.event(loa, { state: 'rejected', reasonCode: 'INVALID_ACCOUNT_NUMBER' });

    const cancelled = await harness.event(loa, { state: 'cancelled' });

    expect(textsOf(cancelled.told)).toEqual([noticeText.cancelled(notice(loa, 'cancelled'))]);
    expect(await harness.session()).toMatchObject({ stage: 'signed' });
    expect(await harness.say('fix my request')).toContain(correctionText.nothingToFix);
  });

  it('asks for a business account\'s authorized person when that is what the carrier questions', async () => {
    const draft = draftFrom({
      numbers: '415-555-0123',
      carrier: 'AT&T',
      accountNumber: '555444333222',
      pin: '918273',
      holderName: 'Lopez Plumbing LLC',
      serviceAddress: '123 Main St, Springfield, IL 62704',
      billingNumber: '(415) 555-0123',
      contactEmail: 'maria@example.com',
    });
    const loa = await harness.signed({ ...draft, authorizedPerson: 'Maria Lopez' });

    await harness.event(loa, { state: 'rejected', reasonCode: 'AUTH_PERSON_MISMATCH' });
    const question = await harness.say('ok');

    expect((await harness.session())?.correction?.fields).toEqual(['authorizedPerson', 'pin']);
    expect(question[1]).toContain('Who is authorized to sign for Lopez Plumbing LLC?');
  });
});
