import { ActionTypes, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import { text } from './text';

/** The main menu: what the bot does, as a short list with one suggested action per entry. */
export function menuActivity(): Partial<Activity> {
  const list = text.menuOptions.map((option) => `- **${option.title}**: ${option.description}`).join('\n');
  const actions = text.menuOptions.map((option) => ({ type: ActionTypes.ImBack, title: option.title, value: option.title }));
  return MessageFactory.suggestedActions(actions, `${text.menuIntro}\n\n${list}\n\n${text.menuOutro}`);
}

export async function showMenu(context: TurnContext): Promise<void> {
  await context.sendActivity(menuActivity());
}
