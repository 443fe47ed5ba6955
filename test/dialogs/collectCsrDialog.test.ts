import { askFieldText } from '../../dialogs/text/askFieldText';
import { buttonLabels } from '../../dialogs/text/buttonLabels';
import { collectCsrText } from '../../dialogs/text/collectCsrText';
import { mainText } from '../../dialogs/text/mainText';
import { tipsText } from '../../dialogs/text/tipsText';
import { portScopeText } from '../../dialogs/text/portScopeText';
import { CSR_FIELDS, validateCsrField } from '../../src/domain';
import { cardIn } from './cardHarness';
import { ConversationHarness, answerFields, buttonsOf, reachCollection } from './conversationHarness';
import { CANARY_ACCOUNT_NUMBER, CANARY_PIN, collectedAttDraft } from '../support/drafts';
import { NEW_CARRIER } from '../support/newCarrier';

const PASTED_CSR = [
  'Customer Service Record',
  'Account holder: Maria Lopez',
  'Phone number: 415-555-0123, 415-555-0124',
  'Carrier: AT&T',
  `Account number: ${CANARY_ACCOUNT_NUMBER}`,
  `PIN: ${CANARY_PIN}`,
  'Service address: 123 Main St, Apt 4, Springfield, IL 62704',
  'Email: maria at example',
].join('\n');

describe('CollectCsrDialog', () => {
  it('asks for each detail in order, step by step, and hands a complete draft to the review', async () => {
    const harness = new ConversationHarness();
    await harness.join();
    await harness.say(buttonLabels.startPort);
    const first = await harness.turn(buttonLabels.yes);
    expect(first.replies.map((reply) => reply.text)).toContain(collectCsrText.intro);
    expect(buttonsOf(first.replies)).toEqual([buttonLabels.form]);

    const last = await answerFields(harness, CSR_FIELDS);
    const texts = last.flatMap((reply) => (reply.text ? [reply.text] : []));
    expect(texts).toEqual([askFieldText.saved.contactEmail('maria@example.com'), tipsText.fillLoa.tip]);
    expect(cardIn(last.at(-1) ?? {})).toBeDefined();
    const session = await harness.session();
    expect(session?.draft).toEqual(collectedAttDraft());
    expect(session?.stage).toBe('reviewing');
  });

  it('takes a pasted CSR, reports what it saved and refused, and asks only for the rest', async () => {
    const harness = new ConversationHarness();
    await reachCollection(harness);
    const pasted = await harness.turn(PASTED_CSR);
    expect(pasted.secret).toBe(true);
    const texts = pasted.replies.map((reply) => reply.text);
    expect(texts[0]).toBe(
      [
        askFieldText.pasted.intro,
        `- ${askFieldText.saved.numbers('(415) 555-0123, (415) 555-0124')}`,
        `- ${askFieldText.saved.carrier('AT&T')}`,
        `- ${askFieldText.saved.accountNumber('••••3222')}`,
        `- ${askFieldText.saved.pin()} Your AT&T Number Transfer PIN should be good until about Friday, March 6.`,
        `- ${askFieldText.saved.holderName('Maria Lopez')}`,
        `- ${askFieldText.saved.serviceAddress('123 Main St, Apt 4, Springfield, IL 62704')}`,
      ].join('\n'),
    );
    const emailRefusal = validateCsrField('contactEmail', 'maria at example', {});
    expect(emailRefusal.ok).toBe(false);
    expect(texts[1]).toBe(askFieldText.pasted.refused('Contact email', emailRefusal.ok ? '' : emailRefusal.error.message));
    // Two numbers: one account? Then, before the billing number, whether the port moves the whole account.
    expect(texts.at(-1)).toBe(portScopeText.sameAccount.question(2));
    expect(await harness.say(buttonLabels.yes)).toEqual([portScopeText.wholeAccount.question('AT&T')]);
    expect((await harness.say(buttonLabels.yes)).at(-1)).toContain('billing telephone number');

    await answerFields(harness, ['billingNumber']);
    const end = await answerFields(harness, ['contactEmail']);
    expect(cardIn(end.at(-1) ?? {})).toBeDefined();
    expect((await harness.session())?.draft).toEqual(collectedAttDraft());
  });

  it('takes a CSR pasted as the very first message, before any question', async () => {
    const harness = new ConversationHarness();
    const opening = await harness.say(PASTED_CSR);
    expect(opening[0]).toBe(mainText.greeting(NEW_CARRIER.name));
    expect(opening[1]).toContain(askFieldText.pasted.intro);
    expect(opening.at(-1)).toBe(tipsText.keepService.question);
    const next = await harness.say(buttonLabels.yes);
    expect(next).toContain(collectCsrText.resumed(6, 8, 'Billing telephone number'));
    expect(next.at(-1)).toBe(portScopeText.sameAccount.question(2));
    expect(await harness.say(buttonLabels.yes)).toEqual([portScopeText.wholeAccount.question('AT&T')]);
    expect((await harness.say(buttonLabels.yes)).at(-1)).toContain('billing telephone number');
  });

  it('takes a CSR pasted while the menu is on screen, as Web Chat shows it first', async () => {
    const harness = new ConversationHarness();
    await harness.join();
    const pasted = await harness.say(PASTED_CSR);
    expect(pasted[0]).toContain(askFieldText.pasted.intro);
    expect(pasted.at(-1)).toBe(tipsText.keepService.question);
    await harness.say(buttonLabels.yes);
    expect((await harness.session())?.draft.accountNumber).toBe(CANARY_ACCOUNT_NUMBER);
  });

  it('never asks twice for what the customer already gave', async () => {
    const harness = new ConversationHarness();
    await reachCollection(harness);
    await answerFields(harness, ['numbers', 'carrier', 'accountNumber']);
    const pasted = await harness.say(`Name: Maria Lopez\nAccount number: 999888777\nPIN: ${CANARY_PIN}`);
    // The account number was answered already and is kept; the PIN and the holder are new.
    expect(pasted[0]).not.toContain('account number');
    expect(pasted.at(-1)).toContain('service address');
    expect((await harness.session())?.draft.accountNumber).toBe(CANARY_ACCOUNT_NUMBER);
  });

  it('switches to the one-card form when asked, keeping what was given', async () => {
    const harness = new ConversationHarness();
    await reachCollection(harness);
    await answerFields(harness, ['numbers', 'carrier']);
    const form = await harness.turn(buttonLabels.form);
    expect(cardIn(form.replies.at(-1) ?? {})).toBeDefined();
    expect((await harness.session())?.draft.carrier?.name).toBe('AT&T');
  });
});
