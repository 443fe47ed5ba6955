import type { DialogContext, DialogInstance, WaterfallStepContext } from 'botbuilder-dialogs';
import { CardDialog } from './cardDialog';

/**
 * The help for the step the customer is on. A waterfall step that asks a question records its help here; a card
 * dialog explains its own card (CardDialog.stepHelp). A global "help" then finds it on the conversation's one stack,
 * so it explains the question actually shown, whichever dialog asked it.
 */
const HELP_KEY = 'stepHelp';

export function setStepHelp(step: WaterfallStepContext, help: string): void {
  (step.values as Record<string, unknown>)[HELP_KEY] = help;
}

/** WaterfallDialog keeps `step.values` in its instance state as `values`; prompts and card dialogs keep none. */
function valuesOf(instance: DialogInstance): Record<string, unknown> | undefined {
  return (instance.state as { values?: Record<string, unknown> } | undefined)?.values;
}

/**
 * The help of the dialog that asked the current question, on the conversation's stack (`dc`, the root's): the card
 * dialog showing its card, or the topmost waterfall (under the prompt it began). Undefined when that dialog gives none
 * (a step that gives no help of its own gets the general help, never an outer step's help for a different question).
 */
export function currentStepHelp(dc: DialogContext): string | undefined {
  // The stack's top is its last entry: a question asked over a waterfall that another waterfall began gets its own help.
  for (const instance of [...dc.stack].reverse()) {
    const dialog = dc.findDialog(instance.id);
    if (dialog instanceof CardDialog) return dialog.stepHelp(instance.state);
    const values = valuesOf(instance);
    if (values !== undefined) return typeof values[HELP_KEY] === 'string' ? values[HELP_KEY] : undefined;
  }
  return undefined;
}
