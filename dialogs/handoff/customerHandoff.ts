/**
 * The customer's side of a hand-off to a person: asking for one (the escalation, the Bot Framework hand-off event),
 * waiting (held messages, the offer after a long wait, a callback email), talking to the agent through the bot, and
 * coming back to the bot where they stopped. The agent's side (agentDesk.ts) opens turns in the customer's
 * conversation and calls the methods marked "in a turn the agent side opened".
 */
import { type Activity, ActivityTypes, Channels, type ConversationState, EventFactory, type StatePropertyAccessor, TextFormatTypes, TurnContext } from 'botbuilder';
import { type KnownSecrets, pinOf, maskedDraftSummary, redactSecrets, rejectionReason, validateCsrField } from '../../src/domain';
import {
  type Escalation,
  type EscalationReason,
  type StoredReference,
  type TranscriptLine,
  withLine,
} from '../../src/handoff/escalation';
import { type EscalationStore, conversationKeyOf } from '../../src/handoff/escalationStore';
import { buttonChoice, labelledChoice, questionActivity } from '../choices';
import type { ConversationDeps } from '../conversationDeps';
import { type AskableField, draftProgress, fieldLabel } from '../draftFields';
import { fieldOptions, saveAndReport, validateAnswerWithChecks } from '../draftUpdates';
import { recognizeIntent } from '../intents';
import type { PortingSession } from '../portingSession';
import { agentText } from '../text/agentText';
import { handoffText } from '../text/handoffText';
import { type AgentHub, lineForAgents } from './agentHub';
import type { TranscriptRecorder } from './transcriptRecorder';
import { currentLanguage, inLanguage } from '../../src/i18n/language';

export type HandoffRequestOutcome = 'escalated' | 'alreadyWaiting' | 'unavailable';

/** What the dialogs ask of the hand-off: a person, now. */
export interface HandoffRequester {
  request(context: TurnContext): Promise<HandoffRequestOutcome>;
}

export interface HandoffSettings {
  readonly expectedWaitMinutes: number;
  readonly maxWaitMinutes: number;
}

/** Goes back to the dialog the customer was in; `corrected`: an agent changed their details meanwhile. */
export type ResumeDialog = (context: TurnContext, corrected: boolean) => Promise<void>;

export type CorrectionOutcome =
  | {
      readonly kind: 'saved';
      readonly label: string;
      readonly shown: string;
      readonly summary: Escalation['summary'];
      /** The details the correction made invalid, which the bot asks for again after the hand-back. */
      readonly cleared: readonly string[];
    }
  | { readonly kind: 'refused'; readonly label: string; readonly message: string }
  | { readonly kind: 'tooLate' };

/** The Bot Framework hand-off protocol's status event, sent by a contact-center platform in front of the bot. */
export const HANDOFF_STATUS_EVENT = 'handoff.status';

/** Teams has no use for event activities and may refuse them: the hand-off event goes to the other channels. */
const takesHandoffEvents = (channelId: string) => channelId !== Channels.Msteams;

export function secretsOf(session: PortingSession | undefined): KnownSecrets {
  return { pin: session && pinOf(session.draft), accountNumber: session?.draft.accountNumber };
}

function reasonFor(session: PortingSession | undefined): EscalationReason {
  if (session?.personNeeded) return 'rejectionNeedsPerson';
  if (session?.serviceActiveConfirmed === false) return 'serviceCancelled';
  if (Object.values(session?.refusals ?? {}).some((count) => count >= 3)) return 'stuck';
  return 'asked';
}

function stepOf(session: PortingSession | undefined): string {
  if (!session) return agentText.steps.menu;
  if (session.personNeeded) {
    const { referenceNumber, reasonCode } = session.personNeeded;
    return agentText.steps.rejected(referenceNumber, reasonCode, rejectionReason(reasonCode).words);
  }
  switch (session.stage) {
    case 'collecting': {
      const progress = draftProgress(session.draft);
      return progress.done === 0 && progress.next !== undefined
        ? agentText.steps.starting
        : agentText.steps.collecting(progress.done, progress.total, progress.next && fieldLabel(progress.next));
    }
    case 'reviewing':
      return agentText.steps.reviewing;
    case 'signing':
      return agentText.steps.signing;
    case 'signed':
      return agentText.steps.signed(session.signedLoa?.referenceNumber ?? '');
    case 'correcting':
      return agentText.steps.correcting(session.correction?.referenceNumber ?? '');
  }
}

