import { type Activity, ActionTypes, type CardAction } from 'botbuilder';
import { buttonChoice } from '../../dialogs/choices';
import type { ButtonName } from '../../dialogs/text/buttonLabels';

/**
 * What Web Chat sends for a click on a button: for a messageBack its text, shown as the customer's message, and its
 * value; for an imBack its value as text alone, just as if it had been typed.
 */
export function clickOn(action: CardAction): Partial<Activity> {
  return action.type === ActionTypes.MessageBack
    ? { type: 'message', text: action.text, value: action.value }
    : { type: 'message', text: String(action.value) };
}

/** A click on one of our named buttons, wherever it was shown: on the question on screen, or on an earlier one. */
export function click(name: ButtonName): Partial<Activity> {
  const { action } = buttonChoice(name);
  if (!action) throw new Error(`the ${name} button has no action`);
  return clickOn(action);
}
