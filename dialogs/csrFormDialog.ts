/**
 * The form path (DialogIds.csrForm): every CSR field on one Adaptive Card. Each submit is checked on the server with
 * the same validators as the step-by-step questions; accepted values are saved at once, and the card comes back with
 * the refused inputs marked until everything is accepted. "Step by step" leaves the form, keeping the draft.
 */
import type { TurnContext } from 'botbuilder';
import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { csrFormCard } from '../src/cards/csrFormCard';
import type { AdaptiveCardJson } from '../src/cards/cardTemplate';
import type { CardActions, CardHolder } from './cardActions';
import { CardDialog, stateOf } from './cardDialog';
import { accept, type CsrDraft } from '../src/domain';
import { buttonChoice, questionActivity } from './choices';
import type { ConversationDeps } from './conversationDeps';
import { checkForm, type FormCheck, type FormRound, type FormValues } from './csrFormCheck';
import { FORM_ACTIONS, csrFormCardData } from './csrFormView';
import { DialogIds } from './dialogIds';
import { fieldOptions } from './draftUpdates';
import { FlowDialog } from './flowDialog';
import { recognizeIntent } from './intents';
import { customerTimeZone, pinGoodUntilLine } from './pinValidity';
import { NOT_PORTABLE_CODE, checkPortability } from './portabilityCheck';
import { markSecretAnswer } from './secretAnswer';
import { formText } from './text/formText';
import { portabilityText } from './text/portabilityText';

/** How the form ended: every detail accepted, or the customer chose to go on one question at a time. */
export type CsrFormResult = { outcome: 'completed' } | { outcome: 'stepByStep' };

const FORM_CARD_DIALOG = 'csrForm.card';

interface FormState extends CardHolder {
  /** The last round's refusals and notes, to draw the card again; never holds a secret. */
  round?: FormRound;
}

function notesOf(round: FormRound): string[] {
  return Object.values(round.notes).flat();
}

class FormCardDialog extends CardDialog<FormState> {
  constructor(
    private readonly deps: ConversationDeps,
    cards: CardActions,
  ) {
    super(FORM_CARD_DIALOG, cards);
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    await this.showNewCard(dc.context, stateOf<FormState>(dc));
    return CardDialog.EndOfTurn;
  }

  protected override async drawCard(context: TurnContext, state: FormState, cardId: string): Promise<AdaptiveCardJson> {
    const { draft } = await this.deps.sessions.get(context);
    return csrFormCard.expand(csrFormCardData(draft, state.round, cardId));
  }

  override stepHelp(): string {
    return formText.help;
  }

  protected override async onAction(
    dc: DialogContext,
    state: FormState,
    action: string,
    values: Readonly<Record<string, string>>,
  ): Promise<DialogTurnResult> {
    return action === FORM_ACTIONS.stepByStep ? this.switchToSteps(dc, state) : this.check(dc, state, values);
  }

  protected override async onText(dc: DialogContext, state: FormState, text: string): Promise<DialogTurnResult> {
    switch (recognizeIntent(text)) {
      case 'stepByStep':
        return this.switchToSteps(dc, state);
      case 'form':
        await this.showCard(dc.context, state);
        return CardDialog.EndOfTurn;
      default:
        await dc.context.sendActivity(formText.typedWhileWaiting);
        return CardDialog.EndOfTurn;
    }
  }

  private async check(dc: DialogContext, state: FormState, values: FormValues): Promise<DialogTurnResult> {
    const { context } = dc;
    if (values.accountNumber || values.pin) markSecretAnswer(context);
    const saved = await this.deps.sessions.get(context);
    const check = checkForm(values, saved.draft, fieldOptions(this.deps), saved.unconfirmedAnswers);
    const notPortable = await this.checkNumbers(context, check, saved.draft);
    const session = await this.deps.sessions.update(context, (current) => {
      current.draft = check.draft;
      if (Object.keys(check.unconfirmed).length > 0) current.unconfirmedAnswers = check.unconfirmed;
      else delete current.unconfirmedAnswers;
    });
    if (check.complete) {
      const notes = notesOf(check.round);
      const pinNote = session.pinGivenAt === undefined ? undefined : pinGoodUntilLine(session.draft, new Date(session.pinGivenAt), customerTimeZone(context.activity));
      const completed = pinNote === undefined ? formText.completed : `${formText.completed} ${pinNote}`;
      await context.sendActivity(notes.length === 0 ? completed : `${completed}\n\n${formText.doubleCheck(notes)}`);
      return this.finish(dc, state, { outcome: 'completed' } satisfies CsrFormResult);
    }
    // The submitted card has done its job: pressing it again would resubmit stale values.
    await this.cards.complete(context, state);
    state.round = check.round;
    await this.showNewCard(context, state);
    if (notPortable) await context.sendActivity(questionActivity(context.activity.channelId, portabilityText.formPersonOffer, [buttonChoice('agent')]));
    return CardDialog.EndOfTurn;
  }

  /**
   * The numbers the card accepted, through the porting provider's portability check. Numbers that cannot move are
   * refused on the card, with the reason, even when the others can (the card shows those, to send again as they are).
   * Resolves whether any was refused.
   */
  private async checkNumbers(context: TurnContext, check: FormCheck, saved: CsrDraft): Promise<boolean> {
    const numbers = check.draft.numbers;
    if (numbers === undefined || check.round.errors.numbers !== undefined) return false;
    const checked = await checkPortability(context, this.deps, accept(numbers), saved);
    if (checked.ok) check.draft.numbers = checked.value;
    else delete check.draft.numbers;
    const refusal = checked.ok ? checked.warnings.find((warning) => warning.code === NOT_PORTABLE_CODE) : checked.error;
    if (refusal === undefined) return false;
    check.round.errors.numbers = refusal.message;
    check.complete = false;
    return true;
  }

  private async switchToSteps(dc: DialogContext, state: FormState): Promise<DialogTurnResult> {
    await dc.context.sendActivity(formText.switchingToSteps);
    return this.finish(dc, state, { outcome: 'stepByStep' } satisfies CsrFormResult);
  }
}

/** The form card, its outcome the dialog's (CsrFormResult). */
export class CsrFormDialog extends FlowDialog {
  constructor(deps: ConversationDeps, cards: CardActions) {
    super(DialogIds.csrForm);
    this.addDialog(new FormCardDialog(deps, cards));
    this.addStep(async (step) => step.beginDialog(FORM_CARD_DIALOG));
  }
}