export function customerKeyOf(context: TurnContext): string {
  return conversationKeyOf(TurnContext.getConversationReference(context.activity) as StoredReference);
}

/** The conversation's escalation, kept in conversation state so that a turn without one costs no storage read. */
const ACTIVE_ESCALATION_PROPERTY = 'handoffEscalationId';

export class CustomerHandoff implements HandoffRequester {
  private readonly active: StatePropertyAccessor<string | undefined>;

  constructor(
    conversationState: ConversationState,
    private readonly deps: ConversationDeps,
    private readonly store: EscalationStore,
    private readonly hub: AgentHub,
    private readonly transcript: TranscriptRecorder,
    private readonly settings: HandoffSettings,
    private readonly resume: ResumeDialog,
  ) {
    this.active = conversationState.createProperty<string | undefined>(ACTIVE_ESCALATION_PROPERTY);
  }

  async request(context: TurnContext): Promise<HandoffRequestOutcome> {
    const key = customerKeyOf(context);
    const current = await this.store.forCustomer(key);
    if (current) {
      await this.active.set(context, current.id);
      await context.sendActivity(
        current.agent ? handoffText.alreadyWithAgent(current.agent.name) : handoffText.alreadyWaiting(await this.position(current.id)),
      );
      return 'alreadyWaiting';
    }
    if (!(await this.hub.isStaffed())) {
      await context.sendActivity(handoffText.unavailable(this.deps.supportContact));
      return 'unavailable';
    }
    const session = await this.deps.sessions.find(context);
    const reference = TurnContext.getConversationReference(context.activity) as StoredReference;
    const { escalation, created } = await this.store.open(key, {
      reason: reasonFor(session),
      // Agents read our words in English, whatever the customer reads; the customer's own words stay as typed.
      step: inLanguage('en', () => stepOf(session)),
      customer: { name: context.activity.from?.name || undefined, conversation: reference },
      language: currentLanguage(),
      summary: session ? inLanguage('en', () => maskedDraftSummary(session.draft).map(({ label, value }) => ({ label, value }))) : [],
      transcript: await this.transcript.read(context),
      createdAt: this.deps.clock().toISOString(),
    });
    await this.active.set(context, escalation.id);
    if (!created) {
      await context.sendActivity(handoffText.alreadyWaiting(await this.position(escalation.id)));
      return 'alreadyWaiting';
    }
    const hubPosts = await this.hub.announce(escalation);
    await this.store.update(escalation.id, (current) => ({ ...current, hubPosts }));
    await context.sendActivity(handoffText.finding(this.settings.expectedWaitMinutes, await this.position(escalation.id)));
    if (takesHandoffEvents(context.activity.channelId)) await context.sendActivity(this.handoffEvent(context, escalation));
    return 'escalated';
  }

  /**
   * A turn of the customer's own while a person is on the case (or a `handoff.status` event): handled here, and the
   * dialogs stay where they are. False when the customer is talking to the bot.
   */
  async handleTurn(context: TurnContext): Promise<boolean> {
    const { activity } = context;
    if (activity.type === ActivityTypes.Event && activity.name === HANDOFF_STATUS_EVENT) {
      await this.onHandoffStatus(context);
      return true;
    }
    if (activity.type !== ActivityTypes.Message || !(await this.active.get(context))) return false;
    const escalation = await this.store.forCustomer(customerKeyOf(context));
    if (!escalation) {
      await this.active.delete(context);
      return false;
    }
    // A contact-center platform that accepted the hand-off relays the chat itself.
    if (escalation.platform) return true;
    if (escalation.agent) await this.withAgent(context, escalation);
    else await this.whileWaiting(context, escalation);
    return true;
  }

  /** In a turn the agent side opened: the agent has joined. */
  async takenOver(context: TurnContext, agentName: string): Promise<void> {
    await context.sendActivity(handoffText.takenOver(agentName));
  }

  /** In a turn the agent side opened: the agent's message, marked as coming from a person. */
  async fromAgent(context: TurnContext, agentName: string, message: string): Promise<void> {
    await context.sendActivity({
      type: ActivityTypes.Message,
      text: handoffText.fromAgent(agentName, message),
      channelData: { fromPerson: { name: agentName } },
    });
  }

