import type { TurnContext } from 'botbuilder';
import {
  ChoicePrompt,
  type FoundChoice,
  type PromptOptions,
  type PromptRecognizerResult,
  type PromptValidator,
} from 'botbuilder-dialogs';
import { buttonChoice, choiceStyleFor, isButtonClick } from './choices';
import { MAX_COMMAND_LENGTH, recognizeIntent, type Intent } from './intents';
import type { ButtonName } from './text/buttonLabels';
import { promptText } from './text/promptText';

export interface IntentChoiceOptions {
  /** Intents accepted as answers without a button of their own (typed only), e.g. "form" at the main menu. */
  readonly alsoAccepts?: readonly Intent[];
  /**
   * Intents that are neither accepted nor an interruption here: they get the "please choose" retry. A yes/no question
   * keeps "cancel", which would otherwise be ambiguous between "no" and "stop everything".
   */
  readonly keeps?: readonly Intent[];
  /**
   * Interruptions offered as buttons after the answers, e.g. "Talk to an agent": pressing one interrupts the question
   * (see InterruptibleDialog), which stays on the stack to be asked again, rather than answering it.
   */
  readonly offers?: readonly (Intent & ButtonName)[] | (() => readonly (Intent & ButtonName)[]);
  /** The question's own check of an answer, beside it in the dialog that asks it (it sees what failed recognition too). */
  readonly validator?: PromptValidator<FoundChoice>;
}

/**
 * A choice among named buttons, each standing for an intent. A message is recognised by the intent recognizer first
 * (so "I want to switch my number to you" picks "Start my port"), then by the SDK's choice recognizer (labels,
 * "1", "the second one"). A button clicked when it no longer fits gets a gentle word before the question again; the
 * same words typed are an answer that doesn't fit, and get the usual "please choose".
 * The result is the chosen intent, as the FoundChoice's value.
 */
export class IntentChoicePrompt extends ChoicePrompt {
  constructor(
    dialogId: string,
    private readonly buttons: readonly ButtonName[],
    private readonly options: IntentChoiceOptions = {},
  ) {
    super(dialogId, options.validator);
  }

  /** Whether `intent` answers this question (and so must not interrupt it). */
  answers(intent: Intent): boolean {
    return this.accepts(intent) || (this.options.keeps ?? []).includes(intent);
  }

  private accepts(intent: Intent): boolean {
    return (this.buttons as readonly Intent[]).includes(intent) || (this.options.alsoAccepts ?? []).includes(intent);
  }

  private withButtons(context: TurnContext, options: PromptOptions, shown: readonly ButtonName[] = this.buttons): PromptOptions {
    return { ...options, choices: shown.map(buttonChoice), style: choiceStyleFor(context.activity.channelId) };
  }

  protected override async onPrompt(context: TurnContext, state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    if (isRetry) {
      await context.sendActivity(isButtonClick(context.activity) ? promptText.staleButton : promptText.notUnderstood);
    }
    const { offers = [] } = this.options;
    const shown = [...this.buttons, ...(typeof offers === 'function' ? offers() : offers)];
    await super.onPrompt(context, state, this.withButtons(context, options, shown), isRetry);
  }

  protected override async onRecognize(
    context: TurnContext,
    state: object,
    options: PromptOptions,
  ): Promise<PromptRecognizerResult<FoundChoice>> {
    const intent = recognizeIntent(context.activity.text);
    if (intent !== undefined && this.accepts(intent)) {
      const index = (this.buttons as readonly Intent[]).indexOf(intent);
      return { succeeded: true, value: { value: intent, index, score: 1, synonym: context.activity.text } };
    }
    // A long message is an answer or a pasted record, never a choice; and the SDK's choice recognizer, which looks
    // for numbers, takes seconds on a long run of digits (the fuzz test sends 20,000), so it never sees one.
    if (intent !== undefined || (context.activity.text ?? '').length > MAX_COMMAND_LENGTH) return { succeeded: false };
    return super.onRecognize(context, state, this.withButtons(context, options));
  }
}

/** A yes/no question. */
export function yesNoPrompt(dialogId: string): IntentChoicePrompt {
  return new IntentChoicePrompt(dialogId, ['yes', 'no'], { keeps: ['cancel'] });
}

/** The intent chosen at an IntentChoicePrompt, from the step's result. */
export function chosenIntent(result: unknown): Intent | undefined {
  const value = (result as FoundChoice | undefined)?.value;
  return value === undefined ? undefined : (value as Intent);
}

export function saidYes(result: unknown): boolean {
  return chosenIntent(result) === 'yes';
}
