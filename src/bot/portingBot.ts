import { MessageFactory, TeamsActivityHandler, type ConversationState, type TurnContext, type UserState } from 'botbuilder';
import { loggerForTurn, type Logger } from '../logging';
import { menuActivity, showMenu } from './menu';
import { text } from './text';

/** Handles one incoming message: the conversation flow plugs in here. */
export type DialogRunner = (context: TurnContext) => Promise<void>;

/**
 * The Porting Assistant's activity handler: greets people who join, hands each message to the dialog runner,
 * and saves conversation and user state at the end of every turn.
 */
export class PortingBot extends TeamsActivityHandler {
  constructor(
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
    private readonly logger: Logger,
    private readonly runDialog: DialogRunner = showMenu,
  ) {
    super();

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const newcomers = (context.activity.membersAdded ?? []).filter((member) => member.id !== botId);
      if (newcomers.length > 0) {
        await context.sendActivities([MessageFactory.text(text.greeting), menuActivity()]);
      }
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
