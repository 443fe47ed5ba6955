import type { DialogContext, DialogInstance, WaterfallStepContext } from 'botbuilder-dialogs';

/**
 * The help for the step the customer is on. A waterfall step that asks a question records its help here; a global
 * "help" then finds it from the outermost dialog, so it explains the question actually shown, however deeply nested
 * the dialog that asked it.
 */
const HELP_KEY = 'stepHelp';

export function setStepHelp(step: WaterfallStepContext, help: string): void {
  (step.values as Record<string, unknown>)[HELP_KEY] = help;
}

/** WaterfallDialog keeps `step.values` in its instance state as `values`; prompts and components keep none. */
function valuesOf(instance: DialogInstance): Record<string, unknown> | undefined {
  return (instance.state as { values?: Record<string, unknown> } | undefined)?.values;
}

/** The dialog context of the innermost active dialog: where the question the customer sees was asked. */
export function innermostContext(dc: DialogContext): DialogContext {
  let current = dc;
  while (current.child) current = current.child;
  return current;
}

/**
 * The help recorded by the waterfall that asked the current question: the topmost waterfall of the innermost dialog
 * context. Undefined when that waterfall recorded none (a step that gives no help of its own gets the general help,
 * never an outer step's help for a different question).
 */
export function currentStepHelp(dc: DialogContext): string | undefined {
  const waterfall = innermostContext(dc).stack.map(valuesOf).find((values) => values !== undefined);
  const help = waterfall?.[HELP_KEY];
  return typeof help === 'string' ? help : undefined;
}
