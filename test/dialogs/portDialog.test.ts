import { askFieldText } from '../../dialogs/text/askFieldText';
import { interruptionText } from '../../dialogs/text/interruptionText';
import { mainText } from '../../dialogs/text/mainText';
import { portText } from '../../dialogs/text/portText';
import { reviewText } from '../../dialogs/text/reviewText';
import { signText } from '../../dialogs/text/signText';
import { SIGNATURE_INPUT_ID } from '../../src/cards/signCards';
import { REVIEW_FIELD_INPUT_ID } from '../../src/cards/reviewCard';
import { CSR_FIELDS, carrierRules } from '../../src/domain';
import { cardFacts, lastCard, submitOf } from './cardHarness';
import { ConversationHarness, answerFields, confirmReview, reachCollection, textsOf } from './conversationHarness';
import { CANARY_ACCOUNT_NUMBER, CANARY_PIN, collectedAttDraft, expectNoSecrets } from '../support/drafts';

async function reachReview(harness: ConversationHarness) {
  await reachCollection(harness);
  return answerFields(harness, CSR_FIELDS);
}

describe('PortDialog', () => {
  it('takes a customer from the menu to a signed, submitted request, then back to the menu', async () => {
    const harness = new ConversationHarness();
    const review = await reachReview(harness);

    const letter = await confirmReview(harness, review);
    expect((await harness.session())?.stage).toBe('signing');
    const sent = await harness.turn(submitOf(lastCard(letter.replies), signText.loaCard.sign, { [SIGNATURE_INPUT_ID]: 'Maria Lopez' }));

    const [submission] = harness.submitter.submissions;
    expect(harness.submitter.submissions).toHaveLength(1);
    expect(submission.loa).toMatchObject({ accountNumber: CANARY_ACCOUNT_NUMBER, pin: CANARY_PIN, signature: { signerName: 'Maria Lopez' } });
    const { referenceNumber } = submission.loa;
    expect(textsOf(sent.replies)).toEqual([
      // No email in these tests (no mail queue): the receipt promises none.
      signText.sent({ referenceNumber, carrier: 'AT&T' }),
      portText.afterSigned,
      mainText.menu.again,
    ]);
    const session = await harness.session();
    expect(session?.stage).toBe('signed');
    // Everything given is kept for a possible correction, except the PIN, which only the submission carries.
    const { pin, ...keptDraft } = collectedAttDraft();
    expect(pin).toBeDefined();
    expect(session?.draft).toEqual(keptDraft);

    const status = await harness.say('status');
    expect(status[0]).toBe(interruptionText.status.signed(referenceNumber, submission.loa.signature.signedAt, 'maria@example.com'));
    expectNoSecrets(harness.transcript);
  });

  it('for a business account, asks who signs, shows them on the review and the letter, and takes only their signature', async () => {
    const harness = new ConversationHarness();
    await reachCollection(harness);
    await answerFields(harness, ['numbers', 'carrier', 'accountNumber', 'pin']);
    const question = await harness.say('Acme Plumbing LLC');
    expect(question.at(-1)).toBe(askFieldText.question.authorizedPerson({ rules: carrierRules(undefined), business: 'Acme Plumbing LLC' }));
    await harness.say('Jane Smith');
    const review = await answerFields(harness, ['serviceAddress', 'billingNumber', 'contactEmail']);

    const expectedRows = expect.arrayContaining([
      { title: 'Account holder', value: 'Acme Plumbing LLC' },
      { title: 'Authorized person', value: 'Jane Smith' },
    ]);
    expect(cardFacts(lastCard(review))).toEqual(expectedRows);
    const letter = lastCard((await confirmReview(harness, review)).replies);
    expect(cardFacts(letter)).toEqual(expectedRows);

    const holderSigns = await harness.say(submitOf(letter, signText.loaCard.sign, { [SIGNATURE_INPUT_ID]: 'Acme Plumbing LLC' }));
    expect(holderSigns).toEqual([expect.stringContaining("authorized person's name as you gave it earlier: Jane Smith")]);
    await harness.turn(submitOf(letter, signText.loaCard.sign, { [SIGNATURE_INPUT_ID]: 'Jane Smith' }));

    expect(harness.submitter.submissions.map(({ loa }) => loa)).toEqual([
      expect.objectContaining({
        accountHolder: expect.objectContaining({ kind: 'business', fullName: 'Acme Plumbing LLC' }),
        authorizedPerson: 'Jane Smith',
        signature: expect.objectContaining({ signerName: 'Jane Smith' }),
      }),
    ]);
  });

  it('asks again for the answers a change from the review made invalid, then shows the review again', async () => {
    const harness = new ConversationHarness();
    const review = await reachReview(harness);

    const question = await harness.say(submitOf(lastCard(review), reviewText.card.change, { [REVIEW_FIELD_INPUT_ID]: 'carrier' }));
    expect(question.at(-1)).toBe(`${askFieldText.current('AT&T')} ${askFieldText.question.carrier()}`);

    // Verizon account numbers have 9 digits: the 12-digit AT&T one no longer fits and is asked for again.
    const changed = await harness.say('Verizon');
    expect(changed[0]).toBe(askFieldText.saved.carrier('Verizon'));
    expect(changed).toContain(askFieldText.invalidated('Account number'));
    expect(changed.at(-1)).toContain('What is your account number with Verizon?');
    expect((await harness.session())?.draft.accountNumber).toBeUndefined();

    const again = await harness.turn('123456789');
    expect(again.secret).toBe(true);
    expect(again.replies[0].text).toBe(askFieldText.saved.accountNumber('••••6789'));
    expect(lastCard(again.replies)).toBeDefined();
    expect((await harness.session())?.draft).toMatchObject({ carrier: { name: 'Verizon' }, accountNumber: '123456789' });
  });
});
