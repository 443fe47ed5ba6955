import { DialogTurnStatus } from 'botbuilder-dialogs';
import { CsrFormDialog } from '../../dialogs/csrFormDialog';
import { cardActionText } from '../../dialogs/cardActions';
import { formText } from '../../dialogs/text/formText';
import { interruptionText } from '../../dialogs/text/interruptionText';
import { cardInput, cardTexts, lastCard, startHarness, submitOf, textsOf } from './cardHarness';
import { ATT_ANSWERS, CANARY_ACCOUNT_NUMBER, CANARY_PIN, completeAttDraft } from '../support/drafts';

const SUBMIT = formText.card.submit;

const FILLED = {
  numbers: ATT_ANSWERS.numbers,
  carrier: ATT_ANSWERS.carrier,
  accountNumber: ATT_ANSWERS.accountNumber,
  pin: ATT_ANSWERS.pin,
  holderName: ATT_ANSWERS.holderName,
  street: '123 Main St',
  unit: 'Apt 4',
  city: 'Springfield',
  region: 'IL',
  postalCode: '62704',
  billingNumber: ATT_ANSWERS.billingNumber,
  contactEmail: ATT_ANSWERS.contactEmail,
};

const startForm = (draft = {}) => startHarness((deps, cards) => new CsrFormDialog(deps, cards), draft);

describe('CsrFormDialog', () => {
  it('shows one form with every field, pre-filled from the draft but with the secrets left blank', async () => {
    const harness = await startForm(completeAttDraft());

    const card = lastCard(await harness.send('form'));

    expect(cardInput(card, 'holderName')?.value).toBe('Maria Lopez');
    expect(cardInput(card, 'pin')).toEqual(expect.objectContaining({ value: '', style: 'password' }));
    expect(cardInput(card, 'accountNumber')?.value).toBe('');
  });

  it('saves the valid fields at once and brings the card back with the refused ones marked', async () => {
    const harness = await startForm();
    const form = lastCard(await harness.send('form'));

    const replies = await harness.send(submitOf(form, SUBMIT, { ...FILLED, contactEmail: 'maria@', holderName: 'M' }));

    const again = lastCard(replies);
    expect(cardTexts(again)).toEqual(expect.arrayContaining([
      '2 details need another look. You\'ll find a note under each one.',
      expect.stringMatching(/after the @/),
      expect.stringMatching(/too short for a name/),
    ]));
    expect(cardInput(again, 'contactEmail')?.value).toBe('maria@');
    expect(cardInput(again, 'carrier')?.value).toBe('AT&T');
    expect(cardInput(again, 'pin')).toEqual(expect.objectContaining({ value: '', placeholder: expect.stringMatching(/leave blank to keep/i) }));
    const { draft } = (await harness.session()) ?? {};
    expect(draft?.pin).toBe(CANARY_PIN);
    expect(draft?.accountNumber).toBe(CANARY_ACCOUNT_NUMBER);
    expect(draft?.contactEmail).toBeUndefined();
    expect(harness.client.dialogTurnResult.status).toBe(DialogTurnStatus.waiting);

    // Fixing the two refused fields finishes the form; the blank secrets keep what was saved.
    const done = await harness.send(submitOf(again, SUBMIT, { contactEmail: 'maria@example.com', holderName: 'Maria Lopez' }));

    expect(textsOf(done)[0]).toMatch(/^Thank you, everything checks out\./);
    expect(harness.client.dialogTurnResult).toEqual(
      expect.objectContaining({ status: DialogTurnStatus.complete, result: { outcome: 'completed' } }),
    );
    expect((await harness.session())?.draft).toEqual(completeAttDraft());
  });

  it('completes in one go when every field is right', async () => {
    const harness = await startForm();
    const form = lastCard(await harness.send('form'));

    await harness.send(submitOf(form, SUBMIT, FILLED));

    expect(harness.client.dialogTurnResult.result).toEqual({ outcome: 'completed' });
    expect((await harness.session())?.draft.billingNumber).toBe('+14155550123');
  });

  it('ignores a second click on a form it already handled', async () => {
    const harness = await startForm();
    const form = lastCard(await harness.send('form'));
    const firstClick = submitOf(form, SUBMIT, { ...FILLED, contactEmail: 'maria@' });
    await harness.send(firstClick);

    const replies = await harness.send(firstClick);

    expect(textsOf(replies)).toEqual([cardActionText.alreadyHandled]);
    expect(replies.some((reply) => reply.attachments?.length)).toBe(false);
  });

  it('answers a button from an earlier step gently and shows the form again, under the same card id', async () => {
    const harness = await startForm();
    const form = lastCard(await harness.send('form'));

    const replies = await harness.send({ type: 'message', value: { action: 'review.confirm', cardId: 'an-earlier-card' } });

    expect(textsOf(replies)).toEqual([cardActionText.fromEarlierStep]);
    expect(lastCard(replies)).toEqual(form);
  });

  it('leaves the form when the customer types "switch to step by step", keeping the draft', async () => {
    const harness = await startForm();
    const form = lastCard(await harness.send('form'));
    await harness.send(submitOf(form, SUBMIT, { ...FILLED, contactEmail: '' }));

    const replies = await harness.send('switch to step by step');

    expect(textsOf(replies)).toEqual([formText.switchingToSteps]);
    expect(harness.client.dialogTurnResult.result).toEqual({ outcome: 'stepByStep' });
    expect((await harness.session())?.draft.holderName?.fullName).toBe('Maria Lopez');
  });

  it('takes "one detail at a time" as step by step, but not "I don\'t want to go step by step"', async () => {
    const harness = await startForm();
    await harness.send('form');

    expect(textsOf(await harness.send("I don't want to go step by step"))).toEqual([formText.typedWhileWaiting]);
    expect(harness.client.dialogTurnResult.status).toBe(DialogTurnStatus.waiting);

    expect(textsOf(await harness.send('One detail at a time, please'))).toEqual([formText.switchingToSteps]);
    expect(harness.client.dialogTurnResult.result).toEqual({ outcome: 'stepByStep' });
  });

  it('shows the form again after help, and points a typed answer back to the form', async () => {
    const harness = await startForm();
    await harness.send('form');

    const help = await harness.send('help');
    expect(lastCard(help)).toBeDefined();
    expect(textsOf(help)).toEqual([`${formText.help}\n\n${interruptionText.anytime}`]);
    expect(textsOf(await harness.send('my number is 415 555 0123'))).toEqual([formText.typedWhileWaiting]);
  });

  it('asks for the authorized person of a business account in the same round as the other details', async () => {
    const harness = await startForm();
    const form = lastCard(await harness.send('form'));

    const again = lastCard(await harness.send(submitOf(form, SUBMIT, { ...FILLED, holderName: 'Acme Plumbing LLC', contactEmail: 'maria@' })));

    expect(cardTexts(again)).toEqual(expect.arrayContaining([
      '2 details need another look. You\'ll find a note under each one.',
      formText.card.authorizedPersonRequired('Acme Plumbing LLC'),
    ]));
    expect(cardInput(again, 'authorizedPerson')).toEqual(
      expect.objectContaining({ label: 'Authorized person for Acme Plumbing LLC', isRequired: true, value: '' }),
    );

    await harness.send(submitOf(again, SUBMIT, { contactEmail: ATT_ANSWERS.contactEmail, authorizedPerson: 'Jane Smith' }));

    expect(harness.client.dialogTurnResult.result).toEqual({ outcome: 'completed' });
    expect((await harness.session())?.draft).toMatchObject({ holderName: { kind: 'business' }, authorizedPerson: 'Jane Smith' });
  });
});
