/**
 * A scripted customer on a Web Chat channel: it posts activities to /api/messages with `deliveryMode: "expectReplies"`,
 * each with an id of its own, reads what the bot asks in its replies (a question, a card) and answers it from what
 * it knows about its account. Cards are pressed as Web Chat presses them: the action's data merged with the values
 * of the card's inputs. Questions are recognised by the bot's own words (dialogs/text), so a port that goes a way
 * the customer doesn't expect stops at once, with the conversation so far in the error.
 */
import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { type AskableField, fieldLabel } from '../../../dialogs/draftFields';
import { askFieldText, type QuestionContext } from '../../../dialogs/text/askFieldText';
import { type ButtonName, buttonLabels } from '../../../dialogs/text/buttonLabels';
import { formText } from '../../../dialogs/text/formText';
import { mainText } from '../../../dialogs/text/mainText';
import { portScopeText } from '../../../dialogs/text/portScopeText';
import { portText } from '../../../dialogs/text/portText';
import { reviewText } from '../../../dialogs/text/reviewText';
import { signText } from '../../../dialogs/text/signText';
import { tipsText } from '../../../dialogs/text/tipsText';
import { SIGNATURE_INPUT_ID } from '../../../src/cards/signCards';
import { renderAdaptiveCard } from '../../../src/chat/cardText';
import { ActionList } from '../../../src/chat/chatActions';
import { carrierRulesText } from '../../../dialogs/text/carrierRulesText';
import { type CarrierRef, carrierRules, pinExpiryNotice, portOutLockOf } from '../../../src/domain';
import { type Language, inLanguage } from '../../../src/i18n/language';
import { type CustomerDetails, addressLine, formatted } from './details';

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
const BOT = { id: 'bot', name: 'Porting Assistant', role: 'bot' };
/** A port takes about fifteen turns; a customer still talking after this many is going round in circles. */
const MAX_TURNS = 40;
/** The same question this many times in a row means the bot keeps refusing the answer. */
const MAX_SAME_QUESTION = 3;

/** What the bot is asking for in its last replies. */
export type Asked =
  | { readonly kind: 'field'; readonly field: AskableField }
  | { readonly kind: 'serviceActive' }
  /** Is the value typed exactly what the carrier gave? (it breaks a rule of the carrier's we haven't confirmed) */
  | { readonly kind: 'ruleQuestion' }
  /** Before signing: is the carrier's port-out lock off? */
  | { readonly kind: 'portOutLock' }
  /** Several numbers: are they all on one account with the same carrier? */
  | { readonly kind: 'sameAccount' }
  /** They are not: which of them are on one account (they go first)? */
  | { readonly kind: 'firstAccount' }
  /** Is the port moving every number on the account? */
  | { readonly kind: 'wholeAccount' }
  /** A partial port moving the billing number: the new billing number of the lines that stay. */
  | { readonly kind: 'remainingBillingNumber' }
  | { readonly kind: 'menu' }
  /** The request is signed and on its way: the bot said so (a first request, or a corrected one). */
  | { readonly kind: 'signed' }
  | { readonly kind: CardKind; readonly card: unknown };

type CardKind = 'form' | 'review' | 'letter';

/** The cards' headings in the language being read. */
const cardHeadings = (): ReadonlyMap<string, CardKind> =>
  new Map<string, CardKind>([
    [formText.card.heading, 'form'],
    [reviewText.card.heading, 'review'],
    [signText.loaCard.heading, 'letter'],
  ]);

/** The order the step-by-step questions come in (authorizedPerson only for a business). */
const FIELDS: readonly AskableField[] = [
  'numbers',
  'carrier',
  'accountNumber',
  'pin',
  'holderName',
  'authorizedPerson',
  'serviceAddress',
  'billingNumber',
  'contactEmail',
];

/** Sends one activity to the bot and resolves its replies. */
export type Exchange = (activity: Partial<Activity>) => Promise<Partial<Activity>[]>;

export interface CustomerOptions {
  /** A word for the ids: each customer gets a conversation and user of its own. */
  readonly name: string;
  readonly details: CustomerDetails;
  /** Where the bot sends what it says outside the customer's own turns (a FakeConnector). */
  readonly serviceUrl: string;
  /** What the customer's browser says it speaks; en-US unless given. */
  readonly locale?: string;
}

export function textsOf(replies: readonly Partial<Activity>[]): string[] {
  return replies.flatMap((reply) => (reply.text ? [reply.text] : []));
}

