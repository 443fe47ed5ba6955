import { ActivityTypes, Channels, TeamsActivityHandler, TurnContext, type ConversationState, type UserState } from 'botbuilder';
import { loggerForTurn, type Logger } from '../logging';
import { storageKeyOf } from '../reliability/lockedTurns';
import { customerForgotten } from '../security/forgetCustomer';
import { text } from './text';
import { saveStates } from './turnStates';

/**
 * Runs one turn of the conversation flow: each message, and each time someone joins (a conversationUpdate adding
 * someone other than the bot, or Web Chat's `webchat/join` event), for the flow to greet them.
 */
export type DialogRunner = (context: TurnContext) => Promise<void>;

/** Runs the turn when it is an agent's (see dialogs/handoff/agentDesk.ts): true when it did, false for a customer's. */
export type AgentTurnRunner = (context: TurnContext) => Promise<boolean>;

const noAgents: AgentTurnRunner = async () => false;

/** The activities this bot answers, whose turns read state; typing, reactions and the like read none. */
const STATEFUL_ACTIVITIES: ReadonlySet<string> = new Set([
  ActivityTypes.Message,
  ActivityTypes.ConversationUpdate,
  ActivityTypes.Event,
  ActivityTypes.Invoke,
]);

/** The event Web Chat pages send when the chat opens, so that the bot can speak first on Direct Line. */
export const WEB_CHAT_JOIN_EVENT = 'webchat/join';

/** Events that the conversation handles: Web Chat's join, and the hand-off protocol's status from a contact center. */
const CONVERSATION_EVENTS: ReadonlySet<string> = new Set([WEB_CHAT_JOIN_EVENT, 'handoff.status']);

/**
 * The Porting Assistant's activity handler: hands each message, and each arrival of someone new, to the dialog
 * runner, and saves conversation and user state at the end of every turn (but one that deleted its customer's data).
 */
export class PortingBot extends TeamsActivityHandler {
  constructor(
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
    private readonly logger: Logger,
    private readonly runDialog: DialogRunner,
    private readonly runAgentTurn: AgentTurnRunner = noAgents,
  ) {
    super();

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const members = context.activity.membersAdded ?? [];
      if (isTeamChannel(context)) {
        // In a team, greet once when the bot is installed; a colleague joining the team is no reason to post.
        if (members.some((member) => member.id === botId)) await context.sendActivity(text.addedToTeam);
      } else if (members.some((member) => member.id !== botId)) {
        await this.runDialog(context);
      }
      await next();
    });

    this.onEvent(async (context, next) => {
      if (!(await this.runAgentTurn(context)) && CONVERSATION_EVENTS.has(context.activity.name ?? '')) await this.runDialog(context);
      await next();
    });

    this.onMessage(async (context, next) => {
      if (context.activity.channelId === Channels.Msteams) {
        // "@Porting Assistant start my port" reaches the dialogs as "start my port".
        TurnContext.removeRecipientMention(context.activity);
        context.activity.text = context.activity.text?.trim();
      }
      if (await this.runAgentTurn(context)) return next();
      if (isTeamChannel(context)) await context.sendActivity(text.teamChannelMessage);
      else await this.runDialog(context);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    const log = loggerForTurn(this.logger, context);
    const startedAt = performance.now();
    log.info({ activity: context.activity }, 'turn started');
    if (STATEFUL_ACTIVITIES.has(context.activity.type)) {
      // Both states are read at once (one round trip to Redis), rather than each when the dialogs first need it. A
      // state without a key for this activity is left to fail where it is used, as before.
      const readable = [this.conversationState, this.userState].filter((state) => storageKeyOf(state, context) !== undefined);
      await Promise.all(readable.map((state) => state.load(context)));
    }
    await super.run(context);
    // After "delete my data" nothing of the turn is written back (see forgetCustomer.ts).
    if (!customerForgotten(context)) {
      await saveStates(context, [this.conversationState, this.userState]);
    }
    log.info({ durationMs: Math.round(performance.now() - startedAt) }, 'turn ended');
  }
}

/** A Teams team's channel, as opposed to a one-to-one chat. */
function isTeamChannel(context: TurnContext): boolean {
  return context.activity.channelId === Channels.Msteams && context.activity.conversation?.conversationType === 'channel';
}
