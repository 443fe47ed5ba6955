import { cardActionText } from '../../dialogs/cardActions';
import { askFieldText } from '../../dialogs/text/askFieldText';
import { buttonLabels } from '../../dialogs/text/buttonLabels';
import { collectCsrText } from '../../dialogs/text/collectCsrText';
import { formText } from '../../dialogs/text/formText';
import { interruptionText } from '../../dialogs/text/interruptionText';
import { mainText } from '../../dialogs/text/mainText';
import { promptText } from '../../dialogs/text/promptText';
import { reviewText } from '../../dialogs/text/reviewText';
import { signText } from '../../dialogs/text/signText';
import { tipsText } from '../../dialogs/text/tipsText';
import { SIGNATURE_INPUT_ID } from '../../src/cards/signCards';
import { CSR_FIELDS } from '../../src/domain';
import { cardIn, lastCard, submitOf } from './cardHarness';
import { ConversationHarness, SUPPORT, answerFields, buttonsOf, confirmReview, reachCollection, textsOf } from './conversationHarness';
import { ATT_ANSWERS, collectedAttDraft, draftFrom } from '../support/drafts';
import { NEW_CARRIER } from '../support/newCarrier';

const CONVERSATION_KEY = 'test/conversations/conversation-1/';
const withAnytime = (help: string) => `${help}\n\n${interruptionText.anytime}`;

