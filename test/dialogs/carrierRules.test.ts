/**
 * The current carrier's rules in the conversation, through the real bot: a value that breaks a confirmed rule is
 * refused with how to fix it; one that breaks an unconfirmed rule is asked about once, and taken only on "Yes, that's
 * it" (never "saved" and then a warning); the PIN's lifetime is told when it is saved and checked before signing; the
 * port-out lock is confirmed off before signing.
 */
import { CsrFormDialog } from '../../dialogs/csrFormDialog';
import { askFieldText } from '../../dialogs/text/askFieldText';
import { buttonLabels } from '../../dialogs/text/buttonLabels';
import { carrierRulesText } from '../../dialogs/text/carrierRulesText';
import { formText } from '../../dialogs/text/formText';
import { mainText } from '../../dialogs/text/mainText';
import { promptText } from '../../dialogs/text/promptText';
import { reviewText } from '../../dialogs/text/reviewText';
import { signText } from '../../dialogs/text/signText';
import { SIGNATURE_INPUT_ID } from '../../src/cards/signCards';
import { type CsrFieldName, portOutLockOf, validateCsrField } from '../../src/domain';
import { click } from '../support/clicks';
import { saveAnswer } from '../../dialogs/draftFields';
import { ATT_ANSWERS, accepted, draftFrom } from '../support/drafts';
import { NOW, cardIn, cardInput, cardTexts, lastCard, startHarness, submitOf } from './cardHarness';
import { ConversationHarness, answerFields, buttonsOf, confirmReview, reachCollection, textsOf } from './conversationHarness';

const PIN_QUESTION = "T-Mobile's Temporary Port Out PIN has 6 digits. Is the PIN you typed exactly what T-Mobile gave you?";
const ACCOUNT_QUESTION = "T-Mobile's account number is a 9-digit number. Is the account number you typed exactly what T-Mobile gave you?";
const DAY_MS = 24 * 60 * 60 * 1000;

/** A customer on T-Mobile, at the question for `field`. */
async function tmobileAt(field: 'accountNumber' | 'pin'): Promise<ConversationHarness> {
  const harness = new ConversationHarness();
  await reachCollection(harness);
  await answerFields(harness, ['numbers']);
  await harness.say('T-Mobile');
  if (field === 'pin') await harness.say('123456789');
  return harness;
}

