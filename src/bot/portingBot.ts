import { TeamsActivityHandler, type ConversationState, type TurnContext, type UserState } from 'botbuilder';
import { loggerForTurn, type Logger } from '../logging';

/**
 * Runs one turn of the conversation flow: each message, and each time someone joins (a conversationUpdate adding
 * someone other than the bot, or Web Chat's `webchat/join` event), for the flow to greet them.
 */
export type DialogRunner = (context: TurnContext) => Promise<void>;

/** The event Web Chat pages send when the chat opens, so that the bot can speak first on Direct Line. */
export const WEB_CHAT_JOIN_EVENT = 'webchat/join';

/**
 * The Porting Assistant's activity handler: hands each message, and each arrival of someone new, to the dialog
 * runner, and saves conversation and user state at the end of every turn.
 */
export class PortingBot extends TeamsActivityHandler {
  constructor(
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
    private readonly logger: Logger,
    private readonly runDialog: DialogRunner,
  ) {
    super();

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const newcomers = (context.activity.membersAdded ?? []).filter((member) => member.id !== botId);
      if (newcomers.length > 0) await this.runDialog(context);
      await next();
    });

    this.onEvent(async (context, next) => {
      if (context.activity.name === WEB_CHAT_JOIN_EVENT) await this.runDialog(context);
      await next();
    });

    this.onMessage(async (context, next) => {
      await this.runDialog(context);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    const log = loggerForTurn(this.logger, context);
    const startedAt = performance.now();
    log.info({ activity: context.activity }, 'turn started');
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
    await this.userState.saveChanges(context, false);
    log.info({ durationMs: Math.round(performance.now() - startedAt) }, 'turn ended');
  }
}
