/**
 * The carrier's own rules through the front door: a value that breaks a rule we have confirmed is refused with how to
 * fix it; one that breaks a rule we haven't confirmed is asked about once, with buttons, and taken only when the
 * customer says it is exactly what the carrier gave (never "saved" with a warning after it); the carrier's port-out
 * lock is confirmed off before signing. The request the porting backend receives carries what the customer confirmed.
 */
import { askFieldText } from '../../dialogs/text/askFieldText';
import { buttonLabels } from '../../dialogs/text/buttonLabels';
import { carrierRulesText } from '../../dialogs/text/carrierRulesText';
import { signText } from '../../dialogs/text/signText';
import { type CarrierRef, portOutLockOf } from '../../src/domain';
import { FakeConnector } from '../support/fakeConnector';
import { type AcceptanceApp, startAcceptanceApp } from './support/acceptanceApp';
import { Customer, buttonTitles, textsOf } from './support/customer';
import { ACME, KOWALSKI, withChanges } from './support/details';
import { awaitDelivery, expectedRequest, referenceIn } from './support/submissions';

const TMOBILE: CarrierRef = { id: 'tmobile', name: 'T-Mobile', known: true };
/** T-Mobile's PIN has 6 digits as far as we know (unconfirmed): this customer's has 4, and it is what T-Mobile gave her. */
const FOUR_DIGIT_PIN = '4827';
const PIN_QUESTION = "T-Mobile's Temporary Port Out PIN has 6 digits. Is the PIN you typed exactly what T-Mobile gave you?";

describe("the current carrier's rules decide, through the front door", () => {
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

  it('an unconfirmed rule asks once, answered both ways; the PIN confirmed as typed reaches the request', async () => {
    const anna = new Customer(app.exchange, { name: 'rule-question', details: withChanges(KOWALSKI, { pin: FOUR_DIGIT_PIN }), serviceUrl });
    await anna.open();
    await anna.say(buttonLabels.startPort);
    await anna.untilAskedFor('pin');

    // One question, with its two buttons: nothing saved, no warning.
    const asked = await anna.say(FOUR_DIGIT_PIN);
    expect(textsOf(asked)).toEqual([PIN_QUESTION]);
    expect(buttonTitles(asked[0])).toEqual([buttonLabels.thatsIt, buttonLabels.typeAgain]);

    // "Let me type it again": the PIN question again, nothing kept.
    const again = await anna.press('typeAgain');
    expect(textsOf(again)[0]).toBe(carrierRulesText.ruleQuestion.typeAgain);
    expect(anna.asked()).toEqual({ kind: 'field', field: 'pin' });

    // The same PIN, and "Yes, that's it": saved as typed, with until when it is good, and the next question.
    expect(textsOf(await anna.say(FOUR_DIGIT_PIN))).toEqual([PIN_QUESTION]);
    const kept = await anna.press('thatsIt');
    expect(textsOf(kept)[0]).toMatch(
      new RegExp(`^${askFieldText.saved.pin()} Your T-Mobile Temporary Port Out PIN should be good until about \\w+day, \\w+ \\d+\\.$`),
    );
    expect(textsOf(kept).join('\n')).not.toMatch(/double-check|usually/);
    expect(anna.asked()).toEqual({ kind: 'field', field: 'holderName' });

    // Before signing, the lock: the scripted customer says it is off.
    const sent = await anna.finishPort();
    expect(portOutLockOf(TMOBILE)?.name).toBe('Port Out Protection');
    expect(anna.transcript.filter((line) => line.includes('is Port Out Protection turned off on your T-Mobile account?'))).toHaveLength(1);

    const referenceNumber = referenceIn(sent);
    const { request } = await awaitDelivery(app.submissionsDir, referenceNumber, 1);
    expect(request).toEqual(expectedRequest(anna.details, { referenceNumber, version: 1 }));
  });

  it('a confirmed rule refuses with how to fix it; a lock said to be on is explained, and waited for', async () => {
    const acme = new Customer(app.exchange, { name: 'confirmed-rule', details: ACME, serviceUrl });
    await acme.open();
    await acme.say(buttonLabels.startPort);
    await acme.untilAskedFor('accountNumber');

    // Verizon's account numbers have 9 digits (confirmed): 8 is refused, with where to find the right one.
    const refused = await acme.say('12345678');
    expect(textsOf(refused)[0]).toMatch(/^That doesn't look right: your Verizon account number is a 9-digit number.*My Verizon/);
    expect(textsOf(refused).join('\n')).not.toContain('Got it');
    expect(acme.asked()).toEqual({ kind: 'field', field: 'accountNumber' });

    await acme.until((asked) => asked.kind === 'portOutLock');
    const lock = portOutLockOf({ id: 'verizon', name: 'Verizon', known: true });
    if (lock === undefined) throw new Error('Verizon has no port-out lock in the directory');
    const waiting = await acme.press('no');
    expect(textsOf(waiting)).toEqual([carrierRulesText.lock.turnOff(lock), carrierRulesText.lock.waiting(lock)]);
    expect(acme.asked()).toEqual({ kind: 'portOutLock' });

    const letter = await acme.press('yes');
    expect(acme.asked(letter)).toMatchObject({ kind: 'letter' });
    const sent = await acme.finishPort();
    expect(textsOf(sent).join('\n')).toContain(signText.sent({ referenceNumber: referenceIn(sent), carrier: 'Verizon', contactEmail: ACME.contactEmail }).split('\n')[0]);
  });
});