describe('interruptions', () => {
  describe('help', () => {
    it('explains the menu, the keep-your-service question and each detail, then asks the same question again', async () => {
      const harness = new ConversationHarness();
      const menu = await harness.join();
      expect(await harness.say('help')).toEqual([withAnytime(mainText.menu.help), menu.at(-1)]);

      await harness.say(buttonLabels.startPort);
      expect(await harness.say('?')).toEqual([withAnytime(tipsText.keepService.help), tipsText.keepService.question]);
      await harness.say(buttonLabels.yes);

      expect(await harness.say('help')).toEqual([withAnytime(askFieldText.help.numbers()), askFieldText.question.numbers()]);
      await answerFields(harness, ['numbers']);
      const carrierHelp = await harness.say('What does this mean?');
      expect(carrierHelp).toEqual([withAnytime(askFieldText.help.carrier()), askFieldText.question.carrier()]);

      await harness.say('tmobil');
      expect(await harness.say('help')).toEqual([withAnytime(askFieldText.carrier.confirmHelp), 'Did you mean T-Mobile?']);
      // The position is kept: the answer after help is taken as the answer to the question.
      await harness.say(buttonLabels.yes);
      expect((await harness.session())?.draft.carrier?.name).toBe('T-Mobile');
    });

    it('explains a card step from its own card dialog, such as the review card, then shows the card again', async () => {
      const harness = new ConversationHarness();
      await reachCollection(harness);
      await answerFields(harness, CSR_FIELDS);
      const help = await harness.turn('help');
      expect(help.replies[0].text).toBe(withAnytime(reviewText.help));
      expect(cardIn(help.replies.at(-1) ?? {})).toBeDefined();
    });
  });

  describe('cancel', () => {
    it('confirms first, keeps the draft, and goes back to the menu', async () => {
      const harness = new ConversationHarness();
      await reachCollection(harness);
      await answerFields(harness, ['numbers', 'carrier']);
      const confirm = await harness.turn('cancel');
      expect(confirm.replies.map((reply) => reply.text)).toEqual([interruptionText.confirm.cancel]);
      expect(buttonsOf(confirm.replies)).toEqual([buttonLabels.yes, buttonLabels.no]);

      const carryOn = await harness.say(buttonLabels.no);
      expect(carryOn[0]).toBe(interruptionText.carryOn);
      expect(carryOn[1]).toContain('What is your account number with AT&T?');

      await harness.say('stop');
      expect(await harness.say(buttonLabels.yes)).toEqual([interruptionText.done.cancel, mainText.menu.again]);
      expect((await harness.session())?.draft).toEqual({ ...draftFrom({ numbers: ATT_ANSWERS.numbers, carrier: ATT_ANSWERS.carrier }), sameAccount: true });
      expect(await harness.say(buttonLabels.status)).toEqual([interruptionText.status.draft(2, 8, 'Account number'), mainText.menu.again]);
    });

    it('stops at once when there is nothing to lose', async () => {
      const harness = new ConversationHarness();
      await reachCollection(harness);
      expect(await harness.say('cancel')).toEqual([interruptionText.stopped, mainText.menu.again]);
    });

    it('deletes the details when asked to, and the conversation with them: the next message is a new customer\'s', async () => {
      const harness = new ConversationHarness();
      await reachCollection(harness);
      await answerFields(harness, ['numbers', 'carrier', 'accountNumber']);
      expect(await harness.say('cancel and delete my details')).toEqual([interruptionText.confirm.cancelAndDelete]);
      const nothingSubmitted = { withdrawn: [], sent: [] };
      expect(await harness.say(buttonLabels.yes)).toEqual([interruptionText.deleted(nothingSubmitted, SUPPORT), mainText.menu.again]);
      expect(await harness.session()).toBeUndefined();
      expect(await harness.storage.read([CONVERSATION_KEY])).toEqual({});
      expect((await harness.say(buttonLabels.startPort))[0]).toBe(mainText.greeting(NEW_CARRIER.name));
    });

    it('keeps everything on "no"', async () => {
      const harness = new ConversationHarness();
      await reachCollection(harness);
      await answerFields(harness, ['numbers', 'carrier']);
      await harness.say('delete my data');
      expect((await harness.say(buttonLabels.no))[0]).toBe(interruptionText.carryOn);
      expect((await harness.session())?.draft).toEqual({ ...draftFrom({ numbers: ATT_ANSWERS.numbers, carrier: ATT_ANSWERS.carrier }), sameAccount: true });
    });

    it('asks first when only a submitted request is left to delete', async () => {
      const harness = new ConversationHarness();
      await reachCollection(harness);
      const review = await answerFields(harness, CSR_FIELDS);
      const letter = await confirmReview(harness, review);
      await harness.turn(submitOf(lastCard(letter.replies), signText.loaCard.sign, { [SIGNATURE_INPUT_ID]: 'Maria Lopez' }));
      const { referenceNumber } = harness.submitter.submissions[0].loa;
      // A new port begins with an empty draft; the request just sent is still the customer's.
      await harness.say(buttonLabels.startPort);
      expect((await harness.session())?.draft).toEqual({});
      expect((await harness.session())?.submittedReferences).toEqual([referenceNumber]);

      expect(await harness.say('delete my data')).toEqual([interruptionText.confirm.cancelAndDelete]);
      await harness.say(buttonLabels.yes);
      expect(await harness.session()).toBeUndefined();
    });

    it('takes "cancel" at a yes/no question as an unclear answer, and "no" as an answer', async () => {
      const harness = new ConversationHarness();
      await reachCollection(harness);
      await answerFields(harness, ['numbers']);
      await harness.say('tmobil');
      expect(await harness.say('cancel')).toEqual([promptText.notUnderstood, 'Did you mean T-Mobile?']);
      expect(await harness.say('no')).toEqual([askFieldText.carrier.retype, askFieldText.question.carrier()]);
    });
  });

  describe('start over', () => {
    it('confirms, clears the draft and begins the port again, from a question', async () => {
      const harness = new ConversationHarness();
      await reachCollection(harness);
      await answerFields(harness, ['numbers', 'carrier', 'accountNumber', 'pin']);
      expect(await harness.say('start over')).toEqual([interruptionText.confirm.startOver]);
      expect(await harness.say(buttonLabels.yes)).toEqual([
        interruptionText.done.startOver,
        collectCsrText.intro,
        askFieldText.question.numbers(),
      ]);
      const session = await harness.session();
      expect(session?.draft).toEqual({});
      expect(session?.tipsSeen).toContain('keepService');
    });

    it('works from the review card too', async () => {
      const harness = new ConversationHarness();
      await reachCollection(harness);
      await answerFields(harness, CSR_FIELDS);
      expect((await harness.session())?.draft).toEqual(collectedAttDraft());
      await harness.say('start over');
      await harness.say(buttonLabels.yes);
      expect((await harness.session())?.draft).toEqual({});
    });

    it('keeps everything when the customer says no', async () => {
      const harness = new ConversationHarness();
      await reachCollection(harness);
      await answerFields(harness, ['numbers']);
      await harness.say('restart');
      expect(await harness.say(buttonLabels.no)).toEqual([interruptionText.carryOn, askFieldText.question.carrier()]);
      expect((await harness.session())?.draft.numbers).toBeDefined();
    });
  });

  describe('card submits no card is waiting for', () => {
    it('answers the form clicked again after switching to step by step with a note and the question, never as an answer', async () => {
      const harness = new ConversationHarness();
      await harness.join();
      await harness.say('show me the form');
      const form = lastCard((await harness.turn(buttonLabels.yes)).replies);
      expect(await harness.say('step by step')).toEqual([formText.switchingToSteps, collectCsrText.intro, askFieldText.question.numbers()]);

      const click = await harness.turn(submitOf(form, formText.card.submit, { numbers: ATT_ANSWERS.numbers }));

      expect(textsOf(click.replies)).toEqual([cardActionText.alreadyHandled, askFieldText.question.numbers()]);
      expect(buttonsOf(click.replies)).toEqual([buttonLabels.form]);
      const session = await harness.session();
      expect(session?.draft).toEqual({});
      expect(session?.refusals).toEqual({});
    });

    it('answers a card from an earlier step at a yes/no question gently, and asks the question again', async () => {
      const harness = new ConversationHarness();
      await harness.join();
      await harness.say(buttonLabels.startPort);

      const click = await harness.turn({ type: 'message', value: { action: 'review.confirm', cardId: 'an-earlier-card' } });

      expect(textsOf(click.replies)).toEqual([cardActionText.fromEarlierStep, tipsText.keepService.question]);
      expect(buttonsOf(click.replies)).toEqual([buttonLabels.yes, buttonLabels.no]);
      expect(await harness.say(buttonLabels.yes)).toContain(askFieldText.question.numbers());
    });
  });

  it('tells the status and how to reach an agent at any step, then asks the same question again', async () => {
    const harness = new ConversationHarness();
    await reachCollection(harness);
    await answerFields(harness, ['numbers']);
    // Until the carrier is known, no PIN is counted: AT&T's rules add it.
    expect(await harness.say("where's my port?")).toEqual([interruptionText.status.draft(1, 7, 'Current carrier'), askFieldText.question.carrier()]);
    expect(await harness.say('I want to talk to a person')).toEqual([interruptionText.agent(SUPPORT), askFieldText.question.carrier()]);
    expect(interruptionText.agent(SUPPORT)).toContain('call 1-800-555-0100 or email porting@example.com');
  });
});
