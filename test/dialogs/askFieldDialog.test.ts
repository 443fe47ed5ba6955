import { cardActionText } from '../../dialogs/cardActions';
import { askFieldText } from '../../dialogs/text/askFieldText';
import { buttonLabels } from '../../dialogs/text/buttonLabels';
import { interruptionText } from '../../dialogs/text/interruptionText';
import { promptText } from '../../dialogs/text/promptText';
import { portScopeText } from '../../dialogs/text/portScopeText';
import { CSR_FIELDS, type CsrFieldName, carrierRules, validateCsrField } from '../../src/domain';
import { ConversationHarness, SUPPORT, answerFields, buttonsOf, reachCollection, textsOf } from './conversationHarness';
import { click } from '../support/clicks';
import { ATT_ANSWERS, CANARY_ACCOUNT_NUMBER, CANARY_PIN, detailsOf, draftFrom } from '../support/drafts';

/** An answer each field's validator refuses, with the customer's next try being the right one. */
const WRONG: Record<CsrFieldName, string> = {
  numbers: '555',
  carrier: '12345',
  accountNumber: '12',
  pin: '12',
  holderName: 'Maria',
  serviceAddress: 'somewhere',
  billingNumber: '123',
  contactEmail: 'maria at example',
};

describe('AskFieldDialog', () => {
  it('answers every refused answer with the validator message and the same question, and loses nothing', async () => {
    const harness = new ConversationHarness();
    await reachCollection(harness);
    for (const [index, field] of CSR_FIELDS.entries()) {
      const before = (await harness.session())?.draft;
      const expected = validateCsrField(field, WRONG[field], before ?? {});
      if (expected.ok) throw new Error(`${field}: the wrong answer was accepted`);

      const refused = await harness.say(WRONG[field]);
      expect(refused[0]).toBe(expected.error.message);
      expect(refused).toHaveLength(2);
      expect((await harness.session())?.draft).toEqual(before);

      const again = await harness.say(WRONG[field]);
      expect(again[1]).toBe(refused[1]);

      // The questions about the account (one account? all of it?) come between some details: answered yes.
      await answerFields(harness, [field]);
      const saved = detailsOf((await harness.session())?.draft);
      expect(saved).toEqual(draftFrom(Object.fromEntries(CSR_FIELDS.slice(0, index + 1).map((f) => [f, ATT_ANSWERS[f]]))));
    }
  });

  it('says where each detail is found, and confirms what it saved without ever repeating the PIN or account number', async () => {
    const harness = new ConversationHarness();
    const first = await reachCollection(harness);
    expect(first.at(-1)).toContain('area code');
    const sameAccount = await harness.say(ATT_ANSWERS.numbers);
    expect(sameAccount).toEqual([askFieldText.saved.numbers('(415) 555-0123, (415) 555-0124'), portScopeText.sameAccount.question(2)]);
    expect(await harness.say(buttonLabels.yes)).toEqual([askFieldText.question.carrier()]);

    const accountQuestion = await harness.say(ATT_ANSWERS.carrier);
    expect(accountQuestion.at(-1)).toContain(carrierRules({ id: 'att', name: 'AT&T', known: true }).instructions.accountNumber);

    const account = await harness.turn(CANARY_ACCOUNT_NUMBER);
    expect(account.secret).toBe(true);
    expect(account.replies[0].text).toBe('Got it — account number ••••3222 saved.');

    const pin = await harness.turn(CANARY_PIN);
    expect(pin.secret).toBe(true);
    // When the NOW of the harness is 2026-03-02 15:04 UTC, an AT&T PIN (about 4 days, unconfirmed) lasts until the 6th.
    expect(pin.replies[0].text).toBe('Got it — PIN saved. Your AT&T Number Transfer PIN should be good until about Friday, March 6.');

    const holder = await harness.turn(ATT_ANSWERS.holderName);
    expect(holder.secret).toBe(false);
    expect(holder.replies.map((reply) => reply.text)).toEqual([
      'Got it: Maria Lopez.',
      expect.stringContaining('exactly how the name appears on the bill'),
      expect.stringContaining('service address'),
    ]);
  });

  it('marks a refused PIN as secret too, and never repeats it', async () => {
    const harness = new ConversationHarness();
    await reachCollection(harness);
    await answerFields(harness, ['numbers', 'carrier', 'accountNumber']);
    const refused = await harness.turn(`${CANARY_PIN}123456`);
    expect(refused.secret).toBe(true);
    expect(refused.replies[0].text).toContain('too long');
  });

  it('offers more help, an agent or another try after three refusals in a row', async () => {
    const harness = new ConversationHarness();
    await reachCollection(harness);
    await answerFields(harness, ['numbers', 'carrier']);
    await harness.say('12');
    expect(buttonsOf((await harness.turn('12')).replies)).toEqual([]);
    const third = await harness.turn('12');
    expect(third.replies.at(-1)?.text).toContain(askFieldText.stuck);
    expect(buttonsOf(third.replies)).toEqual([buttonLabels.help, buttonLabels.agent, buttonLabels.keepTrying]);

    const help = await harness.say(buttonLabels.help);
    expect(help[0]).toContain(carrierRules({ id: 'att', name: 'AT&T', known: true }).accountNumber.description);
    expect(help[1]).toContain('What is your account number with AT&T?');

    const agent = await harness.say(buttonLabels.agent);
    expect(agent[0]).toBe(interruptionText.agent(SUPPORT));
    expect(agent[1]).toContain('What is your account number with AT&T?');

    const retry = await harness.say(buttonLabels.keepTrying);
    expect(retry).toEqual([expect.stringContaining('What is your account number with AT&T?')]);
    expect((await harness.session())?.refusals.accountNumber).toBeUndefined();
    expect(buttonsOf((await harness.turn('12')).replies)).toEqual([]);

    await harness.say(CANARY_ACCOUNT_NUMBER);
    expect((await harness.session())?.draft.accountNumber).toBe(CANARY_ACCOUNT_NUMBER);
  });

  it('asks "did you mean" for a near-miss carrier, and asks again on no', async () => {
    const harness = new ConversationHarness();
    await reachCollection(harness);
    await answerFields(harness, ['numbers']);
    const question = await harness.turn('tmobil');
    expect(question.replies.map((reply) => reply.text)).toEqual(['Did you mean T-Mobile?']);
    expect(buttonsOf(question.replies)).toEqual([buttonLabels.yes, buttonLabels.no]);

    expect(await harness.say(buttonLabels.no)).toEqual([askFieldText.carrier.retype, askFieldText.question.carrier()]);
    expect((await harness.session())?.draft.carrier).toBeUndefined();

    await harness.say('tmobil');
    const saved = await harness.say(buttonLabels.yes);
    expect(saved[0]).toBe(askFieldText.saved.carrier('T-Mobile'));
    expect((await harness.session())?.draft.carrier).toEqual({ id: 'tmobile', name: 'T-Mobile', known: true });
  });

  it('takes a carrier it does not know once the customer confirms the spelling, with general guidance', async () => {
    const harness = new ConversationHarness();
    await reachCollection(harness);
    await answerFields(harness, ['numbers']);
    const question = await harness.say('Zorblax Phone');
    expect(question[0]).toContain('I don\'t have “Zorblax Phone” in my list');
    expect(question[0]).toContain(askFieldText.carrier.spelledRight('Zorblax Phone'));

    const accepted = await harness.say('yes');
    expect(accepted[0]).toBe(askFieldText.saved.carrier('Zorblax Phone'));
    expect(accepted[1]).toContain('general guidance');
    expect(accepted.join('\n')).toContain('**Getting your details from Zorblax Phone** (general guidance)');
    expect(accepted.at(-1)).toContain('What is your account number with Zorblax Phone?');
    expect((await harness.session())?.draft.carrier).toEqual({ id: 'other', name: 'Zorblax Phone', known: false });
  });

  it('takes a button from an earlier question gently, without counting it as a refusal', async () => {
    const harness = new ConversationHarness();
    const first = await reachCollection(harness);
    // A double-clicked "Yes" from the keep-your-service question arrives at the first field's question.
    const stale = await harness.say(click('yes'));
    expect(stale).toEqual([promptText.staleButton, first.at(-1)]);
    expect((await harness.session())?.refusals).toEqual({});
  });

  it('reads a typed word that matches an old button as an answer to the question on screen', async () => {
    const harness = new ConversationHarness();
    const first = await reachCollection(harness);
    const expected = validateCsrField('numbers', 'yes', {});
    if (expected.ok) throw new Error('"yes" was taken for a phone number');

    const typed = await harness.say('yes');

    expect(typed).toEqual([expected.error.message, first.at(-1)]);
    expect((await harness.session())?.refusals).toEqual({ numbers: 1 });
  });

  it('takes a click on an old card for a card, not an answer: the note and the same question, no refusal counted', async () => {
    const harness = new ConversationHarness();
    await reachCollection(harness);
    await answerFields(harness, ['numbers']);
    const oldCard = { type: 'message', value: { action: 'csrForm.submit', cardId: 'an-earlier-card', carrier: 'AT&T' } };

    for (let click = 0; click < 3; click += 1) {
      const replies = (await harness.turn(oldCard)).replies;
      expect(textsOf(replies)).toEqual([cardActionText.fromEarlierStep, askFieldText.question.carrier()]);
      expect(buttonsOf(replies)).toEqual([]);
    }
    const session = await harness.session();
    expect(session?.refusals).toEqual({});
    expect(session?.draft.carrier).toBeUndefined();
  });

  it('offers the first number as the billing number, and takes the button', async () => {
    const harness = new ConversationHarness();
    await reachCollection(harness);
    const question = await answerFields(harness, ['numbers', 'carrier', 'accountNumber', 'pin', 'holderName', 'serviceAddress']);
    expect(buttonsOf(question)).toEqual(['Use (415) 555-0123']);
    await harness.say('Use (415) 555-0123');
    expect((await harness.session())?.draft.billingNumber).toBe('+14155550123');
  });

  it('asks who signs for a business right after the account holder', async () => {
    const harness = new ConversationHarness();
    await reachCollection(harness);
    await answerFields(harness, ['numbers', 'carrier', 'accountNumber', 'pin']);
    const question = await harness.say('Acme Plumbing LLC');
    expect(question.at(-1)).toBe(askFieldText.question.authorizedPerson({ rules: carrierRules(undefined), business: 'Acme Plumbing LLC' }));
    expect(await harness.say('Acme')).toEqual([expect.stringContaining('first and last name'), question.at(-1)]);
    const next = await harness.say('Jane Smith');
    expect(next[0]).toBe(askFieldText.saved.authorizedPerson('Jane Smith'));
    expect(next.at(-1)).toContain('service address');
    expect((await harness.session())?.draft.authorizedPerson).toBe('Jane Smith');
  });
});
