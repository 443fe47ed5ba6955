/**
 * Typed words and button clicks through the real application, over HTTP as Web Chat posts them: a click on one of
 * the bot's buttons arrives with the button's value, a typed message with text alone.
 */
import type { Activity, CardAction } from 'botbuilder';
import { buttonLabels } from '../../dialogs/text/buttonLabels';
import { promptText } from '../../dialogs/text/promptText';
import { validateCsrField } from '../../src/domain';
import { activity } from '../support/activities';
import { clickOn } from '../support/clicks';
import { type TestApp, startTestApp } from '../support/testApp';
import { textsOf } from './conversationHarness';

const CONVERSATION = 'typed-or-clicked';
const USER = 'typed-or-clicked-user';

/** The button titled `title` among the suggested actions of `replies`. */
function buttonIn(replies: readonly Partial<Activity>[], title: string): CardAction {
  const button = replies.flatMap((reply) => reply.suggestedActions?.actions ?? []).find((action) => action.title === title);
  if (!button) throw new Error(`no "${title}" button in the replies`);
  return button;
}

describe('a typed word that matches a button from an earlier question', () => {
  let app: TestApp;
  const send = (sent: Partial<Activity>) => app.exchange(activity(sent, CONVERSATION, USER));

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('is read as the answer to the question on screen, while a click on the old button gets the gentle note', async () => {
    const menu = await send({ type: 'conversationUpdate', membersAdded: [{ id: USER, name: 'Customer' }] });
    const keepService = await send(clickOn(buttonIn(menu, buttonLabels.startPort)));
    const oldYes = buttonIn(keepService, buttonLabels.yes);
    const numberQuestion = textsOf(await send(clickOn(oldYes))).at(-1);
    expect(numberQuestion).toMatch(/Which phone number do you want to move/);
    const refusal = validateCsrField('numbers', 'yes', {});
    if (refusal.ok) throw new Error('"yes" was taken for a phone number');

    const typed = textsOf(await send({ type: 'message', text: 'yes' }));
    expect(typed).toEqual([refusal.error.message, numberQuestion]);

    const clicked = textsOf(await send(clickOn(oldYes)));
    expect(clicked).toEqual([promptText.staleButton, numberQuestion]);
  });
});
