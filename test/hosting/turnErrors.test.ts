import type { TurnContext } from 'botbuilder';
import { text } from '../../src/bot/text';
import { message } from '../support/activities';
import { startTestApp, type TestApp } from '../support/testApp';
import { pipelinedBot } from '../support/turnPipeline';

const DIALOG_STATE_PROPERTY = 'dialogState';

describe('when a turn fails', () => {
  let app: TestApp;

  afterEach(async () => {
    await app?.close();
  });

  /**
   * A conversation flow that keeps a dialog stack and a draft, fails on the word "boom", and drops its dialog stack
   * after a failed turn, as the conversation does; `breakStorage` is called as it fails.
   */
  async function startAppWithFragileFlow(breakStorage?: (app: TestApp) => void): Promise<TestApp> {
    const started: TestApp = await startTestApp({
      bot: (states) => {
        const stack = states.conversationState.createProperty<string[]>(DIALOG_STATE_PROPERTY);
        const draft = states.userState.createProperty<Record<string, string>>('draft');
        return pipelinedBot(states, {
          runDialog: async (context: TurnContext) => {
            const steps = await stack.get(context, []);
            const answers = await draft.get(context, {});
            steps.push(`step-${steps.length + 1}`);
            answers[`answer${steps.length}`] = context.activity.text ?? '';
            if (context.activity.text === 'boom') {
              breakStorage?.(started);
              throw new Error('the porting backend is down');
            }
            await context.sendActivity(`at ${steps.join(' > ')}`);
          },
          dropDialogStack: (context) => stack.delete(context),
        });
      },
    });
    return started;
  }

  async function stored(key: string): Promise<Record<string, unknown> | undefined> {
    return (await app.storage.read([key]))[key] as Record<string, unknown> | undefined;
  }

  it('tells the customer plainly, and the Emulator in a trace', async () => {
    app = await startAppWithFragileFlow();

    const replies = await app.exchange(message('boom'));

    expect(replies.filter((reply) => reply.type === 'message').map((reply) => reply.text)).toEqual([text.turnError]);
    expect(replies.find((reply) => reply.type === 'trace')).toMatchObject({
      label: 'TurnError',
      value: 'Error: the porting backend is down',
    });
  });

  it('clears the dialog stack, keeps the saved draft, and the next turn works', async () => {
    app = await startAppWithFragileFlow();
    await app.exchange(message('first'));
    await app.exchange(message('second'));

    await app.exchange(message('boom'));

    expect(await stored('test/conversations/conversation-1/')).not.toHaveProperty(DIALOG_STATE_PROPERTY);
    // The failed turn's own change to the draft is not saved; the answers from turns that worked are.
    expect(await stored('test/users/user-1/')).toMatchObject({ draft: { answer1: 'first', answer2: 'second' } });
    expect(await stored('test/users/user-1/')).not.toHaveProperty('draft.answer3');
    const next = await app.exchange(message('again'));
    expect(next.map((reply) => reply.text)).toEqual(['at step-1']);
  });

  it('still apologises when putting the state right fails too', async () => {
    let read: jest.SpyInstance | undefined;
    app = await startAppWithFragileFlow((started) => {
      read = jest.spyOn(started.storage, 'read').mockRejectedValue(new Error('storage is down'));
    });

    const replies = await app.exchange(message('boom'));

    expect(read).toHaveBeenCalled();
    expect(replies.filter((reply) => reply.type === 'message').map((reply) => reply.text)).toEqual([text.turnError]);
  });

  it('still apologises when the turn fails outside the pipeline', async () => {
    app = await startTestApp({
      bot: () => ({
        run: async () => {
          throw new Error('broken bot');
        },
      }),
    });

    const replies = await app.exchange(message('hello'));

    expect(replies.filter((reply) => reply.type === 'message').map((reply) => reply.text)).toEqual([text.turnError]);
  });
});