  /** In a turn the agent side opened: the agent handed the customer back to the bot. */
  async handedBack(context: TurnContext, agentName: string, corrected: boolean): Promise<void> {
    await this.active.delete(context);
    await context.sendActivity(handoffText.handedBack(agentName));
    await this.resume(context, corrected);
  }

  /**
   * In a turn the agent side opened: the agent corrects a detail (never the PIN) with the field's own validator. A value
   * that breaks a carrier rule we haven't confirmed is put to the agent as the customer would be asked it, and kept as
   * typed once the agent says the customer confirmed it (`asTyped`, the takeover card's box).
   */
  async correct(context: TurnContext, agentName: string, field: AskableField, raw: string, asTyped = false): Promise<CorrectionOutcome> {
    const label = fieldLabel(field);
    const session = await this.deps.sessions.find(context);
    if (!session || session.stage === 'signed') return { kind: 'tooLate' };
    const result = await validateAnswerWithChecks(context, this.deps, field, raw, session.draft, { asTyped });
    if (!result.ok) {
      const message = result.question === undefined ? result.error.message : agentText.ruleQuestion(result.question.rule);
      return { kind: 'refused', label, message: redactSecrets(message, secretsOf(session)) };
    }
    // The customer hears it as from any answer of theirs, with the validator's warnings.
    const { draft, shown, invalidated } = await saveAndReport(context, this.deps, field, result.value, result.warnings, {
      confirmation: (value) => handoffText.corrected(agentName, label.toLowerCase(), value),
      reportInvalidated: false,
      asTyped,
    });
    const summary = maskedDraftSummary(draft).map((row) => ({ label: row.label, value: row.value }));
    return { kind: 'saved', label, shown, summary, cleared: invalidated.map((answer) => fieldLabel(answer.field)) };
  }

  /**
   * "Delete my data": the customer's escalations end, a callback in the queue with them, and every copy of their
   * cards is redrawn without the customer's name, details, words or email.
   */
  async forget(context: TurnContext): Promise<void> {
    const ended = await this.store.endAllOfCustomer(TurnContext.getConversationReference(context.activity) as StoredReference);
    await Promise.all(ended.map((escalation) => this.hub.refresh(escalation, { kind: 'deleted' })));
    await this.active.delete(context);
  }

  /** In a turn the waiting check opened: the customer has waited longer than agents usually take. */
  async waitedLong(context: TurnContext): Promise<void> {
    await context.sendActivity(
      questionActivity(context.activity.channelId, handoffText.waitedLong, [buttonChoice('keepWaiting'), buttonChoice('backToBot'), buttonChoice('callback')]),
    );
  }

  private async whileWaiting(context: TurnContext, escalation: Escalation): Promise<void> {
    const text = context.activity.text?.trim() ?? '';
    const intent = recognizeIntent(text);
    if (intent === 'backToBot' || intent === 'cancel') return this.leave(context, escalation);
    if (escalation.awaitingCallbackEmail) return this.takeCallbackEmail(context, escalation, text);
    switch (intent) {
      case 'keepWaiting':
        await context.sendActivity(handoffText.keepWaiting);
        return;
      case 'callback':
        return this.askCallbackEmail(context, escalation);
      case 'agent':
        await context.sendActivity(handoffText.alreadyWaiting(await this.position(escalation.id)));
        return;
      default:
        if (text) await this.addToTranscript(context, escalation, text);
        await context.sendActivity(handoffText.stillWaiting(await this.position(escalation.id)));
    }
  }

  private async withAgent(context: TurnContext, escalation: Escalation): Promise<void> {
    const agentName = escalation.agent?.name ?? '';
    const text = context.activity.text?.trim() ?? '';
    if (recognizeIntent(text) === 'backToBot') return this.leave(context, escalation);
    if (!text) {
      await context.sendActivity(handoffText.buttonsPaused(agentName));
      return;
    }
    const line = await this.addToTranscript(context, escalation, text);
    const delivered = await this.hub.toAgent(escalation, agentText.customerSays(line.text));
    if (!delivered) await context.sendActivity(handoffText.agentUnreachable(agentName));
  }

  /** The customer goes back to the bot: the escalation ends, agents see it on the card, an assigned agent is told. */
  private async leave(context: TurnContext, escalation: Escalation): Promise<void> {
    await this.store.end(escalation.id);
    await this.hub.refresh(escalation, { kind: 'customerLeft' });
    if (escalation.agent) await this.hub.toAgent(escalation, agentText.customerLeft);
    await this.backToBot(context, escalation, handoffText.backToBot);
  }

