import type { Activity } from 'botbuilder';
import { DialogTurnStatus } from 'botbuilder-dialogs';
import { ReviewDialog } from '../../dialogs/reviewDialog';
import { SharedDialogs } from '../../dialogs/sharedDialogs';
import { cardActionText } from '../../dialogs/cardActions';
import { interruptionText } from '../../dialogs/text/interruptionText';
import { reviewText } from '../../dialogs/text/reviewText';
import type { CsrDraft } from '../../src/domain';
import { cardTexts, lastCard, startHarness, submitOf, textsOf } from './cardHarness';
import { completeAttDraft, draftFrom } from '../support/drafts';

const { confirm: LOOKS_RIGHT, change: CHANGE } = reviewText.card;

type Json = Record<string, unknown>;

/** The summary's rows, label → value. */
function summaryOf(card: Json): Record<string, string> {
  const factSet = (card.body as Json[]).find((element) => element.type === 'FactSet');
  return Object.fromEntries(((factSet?.facts ?? []) as { title: string; value: string }[]).map((fact) => [fact.title, fact.value]));
}

const startReview = (draft: CsrDraft = completeAttDraft()) => startHarness((deps, cards) => new ReviewDialog(deps, cards, new SharedDialogs(deps, cards).askField), draft);

/** Sends the answers one by one (the customer replying to each question) and returns the last replies. */
async function answer(send: (activity: string) => Promise<Partial<Activity>[]>, answers: readonly string[]): Promise<Partial<Activity>[]> {
  let replies: Partial<Activity>[] = [];
  for (const text of answers) replies = await send(text);
  return replies;
}

