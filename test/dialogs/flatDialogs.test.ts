/**
 * The conversation runs on one dialog stack: only the root (MainDialog) is a component, the other dialogs are
 * waterfalls in its one DialogSet (see dialogs/flowDialog.ts). What that saves on every turn, what is stored, and what
 * becomes of a stack stored while the dialogs nested.
 */
import { ConversationState, MemoryStorage } from 'botbuilder';
import { type DialogInstance, DialogSet, DialogStateManager, TurnPath, WaterfallStepContext } from 'botbuilder-dialogs';
import { CardActions } from '../../dialogs/cardActions';
import type { ConversationDeps } from '../../dialogs/conversationDeps';
import { DialogIds } from '../../dialogs/dialogIds';
import { assertOneInstancePerId } from '../../dialogs/flowDialog';
import { MainDialog } from '../../dialogs/mainDialog';
import { PortDialog } from '../../dialogs/portDialog';
import { SharedDialogs } from '../../dialogs/sharedDialogs';
import { TipsDialog } from '../../dialogs/tipsDialog';
import { buttonLabels } from '../../dialogs/text/buttonLabels';
import { collectCsrText } from '../../dialogs/text/collectCsrText';
import { interruptionText } from '../../dialogs/text/interruptionText';
import { mainText } from '../../dialogs/text/mainText';
import { reviewText } from '../../dialogs/text/reviewText';
import { CSR_FIELDS } from '../../src/domain';
import { lastCard, submitOf } from './cardHarness';
import { ConversationHarness, answerFields, reachCollection, textsOf } from './conversationHarness';
import { ATT_ANSWERS } from '../support/drafts';

const CONVERSATION_KEY = 'test/conversations/conversation-1/';

type StoredConversation = { dialogState?: { dialogStack: DialogInstance[] } } & Record<string, unknown>;

async function storedConversation(harness: ConversationHarness): Promise<StoredConversation> {
  return (await harness.storage.read([CONVERSATION_KEY]))[CONVERSATION_KEY] as StoredConversation;
}

/** The stack inside the root's entry: the conversation's one stack. */
function rootStack(conversation: StoredConversation): DialogInstance[] {
  const [root] = conversation.dialogState?.dialogStack ?? [];
  expect(root.id).toBe(DialogIds.main);
  return (root.state as { dialogs: { dialogStack: DialogInstance[] } }).dialogs.dialogStack;
}

/** Reaches the question for the holder's name, with everything before it answered. */
async function askedForHolderName(): Promise<ConversationHarness> {
  const harness = new ConversationHarness();
  await reachCollection(harness);
  await answerFields(harness, ['numbers', 'carrier', 'accountNumber', 'pin']);
  return harness;
}

describe('one dialog stack', () => {
  it('stores an ordinary answer\'s stack flat: the waterfalls and the prompt on the root\'s stack, no stack inside them', async () => {
    const harness = await askedForHolderName();
    await harness.say(ATT_ANSWERS.holderName);

    const stack = rootStack(await storedConversation(harness));
    expect(stack.map((entry) => entry.id)).toEqual(['main.waterfall', DialogIds.port, 'port.collect', DialogIds.collectCsr, DialogIds.askField, 'askField.answer']);
    expect(stack.filter((entry) => 'dialogs' in (entry.state as object))).toEqual([]);
  });

  /**
   * Each DialogContext builds a DialogStateManager, whose constructor sets `turn.activity` once: counted there. The
   * nested dialogs built one for every level, twice a turn (the SDK walks to the leaf before continuing): 18 for this
   * answer, 10 of them outside waterfall steps. Now the set's and the root's (twice) are left, with one per waterfall
   * step run (the WaterfallStepContext each step is given): the answer's steps, the collection's loop and the next
   * question's.
   */
  it('builds a few DialogContexts for an ordinary answer, whatever the depth of the dialog that asked', async () => {
    const harness = await askedForHolderName();
    const setValue = jest.spyOn(DialogStateManager.prototype, 'setValue');
    try {
      await harness.say(ATT_ANSWERS.holderName);
      const built = setValue.mock.calls
        .map(([path], call) => ({ path, manager: setValue.mock.contexts[call] as DialogStateManager }))
        .filter(({ path }) => path === TurnPath.activity)
        .map(({ manager }) => (manager as unknown as { dialogContext: object }).dialogContext);
      const outsideSteps = built.filter((dc) => !(dc instanceof WaterfallStepContext));
      expect(outsideSteps).toHaveLength(3);
      expect(built.length).toBeLessThanOrEqual(11);
    } finally {
      setValue.mockRestore();
    }
  });

  it('registers every dialog of the conversation once, in the root\'s set', () => {
    const deps = { portStatus: { find: jest.fn(), lockedUntil: jest.fn() } } as unknown as ConversationDeps;
    const main = new MainDialog(deps, new CardActions(new ConversationState(new MemoryStorage())));
    for (const id of Object.values(DialogIds).filter((id) => id !== DialogIds.main)) expect(main.dialogs.find(id)?.id).toBe(id);
    expect(main.dialogs.find(`${DialogIds.askField}2`)).toBeUndefined();
  });

  it('refuses a second instance under an id the set has: DialogSet would rename it, and it would never run', () => {
    const deps = {} as ConversationDeps;
    const cards = new CardActions(new ConversationState(new MemoryStorage()));
    const set = new DialogSet();
    set.add(new TipsDialog(deps));
    expect(() => assertOneInstancePerId(set, new PortDialog(deps, cards, new SharedDialogs(deps, cards)))).toThrow(
      `Two dialogs have the id "${DialogIds.tips}"`,
    );
  });

  it('shows the same card again when the customer keeps it after an interruption asked over it', async () => {
    const harness = new ConversationHarness();
    await reachCollection(harness);
    const review = await answerFields(harness, CSR_FIELDS);
    const confirmOnTheCard = submitOf(lastCard(review), reviewText.card.confirm);

    await harness.say('cancel');
    const kept = await harness.turn(buttonLabels.no);
    expect(textsOf(kept.replies)[0]).toBe(interruptionText.carryOn);
    expect(submitOf(lastCard(kept.replies), reviewText.card.confirm)).toEqual(confirmOnTheCard);
    // The card from before the interruption is still the one on screen: pressing it goes on to signing.
    expect(textsOf((await harness.turn(confirmOnTheCard)).replies).at(-1)).toMatch(/Wireless Account Lock turned off/);
  });
});