/** The titles of the buttons a reply offers (suggested actions). */
export function buttonTitles(reply: Partial<Activity>): string[] {
  return (reply.suggestedActions?.actions ?? []).map((action) => action.title ?? '');
}

export function cardsOf(replies: readonly Partial<Activity>[]): unknown[] {
  return replies.flatMap((reply) => (reply.attachments ?? []).filter((a) => a.contentType === ADAPTIVE_CARD).map((a) => a.content as unknown));
}

/** The card's text as a reader sees it (its first line is its heading), and its buttons. */
export function readCard(card: unknown): { lines: string[]; actions: ActionList } {
  const actions = new ActionList();
  return { lines: renderAdaptiveCard(card, actions), actions };
}

/** What pressing the button titled `title` on `card` sends, with `typed` entered into its inputs. */
export function pressOn(card: unknown, title: string, typed: Record<string, string> = {}): Partial<Activity> {
  const { actions } = readCard(card);
  for (let n = 1; n <= actions.count; n++) {
    const action = actions.get(n);
    if (action?.kind !== 'submit' || action.title !== title) continue;
    const inputs = Object.fromEntries(action.inputs.map((input) => [input.id, input.value]));
    return { type: 'message', value: { ...(action.data as object), ...inputs, ...typed } };
  }
  throw new Error(`no button "${title}" on the card: ${readCard(card).lines.join(' | ')}`);
}

/** The question for each field as the bot words it for this customer's account. */
function questionsFor(details: CustomerDetails): [AskableField, string][] {
  const carrier: CarrierRef = { id: details.carrier.id, name: details.carrier.name, known: true };
  const ctx: QuestionContext = {
    carrier,
    rules: carrierRules(carrier),
    pinExpiry: pinExpiryNotice(carrier),
    business: details.holder.kind === 'business' ? details.holder.fullName : undefined,
  };
  // Without the first number in the context, the billing-number question comes without its offer to use that
  // number: the start of the question, which is enough to tell it.
  return FIELDS.map((field) => [field, askFieldText.question[field](ctx)]);
}

/**
 * Whether `text` begins with what `template` makes of some reference number (more may follow it, such as the link
 * to the customer's copy of the letter).
 */
/** Whether `text` is what `template` makes of something in its hole (a number, a list of numbers). */
function fitsHoles(text: string, template: (hole: string) => string): boolean {
  const hole = '\u0000';
  const parts = template(hole).split(hole).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return parts.length > 1 && new RegExp(`^${parts.join('.+')}$`).test(text);
}

