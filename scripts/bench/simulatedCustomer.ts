/**
 * A simulated customer for the benchmark: one complete port over HTTP with `deliveryMode: "expectReplies"`, the way
 * the conversation test (test/dialogs/conversation.test.ts) takes one, with the same answers but numbers of its own,
 * and cards submitted as Web Chat submits them (the action's data merged with the card's input values).
 */
import type { Activity } from 'botbuilder';
import { buttonLabels } from '../../dialogs/text/buttonLabels';
import { portText } from '../../dialogs/text/portText';
import { reviewText } from '../../dialogs/text/reviewText';
import { signText } from '../../dialogs/text/signText';
import { SIGNATURE_INPUT_ID } from '../../src/cards/signCards';
import { renderAdaptiveCard } from '../../src/chat/cardText';
import { ActionList } from '../../src/chat/chatActions';
import { CSR_FIELDS, type CsrFieldName } from '../../src/domain';

/** Sends one activity and resolves the bot's replies; the benchmark times each call. */
export type Exchange = (activity: Partial<Activity>) => Promise<Partial<Activity>[]>;

const HOLDER_NAME = 'Maria Lopez';

/**
 * The conversation test's answers (an AT&T account for one person), with two numbers that no other port of the run
 * uses: `sequence` picks them.
 */
export function answersFor(sequence: number): Record<CsrFieldName, string> {
  const first = sequence * 2;
  const exchange = 234 + Math.floor(first / 10_000);
  const line = (n: number) => `(415) ${exchange}-${String(n % 10_000).padStart(4, '0')}`;
  return {
    numbers: `${line(first)}, ${line(first + 1)}`,
    carrier: 'AT&T',
    accountNumber: '555444333222',
    pin: '918273',
    holderName: HOLDER_NAME,
    serviceAddress: '123 Main St, Apt 4, Springfield, IL 62704',
    billingNumber: line(first),
    contactEmail: 'maria@example.com',
  };
}

function lastCard(replies: readonly Partial<Activity>[]): unknown {
  const cards = replies.flatMap((reply) => (reply.attachments ?? []).filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive'));
  const card = cards.at(-1)?.content;
  if (card === undefined) throw new Error(`expected a card, got: ${JSON.stringify(replies.map((reply) => reply.text))}`);
  return card;
}

/** What pressing the button titled `title` on the last card sends, with `typed` entered into its inputs. */
function submit(replies: readonly Partial<Activity>[], title: string, typed: Record<string, string> = {}): Partial<Activity> {
  const actions = new ActionList();
  renderAdaptiveCard(lastCard(replies), actions);
  for (let n = 1; n <= actions.count; n++) {
    const action = actions.get(n);
    if (action?.kind !== 'submit' || action.title !== title) continue;
    const inputs = Object.fromEntries(action.inputs.map((input) => [input.id, input.value]));
    return { type: 'message', value: { ...(action.data as object), ...inputs, ...typed } };
  }
  throw new Error(`no button "${title}" on the card`);
}

const message = (text: string): Partial<Activity> => ({ type: 'message', text });

/** Takes one port from the greeting to the signed request; throws when the bot answers anything unexpected. */
export async function completePort(exchange: Exchange, userId: string, sequence: number): Promise<void> {
  const answers = answersFor(sequence);
  await exchange({ type: 'conversationUpdate', membersAdded: [{ id: userId, name: 'Customer' }] });
  await exchange(message(buttonLabels.startPort));
  await exchange(message(buttonLabels.yes));
  let replies: Partial<Activity>[] = [];
  for (const field of CSR_FIELDS) {
    replies = await exchange(message(answers[field]));
    // Its two numbers are on one account, moving whole: asked after the numbers, and before the billing number.
    if (field === 'numbers' || field === 'serviceAddress') replies = await exchange(message(buttonLabels.yes));
  }
  // Before the letter, AT&T's Wireless Account Lock: the customer says it is off.
  await exchange(submit(replies, reviewText.card.confirm));
  const letter = await exchange(message(buttonLabels.yes));
  // Typing the name and pressing Sign signs and sends.
  const sent = await exchange(submit(letter, signText.loaCard.sign, { [SIGNATURE_INPUT_ID]: HOLDER_NAME }));
  if (!sent.some((reply) => reply.text === portText.afterSigned)) {
    throw new Error(`the port did not end signed: ${JSON.stringify(sent.map((reply) => reply.text))}`);
  }
}

/** The turns of one complete port: what the echo bot is sent for a like-for-like count. */
export const TURNS_PER_PORT = 3 + CSR_FIELDS.length + 2 + 3;
