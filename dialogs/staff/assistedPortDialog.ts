/**
 * "Port a number for a customer" (StaffDialogIds.assistedPort): a support staff member fills in the details the
 * customer reads out on the phone, on the customers' own form card checked by the same code (csrFormCheck.ts: the same
 * validators and carrier rules), but without the PIN, which staff never see. Once every detail is accepted, the bot
 * emails the customer a signing link (dialogs/assistedPorts.ts): the customer reviews, gives the PIN and signs in Web
 * Chat. The draft lives in this dialog's state until then (conversation state, encrypted at rest like the sessions).
 */
import type { TurnContext } from 'botbuilder';
import { ComponentDialog, type DialogContext, type DialogTurnResult, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { type CsrDraft, type NumbersPolicy, createReferenceNumber } from '../../src/domain';
import type { AdaptiveCardJson } from '../../src/cards/cardTemplate';
import { csrFormCard } from '../../src/cards/csrFormCard';
import type { AssistedPorts } from '../assistedPorts';
import type { CardActions, CardHolder } from '../cardActions';
import { CardDialog, stateOf } from '../cardDialog';
import { type FormRound, type FormValues, type UnconfirmedAnswers, checkForm } from '../csrFormCheck';
import { FORM_ACTIONS, csrFormCardData } from '../csrFormView';
import { recognizeIntent } from '../intents';
import { markSecretAnswer } from '../secretAnswer';
import { assistedText } from '../text/assistedText';
import { type StaffDeps, StaffDialogIds, type StaffDialogResult } from './staffDeps';
import { readStaffRequest } from './staffRequests';

const FORM_CARD_DIALOG = 'assistedPort.card';
const PORT_WATERFALL = 'assistedPort.waterfall';

interface StaffFormState extends CardHolder {
  /** What staff have entered so far and the form accepted; never a PIN. */
  draft: CsrDraft;
  round?: FormRound;
  /** An account number asked about (it breaks an unconfirmed carrier rule), until staff confirm it as read out. */
  unconfirmed?: UnconfirmedAnswers;
}

/** How the form ended: every detail accepted, or left (for another request, or cancelled). */
type StaffFormResult = { readonly draft: CsrDraft } | { readonly left: true; readonly followUp?: string };

export interface AssistedPortDeps {
  readonly staff: StaffDeps;
  readonly cards: CardActions;
  readonly ports: AssistedPorts;
  readonly numbersPolicy: NumbersPolicy;
}

class StaffFormCardDialog extends CardDialog<StaffFormState> {
  constructor(private readonly deps: AssistedPortDeps) {
    super(FORM_CARD_DIALOG, deps.cards);
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = stateOf<StaffFormState>(dc);
    state.draft = {};
    await this.showNewCard(dc.context, state);
    return CardDialog.EndOfTurn;
  }

  protected override async drawCard(_context: TurnContext, state: StaffFormState, cardId: string): Promise<AdaptiveCardJson> {
    return csrFormCard.expand(csrFormCardData(state.draft, state.round, cardId, 'staff'));
  }

  protected override async onAction(
    dc: DialogContext,
    state: StaffFormState,
    action: string,
    values: Readonly<Record<string, string>>,
  ): Promise<DialogTurnResult> {
    if (action !== FORM_ACTIONS.submit) return CardDialog.EndOfTurn;
    // The PIN is the customer's to give: whatever a client sends under its id is ignored.
    const { pin: _ignored, ...typed } = values as FormValues;
    if (typed.accountNumber) markSecretAnswer(dc.context);
    const check = checkForm(typed, state.draft, { policy: this.deps.numbersPolicy }, state.unconfirmed, ['pin']);
    state.draft = check.draft;
    state.unconfirmed = check.unconfirmed;
    if (check.complete) return this.finish(dc, state, { draft: check.draft } satisfies StaffFormResult);
    await this.cards.complete(dc.context, state);
    state.round = check.round;
    await this.showNewCard(dc.context, state);
    return CardDialog.EndOfTurn;
  }

  /** Staff may cancel, or move on to another request (a look-up, a how-to): the form is left for it. */
  protected override async onText(dc: DialogContext, state: StaffFormState, text: string): Promise<DialogTurnResult> {
    if (recognizeIntent(text) === 'cancel') return this.finish(dc, state, { left: true } satisfies StaffFormResult);
    const request = readStaffRequest(text, this.deps.staff.features);
    if (request.kind !== 'unknown') return this.finish(dc, state, { left: true, followUp: text } satisfies StaffFormResult);
    await dc.context.sendActivity(assistedText.formWaiting);
    return CardDialog.EndOfTurn;
  }
}

export class AssistedPortDialog extends ComponentDialog {
  constructor(private readonly deps: AssistedPortDeps) {
    super(StaffDialogIds.assistedPort);
    this.addDialog(new StaffFormCardDialog(deps));
    this.addDialog(new WaterfallDialog(PORT_WATERFALL, [this.fillFormStep.bind(this), this.sendLinkStep.bind(this)]));
    this.initialDialogId = PORT_WATERFALL;
  }

  private async fillFormStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.beginDialog(FORM_CARD_DIALOG);
  }

  private async sendLinkStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = step.result as StaffFormResult;
    if ('left' in result) {
      if (result.followUp === undefined) await step.context.sendActivity(assistedText.cancelled);
      return step.endDialog({ followUp: result.followUp } satisfies StaffDialogResult);
    }
    // The reference is reserved now, so staff can look the port up before the customer signs; the letter keeps it.
    const port = await this.deps.ports.prepare(step.context, createReferenceNumber(), result.draft);
    await step.context.sendActivity(assistedText.sent(port, new Date(port.linkExpiresAt)));
    return step.endDialog();
  }
}