describe('a value that breaks an unconfirmed rule of the carrier', () => {
  it('is asked about once, with two buttons, and neither saved nor warned about (T-Mobile PIN "12ab")', async () => {
    const harness = await tmobileAt('pin');

    const asked = await harness.turn('12ab');

    // Before this change the same answer got "Got it — PIN saved." and two overlapping warnings.
    expect(textsOf(asked.replies)).toEqual([PIN_QUESTION]);
    expect(buttonsOf(asked.replies)).toEqual([buttonLabels.thatsIt, buttonLabels.typeAgain]);
    expect(asked.secret).toBe(true);
    const session = await harness.session();
    expect(session?.draft.pin).toBeUndefined();
    expect(session?.unconfirmedAnswers).toEqual({ pin: '12ab' });
  });

  it('"Yes, that\'s it" keeps the value as typed and moves on, with until when the PIN is good and no warning', async () => {
    const harness = await tmobileAt('pin');
    await harness.say('12ab');

    const kept = await harness.say(click('thatsIt'));

    // NOW is Monday 2026-03-02 15:04 UTC; a T-Mobile PIN lasts about 7 days (unconfirmed).
    expect(kept[0]).toBe(`${askFieldText.saved.pin()} Your T-Mobile Temporary Port Out PIN should be good until about Monday, March 9.`);
    expect(kept.join('\n')).not.toMatch(/double-check|usually/);
    expect(kept.at(-1)).toContain(askFieldText.question.holderName());
    const session = await harness.session();
    expect(session?.draft).toMatchObject({ pin: '12ab', takenAsTyped: { pin: 'T-Mobile' } });
    expect(session?.unconfirmedAnswers).toBeUndefined();
    expect(session?.pinGivenAt).toBe(NOW.toISOString());
  });

  it('"Let me type it again" asks for it again, keeping nothing of it', async () => {
    const harness = await tmobileAt('pin');
    await harness.say('12ab');

    const again = await harness.say(click('typeAgain'));

    expect(again[0]).toBe(carrierRulesText.ruleQuestion.typeAgain);
    expect(again.at(-1)).toContain('What is your Temporary Port Out PIN?');
    const session = await harness.session();
    expect(session?.draft.pin).toBeUndefined();
    expect(session?.unconfirmedAnswers).toBeUndefined();

    expect((await harness.say('482916'))[0]).toMatch(/^Got it — PIN saved\./);
    expect((await harness.session())?.draft).toMatchObject({ pin: '482916' });
    expect((await harness.session())?.draft.takenAsTyped).toBeUndefined();
  });

  it('takes a new value typed instead of a button like any answer, and asks about it in turn if it breaks the rule too', async () => {
    const harness = await tmobileAt('pin');
    await harness.say('12ab');

    expect(await harness.say('9876')).toEqual([PIN_QUESTION]);
    const saved = await harness.say('482916');
    expect(saved[0]).toMatch(/^Got it — PIN saved\./);
    expect((await harness.session())?.draft.pin).toBe('482916');
  });

  it('moves on only once answered: other words get the choices again, "help" explains the question', async () => {
    const harness = await tmobileAt('pin');
    await harness.say('12ab');

    expect(await harness.say('hmm')).toEqual([promptText.notUnderstood, PIN_QUESTION]);
    const help = await harness.say('help');
    expect(help[0]).toContain(carrierRulesText.ruleQuestion.help('T-Mobile'));
    expect(help.at(-1)).toBe(PIN_QUESTION);
    expect((await harness.session())?.draft.pin).toBeUndefined();
  });

  it('is the same for an account number: asked once, and taken as typed on "Yes, that\'s it"', async () => {
    const harness = await tmobileAt('accountNumber');

    expect(await harness.say('12345678')).toEqual([ACCOUNT_QUESTION]);
    const kept = await harness.say(buttonLabels.thatsIt);
    expect(kept[0]).toBe(askFieldText.saved.accountNumber('••••5678'));
    expect(kept.join('\n')).not.toMatch(/double-check|usually/);
    expect((await harness.session())?.draft).toMatchObject({ accountNumber: '12345678', takenAsTyped: { accountNumber: 'T-Mobile' } });
  });
});

describe('a value that breaks a confirmed rule of the carrier', () => {
  it('is refused with how to fix it, and the question asked again (Verizon account number "12345678")', async () => {
    const harness = new ConversationHarness();
    await reachCollection(harness);
    await answerFields(harness, ['numbers']);
    const question = await harness.say('Verizon');

    const refused = await harness.say('12345678');

    const expected = validateCsrField('accountNumber', '12345678', { carrier: { id: 'verizon', name: 'Verizon', known: true } });
    expect(refused).toEqual([expected.ok ? '' : expected.error.message, question.at(-1)]);
    expect(refused[0]).toMatch(/your Verizon account number is a 9-digit number.*My Verizon/);
    expect((await harness.session())?.draft.accountNumber).toBeUndefined();
  });
});

