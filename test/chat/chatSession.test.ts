import { MessageFactory, type TurnContext } from 'botbuilder';
import { buttonLabels } from '../../dialogs/text/buttonLabels';
import { mainText } from '../../dialogs/text/mainText';
import { tipsText } from '../../dialogs/text/tipsText';
import { BotClient } from '../../src/chat/botClient';
import { ChatSession, text } from '../../src/chat/chatSession';
import { startTestApp, type TestApp } from '../support/testApp';
import { NEW_CARRIER } from '../support/newCarrier';

const card = {
  type: 'AdaptiveCard',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: 'Who holds the account?' },
    { type: 'Input.Text', id: 'holder', label: 'Account holder', value: 'Ana Díaz' },
    { type: 'Input.Text', id: 'zip', label: 'ZIP code', isRequired: true },
  ],
  actions: [
    { type: 'Action.Submit', title: 'Save', data: { step: 'holder' } },
    { type: 'Action.Execute', title: 'Check', verb: 'check', data: { step: 'holder' } },
  ],
};

const fixtureChoices = ['One', 'Two', 'Three', 'Four'];

/**
 * A flow that offers four choices to whoever joins, shows the card on "card", describes whatever it receives
 * otherwise, and answers card invokes.
 */
async function answer(context: TurnContext): Promise<void> {
  const { type, text: said, value } = context.activity;
  if (type === 'conversationUpdate') {
    await context.sendActivity(MessageFactory.suggestedActions(fixtureChoices, 'Pick one.'));
  } else if (type === 'invoke') {
    const action = (value as { action: { verb: string; data: unknown } }).action;
    await context.sendActivity({
      type: 'invokeResponse',
      value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: `${action.verb}: ${JSON.stringify(action.data)}` } },
    });
  } else if (said === 'card') {
    await context.sendActivity({ attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] });
  } else {
    await context.sendActivity(`got text=${said ?? ''} value=${JSON.stringify(value ?? null)}`);
  }
}

describe('the terminal chat', () => {
  let app: TestApp;

  afterEach(async () => {
    await app?.close();
  });

  /** Runs a whole chat with the given typed lines, returning everything the chat printed. */
  async function chat(lines: string[]): Promise<string> {
    const output: string[] = [];
    const io = { ask: async (prompt: string) => (output.push(prompt), lines.shift()), say: (line: string) => output.push(line) };
    await new ChatSession(new BotClient(app.url, { userId: 'user-1', conversationId: 'chat-1' }), io, 'user-1').run();
    return output.join('\n');
  }

  it("is greeted with the Porting Assistant's menu, and picks a menu entry by its number", async () => {
    app = await startTestApp();

    const transcript = await chat(['2']);

    expect(transcript).toContain(`Bot: ${mainText.greeting(NEW_CARRIER.name)}`);
    expect(transcript).toContain(`     [2] ${buttonLabels.tips}`);
    expect(transcript).toContain(tipsText.menuIntro);
    expect(transcript.trimEnd().endsWith(text.bye)).toBe(true);
  });

  it('refuses a number that is not a choice, and sends a quoted number or one without choices as text', async () => {
    app = await startTestApp({ runDialog: (context) => answer(context) });

    const transcript = await chat(['9', "'1", 'hello there', '7', '/quit', 'never sent']);

    expect(transcript).toContain(text.noSuchChoice(4));
    expect(transcript).toContain('Bot: got text=1 value=null');
    expect(transcript).toContain('Bot: got text=hello there value=null');
    expect(transcript).toContain('Bot: got text=7 value=null');
    expect(transcript).not.toContain('never sent');
  });

  it('fills in a card and submits its data merged with the inputs, as Web Chat does', async () => {
    app = await startTestApp({ runDialog: (context) => answer(context) });

    const transcript = await chat(['card', '1', '', '', '10001']);

    expect(transcript).toContain('Bot: Who holds the account?');
    expect(transcript).toContain('     ✎ Account holder: Ana Díaz');
    expect(transcript).toContain('Account holder [Ana Díaz]: ');
    expect(transcript).toContain('This one is required.');
    expect(transcript).toContain('Bot: got text= value={"step":"holder","holder":"Ana Díaz","zip":"10001"}');
  });

  it('sends Action.Execute as an adaptiveCard/action invoke and shows the answer', async () => {
    app = await startTestApp({ bot: () => ({ run: (context) => answer(context) }) });

    const transcript = await chat(['card', '2', 'Bo Lee', '10001']);

    expect(transcript).toContain('Bot: check: {"step":"holder","holder":"Bo Lee","zip":"10001"}');
  });
});
