import { buttonLabels } from '../../dialogs/text/buttonLabels';
import { askFieldText } from '../../dialogs/text/askFieldText';
import { portScopeText } from '../../dialogs/text/portScopeText';
import { ConversationHarness, answerFields, buttonsOf, reachCollection } from './conversationHarness';
import { ATT_ANSWERS } from '../support/drafts';

const THREE = '415-555-0123, 415-555-0124, 415-555-0125';
const LISTED = ['(415) 555-0123', '(415) 555-0124', '(415) 555-0125'];

describe('the questions about the accounts behind the numbers', () => {
  it('asks once whether several numbers are on one account, with yes and no, and takes the answer', async () => {
    const harness = new ConversationHarness();
    await reachCollection(harness);

    const asked = await harness.turn(ATT_ANSWERS.numbers);
    expect(buttonsOf(asked.replies)).toEqual([buttonLabels.yes, buttonLabels.no]);
    expect(await harness.say(buttonLabels.yes)).toEqual([askFieldText.question.carrier()]);
    expect((await harness.session())?.draft.sameAccount).toBe(true);
  });

  it('on "no", takes the numbers of one account (refusing one not given), keeps the others for later, and gives the port a reference', async () => {
    const harness = new ConversationHarness();
    await reachCollection(harness);
    await harness.say(THREE);

    expect(await harness.say(buttonLabels.no)).toEqual([portScopeText.firstAccount.question(LISTED)]);
    expect(await harness.say('415-555-0199')).toEqual([
      portScopeText.firstAccount.notGiven('(415) 555-0199', LISTED),
      portScopeText.firstAccount.question(LISTED),
    ]);
    const split = await harness.say('(415) 555-0125');

    const session = await harness.session();
    const parent = session?.linkedPort?.parentReference ?? '';
    expect(split).toEqual([portScopeText.firstAccount.split(['(415) 555-0125'], LISTED.slice(0, 2), parent), askFieldText.question.carrier()]);
    expect(session?.draft.numbers?.numbers).toEqual(['+14155550125']);
    expect(session?.linkedPort).toEqual({ parentReference: parent, children: [], later: { country: 'US', numbers: ['+14155550123', '+14155550124'] } });
  });

  it('naming every number means one account after all', async () => {
    const harness = new ConversationHarness();
    await reachCollection(harness);
    await harness.say(THREE);
    await harness.say(buttonLabels.no);

    expect(await harness.say(THREE)).toEqual([portScopeText.firstAccount.allOfThem, askFieldText.question.carrier()]);
    expect((await harness.session())?.linkedPort).toBeUndefined();
  });

  it('in a partial port that moves the billing number, asks for the new one of the lines that stay, refusing one that moves', async () => {
    const harness = new ConversationHarness();
    await reachCollection(harness);
    await answerFields(harness, ['numbers', 'carrier', 'accountNumber', 'pin', 'holderName']);
    expect((await harness.say(ATT_ANSWERS.serviceAddress)).at(-1)).toBe(portScopeText.wholeAccount.question('AT&T'));
    await harness.say(buttonLabels.no);
    const remaining = await harness.say(ATT_ANSWERS.billingNumber);
    const question = portScopeText.remainingBillingNumber.question('(415) 555-0123', 'AT&T');
    expect(remaining.at(-1)).toBe(question);

    expect(await harness.say('(415) 555-0124')).toEqual([portScopeText.remainingBillingNumber.moving('(415) 555-0124'), question]);
    const saved = await harness.say('(415) 555-0130');
    expect(saved[0]).toBe(portScopeText.remainingBillingNumber.saved('(415) 555-0130'));
    expect((await harness.session())?.draft).toEqual(expect.objectContaining({ wholeAccount: false, remainingBillingNumber: '+14155550130' }));
  });
});
