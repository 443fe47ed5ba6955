import type { ConversationState, TurnContext } from 'botbuilder';

/** What to undo after a turn failed, so that the customer's next message starts from a usable state. */
export type TurnErrorRecovery = (context: TurnContext) => Promise<void>;

/** The conversation-state property that holds the dialog stack. */
export const DIALOG_STATE_PROPERTY = 'dialogState';

/**
 * Drops the dialog stack and keeps everything else: the draft the customer has filled in lives in user state,
 * saved at the end of each successful turn, and is left alone. Conversation state is reloaded first so that
 * half-made changes from the failed turn are not saved along with the cleared stack.
 */
export function clearDialogStack(conversationState: ConversationState): TurnErrorRecovery {
  const dialogState = conversationState.createProperty(DIALOG_STATE_PROPERTY);
  return async (context) => {
    await conversationState.load(context, true);
    await dialogState.delete(context);
    await conversationState.saveChanges(context);
  };
}
