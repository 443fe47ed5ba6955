/**
 * Odd input through the front door is a 4xx or a handled turn, never a 500 or a lost step: fields of a shape no channel
 * sends, which the SDK and the logs walk, are refused with 400 naming the field; a Teams mention the bot cannot read
 * is left alone, and the customer stays on their step.
 */
import type { Activity } from 'botbuilder';
import { buttonLabels } from '../../dialogs/text/buttonLabels';
import { tipsText } from '../../dialogs/text/tipsText';
import { text } from '../../src/bot/text';
import { activity, BOT, message } from '../support/activities';
import { captureLogs } from '../support/captureLogs';
import { startTestApp, type TestApp } from '../support/testApp';

describe('odd input at /api/messages', () => {
  let app: TestApp;

  beforeAll(async () => {
    // Logging as deployed: serializers run only for the levels that are written.
    app = await startTestApp({ logger: captureLogs('info').logger });
  });

  afterAll(async () => {
    await app.close();
  });

  it.each([
    ['attachments holding null', { attachments: [null] }, 'attachments.0'],
    ['attachments that are a string', { attachments: 'a string' }, 'attachments'],
    ['an attachment without a content type', { attachments: [{ content: {} }] }, 'attachments.0.contentType'],
    ['entities holding a number', { entities: [42] }, 'entities.0'],
    ['an entity without a type', { entities: [{ text: '<at>Porting Assistant</at>' }] }, 'entities.0.type'],
  ])('answers 400 naming the field to %s', async (_what, fields, path) => {
    const response = await app.post(message('hello', fields as Partial<Activity>));

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ code: 'InvalidActivityField', message: expect.stringContaining(`"${path}"`) });
  });

  /** A Teams customer of their own: its messages, and what the bot says to them (Teams shows prompts on hero cards). */
  function teamsCustomer(name: string) {
    const inTeams = (overrides: Partial<Activity>) => activity({ channelId: 'msteams', ...overrides }, `teams-${name}`, `teams-user-${name}`);
    return {
      async say(overrides: Partial<Activity>): Promise<string[]> {
        const replies = await app.exchange(inTeams(overrides));
        return replies.flatMap((reply) => [reply.text, ...(reply.attachments ?? []).map((card) => (card.content as { text?: string } | undefined)?.text)].filter((line) => line !== undefined));
      },
      join: () => app.exchange(inTeams({ type: 'conversationUpdate', membersAdded: [{ id: `teams-user-${name}`, name: 'Customer' }] })),
    };
  }

  it('ignores a Teams mention that names no one, and keeps the customer on their step', async () => {
    const customer = teamsCustomer('mention-of-no-one');
    await customer.join();
    expect(await customer.say({ text: buttonLabels.startPort })).toContain(tipsText.keepService.question);

    const said = await customer.say({ text: buttonLabels.yes, entities: [{ type: 'mention', text: '<at>Someone</at>' }] });

    expect(said).not.toContain(text.turnError);
    expect(said).toContain(tipsText.keepService.active);
  });

  it("still hands Teams messages to the dialogs without the bot's own mention", async () => {
    const customer = teamsCustomer('mention-of-the-bot');
    await customer.join();

    const said = await customer.say({
      text: `<at>${BOT.name}</at> ${buttonLabels.startPort}`,
      entities: [{ type: 'mention', mentioned: BOT, text: `<at>${BOT.name}</at>` }],
    });

    expect(said).toContain(tipsText.keepService.question);
  });
});
