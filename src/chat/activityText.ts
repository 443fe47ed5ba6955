import type { Activity, CardAction } from 'botbuilder';
import { renderAdaptiveCard } from './cardText';
import type { ActionList, ChatAction } from './chatActions';

/** How the terminal chat shows the bot's replies: one block of lines per activity, choices numbered across all. */

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
const HERO_CARDS = new Set(['application/vnd.microsoft.card.hero', 'application/vnd.microsoft.card.thumbnail']);

function fromCardAction(action: CardAction): ChatAction | undefined {
  const title = action.title || String(action.value ?? '');
  switch (action.type) {
    case 'imBack':
      return { kind: 'message', title, text: String(action.value ?? action.title) };
    case 'postBack':
      return { kind: 'message', title, value: action.value };
    case 'messageBack':
      return { kind: 'message', title, text: action.text ?? action.displayText, value: action.value };
    case 'openUrl':
      return { kind: 'openUrl', title, url: String(action.value) };
    default:
      return undefined;
  }
}

function renderCardActions(actions: readonly CardAction[] | undefined, list: ActionList): string[] {
  return (actions ?? []).flatMap((action) => {
    const chatAction = fromCardAction(action);
    return chatAction ? [list.add(chatAction)] : [];
  });
}

interface HeroCard {
  title?: string;
  subtitle?: string;
  text?: string;
  images?: { alt?: string }[];
  buttons?: CardAction[];
}

function renderAttachment(contentType: string, content: unknown, list: ActionList): string[] {
  if (contentType === ADAPTIVE_CARD) return renderAdaptiveCard(content, list);
  if (HERO_CARDS.has(contentType)) {
    const card = (content ?? {}) as HeroCard;
    return [
      ...[card.title, card.subtitle, card.text].filter((line): line is string => Boolean(line)),
      ...(card.images ?? []).map((image) => (image.alt ? `[image: ${image.alt}]` : '[image]')),
      ...renderCardActions(card.buttons, list),
    ];
  }
  return [`[attachment: ${contentType}]`];
}

interface AdaptiveCardInvokeResponse {
  body?: { statusCode?: number; type?: string; value?: unknown };
}

/** The answer to an Action.Execute: a card that replaces the one acted on, a message, or an error. */
function renderInvokeResponse(value: unknown, list: ActionList): string[] {
  const body = (value as AdaptiveCardInvokeResponse | undefined)?.body;
  switch (body?.type) {
    case ADAPTIVE_CARD:
      return renderAdaptiveCard(body.value, list);
    case 'application/vnd.microsoft.activity.message':
      return [String(body.value)];
    case 'application/vnd.microsoft.error':
      return [`[error: ${(body.value as { message?: string } | undefined)?.message ?? 'the bot could not handle that action'}]`];
    default:
      return [];
  }
}

/** The lines that show `activity`, or none for activities a person would not see (typing, traces). */
export function renderActivity(activity: Partial<Activity>, list: ActionList): string[] {
  switch (activity.type) {
    case 'message':
      return [
        ...(activity.text ? [activity.text] : []),
        ...(activity.attachments ?? []).flatMap((attachment) => renderAttachment(attachment.contentType, attachment.content, list)),
        ...renderCardActions(activity.suggestedActions?.actions, list),
      ];
    case 'invokeResponse':
      return renderInvokeResponse(activity.value, list);
    case 'event':
      return [`[event: ${activity.name ?? 'unnamed'}]`];
    case 'endOfConversation':
      return ['[The bot ended the conversation.]'];
    default:
      return [];
  }
}
