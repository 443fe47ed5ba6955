/**
 * The guard every card-driven dialog uses against stale cards and double clicks. Each card the bot sends gets a new
 * card id, carried in the data of every Action.Submit on it (`{ action, cardId }`) and kept in the sending dialog's
 * state as its current card. A submit is then one of:
 * - from the current card: handed to the dialog;
 * - from a card that has already done its job (a double click, a retried turn): ignored with a short note, so it is
 *   never processed twice — the ledger of handled cards lives in conversation state, so this holds even after the
 *   dialog that sent the card has ended;
 * - from any other card (a button from an earlier step): a gentle note, and the current prompt again.
 * A submit that reaches a dialog showing no card at all (a text question or the menu, once the card's dialog has ended
 * or while a question is asked over it) is one of the last two: its note, then that dialog's question again.
 */
import { randomUUID } from 'node:crypto';
import {
  type Activity,
  ActivityTypes,
  CardFactory,
  type ConversationState,
  MessageFactory,
  type StatePropertyAccessor,
  type TurnContext,
} from 'botbuilder';
import { z } from 'zod';
import type { AdaptiveCardJson } from '../src/cards/cardTemplate';
import { localized } from '../src/i18n/language';

const cardActionTextEn = {
  fromEarlierStep: "That card is from an earlier step. Here's where we are now.",
  alreadyHandled: "I've already got that one, so there's nothing more to do with it.",
} as const;

export const cardActionText = localized({
  en: cardActionTextEn,
  es: {
    fromEarlierStep: 'Esa tarjeta es de un paso anterior. Aquí es donde estamos ahora.',
    alreadyHandled: 'Eso ya lo recibí, así que no hay nada más que hacer con esa tarjeta.',
  },
});

/** The dialog state that remembers which card the dialog is waiting on. */
export interface CardHolder {
  cardId?: string;
}

/** An expanded card as the message that shows it. */
export function cardActivity(card: AdaptiveCardJson): Partial<Activity> {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}

/** What the customer sent, once stray card submits are answered. */
export type CardTurn =
  | { kind: 'text'; text: string }
  /** A button on the current card, with the card's input values. */
  | { kind: 'action'; action: string; values: Readonly<Record<string, string>> }
  /** A submit from an earlier or already handled card, or no message at all: nothing more to do this turn. */
  | { kind: 'answered' };

const SubmitDataSchema = z.looseObject({ action: z.string().min(1), cardId: z.string().min(1) });
type SubmitData = z.infer<typeof SubmitDataSchema>;

const LedgerSchema = z.object({ handled: z.array(z.string()) });
type CardLedger = z.infer<typeof LedgerSchema>;

/** Enough to catch double clicks and retried turns, small enough to keep conversation state small. */
const REMEMBERED_CARDS = 50;
const LEDGER_PROPERTY = 'handledCards';

/** The data of a card's Action.Submit, when the activity is one. */
function cardSubmitIn(activity: Activity): SubmitData | undefined {
  if (activity.type !== ActivityTypes.Message) return undefined;
  const submitted = SubmitDataSchema.safeParse(activity.value);
  return submitted.success ? submitted.data : undefined;
}

/** Adaptive Cards submit strings; other clients may send numbers or booleans, which are read as the same text. */
function inputValues(data: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [id, value] of Object.entries(data)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') values[id] = String(value);
  }
  return values;
}

export class CardActions {
  private readonly ledger: StatePropertyAccessor<CardLedger>;

  constructor(conversationState: ConversationState) {
    this.ledger = conversationState.createProperty<CardLedger>(LEDGER_PROPERTY);
  }

  /** A new card id, made the holder's current card: any card shown before becomes one from an earlier step. */
  newCardId(holder: CardHolder): string {
    holder.cardId = randomUUID();
    return holder.cardId;
  }

  /** The holder's current card id, or a new one when it has none: showing the same card again keeps its id. */
  currentCardId(holder: CardHolder): string {
    return holder.cardId ?? this.newCardId(holder);
  }

  /**
   * Reads the turn's activity for the dialog that holds `holder`. A stray submit is answered here (`showCurrent`
   * puts the current prompt back after the note); the dialog handles the rest.
   */
  async receive(context: TurnContext, holder: CardHolder, showCurrent: () => Promise<void>): Promise<CardTurn> {
    if (context.activity.type !== ActivityTypes.Message) return { kind: 'answered' };
    const submitted = cardSubmitIn(context.activity);
    if (!submitted) return { kind: 'text', text: context.activity.text ?? '' };
    const { action, cardId, ...inputs } = submitted;
    if (cardId === holder.cardId && !(await this.isHandled(context, cardId))) {
      return { kind: 'action', action, values: inputValues(inputs) };
    }
    // A repeat leaves the dialog's own card where it was, just above; from an earlier step, the customer has moved away from it.
    if (!(await this.explain(context, cardId))) await showCurrent();
    return { kind: 'answered' };
  }

  /**
   * When no card is on screen (`cardOnScreen` is false: a text question, the menu): answers a card submit, which can
   * only be a repeat or from an earlier step, with its note and then `showCurrent` (the click has hidden the
   * question's buttons). False when the turn's activity is not a card submit, or a card on screen will take it.
   */
  async answerStray(context: TurnContext, cardOnScreen: boolean, showCurrent: () => Promise<void>): Promise<boolean> {
    const submitted = cardSubmitIn(context.activity);
    if (!submitted || cardOnScreen) return false;
    await this.explain(context, submitted.cardId);
    await showCurrent();
    return true;
  }

  /** The holder's current card has done its job: any later submit of it is a repeat. */
  async complete(context: TurnContext, holder: CardHolder): Promise<void> {
    if (holder.cardId === undefined) return;
    const ledger = await this.read(context);
    await this.ledger.set(context, { handled: [...ledger.handled, holder.cardId].slice(-REMEMBERED_CARDS) });
    holder.cardId = undefined;
  }

  /** Tells the customer why a submit is not acted on; true when it repeats a card already handled. */
  private async explain(context: TurnContext, cardId: string): Promise<boolean> {
    const handled = await this.isHandled(context, cardId);
    await context.sendActivity(handled ? cardActionText.alreadyHandled : cardActionText.fromEarlierStep);
    return handled;
  }

  private async isHandled(context: TurnContext, cardId: string): Promise<boolean> {
    return (await this.read(context)).handled.includes(cardId);
  }

  private async read(context: TurnContext): Promise<CardLedger> {
    const stored = LedgerSchema.safeParse(await this.ledger.get(context));
    return stored.success ? stored.data : { handled: [] };
  }
}
