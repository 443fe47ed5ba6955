import { CardFactory, MemoryStorage } from 'botbuilder';
import { cardActionText } from '../../dialogs/cardActions';
import { askFieldText } from '../../dialogs/text/askFieldText';
import { buttonLabels } from '../../dialogs/text/buttonLabels';
import { collectCsrText } from '../../dialogs/text/collectCsrText';
import { interruptionText } from '../../dialogs/text/interruptionText';
import { mainText } from '../../dialogs/text/mainText';
import { promptText } from '../../dialogs/text/promptText';
import { reviewText } from '../../dialogs/text/reviewText';
import { signText } from '../../dialogs/text/signText';
import { tipsText } from '../../dialogs/text/tipsText';
import { SIGNATURE_INPUT_ID } from '../../src/cards/signCards';
import { CSR_FIELDS } from '../../src/domain';
import { NOW, cardIn, lastCard, submitOf } from './cardHarness';
import {
  BOT_JOINS,
  CUSTOMER_JOINS,
  ConversationHarness,
  SUPPORT, TTL_DAYS,
  answerFields,
  buttonsOf,
  confirmReview,
  reachCollection,
  textsOf,
} from './conversationHarness';
import { click } from '../support/clicks';
import { NEW_CARRIER } from '../support/newCarrier';

// The menu offers the other language last: Spanish, as these customers read English.
const MENU_BUTTONS = [buttonLabels.startPort, buttonLabels.tips, buttonLabels.status, buttonLabels.agent, buttonLabels.spanish];
const DAY_MS = 24 * 60 * 60 * 1000;