/**
 * The root's stack as the release before flat dialogs saved it (taken from that release), the account number's
 * question on screen: the port, the collection and the question each a component with a stack of its own.
 */
const NESTED_ROOT_STACK: DialogInstance[] = [
  {
    id: 'main.waterfall',
    state: { options: { greet: true }, values: { instanceId: 'main-1', stepHelp: 'menu help' }, stepIndex: 1 },
  },
  {
    id: 'portDialog',
    state: {
      dialogs: {
        dialogStack: [
          { id: 'port.waterfall', state: { options: {}, values: { instanceId: 'port-1' }, stepIndex: 2 } },
          { id: 'port.collect', state: { options: { method: 'steps' }, values: { instanceId: 'collect-1' }, stepIndex: 0 } },
          {
            id: 'collectCsrDialog',
            state: {
              dialogs: {
                dialogStack: [
                  { id: 'collectCsr.waterfall', state: { options: { continuing: true }, values: { instanceId: 'csr-1' }, stepIndex: 1 } },
                  {
                    id: 'askFieldDialog',
                    state: {
                      dialogs: {
                        dialogStack: [
                          {
                            id: 'askField.waterfall',
                            state: {
                              options: { field: 'accountNumber', mode: 'collect', offerForm: false },
                              values: { instanceId: 'ask-1', stepHelp: 'account number help' },
                              stepIndex: 1,
                            },
                          },
                          {
                            id: 'askField.answer',
                            state: {
                              options: {
                                prompt: { type: 'message', text: 'What is your account number with AT&T?' },
                                validations: { field: 'accountNumber', mode: 'collect', question: 'What is your account number with AT&T?' },
                              },
                              state: {},
                            },
                          },
                        ],
                      },
                    },
                    version: '1588573640',
                  },
                ],
              },
            },
            version: '-387667011',
          },
        ],
      },
    },
    version: '-1479914191',
  },
];

describe('a dialog stack saved while the dialogs nested', () => {
  /** A customer at the account number's question, their conversation's stack as the earlier release saved it. */
  async function deployedMidQuestion(): Promise<ConversationHarness> {
    const harness = new ConversationHarness();
    await reachCollection(harness);
    await answerFields(harness, ['numbers', 'carrier']);
    const conversation = await storedConversation(harness);
    const [root] = conversation.dialogState?.dialogStack ?? [];
    const nested = { ...root, state: { dialogs: { dialogStack: NESTED_ROOT_STACK } }, version: '1762007093' };
    await harness.storage.write({ [CONVERSATION_KEY]: { ...conversation, dialogState: { dialogStack: [nested] }, eTag: '*' } });
    return harness;
  }

  it('is dropped when the next turn begins: the customer is offered to continue their draft, and nothing is lost', async () => {
    const harness = await deployedMidQuestion();
    const draft = (await harness.session())?.draft;

    expect(await harness.say(ATT_ANSWERS.accountNumber)).toEqual([`${mainText.resume.offer(2, 8, 'Account number')}\n\n${mainText.resume.question}`]);
    expect((await harness.session())?.draft).toEqual(draft);
    expect(rootStack(await storedConversation(harness)).map((entry) => entry.id)).toEqual(['main.waterfall', 'main.resume']);

    expect(await harness.say(buttonLabels.resume)).toEqual([
      collectCsrText.resumed(2, 8, 'Account number'),
      expect.stringContaining('What is your account number with AT&T?'),
    ]);
    await harness.say(ATT_ANSWERS.accountNumber);
    expect((await harness.session())?.draft.accountNumber).toBeDefined();
  });
});
