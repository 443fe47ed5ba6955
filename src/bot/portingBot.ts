import { type Activity, Channels, TeamsActivityHandler, type TurnContext } from 'botbuilder';
import { text } from './text';

/**
 * Runs one turn of the conversation flow: each message, and each time someone joins (a conversationUpdate adding
 * someone other than the bot, or Web Chat's `webchat/join` event), for the flow to greet them.
 */
export type DialogRunner = (context: TurnContext) => Promise<void>;

/** Runs the turn when it is an agent's (see dialogs/handoff/agentDesk.ts): true when it did, false for a customer's. */
export type AgentTurnRunner = (context: TurnContext) => Promise<boolean>;

const noAgents: AgentTurnRunner = async () => false;

/** Runs the turn when it is a support staff member's (see dialogs/staff/staffDesk.ts): true when it did, false for anyone else's. */
export type StaffTurnRunner = (context: TurnContext) => Promise<boolean>;

const noStaff: StaffTurnRunner = async () => false;

/** The event Web Chat pages send when the chat opens, so that the bot can speak first on Direct Line. */
export const WEB_CHAT_JOIN_EVENT = 'webchat/join';

/** Events that the conversation handles: Web Chat's join, and the hand-off protocol's status from a contact center. */
const CONVERSATION_EVENTS: ReadonlySet<string> = new Set([WEB_CHAT_JOIN_EVENT, 'handoff.status']);

/**
 * The turn pipeline's router (src/bot/turnPipeline.ts, step 4): whose turn an activity is. An agent's goes to the
 * agent desk; a support staff member's (what the agent desk leaves, for one who is both) to the staff desk; a
 * customer's message, and each arrival of someone new, to the conversation (a person, if one has the chat, or the
 * dialogs); anyone else's message in a Teams team channel gets a pointer to a one-to-one chat. State is the
 * pipeline's: read before the router runs, saved after.
 */
export class PortingBot extends TeamsActivityHandler {
  constructor(
    private readonly runDialog: DialogRunner,
    private readonly runAgentTurn: AgentTurnRunner = noAgents,
    private readonly runStaffTurn: StaffTurnRunner = noStaff,
  ) {
    super();

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const members = context.activity.membersAdded ?? [];
      if (isTeamChannel(context)) {
        // In a team, greet once when the bot is installed; a colleague joining the team is no reason to post.
        if (members.some((member) => member.id === botId)) await context.sendActivity(text.addedToTeam);
      } else if (members.some((member) => member.id !== botId)) {
        if (!(await this.runStaffTurn(context))) await this.runDialog(context);
      }
      await next();
    });

    this.onEvent(async (context, next) => {
      if (!(await this.runAgentTurn(context)) && CONVERSATION_EVENTS.has(context.activity.name ?? '')) await this.runDialog(context);
      await next();
    });

    this.onMessage(async (context, next) => {
      if (context.activity.channelId === Channels.Msteams) context.activity.text = withoutBotMentions(context.activity);
      if ((await this.runAgentTurn(context)) || (await this.runStaffTurn(context))) return next();
      if (isTeamChannel(context)) await context.sendActivity(text.teamChannelMessage);
      else await this.runDialog(context);
      await next();
    });
  }
}

/**
 * The message's text without the bot's @mentions: "@Porting Assistant start my port" reaches the dialogs as "start my
 * port". Not TurnContext.removeRecipientMention, which throws on a mention that names no one (malformed, or of a
 * client's own making) and so failed the customer's turn: such a mention cannot be the bot's, and is left alone.
 */
function withoutBotMentions({ text, entities, recipient }: Activity): string {
  const botId = recipient?.id;
  if (typeof text !== 'string' || botId === undefined) return text;
  const botMentions = (Array.isArray(entities) ? entities : []).flatMap((entity) => {
    const { type, mentioned, text: mentionText } = entity as { type?: unknown; mentioned?: { id?: unknown } | null; text?: unknown };
    const isBots = typeof type === 'string' && type.toLowerCase() === 'mention' && mentioned?.id === botId;
    return isBots && typeof mentionText === 'string' && mentionText !== '' ? [mentionText] : [];
  });
  return botMentions.reduce((remaining, mention) => remaining.replace(mention, ''), text).trim();
}

/** A Teams team's channel, as opposed to a one-to-one chat. */
function isTeamChannel(context: TurnContext): boolean {
  return context.activity.channelId === Channels.Msteams && context.activity.conversation?.conversationType === 'channel';
}