describe('ReviewDialog', () => {
  it('shows every detail on one card, the PIN masked and only the last four of the account number', async () => {
    const harness = await startReview();

    const summary = summaryOf(lastCard(await harness.send('review')));

    expect(summary).toEqual({
      'Numbers to move': '(415) 555-0123, (415) 555-0124',
      'Current carrier': 'AT&T',
      'Account number': '••••3222',
      'Transfer PIN': '••••',
      'Account holder': 'Maria Lopez',
      'Service address': '123 Main St, Apt 4, Springfield, IL 62704',
      'Billing telephone number': '(415) 555-0123',
      'Contact email': 'maria@example.com',
    });
  });

  it('goes on to signing when the customer says it looks right', async () => {
    const harness = await startReview();
    const card = lastCard(await harness.send('review'));

    await harness.send(submitOf(card, LOOKS_RIGHT));

    expect(harness.client.dialogTurnResult).toEqual(expect.objectContaining({ status: DialogTurnStatus.complete, result: { confirmed: true } }));
  });

  it('accepts a typed "looks good" too', async () => {
    const harness = await startReview();
    await harness.send('review');

    await harness.send('Looks good!');

    expect(harness.client.dialogTurnResult.result).toEqual({ confirmed: true });
  });

  it('changes a detail, then shows the summary again with the change', async () => {
    const harness = await startReview();
    const card = lastCard(await harness.send('review'));

    const question = await harness.send(submitOf(card, CHANGE, { field: 'serviceAddress' }));
    expect(textsOf(question).join(' ')).toMatch(/Currently: 123 Main St, Apt 4, Springfield, IL 62704\..*service address/s);

    const replies = await harness.send('500 Oak Ave, Springfield, IL 62704');

    expect(summaryOf(lastCard(replies))['Service address']).toBe('500 Oak Ave, Springfield, IL 62704');
    expect(harness.client.dialogTurnResult.status).toBe(DialogTurnStatus.waiting);
    expect((await harness.session())?.draft.serviceAddress?.street).toBe('500 Oak Ave');
  });

  it('takes a typed change request such as "edit the email"', async () => {
    const harness = await startReview();
    await harness.send('review');

    const replies = await answer(harness.send, ['edit the email', 'maria.lopez@example.com']);

    expect(summaryOf(lastCard(replies))['Contact email']).toBe('maria.lopez@example.com');
  });

  it('asks again for the answers a new carrier makes invalid before showing the summary', async () => {
    const harness = await startReview();
    const card = lastCard(await harness.send('review'));

    await harness.send(submitOf(card, CHANGE, { field: 'carrier' }));
    const accountQuestion = await harness.send('Verizon');

    // The 12-digit AT&T account number doesn't fit Verizon's 9 digits: it is gone and asked for again.
    expect(textsOf(accountQuestion).join(' ')).toMatch(/need your account number again.*What is your account number with Verizon\?/s);
    expect((await harness.session())?.draft.accountNumber).toBeUndefined();
    const replies = await answer(harness.send, ['987654321']);

    const summary = summaryOf(lastCard(replies));
    expect(summary['Current carrier']).toBe('Verizon');
    expect(summary['Account number']).toBe('••••4321');
  });

  it('asks which detail to change when "Change it" comes with none picked, and keeps the same card', async () => {
    const harness = await startReview();
    const card = lastCard(await harness.send('review'));

    const replies = await harness.send(submitOf(card, CHANGE, { field: '' }));
    expect(textsOf(replies)).toEqual([reviewText.chooseDetail]);
    expect(harness.client.dialogTurnResult.status).toBe(DialogTurnStatus.waiting);

    await harness.send(submitOf(card, LOOKS_RIGHT));
    expect(harness.client.dialogTurnResult.result).toEqual({ confirmed: true });
  });

  it('does not go on to signing while details are missing', async () => {
    const harness = await startReview(draftFrom({ numbers: '415-555-0123', carrier: 'AT&T' }));
    const card = lastCard(await harness.send('review'));

    const replies = await harness.send(submitOf(card, LOOKS_RIGHT));

    expect(textsOf(replies)).toEqual([reviewText.notReady]);
    expect(cardTexts(lastCard(replies))).toContain('- We still need the account number.');
    expect(harness.client.dialogTurnResult.status).toBe(DialogTurnStatus.waiting);
  });

  it('while a detail is being changed, takes a click on the summary for a card from an earlier step, not an answer', async () => {
    const harness = await startReview();
    const card = lastCard(await harness.send('review'));
    const question = textsOf(await harness.send(submitOf(card, CHANGE, { field: 'contactEmail' })));

    const replies = await harness.send(submitOf(card, LOOKS_RIGHT));

    expect(textsOf(replies)).toEqual([cardActionText.fromEarlierStep, question.at(-1)]);
    expect(harness.client.dialogTurnResult.status).toBe(DialogTurnStatus.waiting);
    const session = await harness.session();
    expect(session?.refusals).toEqual({});
    expect(session?.draft.contactEmail).toBe('maria@example.com');
    expect(summaryOf(lastCard(await harness.send('maria.lopez@example.com')))['Contact email']).toBe('maria.lopez@example.com');
  });

  it('explains the summary on "help", then shows it again', async () => {
    const harness = await startReview();
    const card = lastCard(await harness.send('review'));

    const replies = await harness.send('help');

    expect(textsOf(replies)).toEqual([`${reviewText.help}\n\n${interruptionText.anytime}`]);
    expect(lastCard(replies)).toEqual(card);
  });

  it('answers a button from a summary shown before a change with the summary as it is now', async () => {
    const harness = await startReview();
    const first = lastCard(await harness.send('review'));
    await harness.send(submitOf(first, CHANGE, { field: 'contactEmail' }));
    const current = lastCard(await harness.send('maria.lopez@example.com'));

    const replies = await harness.send(submitOf(first, LOOKS_RIGHT));

    expect(textsOf(replies)).toEqual([cardActionText.fromEarlierStep]);
    expect(lastCard(replies)).toEqual(current);
    expect(harness.client.dialogTurnResult.status).toBe(DialogTurnStatus.waiting);
  });
});
