import { ActivityTypes } from 'botbuilder';
import {
  ComponentDialog,
  Dialog,
  type DialogContext,
  type DialogTurnResult,
  WaterfallDialog,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { asksFieldInCollection, billTakenThisTurn, carriesFile, takeBillAttachment } from './billAttachment';
import type { CardActions } from './cardActions';
import { CardDialog } from './cardDialog';
import type { ConversationDeps } from './conversationDeps';
import { hasAnyAnswer } from './draftFields';
import { assertOneInstancePerId } from './flowDialog';
import { askForPerson } from './handoff/askForPerson';
import { IntentChoicePrompt, saidYes, yesNoPrompt } from './intentChoicePrompt';
import { recognizeIntent, type Intent } from './intents';
import { portStatusText } from './portStatus';
import type { PortingSession } from './portingSession';
import { currentStepHelp, setStepHelp } from './stepHelp';
import { type Language, currentLanguage, switchTurnLanguage } from '../src/i18n/language';
import { interruptionText, type ConfirmedInterruption } from './text/interruptionText';

/** What the customer may ask for at any step, whatever the question on screen. */
const INTERRUPTIONS = ['help', 'status', 'agent', 'cancel', 'cancelAndDelete', 'startOver'] as const satisfies readonly Intent[];
export type Interruption = (typeof INTERRUPTIONS)[number];

const isInterruption = (intent: Intent): intent is Interruption => (INTERRUPTIONS as readonly Intent[]).includes(intent);

/** The intents that switch the language the bot speaks, at any step. */
const LANGUAGE_INTENTS: Readonly<Partial<Record<Intent, Language>>> = { spanish: 'es', english: 'en' };

/** The language a message asks for ("español", "English", the language button), if it asks for one. */
export function languageAskedFor(text: string | undefined): Language | undefined {
  const intent = recognizeIntent(text);
  return intent === undefined ? undefined : LANGUAGE_INTENTS[intent];
}

const CONFIRM_WATERFALL = 'interruption.confirm';
const CONFIRM_PROMPT = 'interruption.yesNo';

interface ConfirmOptions {
  intent: ConfirmedInterruption;
}

/**
 * The base of the conversation's root (core-bot's CancelAndHelpDialog, grown up): the one ComponentDialog, whose
 * DialogSet holds every dialog of the conversation (the others are waterfalls that bring along the dialogs they use,
 * see FlowDialog), so the whole conversation runs on its one stack. It sees each message first, once per turn, so
 * interruptions work at every step:
 * - help explains the current step (see stepHelp.ts) and asks its question again;
 * - status and agent answer, then ask the current question again;
 * - cancel, "cancel and delete" and start over confirm first when there is something to lose, then act;
 * - "español" or "English" switches the language, remembered with the session, and the conversation goes on in it
 *   (see afterLanguageSwitch): a question already asked is asked anew rather than repeated in the old language;
 * - a card submit that no card on screen is waiting for (its dialog has ended, or a question is asked over it) gets
 *   the card guard's note and the current question again: never read as an answer, never acted on.
 * - a file attached (a copy of the bill) is taken at any step (see billAttachment.ts), then the question on screen is
 *   asked again; a field's question in the collection moves on to the next detail still missing instead.
 * A word that answers the question on screen is an answer, not an interruption: "no" or "cancel" at a yes/no question,
 * "start over" where it is one of the offered choices.
 */
export abstract class InterruptibleDialog<O extends object = object> extends ComponentDialog<O> {
  private readonly confirmedKey: symbol;

  protected constructor(
    dialogId: string,
    protected readonly deps: ConversationDeps,
    initialDialogId: string,
    private readonly cards: CardActions,
  ) {
    super(dialogId);
    this.confirmedKey = Symbol(`${dialogId}.confirmedInterruption`);
    this.addDialog(yesNoPrompt(CONFIRM_PROMPT));
    this.addDialog(
      new WaterfallDialog(CONFIRM_WATERFALL, [this.askConfirmationStep.bind(this), this.actOnConfirmationStep.bind(this)]),
    );
    this.initialDialogId = initialDialogId;
  }

  /** Adds `dialog` with the dialogs it depends on, each of them one instance per id (see assertOneInstancePerId). */
  override addDialog(dialog: Dialog): this {
    assertOneInstancePerId(this.dialogs, dialog);
    return super.addDialog(dialog);
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    if (await this.answeredStrayCard(innerDc)) return Dialog.EndOfTurn;
    if (carriesFile(innerDc.context) && !billTakenThisTurn(innerDc.context)) {
      await takeBillAttachment(innerDc.context, this.deps);
      if (!asksFieldInCollection(innerDc)) return this.askAgain(innerDc);
    }
    const { type, text } = innerDc.context.activity;
    const language = type === ActivityTypes.Message ? languageAskedFor(text) : undefined;
    if (language) return this.switchLanguage(innerDc, language);
    const interruption = this.interruptionIn(innerDc);
    if (interruption) return this.interrupt(innerDc, interruption);
    const result = await super.onContinueDialog(innerDc);
    const confirmed = innerDc.context.turnState.get(this.confirmedKey) as ConfirmedInterruption | undefined;
    return confirmed ? this.afterInterruption(innerDc, confirmed) : result;
  }

  /**
   * Where the conversation goes once a cancel or start over has been carried out; this dialog's stack is empty by
   * then. By default this dialog ends; the main dialog overrides it to go back to its menu or start again.
   */
  protected async afterInterruption(innerDc: DialogContext, _interruption: ConfirmedInterruption): Promise<DialogTurnResult> {
    return innerDc.endDialog();
  }

  /**
   * Where the conversation goes once the language has been switched; this dialog's stack is empty by then, as its
   * questions were asked in the other language (`wasOn`: the ids of the dialogs it held). By default this dialog
   * ends; the main dialog overrides it to carry on with the port (or its menu) in the new language.
   */
  protected async afterLanguageSwitch(innerDc: DialogContext, _wasOn: readonly string[]): Promise<DialogTurnResult> {
    return innerDc.endDialog();
  }

  private async switchLanguage(innerDc: DialogContext, language: Language): Promise<DialogTurnResult> {
    const { context } = innerDc;
    if (language === currentLanguage()) {
      await context.sendActivity(interruptionText.language.already);
      return this.askAgain(innerDc);
    }
    await this.deps.sessions.chooseLanguage(context, language);
    // The turn speaks the new language from here on, starting with saying so.
    switchTurnLanguage(language);
    await context.sendActivity(interruptionText.language.switched);
    const wasOn = innerDc.stack.map((entry) => entry.id);
    await innerDc.cancelAllDialogs();
    return this.afterLanguageSwitch(innerDc, wasOn);
  }

  private async answeredStrayCard(innerDc: DialogContext): Promise<boolean> {
    return this.cards.answerStray(innerDc.context, waitsForCard(innerDc), () => innerDc.repromptDialog());
  }

  private interruptionIn(innerDc: DialogContext): Interruption | undefined {
    const { type, text } = innerDc.context.activity;
    if (type !== ActivityTypes.Message || !text) return undefined;
    const intent = recognizeIntent(text);
    if (intent === undefined || !isInterruption(intent)) return undefined;
    const prompt = questionOnScreen(innerDc);
    if (prompt instanceof IntentChoicePrompt && prompt.answers(intent)) return undefined;
    return intent;
  }

  private async interrupt(innerDc: DialogContext, interruption: Interruption): Promise<DialogTurnResult> {
    const { context } = innerDc;
    switch (interruption) {
      case 'help':
        await context.sendActivity(`${currentStepHelp(innerDc) ?? interruptionText.generalHelp}\n\n${interruptionText.anytime}`);
        return this.askAgain(innerDc);
      case 'status':
        await context.sendActivity(portStatusText(await this.deps.sessions.find(context)));
        return this.askAgain(innerDc);
      case 'agent':
        // With a person on the way the question stays on the stack, unasked, until the customer is handed back.
        if (await askForPerson(context, this.deps)) return Dialog.EndOfTurn;
        return this.askAgain(innerDc);
      default: {
        if (losesSomething(await this.deps.sessions.find(context), interruption)) {
          return innerDc.beginDialog(CONFIRM_WATERFALL, { intent: interruption });
        }
        await this.carryOut(innerDc, interruption, false);
        await innerDc.cancelAllDialogs();
        return this.afterInterruption(innerDc, interruption);
      }
    }
  }

  private async askAgain(innerDc: DialogContext): Promise<DialogTurnResult> {
    await innerDc.repromptDialog();
    return Dialog.EndOfTurn;
  }

  /**
   * An interruption asked for with no question on screen (the opening message of a conversation): confirmed first
   * when there is something to lose, as anywhere else; otherwise carried out at once and the step goes on.
   */
  protected async confirmThenCarryOut(step: WaterfallStepContext, interruption: ConfirmedInterruption): Promise<DialogTurnResult> {
    if (losesSomething(await this.deps.sessions.find(step.context), interruption)) {
      return step.beginDialog(CONFIRM_WATERFALL, { intent: interruption } satisfies ConfirmOptions);
    }
    await this.carryOut(step, interruption, false);
    return step.next();
  }

  /** `hadDetails`: whether the customer had given any detail (a plain cancel then says they are kept). */
  private async carryOut(dc: DialogContext, interruption: ConfirmedInterruption, hadDetails: boolean): Promise<void> {
    const { context } = dc;
    if (interruption === 'cancelAndDelete') {
      const forgotten = await this.deps.forgetCustomer(context, (await this.deps.sessions.find(context))?.submittedReferences ?? []);
      await context.sendActivity(interruptionText.deleted(forgotten, this.deps.supportContact));
      return;
    }
    if (interruption === 'startOver') await this.deps.sessions.startOver(context);
    const nothingKept = interruption === 'cancel' && !hadDetails;
    await context.sendActivity(nothingKept ? interruptionText.stopped : interruptionText.done[interruption]);
  }

  private async askConfirmationStep(step: WaterfallStepContext<ConfirmOptions>): Promise<DialogTurnResult> {
    const { intent } = step.options;
    setStepHelp(step, interruptionText.confirmHelp[intent]);
    return step.prompt(CONFIRM_PROMPT, { prompt: interruptionText.confirm[intent] });
  }

  /** On "no" the dialog below asks its question again; on "yes" the whole stack goes and afterInterruption decides. */
  private async actOnConfirmationStep(step: WaterfallStepContext<ConfirmOptions>): Promise<DialogTurnResult> {
    const { intent } = step.options;
    if (!saidYes(step.result)) {
      await step.context.sendActivity(interruptionText.carryOn);
      return step.endDialog();
    }
    await this.carryOut(step, intent, true);
    step.context.turnState.set(this.confirmedKey, intent);
    return step.cancelAllDialogs();
  }
}

/** Whether the interruption would lose something the customer gave us: then they confirm it first. */
function losesSomething(session: PortingSession | undefined, interruption: ConfirmedInterruption): boolean {
  if (session === undefined) return false;
  return hasAnyAnswer(session.draft) || (interruption === 'cancelAndDelete' && session.submittedReferences.length > 0);
}

/** The dialog that asked the question on screen: the top of the conversation's one stack. */
function questionOnScreen(dc: DialogContext): Dialog | undefined {
  return dc.activeDialog && dc.findDialog(dc.activeDialog.id);
}

/** Whether a card is the question on screen: its dialog answers every card submit itself (see CardDialog). */
function waitsForCard(dc: DialogContext): boolean {
  return questionOnScreen(dc) instanceof CardDialog;
}
