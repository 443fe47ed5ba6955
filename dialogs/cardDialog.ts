import type { TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import type { AdaptiveCardJson } from '../src/cards/cardTemplate';
import { type CardActions, type CardHolder, cardActivity } from './cardActions';

/**
 * A step that shows an Adaptive Card and waits for it: every submit goes through the card guard (cardActions.ts), so
 * a subclass only ever sees typed messages and buttons pressed on its current card. Asked to prompt again (after help,
 * status or a stale button), it shows its current card again, under the same card id.
 */
export abstract class CardDialog<S extends CardHolder> extends Dialog {
  protected constructor(
    dialogId: string,
    protected readonly cards: CardActions,
  ) {
    super(dialogId);
  }

  /** The card the dialog is waiting on, for its state. */
  protected abstract drawCard(context: TurnContext, state: S, cardId: string): Promise<AdaptiveCardJson>;

  protected abstract onAction(dc: DialogContext, state: S, action: string, values: Readonly<Record<string, string>>): Promise<DialogTurnResult>;

  protected abstract onText(dc: DialogContext, state: S, text: string): Promise<DialogTurnResult>;

  /**
   * What "help" says while this dialog's card is on screen (see stepHelp.ts): what the card is for and what to do with
   * it. Without one, the customer gets the general help.
   */
  stepHelp(_state: S): string | undefined {
    return undefined;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = stateOf<S>(dc);
    const turn = await this.cards.receive(dc.context, state, () => this.showCard(dc.context, state));
    switch (turn.kind) {
      case 'answered':
        return Dialog.EndOfTurn;
      case 'text':
        return this.onText(dc, state, turn.text);
      case 'action':
        return this.onAction(dc, state, turn.action, turn.values);
    }
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    await this.showCard(context, instance.state as S);
  }

  /**
   * A question asked over the card has ended (an interruption's confirmation, answered "no"): the card is the question
   * on screen again, under the same card id. Dialog's default would end this step with that question's answer.
   */
  override async resumeDialog(dc: DialogContext): Promise<DialogTurnResult> {
    await this.showCard(dc.context, stateOf<S>(dc));
    return Dialog.EndOfTurn;
  }

  /** Shows a new card: the one shown before, if any, becomes a card from an earlier step. */
  protected async showNewCard(context: TurnContext, state: S): Promise<void> {
    await context.sendActivity(cardActivity(await this.drawCard(context, state, this.cards.newCardId(state))));
  }

  /** Shows the current card again (the customer may use either copy). */
  protected async showCard(context: TurnContext, state: S): Promise<void> {
    await context.sendActivity(cardActivity(await this.drawCard(context, state, this.cards.currentCardId(state))));
  }

  /** Ends the step; its card has done its job, so pressing it again is a repeat. */
  protected async finish(dc: DialogContext, state: S, result: unknown): Promise<DialogTurnResult> {
    await this.cards.complete(dc.context, state);
    return dc.endDialog(result);
  }
}

export function stateOf<S>(dc: DialogContext): S {
  const instance = dc.activeDialog;
  if (!instance) throw new Error('A card dialog was continued without an active dialog.');
  return instance.state as S;
}
