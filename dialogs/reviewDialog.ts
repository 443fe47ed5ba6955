/**
 * The review (DialogIds.review): every detail on one summary card, the secrets masked. "Looks right" goes on to signing
 * once the request is complete; changing a detail asks for it again (AskFieldDialog in edit mode, which also asks
 * again for the answers the change made invalid, such as the account number after a new carrier), then shows the
 * summary again.
 */
import type { TurnContext } from 'botbuilder';
import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import type { AdaptiveCardJson } from '../src/cards/cardTemplate';
import { REVIEW_FIELD_INPUT_ID, reviewCard } from '../src/cards/reviewCard';
import type { AskFieldDialog, AskFieldOptions } from './askFieldDialog';
import type { CardActions, CardHolder } from './cardActions';
import { CardDialog, stateOf } from './cardDialog';
import type { ConversationDeps } from './conversationDeps';
import { DialogIds } from './dialogIds';
import type { AskableField } from './draftFields';
import { FlowDialog } from './flowDialog';
import { recognizeIntent } from './intents';
import { REVIEW_ACTIONS, changeableFields, reviewCardData, signingProblems } from './reviewView';
import { reviewText } from './text/reviewText';

/** The review ends when the customer confirms a complete request (a cancel or start over ends it from above). */
export interface ReviewResult {
  readonly confirmed: true;
}

const REVIEW_CARD_DIALOG = 'review.card';

interface ReviewState extends CardHolder {
  /** A detail is being changed (AskFieldDialog, begun over the card): back from it, the summary comes as a new card. */
  changing?: boolean;
}

/** The detail a typed message asks to change, if any. */
function fieldNamedIn(text: string): AskableField | undefined {
  return reviewText.fieldWords.find(([, words]) => words.test(text))?.[0];
}

function isApproval(text: string): boolean {
  const intent = recognizeIntent(text);
  return intent === 'yes' || intent === 'resume' || reviewText.looksRight.test(text);
}

class ReviewCardDialog extends CardDialog<ReviewState> {
  constructor(
    private readonly deps: ConversationDeps,
    cards: CardActions,
  ) {
    super(REVIEW_CARD_DIALOG, cards);
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    await this.showNewCard(dc.context, stateOf<ReviewState>(dc));
    return CardDialog.EndOfTurn;
  }

  /**
   * Back from changing a detail: the summary again, as a new card (the one before it is now from an earlier step).
   * Back from anything else asked over the card (an interruption's confirmation), the same card again.
   */
  override async resumeDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = stateOf<ReviewState>(dc);
    if (!state.changing) return super.resumeDialog(dc);
    delete state.changing;
    await this.showNewCard(dc.context, state);
    return CardDialog.EndOfTurn;
  }

  protected override async drawCard(context: TurnContext, _state: ReviewState, cardId: string): Promise<AdaptiveCardJson> {
    const { draft } = await this.deps.sessions.get(context);
    return reviewCard.expand(reviewCardData(draft, cardId));
  }

  override stepHelp(): string {
    return reviewText.help;
  }

  protected override async onAction(
    dc: DialogContext,
    state: ReviewState,
    action: string,
    values: Readonly<Record<string, string>>,
  ): Promise<DialogTurnResult> {
    if (action === REVIEW_ACTIONS.confirm) return this.confirm(dc, state);
    const { draft } = await this.deps.sessions.get(dc.context);
    const field = changeableFields(draft).find((candidate) => candidate === values[REVIEW_FIELD_INPUT_ID]);
    if (field !== undefined) return this.change(dc, state, field);
    // The card doesn't mark the choice as required, or channels would flag it beside "Looks right" too: checked here.
    await dc.context.sendActivity(reviewText.chooseDetail);
    return CardDialog.EndOfTurn;
  }

  protected override async onText(dc: DialogContext, state: ReviewState, text: string): Promise<DialogTurnResult> {
    const field = fieldNamedIn(text);
    if (field !== undefined) return this.change(dc, state, field);
    if (isApproval(text)) return this.confirm(dc, state);
    return this.hint(dc);
  }

  private async confirm(dc: DialogContext, state: ReviewState): Promise<DialogTurnResult> {
    const { draft } = await this.deps.sessions.get(dc.context);
    if (signingProblems(draft).length === 0) return this.finish(dc, state, { confirmed: true } satisfies ReviewResult);
    await dc.context.sendActivity(reviewText.notReady);
    await this.showCard(dc.context, state);
    return CardDialog.EndOfTurn;
  }

  private async change(dc: DialogContext, state: ReviewState, field: AskableField): Promise<DialogTurnResult> {
    state.changing = true;
    return dc.beginDialog(DialogIds.askField, { field, mode: 'edit' } satisfies AskFieldOptions);
  }

  private async hint(dc: DialogContext): Promise<DialogTurnResult> {
    await dc.context.sendActivity(reviewText.typedHint);
    return CardDialog.EndOfTurn;
  }
}

/** The summary card, its outcome the dialog's (ReviewResult). */
export class ReviewDialog extends FlowDialog {
  constructor(deps: ConversationDeps, cards: CardActions, askField: AskFieldDialog) {
    super(DialogIds.review);
    this.addDialog(new ReviewCardDialog(deps, cards));
    this.addDialog(askField);
    this.addStep(async (step) => step.beginDialog(REVIEW_CARD_DIALOG));
  }
}
