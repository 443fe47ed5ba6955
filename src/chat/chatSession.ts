import type { Activity } from 'botbuilder';
import { renderActivity } from './activityText';
import { BOT_ACCOUNT, BotRequestError, type BotClient } from './botClient';
import { collectInputs, type Ask, type Say } from './cardInputs';
import { renderAdaptiveCard } from './cardText';
import { ActionList, type ChatAction } from './chatActions';

/** One conversation with the bot at the terminal: shows the bot's replies and turns what is typed into activities. */

export interface ChatIO {
  readonly ask: Ask;
  readonly say: Say;
}

export const text = {
  help: [
    'Type a message and press Enter. When the bot offers choices, type the number of one.',
    "To send a number as a message instead, start it with a quote: '2",
    'Commands: /help shows this, /quit leaves.',
  ].join('\n'),
  prompt: '> ',
  noSuchChoice: (count: number) => `There is no choice with that number: choose 1 to ${count}, or type a message.`,
  openUrl: (url: string) => `Open this link in your browser: ${url}`,
  formAbandoned: 'The form was not sent.',
  bye: 'Bye! Your answers are kept: run the chat again to pick up where you left off.',
};

const BOT_PREFIX = 'Bot: ';
const CONTINUATION = ' '.repeat(BOT_PREFIX.length);

export class ChatSession {
  private actions = new ActionList();

  constructor(
    private readonly client: BotClient,
    private readonly io: ChatIO,
    private readonly userId: string,
  ) {}

  /** Joins the conversation, as a channel does when someone opens the chat, so that the bot greets them. */
  async start(): Promise<void> {
    await this.exchange({ type: 'conversationUpdate', membersAdded: [{ id: this.userId, name: 'You' }, BOT_ACCOUNT] });
  }

  /** Talks until the person types /quit or the input ends. Fails only if the bot cannot be reached at the start. */
  async run(): Promise<void> {
    this.io.say(text.help);
    await this.start();
    for (;;) {
      const line = await this.io.ask(text.prompt);
      if (line === undefined || line.trim() === '/quit') break;
      try {
        await this.handle(line.trim());
      } catch (error) {
        // The bot may be restarting: say so and let the person try again.
        if (!(error instanceof BotRequestError)) throw error;
        this.io.say(error.message);
      }
    }
    this.io.say(text.bye);
  }

  async handle(line: string): Promise<void> {
    if (line === '') return;
    if (line === '/help') return this.io.say(text.help);
    if (line.startsWith("'")) return this.exchange({ type: 'message', text: line.slice(1) });
    if (/^\d+$/.test(line) && this.actions.count > 0) {
      const action = this.actions.get(Number(line));
      return action ? this.perform(action) : this.io.say(text.noSuchChoice(this.actions.count));
    }
    return this.exchange({ type: 'message', text: line });
  }

  private async perform(action: ChatAction): Promise<void> {
    switch (action.kind) {
      case 'message':
        return this.exchange({ type: 'message', text: action.text, value: action.value });
      case 'openUrl':
        return this.io.say(text.openUrl(action.url));
      case 'showCard':
        return this.show(renderAdaptiveCard(action.card, this.actions, action.inputs));
      case 'submit': {
        const values = await collectInputs(action.inputs, this.io.ask, this.io.say);
        if (!values) return this.io.say(text.formAbandoned);
        // As Web Chat does: string data is sent as the message text, object data merged with the inputs as its value.
        if (typeof action.data === 'string' && action.inputs.length === 0) return this.exchange({ type: 'message', text: action.data });
        return this.exchange({ type: 'message', value: { ...objectOrEmpty(action.data), ...values } });
      }
      case 'execute': {
        const values = await collectInputs(action.inputs, this.io.ask, this.io.say);
        if (!values) return this.io.say(text.formAbandoned);
        return this.exchange({
          type: 'invoke',
          name: 'adaptiveCard/action',
          value: { action: { type: 'Action.Execute', verb: action.verb, data: { ...objectOrEmpty(action.data), ...values } }, trigger: 'manual' },
        });
      }
    }
  }

  /** Sends `activity` and shows the replies; their choices replace the previous ones. */
  private async exchange(activity: Partial<Activity>): Promise<void> {
    const replies = await this.client.send(activity);
    this.actions = new ActionList();
    for (const reply of replies) this.show(renderActivity(reply, this.actions));
  }

  private show(lines: string[]): void {
    if (lines.length === 0) return;
    const block = lines.join('\n').split('\n');
    this.io.say(block.map((line, index) => (index === 0 ? BOT_PREFIX : line && CONTINUATION) + line).join('\n'));
  }
}

function objectOrEmpty(data: unknown): Record<string, unknown> {
  return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
}