export function fitsTemplate(text: string, template: (referenceNumber: string) => string): boolean {
  const hole = '\u0000';
  const parts = template(hole).split(hole).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('PA-[0-9A-Z-]+')}`).test(text);
}

/** What was asked, in a word or two: "field pin", "review". */
function askedKey(asked: Asked): string {
  return asked.kind === 'field' ? `field ${asked.field}` : asked.kind;
}

function describeSent(sent: Partial<Activity>): string {
  if (sent.type !== 'message') return `[${sent.type}]`;
  return sent.text !== undefined ? short(sent.text) : `[card] ${short(JSON.stringify(sent.value))}`;
}

function short(text: string | undefined, length = 140): string {
  const flat = (text ?? '').replace(/\s+/g, ' ');
  return flat.length > length ? `${flat.slice(0, length)}…` : flat;
}

export class Customer {
  readonly conversationId: string;
  readonly userId: string;
  /** The conversation so far, one line per message, for failure messages. */
  readonly transcript: string[] = [];
  /** What the customer answers now; a test changes it when the customer's facts change (a corrected address). */
  details: CustomerDetails;
  /** The replies the customer is looking at: those to its last message, or what it last heard outside its turns. */
  lastReplies: Partial<Activity>[] = [];
  /**
   * How many messages the customer has sent (typed, a button, a card): what a port costs them. Opening the chat is
   * not one, and neither is a channel's redelivery of a message already counted.
   */
  messagesSent = 0;
  /** What the customer was asked and answered, in order ("field pin", "portOutLock", "letter"…). */
  readonly answered: string[] = [];
  /** Everything the bot has said to the customer, in order. */
  readonly heard: Partial<Activity>[] = [];
  /** The language the customer reads the bot in (and so recognises its questions in); a test changes it on a switch. */
  language: Language;
  private sequence = 0;

  constructor(
    /** How the customer reaches the bot; replaced when the bot restarts. */
    public exchange: Exchange,
    private readonly options: CustomerOptions,
  ) {
    const unique = randomUUID().slice(0, 8);
    this.conversationId = `acceptance-${options.name}-${unique}`;
    this.userId = `acceptance-user-${options.name}-${unique}`;
    this.details = options.details;
    this.language = options.locale?.startsWith('es') ? 'es' : 'en';
  }

  /** A new activity id, unique to this customer's conversation. */
  nextId(): string {
    this.sequence += 1;
    return `${this.conversationId}-${this.sequence}`;
  }

  /** `overrides` as this customer's Web Chat would post it, with a new id unless it names one. */
  activity(overrides: Partial<Activity>): Partial<Activity> {
    return {
      type: 'message',
      id: this.nextId(),
      channelId: 'webchat',
      serviceUrl: this.options.serviceUrl,
      from: { id: this.userId, name: this.details.signerName, role: 'user' },
      recipient: BOT,
      conversation: { id: this.conversationId },
      locale: this.options.locale ?? 'en-US',
      deliveryMode: 'expectReplies',
      ...overrides,
    } as Partial<Activity>;
  }

  /** Posts `overrides` as an activity (with a new id unless it names one) and looks at the replies. */
  async send(overrides: Partial<Activity>): Promise<Partial<Activity>[]> {
    const sent = this.activity(overrides);
    if (sent.type === 'message') this.messagesSent += 1;
    this.transcript.push(`customer: ${describeSent(sent)}`);
    const replies = await this.exchange(sent);
    this.hear(replies);
    return replies;
  }

  /**
   * Posts an activity already sent once, as a channel retries a POST it saw no answer to (the same id). The
   * customer goes on from these replies if there are any, and from those to the first delivery if there are none.
   */
  async redeliver(sent: Partial<Activity>): Promise<Partial<Activity>[]> {
    this.transcript.push(`customer (the same activity again): ${describeSent(sent)}`);
    const replies = await this.exchange(sent);
    if (replies.length > 0) this.hear(replies);
    return replies;
  }

  say(text: string): Promise<Partial<Activity>[]> {
    return this.send({ text });
  }

  /** Presses one of the bot's buttons as Web Chat sends it: a messageBack with its label and the choice it stands for. */
  press(button: ButtonName): Promise<Partial<Activity>[]> {
    return this.send({ text: this.read(() => buttonLabels[button]), value: { choice: button } });
  }

  /** `reading` done in the customer's language: the bot's words it knows are those of the language it reads. */
  read<R>(reading: () => R): R {
    return inLanguage(this.language, reading);
  }

  /** Opens the chat, as Web Chat does when the page loads: the greeting and the menu. */
  open(): Promise<Partial<Activity>[]> {
    return this.send({ type: 'conversationUpdate', membersAdded: [{ id: this.userId, name: this.details.signerName }] });
  }

  /** Takes in what the bot said, in the customer's turn or outside it (read from the channel). */
  hear(replies: readonly Partial<Activity>[]): void {
    this.heard.push(...replies);
    for (const reply of replies) {
      if (reply.type !== 'message') continue;
      const card = cardsOf([reply])[0];
      this.transcript.push(`bot: ${card === undefined ? short(reply.text) : `[card] ${short(readCard(card).lines.join(' | '))}`}`);
    }
    this.lastReplies = [...replies];
  }

  /** What the bot is asking for in the replies the customer is looking at, if the customer can tell. */
  asked(replies: readonly Partial<Activity>[] = this.lastReplies): Asked | undefined {
    return this.read(() => this.askedIn(replies));
  }

  private askedIn(replies: readonly Partial<Activity>[]): Asked | undefined {
    // Signed: unless the bot goes on to the next account of a split port, with a question after the receipt.
    const sentAt = replies.map((reply) => reply.text !== undefined && this.saysSent(reply.text)).lastIndexOf(true);
    if (sentAt === -1) return this.questionIn(replies);
    const next = this.questionIn(replies.slice(sentAt + 1));
    return next !== undefined && next.kind !== 'menu' ? next : { kind: 'signed' };
  }

  /** The question the bot asks in `replies`, if the customer can tell. */
  private questionIn(replies: readonly Partial<Activity>[]): Asked | undefined {
    const questions = questionsFor(this.details);
    for (const reply of [...replies].reverse()) {
      if (reply.type !== 'message') continue;
      const card = cardsOf([reply]).at(-1);
      if (card !== undefined) {
        const kind = cardHeadings().get(readCard(card).lines[0] ?? '');
        if (kind !== undefined) return { kind, card };
        continue;
      }
      const text = reply.text ?? '';
      if (text === tipsText.keepService.question) return { kind: 'serviceActive' };
      if (this.asksAboutLock(text)) return { kind: 'portOutLock' };
      const scope = this.scopeQuestion(text);
      if (scope !== undefined) return { kind: scope };
      if (buttonTitles(reply).includes(buttonLabels.thatsIt)) return { kind: 'ruleQuestion' };
      const field = questions.find(([, question]) => text.includes(question))?.[0];
      if (field !== undefined) return { kind: 'field', field };
      if (text === mainText.menu.again || text.startsWith(mainText.menu.intro)) return { kind: 'menu' };
    }
    return undefined;
  }

  /** Which question about the accounts behind the numbers `text` asks, if it asks one. */
  scopeQuestion(text: string): 'sameAccount' | 'firstAccount' | 'wholeAccount' | 'remainingBillingNumber' | undefined {
    const { sameAccount, firstAccount, wholeAccount, remainingBillingNumber } = portScopeText;
    if (fitsHoles(text, (hole) => sameAccount.question(hole as unknown as number))) return 'sameAccount';
    if (fitsHoles(text, (hole) => firstAccount.question([hole]))) return 'firstAccount';
    if (text === wholeAccount.question(this.details.carrier.name)) return 'wholeAccount';
    if (fitsHoles(text, (hole) => remainingBillingNumber.question(hole, this.details.carrier.name))) return 'remainingBillingNumber';
    return undefined;
  }

  /** Whether `text` asks whether the carrier's port-out lock is off (the first time, or again after "no"). */
  asksAboutLock(text: string): boolean {
    const carrier: CarrierRef = { id: this.details.carrier.id, name: this.details.carrier.name, known: true };
    const lock = portOutLockOf(carrier);
    return lock !== undefined && [carrierRulesText.lock.question(lock, carrier.name), carrierRulesText.lock.waiting(lock)].includes(text);
  }

  /** Whether `text` tells the customer their signed letter is on its way: a first request, or a corrected one. */
  saysSent(text: string): boolean {
    if (text === portText.afterSigned) return true;
    const { carrier, contactEmail } = this.details;
    return [signText.sent, signText.resent].some((message) => fitsTemplate(text, (referenceNumber) => message({ referenceNumber, carrier: carrier.name, contactEmail })));
  }

  /** The customer's answer to a field's question. */
  answerFor(field: AskableField): string {
    const { details } = this;
    switch (field) {
      case 'numbers':
        return details.numbers.typed;
      case 'carrier':
        return details.carrier.typed;
      case 'accountNumber':
        return details.accountNumber;
      case 'pin':
        return details.pin;
      case 'holderName':
        return details.holder.fullName;
      case 'authorizedPerson':
        if (details.authorizedPerson === undefined) throw this.lost('was asked for an authorized person, but the account is not a business');
        return details.authorizedPerson;
      case 'serviceAddress':
        return addressLine(details.serviceAddress);
      case 'billingNumber':
        return details.billingNumber.typed;
      case 'contactEmail':
        return details.contactEmail;
    }
  }

  /** Everything the form card asks for, as the customer types it into the inputs. */
  formInputs(): Record<string, string> {
    const { details } = this;
    const address = details.serviceAddress;
    return {
      numbers: details.numbers.typed,
      carrier: details.carrier.typed,
      accountNumber: details.accountNumber,
      pin: details.pin,
      holderName: details.holder.fullName,
      authorizedPerson: details.authorizedPerson ?? '',
      street: address.street,
      unit: address.typedUnit ?? address.unit ?? '',
      city: address.city,
      region: address.region,
      postalCode: address.postalCode,
      billingNumber: details.billingNumber.typed,
      contactEmail: details.contactEmail,
    };
  }

  /** Before confirming, the customer reads the review: it must show their details as they know them. */
  checkReview(card: unknown): void {
    const { details } = this;
    const shown = readCard(card).lines;
    const expected = [
      `${fieldLabel('numbers')}: ${details.numbers.e164.map(formatted).join(', ')}`,
      `${fieldLabel('carrier')}: ${details.carrier.name}`,
      `${fieldLabel('holderName')}: ${details.holder.fullName}`,
      ...(details.authorizedPerson === undefined ? [] : [`${fieldLabel('authorizedPerson')}: ${details.authorizedPerson}`]),
      `${fieldLabel('serviceAddress')}: ${addressLine(details.serviceAddress, 'stored')}`,
      `${fieldLabel('billingNumber')}: ${formatted(details.billingNumber.e164)}`,
      `${fieldLabel('contactEmail')}: ${details.contactEmail}`,
      ...(details.wholeAccount === false ? [`${reviewText.partialPort.label}: ${reviewText.partialPort.value}`] : []),
      ...(details.remainingBillingNumber === undefined
        ? []
        : [`${reviewText.partialPort.remainingBillingNumber}: ${formatted(details.remainingBillingNumber.e164)}`]),
    ];
    const missing = expected.filter((line) => !shown.includes(line));
    if (missing.length > 0) throw this.lost(`would not confirm the review: it does not show ${JSON.stringify(missing)} but ${JSON.stringify(shown)}`);
  }

  /** Answers what the bot asks; fails when the customer can't tell what that is. */
  async answer(asked: Asked | undefined = this.asked()): Promise<Partial<Activity>[]> {
    return this.send(this.read(() => this.answerTo(asked)));
  }

  /** What the customer sends in answer to what the bot asks. */
  private answerTo(asked: Asked | undefined): Partial<Activity> {
    if (asked === undefined) throw this.lost('cannot tell what the bot is asking');
    this.answered.push(askedKey(asked));
    const { details } = this;
    switch (asked.kind) {
      case 'field':
        return { text: this.answerFor(asked.field) };
      case 'serviceActive':
        return { text: buttonLabels.yes };
      // The customer copies what the carrier gave them: it is exactly that, and the lock is off.
      case 'ruleQuestion':
        return { text: buttonLabels.thatsIt };
      case 'portOutLock':
        return { text: buttonLabels.yes };
      case 'sameAccount':
        return { text: details.firstAccountNumbers === undefined ? buttonLabels.yes : buttonLabels.no };
      case 'firstAccount':
        if (details.firstAccountNumbers === undefined) throw this.lost('was asked which numbers are on one account, but they all are');
        return { text: details.firstAccountNumbers };
      case 'wholeAccount':
        return { text: details.wholeAccount === false ? buttonLabels.no : buttonLabels.yes };
      case 'remainingBillingNumber':
        if (details.remainingBillingNumber === undefined) throw this.lost('was asked for a new billing number, but the billing number is not moving');
        return { text: details.remainingBillingNumber.typed };
      case 'form':
        return pressOn(asked.card, formText.card.submit, this.formInputs());
      case 'review':
        this.checkReview(asked.card);
        return pressOn(asked.card, reviewText.card.confirm);
      case 'letter':
        return pressOn(asked.card, signText.loaCard.sign, { [SIGNATURE_INPUT_ID]: this.details.signerName });
      case 'menu':
      case 'signed':
        throw this.lost(`has nothing to answer: the bot is at "${asked.kind}"`);
    }
  }

  /**
   * Answers question after question until `stop` says the one on screen is where the test takes over (it is not
   * answered), and resolves it. Fails on a question the customer can't tell, and on one asked again and again.
   */
  async until(stop: (asked: Asked) => boolean): Promise<Asked> {
    let previous = '';
    let repeats = 0;
    for (let turn = 0; turn < MAX_TURNS; turn++) {
      const asked = this.asked();
      if (asked === undefined) throw this.lost('cannot tell what the bot is asking');
      if (stop(asked)) return asked;
      const key = askedKey(asked);
      repeats = key === previous ? repeats + 1 : 1;
      previous = key;
      if (repeats >= MAX_SAME_QUESTION) throw this.lost(`was asked for "${key}" ${repeats} times in a row`);
      await this.answer(asked);
    }
    throw this.lost(`was still answering after ${MAX_TURNS} turns`);
  }

  /** Answers until the bot asks for `field`, leaving that question unanswered. */
  untilAskedFor(field: AskableField): Promise<Asked> {
    return this.until((asked) => asked.kind === 'field' && asked.field === field);
  }

  /** Answers everything until the port is signed and sent; resolves the replies to the signature. */
  async finishPort(): Promise<Partial<Activity>[]> {
    await this.until((asked) => asked.kind === 'signed' || asked.kind === 'menu');
    if (this.asked()?.kind !== 'signed') throw this.lost('is back at the menu without having signed');
    return this.lastReplies;
  }

  /** From the greeting to the signed request, the way a customer starts: "Start my port". */
  async completePort(): Promise<Partial<Activity>[]> {
    await this.open();
    await this.say(this.read(() => buttonLabels.startPort));
    return this.finishPort();
  }

  /** An error that tells what the bot said last and the whole conversation so far. */
  lost(what: string): Error {
    return new Error(`The customer ${what}.\nThe conversation ${this.conversationId}:\n  ${this.transcript.join('\n  ')}`);
  }
}