describe('the transfer PIN before signing', () => {
  const LATER = new Date(NOW.getTime() + 5 * DAY_MS);

  it('asks a draft resumed after the PIN\'s lifetime for a fresh PIN, then goes on to sign', async () => {
    const first = new ConversationHarness();
    await reachCollection(first);
    await answerFields(first, ['numbers', 'carrier', 'accountNumber', 'pin', 'holderName', 'serviceAddress', 'billingNumber', 'contactEmail']);

    // Five days on (an AT&T PIN lasts about 4), in a new conversation.
    const back = new ConversationHarness({ storage: first.storage, conversationId: 'conversation-2', now: () => LATER });
    expect((await back.join()).at(-1)).toContain(mainText.resume.question);
    const review = (await back.turn(buttonLabels.resume)).replies;
    expect(cardIn(review.at(-1) ?? {})).toBeDefined();

    const fresh = await back.say(submitOf(lastCard(review), reviewText.card.confirm));
    expect(fresh.at(-1)).toMatch(
      /^Your AT&T Number Transfer PIN was given on Monday, March 2, and has most likely expired by now\. Please get a new one before you sign: .*\*PORT/,
    );
    expect(fresh.at(-1)).toContain('What is your Number Transfer PIN?');
    expect(fresh.at(-1)).not.toContain(askFieldText.current('••••'));

    // Even the same PIN again is a fresh one: given now, good for another 4 days.
    const saved = await back.say(ATT_ANSWERS.pin);
    expect(saved[0]).toBe(`${askFieldText.saved.pin()} Your AT&T Number Transfer PIN should be good until about Wednesday, March 11.`);
    expect(saved.at(-1)).toMatch(/is Wireless Account Lock turned off on your AT&T account\?/);
    expect((await back.session())?.pinGivenAt).toBe(LATER.toISOString());
    const letter = (await back.turn(buttonLabels.yes)).replies;
    expect(cardTexts(lastCard(letter))).toContain(signText.loaCard.heading);
  });

  it('goes straight on while the PIN is good', async () => {
    const harness = new ConversationHarness();
    await reachCollection(harness);
    const review = await answerFields(harness, fieldsInOrder());
    const letter = await confirmReview(harness, review);
    expect(cardTexts(lastCard(letter.replies))).toContain(signText.loaCard.heading);
  });
});

describe("the carrier's port-out lock before signing", () => {
  it('is asked about by name; "no" says how to turn it off and waits; "yes" goes on to the letter, and is asked again for the next letter', async () => {
    const harness = new ConversationHarness();
    await reachCollection(harness);
    const review = await answerFields(harness, fieldsInOrder());
    const lock = portOutLockOf({ id: 'att', name: 'AT&T', known: true });
    if (lock === undefined) throw new Error('AT&T has no lock in the directory');

    const question = await harness.turn(submitOf(lastCard(review), reviewText.card.confirm));
    expect(textsOf(question.replies)).toEqual([carrierRulesText.lock.question(lock, 'AT&T')]);
    expect(buttonsOf(question.replies)).toEqual([buttonLabels.yes, buttonLabels.no]);
    expect(textsOf(question.replies)[0]).toBe(
      "One last check before you sign: is Wireless Account Lock turned off on your AT&T account? While it's on, AT&T turns down every transfer.",
    );

    const waiting = await harness.say(buttonLabels.no);
    expect(waiting).toEqual([
      'Please turn off Wireless Account Lock in the myAT&T app. It only takes a moment, and your details stay saved here while you do.',
      carrierRulesText.lock.waiting(lock),
    ]);
    expect((await harness.session())?.portOutLockOffFor).toBeUndefined();

    const letter = await harness.turn(buttonLabels.yes);
    expect((await harness.session())?.portOutLockOffFor).toBe('AT&T');
    await harness.turn(submitOf(lastCard(letter.replies), signText.loaCard.sign, { [SIGNATURE_INPUT_ID]: 'Maria Lopez' }));
    expect(harness.submitter.submissions).toHaveLength(1);
    expect((await harness.session())?.portOutLockOffFor).toBeUndefined();
  });

  it('is not asked where the carrier has no lock we know of', async () => {
    const harness = new ConversationHarness();
    await reachCollection(harness);
    await answerFields(harness, ['numbers']);
    await harness.say('Cricket');
    await harness.say('555444333222');
    await harness.say('4829');
    const review = await answerFields(harness, ['holderName', 'serviceAddress', 'billingNumber', 'contactEmail']);

    const letter = await harness.turn(submitOf(lastCard(review), reviewText.card.confirm));
    expect(cardTexts(lastCard(letter.replies))).toContain(signText.loaCard.heading);
  });
});

