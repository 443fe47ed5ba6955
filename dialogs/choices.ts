import { ActionTypes, ActivityTypes, Channels, InputHints, MessageFactory, type Activity } from 'botbuilder';
import { ChoiceFactory, ListStyle, type Choice } from 'botbuilder-dialogs';
import { z } from 'zod';
import { buttonLabels, type ButtonName } from './text/buttonLabels';

/**
 * How choices are shown on each channel. Suggested actions disappear once answered, which suits a conversation, and
 * Web Chat, the Emulator and the terminal client all show them; Teams shows them only in some chats, so there the
 * buttons go on a hero card. Every choice can also be typed.
 */
export function choiceStyleFor(channelId: string | undefined): ListStyle {
  return channelId === Channels.Msteams ? ListStyle.heroCard : ListStyle.suggestedAction;
}

/** What a click on one of our buttons carries besides its label (see isButtonClick). */
const ButtonClickSchema = z.object({ choice: z.string() });

/**
 * A choice whose button sends `label` as the customer's message and whose value is `value`. The button is a
 * messageBack, not an imBack, so that a click also carries `{ choice: value }`: an imBack arrives as plain text, the
 * same as typing, and then a typed "yes" could not be told from a click on an old "Yes" button.
 */
export function labelledChoice(value: string, label: string): Choice {
  return { value, action: { type: ActionTypes.MessageBack, title: label, text: label, displayText: label, value: { choice: value } } };
}

/** Whether the message is a click on one of our buttons (on this question or an earlier one), not words typed. */
export function isButtonClick(activity: Partial<Activity>): boolean {
  return activity.type === ActivityTypes.Message && ButtonClickSchema.safeParse(activity.value).success;
}

/** One of our named buttons as a choice: its value is the intent it stands for. */
export function buttonChoice(name: ButtonName): Choice {
  return labelledChoice(name, buttonLabels[name]);
}

/** A question for free-text answers, with buttons for the likely answers (or none), shown as the channel allows. */
export function questionActivity(channelId: string | undefined, text: string, choices: readonly Choice[] = []): Partial<Activity> {
  if (choices.length === 0) return MessageFactory.text(text, text, InputHints.ExpectingInput);
  const activity =
    choiceStyleFor(channelId) === ListStyle.heroCard
      ? ChoiceFactory.heroCard([...choices], text, text)
      : ChoiceFactory.suggestedAction([...choices], text, text);
  return { ...activity, inputHint: InputHints.ExpectingInput };
}
