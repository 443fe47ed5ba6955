/**
 * A whole port through the real server: POST /api/messages with deliveryMode 'expectReplies', as the terminal client
 * and the Emulator talk to the bot, with the conversation from createConversation behind the real PortingBot and turn pipeline.
 */
import type { Activity } from 'botbuilder';
import { createConversation } from '../../dialogs/conversation';
import { buttonLabels } from '../../dialogs/text/buttonLabels';
import { mainText } from '../../dialogs/text/mainText';
import { portText } from '../../dialogs/text/portText';
import { reviewText } from '../../dialogs/text/reviewText';
import { signText } from '../../dialogs/text/signText';
import { SIGNATURE_INPUT_ID } from '../../src/cards/signCards';
import { CSR_FIELDS, DEFAULT_NUMBERS_POLICY } from '../../src/domain';
import { customerForgetter } from '../../src/privacy/forgetCustomer';
import { OutboxStore } from '../../src/submission/outbox/outboxStore';
import { activity, message } from '../support/activities';
import { captureLogs } from '../support/captureLogs';
import { pipelinedBot, testTurnPipeline } from '../support/turnPipeline';
import { type TestApp, startTestApp } from '../support/testApp';
import { memoryStorage } from '../support/testStorage';
import { NOW, RecordingSubmitter, lastCard, submitOf } from './cardHarness';
import { SUPPORT, TTL_DAYS, asksAboutTheAccount, textsOf } from './conversationHarness';
import { NEW_CARRIER } from '../support/newCarrier';
import { ATT_ANSWERS, CANARY_ACCOUNT_NUMBER, CANARY_PIN } from '../support/drafts';

describe('the conversation over HTTP', () => {
  let app: TestApp;
  const submitter = new RecordingSubmitter();
  const logs = captureLogs('trace');

  beforeAll(async () => {
    const storage = await memoryStorage();
    app = await startTestApp({
      logger: logs.logger,
      storage,
      bot: ({ conversationState, userState }) => {
        const forgetCustomer = customerForgetter({ storage, outbox: new OutboxStore(storage), conversationState, userState, clock: () => NOW });
        const conversation = createConversation(
          {
            submitter,
            forgetCustomer,
            numbersPolicy: DEFAULT_NUMBERS_POLICY,
            supportContact: SUPPORT,
            newCarrier: NEW_CARRIER,
            stateTtlDays: TTL_DAYS,
            clock: () => NOW,
            logger: logs.logger,
          },
          conversationState,
          userState,
        );
        return pipelinedBot({ conversationState, userState }, conversation, testTurnPipeline({ conversationState, userState }, { logger: logs.logger }));
      },
    });
  });

  afterAll(async () => {
    await app.close();
  });

  it('completes a port from the greeting to the signed request, never showing or logging a secret', async () => {
    const everything: Partial<Activity>[] = [];
    const exchange = async (sent: Partial<Activity>) => {
      const replies = await app.exchange(sent);
      everything.push(...replies);
      return replies;
    };

    const welcome = await exchange(activity({ type: 'conversationUpdate', membersAdded: [{ id: 'user-1', name: 'Customer' }] }));
    expect(textsOf(welcome)[0]).toBe(mainText.greeting(NEW_CARRIER.name));
    await exchange(message(buttonLabels.startPort));
    await exchange(message(buttonLabels.yes));
    let replies: Partial<Activity>[] = [];
    for (const field of CSR_FIELDS) {
      replies = await exchange(message(ATT_ANSWERS[field]));
      // Its two numbers are on one account, moving whole: asked so, the customer says yes.
      while (asksAboutTheAccount(replies)) replies = await exchange(message(buttonLabels.yes));
    }

    const lock = await exchange(activity(submitOf(lastCard(replies), reviewText.card.confirm)));
    expect(textsOf(lock).at(-1)).toMatch(/is Wireless Account Lock turned off on your AT&T account\?/);
    const letter = await exchange(message(buttonLabels.yes));
    const sent = await exchange(activity(submitOf(lastCard(letter), signText.loaCard.sign, { [SIGNATURE_INPUT_ID]: 'Maria Lopez' })));

    expect(submitter.submissions).toHaveLength(1);
    expect(textsOf(sent)).toEqual([
      // Email is off here (no mail queue): the receipt promises none.
      signText.sent({ referenceNumber: submitter.submissions[0].loa.referenceNumber, carrier: 'AT&T' }),
      portText.afterSigned,
      mainText.menu.again,
    ]);
    for (const shown of [JSON.stringify(everything), logs.text()]) {
      expect(shown).not.toContain(CANARY_PIN);
      expect(shown).not.toContain(CANARY_ACCOUNT_NUMBER);
    }
  });
});