  /** Out of the hand-off: the dialog the customer was in picks up again. */
  private async backToBot(context: TurnContext, escalation: Escalation, message: string): Promise<void> {
    await this.active.delete(context);
    await context.sendActivity(message);
    await this.resume(context, escalation.corrected === true);
  }

  private async askCallbackEmail(context: TurnContext, escalation: Escalation): Promise<void> {
    await this.store.update(escalation.id, (current) => ({ ...current, awaitingCallbackEmail: true }));
    const known = (await this.deps.sessions.find(context))?.draft.contactEmail;
    const choices = known ? [labelledChoice(known, known), buttonChoice('backToBot')] : [buttonChoice('backToBot')];
    await context.sendActivity(questionActivity(context.activity.channelId, handoffText.askCallbackEmail, choices));
  }

  /** The email goes through the contact email's own validator, exactly as when the bot asks for it. */
  private async takeCallbackEmail(context: TurnContext, escalation: Escalation, text: string): Promise<void> {
    const session = await this.deps.sessions.find(context);
    const result = validateCsrField('contactEmail', text, session?.draft ?? {}, fieldOptions(this.deps));
    if (!result.ok) {
      await context.sendActivity(questionActivity(context.activity.channelId, `${result.error.message}\n\n${handoffText.askCallbackEmail}`));
      return;
    }
    const email = result.value;
    const updated = await this.store.toCallback(escalation.id, customerKeyOf(context), email);
    if (updated) await this.hub.refresh(updated, { kind: 'callback', email });
    await this.backToBot(context, escalation, handoffText.callbackSaved(email));
  }

  private async onHandoffStatus(context: TurnContext): Promise<void> {
    const escalation = await this.store.forCustomer(customerKeyOf(context));
    const state = (context.activity.value as { state?: unknown } | undefined)?.state;
    if (!escalation) return;
    switch (state) {
      case 'accepted': {
        const accepted = await this.store.acceptedByPlatform(escalation.id);
        if (accepted) await this.hub.refresh(accepted, { kind: 'platform' });
        return;
      }
      case 'failed':
        await this.store.end(escalation.id);
        await this.hub.refresh(escalation, { kind: 'customerLeft' });
        await this.backToBot(context, escalation, handoffText.platformFailed(this.deps.supportContact));
        return;
      case 'completed':
        await this.store.end(escalation.id);
        await this.hub.refresh(escalation, { kind: 'ended', by: agentText.status.platform });
        await this.backToBot(context, escalation, handoffText.backToBot);
        return;
      default:
        return;
    }
  }

  private async addToTranscript(context: TurnContext, escalation: Escalation, text: string): Promise<TranscriptLine> {
    const session = await this.deps.sessions.find(context);
    const line: TranscriptLine = { from: 'customer', text: redactSecrets(text, secretsOf(session)), at: this.deps.clock().toISOString() };
    await this.store.update(escalation.id, (current) => ({ ...current, transcript: withLine(current.transcript, line) }));
    return line;
  }

  /** 1 for the first in line; 0 when no longer in the queue. */
  private async position(escalationId: string): Promise<number> {
    return (await this.store.queue()).findIndex((queued) => queued.id === escalationId) + 1;
  }

  /**
   * `handoff.initiate`, for a contact-center platform in front of the bot: the context and the redacted transcript,
   * in markdown as our own agents read it (the customer's words literal).
   */
  private handoffEvent(context: TurnContext, escalation: Escalation): Partial<Activity> {
    const handoffContext = {
      escalationId: escalation.id,
      reason: escalation.reason,
      reasonText: handoffText.reasons[escalation.reason],
      step: escalation.step,
      details: escalation.summary,
    };
    const customer = context.activity.from;
    const bot = context.activity.recipient;
    const activities = escalation.transcript.map(
      (line) =>
        ({
          type: ActivityTypes.Message,
          text: lineForAgents(line),
          textFormat: TextFormatTypes.Markdown,
          timestamp: new Date(line.at),
          from: line.from === 'customer' ? customer : bot,
          recipient: line.from === 'customer' ? bot : customer,
        }) as Activity,
    );
    return EventFactory.createHandoffInitiation(context, handoffContext, { activities });
  }
}