describe('MainDialog', () => {
  describe('welcome', () => {
    it('greets a customer who joins once, with the menu as buttons', async () => {
      const harness = new ConversationHarness();
      const welcome = await harness.turn(CUSTOMER_JOINS);
      const texts = textsOf(welcome.replies);
      expect(texts[0]).toBe(mainText.greeting(NEW_CARRIER.name));
      expect(texts[1]).toContain(mainText.menu.intro);
      expect(texts[1]).toContain(`**${buttonLabels.tips}**: ${mainText.menu.descriptions.tips}`);
      expect(buttonsOf(welcome.replies)).toEqual(MENU_BUTTONS);
      // Web Chat also sends its join event: the customer is not greeted twice.
      expect(await harness.webChatJoin()).toEqual([]);
    });

    it('names the carrier the customer moves to, as configured, in the greeting', async () => {
      const [greeting] = textsOf((await new ConversationHarness().turn(CUSTOMER_JOINS)).replies);

      expect(greeting).toBe("Hi, I'm the Porting Assistant. I'll help you bring your phone number over to us at Northwind & Co. Mobile, one step at a time.");
    });

    it('greets on the Web Chat join event', async () => {
      const harness = new ConversationHarness();
      expect((await harness.webChatJoin())[0]).toBe(mainText.greeting(NEW_CARRIER.name));
      expect(await harness.join()).toEqual([]);
    });

    it('does not greet the bot joining', async () => {
      const harness = new ConversationHarness();
      expect(await harness.say(BOT_JOINS)).toEqual([]);
    });

    it('greets a first message and acts on it at once', async () => {
      const harness = new ConversationHarness();
      const replies = await harness.say('I want to switch my number to you');
      expect(replies).toEqual([mainText.greeting(NEW_CARRIER.name), `${tipsText.portIntro}\n\n${tipsText.keepService.tip}`, tipsText.keepService.question]);
    });

    it('greets a first message it does not understand with the menu', async () => {
      const harness = new ConversationHarness();
      const replies = await harness.turn('hello there');
      expect(textsOf(replies.replies)[0]).toBe(mainText.greeting(NEW_CARRIER.name));
      expect(buttonsOf(replies.replies)).toEqual(MENU_BUTTONS);
    });
  });

  describe('menu', () => {
    it.each([
      ['transfer my number', `${tipsText.portIntro}\n\n${tipsText.keepService.tip}`],
      ['port', `${tipsText.portIntro}\n\n${tipsText.keepService.tip}`],
      ['2', `${tipsText.menuIntro}\n\n${tipsText.keepService.tip}`],
      ['tips', `${tipsText.menuIntro}\n\n${tipsText.keepService.tip}`],
      ['status', interruptionText.status.none],
      ['human', interruptionText.agent(SUPPORT)],
      ['representative', interruptionText.agent(SUPPORT)],
      ['agent', interruptionText.agent(SUPPORT)],
    ])('takes %p to the same place as its button', async (typed, expected) => {
      const harness = new ConversationHarness();
      await harness.join();
      expect((await harness.say(typed))[0]).toBe(expected);
    });

    it('comes back after status and agent, without the long introduction', async () => {
      const harness = new ConversationHarness();
      await harness.join();
      const replies = await harness.turn(buttonLabels.agent);
      expect(textsOf(replies.replies)).toEqual([interruptionText.agent(SUPPORT), mainText.menu.again]);
      expect(buttonsOf(replies.replies)).toEqual(MENU_BUTTONS);
    });

    it('answers a button from an earlier question gently, and anything else with the menu again', async () => {
      const harness = new ConversationHarness();
      const menu = await harness.join();
      expect(await harness.say(click('yes'))).toEqual([promptText.staleButton, menu.at(-1)]);
      expect(await harness.say('purple')).toEqual([promptText.notUnderstood, menu.at(-1)]);
      // Typed, the same word is an answer to the menu, one that doesn't fit it.
      expect(await harness.say(buttonLabels.yes)).toEqual([promptText.notUnderstood, menu.at(-1)]);
    });

    it('takes a double-clicked "Start my port" once', async () => {
      const harness = new ConversationHarness();
      await harness.join();
      await harness.say(click('startPort'));
      expect(await harness.say(click('startPort'))).toEqual([promptText.staleButton, tipsText.keepService.question]);
    });

    it('answers a card whose step has ended with a note and the menu: "Sign" again sends nothing more', async () => {
      const harness = new ConversationHarness();
      await reachCollection(harness);
      const review = await answerFields(harness, CSR_FIELDS);
      const letter = await confirmReview(harness, review);
      const send = submitOf(lastCard(letter.replies), signText.loaCard.sign, { [SIGNATURE_INPUT_ID]: 'Maria Lopez' });
      expect(textsOf((await harness.turn(send)).replies).at(-1)).toBe(mainText.menu.again);

      for (const click of [send, submitOf(lastCard(review), reviewText.card.confirm)]) {
        const again = await harness.turn(click);
        expect(textsOf(again.replies)).toEqual([cardActionText.alreadyHandled, mainText.menu.again]);
        expect(buttonsOf(again.replies)).toEqual(MENU_BUTTONS);
      }
      const abandoned = await harness.turn({ type: 'message', value: { action: 'csrForm.submit', cardId: 'an-abandoned-card' } });
      expect(textsOf(abandoned.replies)).toEqual([cardActionText.fromEarlierStep, mainText.menu.again]);
      expect(harness.submitter.submissions).toHaveLength(1);
    });

    it('goes to the form in Teams, and shows choices on a hero card there', async () => {
      const harness = new ConversationHarness({ channelId: 'msteams' });
      const welcome = await harness.turn(CUSTOMER_JOINS);
      const menu = welcome.replies.at(-1);
      expect(menu?.attachments?.[0].contentType).toBe(CardFactory.contentTypes.heroCard);
      expect(JSON.stringify(menu?.attachments)).toContain(buttonLabels.startPort);

      await harness.say(buttonLabels.startPort);
      const form = await harness.turn(buttonLabels.yes);
      expect(cardIn(form.replies.at(-1) ?? {})).toBeDefined();
    });

    it('goes to the form elsewhere when asked', async () => {
      const harness = new ConversationHarness();
      await harness.join();
      await harness.say('show me the form');
      const form = await harness.turn(buttonLabels.yes);
      expect(cardIn(form.replies.at(-1) ?? {})).toBeDefined();
    });
  });

  describe('resume', () => {
    async function leaveAfterTwoAnswers(storage: MemoryStorage): Promise<void> {
      const first = new ConversationHarness({ storage, conversationId: 'yesterday' });
      await reachCollection(first);
      await answerFields(first, ['numbers', 'carrier']);
    }

    it('offers a returning customer to continue where they stopped, after a restart', async () => {
      const storage = new MemoryStorage();
      await leaveAfterTwoAnswers(storage);

      const later = new ConversationHarness({ storage, conversationId: 'today', now: () => new Date(NOW.getTime() + 3 * DAY_MS) });
      const welcome = await later.turn(CUSTOMER_JOINS);
      expect(textsOf(welcome.replies)).toEqual([
        mainText.greeting(NEW_CARRIER.name),
        `${mainText.resume.offer(2, 8, 'Account number')}\n\n${mainText.resume.question}`,
      ]);
      expect(buttonsOf(welcome.replies)).toEqual([buttonLabels.resume, buttonLabels.startOver]);

      const resumed = await later.say(buttonLabels.resume);
      expect(resumed).toEqual([collectCsrText.resumed(2, 8, 'Account number'), expect.stringContaining('What is your account number with AT&T?')]);
    });

    it('starts over from the offer, clearing the draft', async () => {
      const storage = new MemoryStorage();
      await leaveAfterTwoAnswers(storage);
      const later = new ConversationHarness({ storage, conversationId: 'today' });
      await later.join();
      expect(await later.say(buttonLabels.startOver)).toEqual([
        interruptionText.done.startOver,
        collectCsrText.intro,
        askFieldText.question.numbers(),
      ]);
      expect((await later.session())?.draft).toEqual({});
    });

    it('takes "delete my data" as a new customer\'s first words: nothing to lose, so done at once', async () => {
      const harness = new ConversationHarness();
      expect(await harness.say('delete my data')).toEqual([
        mainText.greeting(NEW_CARRIER.name),
        interruptionText.deleted({ withdrawn: [], sent: [] }, SUPPORT),
        mainText.menu.again,
      ]);
    });

    it('takes "delete my data" as a returning customer\'s first words: confirmed, then everything goes', async () => {
      const storage = new MemoryStorage();
      await leaveAfterTwoAnswers(storage);
      const later = new ConversationHarness({ storage, conversationId: 'today' });
      expect(await later.say('please delete my data')).toEqual([mainText.greeting(NEW_CARRIER.name), interruptionText.confirm.cancelAndDelete]);
      expect((await later.say(buttonLabels.yes))[0]).toBe(interruptionText.deleted({ withdrawn: [], sent: [] }, SUPPORT));
      expect(await later.session()).toBeUndefined();
    });

    it('offers to continue when a returning customer asks to start a port', async () => {
      const storage = new MemoryStorage();
      await leaveAfterTwoAnswers(storage);
      const later = new ConversationHarness({ storage, conversationId: 'today' });
      const replies = await later.say('I want to port my number');
      expect(replies[1]).toContain(mainText.resume.question);
    });

    it('forgets drafts older than the state TTL', async () => {
      const storage = new MemoryStorage();
      await leaveAfterTwoAnswers(storage);
      const muchLater = new ConversationHarness({
        storage,
        conversationId: 'next month',
        now: () => new Date(NOW.getTime() + (TTL_DAYS + 1) * DAY_MS),
      });
      const welcome = await muchLater.turn(CUSTOMER_JOINS);
      expect(buttonsOf(welcome.replies)).toEqual(MENU_BUTTONS);
      expect(await muchLater.session()).toBeUndefined();
    });
  });
});