describe('the form card asks the same question', () => {
  const FILLED = {
    numbers: ATT_ANSWERS.numbers,
    carrier: 'T-Mobile',
    accountNumber: '123456789',
    pin: '12ab',
    holderName: ATT_ANSWERS.holderName,
    street: '123 Main St',
    unit: 'Apt 4',
    city: 'Springfield',
    region: 'IL',
    postalCode: '62704',
    billingNumber: ATT_ANSWERS.billingNumber,
    contactEmail: ATT_ANSWERS.contactEmail,
  };

  it('shows the question under the PIN with a "Yes, that\'s it" box, and takes the PIN as typed once it is ticked', async () => {
    const harness = await startHarness((deps, cards) => new CsrFormDialog(deps, cards));
    const form = lastCard(await harness.send('form'));
    expect(cardInput(form, 'pinAsTyped')).toBeUndefined();

    const asked = lastCard(await harness.send(submitOf(form, formText.card.submit, FILLED)));
    expect(cardTexts(asked)).toContain(`${PIN_QUESTION} If it is, tick "${buttonLabels.thatsIt}" below; if not, type it again.`);
    expect(cardInput(asked, 'pinAsTyped')).toEqual(expect.objectContaining({ type: 'Input.Toggle', title: buttonLabels.thatsIt }));
    expect(cardInput(asked, 'pin')).toEqual(expect.objectContaining({ value: '', placeholder: formText.card.askedSecret }));
    expect((await harness.session())?.draft.pin).toBeUndefined();
    expect((await harness.session())?.unconfirmedAnswers).toEqual({ pin: '12ab' });

    // Left unticked, the question stays; ticked, with the PIN left blank, the PIN as typed is taken.
    const still = lastCard(await harness.send(submitOf(asked, formText.card.submit, { pin: '' })));
    expect(cardInput(still, 'pinAsTyped')).toBeDefined();
    const done = await harness.send(submitOf(still, formText.card.submit, { pin: '', pinAsTyped: 'true' }));
    expect(textsOf(done)[0]).toMatch(
      /^Thank you, everything checks out\. Your T-Mobile Temporary Port Out PIN should be good until about Monday, March 9\.(?:\n|$)/,
    );
    expect(textsOf(done)[0]).not.toMatch(/PIN.*(?:double-check|usually)/);
    const session = await harness.session();
    expect(session?.draft).toMatchObject({ pin: '12ab', takenAsTyped: { pin: 'T-Mobile' } });
    expect(session?.unconfirmedAnswers).toBeUndefined();
  });

  it('checks a PIN typed again afresh', async () => {
    const harness = await startHarness((deps, cards) => new CsrFormDialog(deps, cards));
    const form = lastCard(await harness.send('form'));
    const asked = lastCard(await harness.send(submitOf(form, formText.card.submit, FILLED)));

    const done = await harness.send(submitOf(asked, formText.card.submit, { pin: '482916' }));
    expect(textsOf(done)[0]).toMatch(new RegExp(`^${formText.completed}`));
    expect((await harness.session())?.draft).toMatchObject({ pin: '482916' });
    expect((await harness.session())?.draft.takenAsTyped).toBeUndefined();
  });
});

function fieldsInOrder(): CsrFieldName[] {
  return ['numbers', 'carrier', 'accountNumber', 'pin', 'holderName', 'serviceAddress', 'billingNumber', 'contactEmail'];
}

describe('an answer taken as typed', () => {
  const tmobile = draftFrom({ numbers: ATT_ANSWERS.numbers, carrier: 'T-Mobile' });

  it('stays when new numbers check it again, and is asked for again (with the confirmation gone) for another carrier', () => {
    const draft = { ...tmobile };
    saveAnswer(draft, 'accountNumber', '12345678', { asTyped: true });
    expect(draft.takenAsTyped).toEqual({ accountNumber: 'T-Mobile' });

    expect(saveAnswer(draft, 'numbers', accepted(validateCsrField('numbers', '312-555-0110', draft)), {})).toEqual([]);
    expect(draft.accountNumber).toBe('12345678');

    const invalidated = saveAnswer(draft, 'carrier', accepted(validateCsrField('carrier', 'AT&T', draft)), {});
    expect(invalidated.map(({ field }) => field)).toEqual(['accountNumber']);
    expect(draft.accountNumber).toBeUndefined();
    expect(draft.takenAsTyped).toBeUndefined();
  });

  it('is forgotten when a new value is given', () => {
    const draft = { ...tmobile };
    saveAnswer(draft, 'pin', '12ab', { asTyped: true });
    saveAnswer(draft, 'pin', '482916', {});
    expect(draft.takenAsTyped).toBeUndefined();
  });
});

