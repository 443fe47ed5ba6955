/**
 * Internal support staff in Teams: members of the staff team (STAFF_TEAM_ID, in its channels) and the users listed in
 * STAFF_USER_IDS, recognized as agents are (src/bot/teamsMembers.ts: on the Teams channel only). A staff member gets
 * the staff menu instead of the customer's: port look-ups without the customer's ZIP, and carrier how-to. Their
 * dialogs keep a stack of their own in conversation state, apart from the customers' (and nothing in user state), so a
 * conversation's customer dialogs are never disturbed by staff work, nor the other way round.
 */
import { ActivityTypes, type ConversationState, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { type DialogState, DialogSet, DialogTurnStatus } from 'botbuilder-dialogs';
import { type TeamsGroup, fromTeamsGroup } from '../../src/bot/teamsMembers';
import type { RequestHistories } from '../../src/submission/events/requestHistory';
import { type StaffDeps, StaffDialogIds, type StaffFeature } from './staffDeps';
import { StaffMenuDialog, type StaffMenuOptions } from './staffMenuDialog';

/** Who the staff are and what they look up, from the application. */
export interface StaffSettings {
  /** STAFF_TEAM_ID and STAFF_USER_IDS: with neither, no one is staff. */
  readonly members: TeamsGroup;
  readonly histories: RequestHistories;
  /** Further entries of the staff menu, each with its dialog. */
  readonly features?: readonly StaffFeature[];
}

const STAFF_DIALOG_STATE_PROPERTY = 'staffDialogState';

export class StaffDesk {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly dialogs: DialogSet;

  constructor(
    conversationState: ConversationState,
    private readonly members: TeamsGroup,
    deps: StaffDeps,
  ) {
    this.dialogState = conversationState.createProperty<DialogState>(STAFF_DIALOG_STATE_PROPERTY);
    this.dialogs = new DialogSet(this.dialogState);
    this.dialogs.add(new StaffMenuDialog(deps));
  }

  /** Whether the turn is a staff member's. */
  recognizes(context: TurnContext): boolean {
    return fromTeamsGroup(context.activity, this.members);
  }

  /**
   * Runs the turn when it is a staff member's: a message continues the staff dialog under way or is routed afresh;
   * anything else the router hands over means they opened the chat, and they are greeted with the menu. False for
   * anyone else's turn, which is left to the customer's flow.
   */
  async handleTurn(context: TurnContext): Promise<boolean> {
    if (!this.recognizes(context)) return false;
    const dc = await this.dialogs.createContext(context);
    if (context.activity.type !== ActivityTypes.Message) {
      await dc.cancelAllDialogs();
      await dc.beginDialog(StaffDialogIds.menu, { greet: true } satisfies StaffMenuOptions);
      return true;
    }
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) {
      await dc.beginDialog(StaffDialogIds.menu, { opening: context.activity.text ?? '' } satisfies StaffMenuOptions);
    }
    return true;
  }

  /** After a failed turn: the staff member's next message starts afresh. */
  dropDialogStack(context: TurnContext): Promise<void> {
    return this.dialogState.delete(context);
  }
}
