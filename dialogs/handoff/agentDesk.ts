/**
 * The agents' side of hand-offs: joining the console, the queue, taking a chat (first agent wins), talking to the
 * customer, correcting their details (never the PIN) and handing them back to the bot. Agents are members of the
 * agents' team in Teams (whose channel messages Teams delivers only from members), users on the allow-list, or any
 * conversation that joined the console with the agent token. Anything else asking to act as an agent is refused.
 */
import { type Activity, ActivityTypes, CardFactory, type ConversationState, MessageFactory, type StatePropertyAccessor, TurnContext } from 'botbuilder';
import { z } from 'zod';
import { fromTeamsGroup } from '../../src/bot/teamsMembers';
import { AGENT_ACTIONS, queueCard, takeoverCard } from '../../src/cards/agentCards';
import { CSR_FIELDS, redactSecrets } from '../../src/domain';
import { type Escalation, type StoredReference, withLine } from '../../src/handoff/escalation';
import { type EscalationStore, conversationKeyOf } from '../../src/handoff/escalationStore';
import { clientAddressOf } from '../../src/hosting/turnClient';
import { type Logger, loggerForTurn } from '../../src/logging';
import { sameSecret } from '../../src/security/sameSecret';
import { type AskableField, fieldLabel } from '../draftFields';
import { agentText } from '../text/agentText';
import { type AgentHub, threadOf, transcriptForCard } from './agentHub';
import type { CustomerHandoff } from './customerHandoff';

/** The event a console page sends when it opens, with the agent token. */
export const AGENT_JOIN_EVENT = 'agent/join';

export interface AgentDeskSettings {
  /** The agents' team in Teams: its members may act as agents. */
  readonly teamId?: string;
  readonly allowedUserIds: readonly string[];
  /** The console token; without it, no conversation can join as a console. */
  readonly consoleToken?: string;
  readonly maxWaitMinutes: number;
}

/** Runs `work` in a turn of the customer's conversation, under its turn lock, saving its state afterwards. */
export type CustomerTurn = <R>(customer: StoredReference, work: (context: TurnContext) => Promise<R>) => Promise<R>;

const actionSchema = z.object({
  handoff: z.enum(AGENT_ACTIONS),
  escalationId: z.string().max(100),
  field: z.string().optional(),
  value: z.string().optional(),
  /** The takeover card's box: the customer confirmed the value is exactly what their carrier gave. */
  asTyped: z.string().optional(),
});
type AgentActionValue = z.infer<typeof actionSchema>;

/** The details an agent may correct: all the customer gives, except the PIN. */
export const CORRECTABLE_FIELDS: readonly AskableField[] = [...CSR_FIELDS.filter((field) => field !== 'pin'), 'authorizedPerson'];

const CONSOLE_PROPERTY = 'agentConsole';
const MS_PER_MINUTE = 60_000;

interface AgentIdentity {
  readonly id: string;
  /** What the customer sees: the agent's first name. */
  readonly name: string;
}

function identityOf(context: TurnContext): AgentIdentity {
  const from = context.activity.from ?? { id: 'agent', name: '' };
  const firstName = (from.name ?? '').trim().split(/\s+/u)[0];
  return { id: from.aadObjectId ?? from.id, name: firstName || 'An agent' };
}

/** In a Teams thread the whole team can post: only the agent who took the chat speaks for it. */
const isAssignedAgent = (context: TurnContext, escalation: Escalation) => escalation.agent?.id === identityOf(context).id;

const referenceOf = (context: TurnContext) => TurnContext.getConversationReference(context.activity) as StoredReference;

export class AgentDesk {
  private readonly console: StatePropertyAccessor<boolean>;

  constructor(
    conversationState: ConversationState,
    private readonly store: EscalationStore,
    private readonly hub: AgentHub,
    private readonly customers: CustomerHandoff,
    private readonly customerTurn: CustomerTurn,
    private readonly settings: AgentDeskSettings,
    private readonly clock: () => Date,
    /** Where refused joins are recorded for the audit. */
    private readonly logger: Logger,
    /**
     * Whether what an agent types outside any chat is another desk's to answer: an agent who is also support staff
     * gets the staff desk there (the router's next stop), and the agents' help text only where no other desk answers.
     */
    private readonly answeredElsewhere: (context: TurnContext) => boolean = () => false,
  ) {
    this.console = conversationState.createProperty<boolean>(CONSOLE_PROPERTY);
  }

  /** Handles the turn when it is an agent's (or someone asking to act as one); false when it is a customer's. */
  async handleTurn(context: TurnContext): Promise<boolean> {
    const { activity } = context;
    if (activity.type === ActivityTypes.Event && activity.name === AGENT_JOIN_EVENT) {
      await this.join(context);
      return true;
    }
    if (activity.type !== ActivityTypes.Message) return false;
    const action = actionSchema.safeParse(activity.value);
    const agents = { teamId: this.settings.teamId, userIds: this.settings.allowedUserIds };
    const authorized = (await this.console.get(context, false)) || fromTeamsGroup(activity, agents);
    if (!authorized) {
      if (!action.success) return false;
      await context.sendActivity(agentText.notAuthorized);
      return true;
    }
    if (!action.success) return this.command(context, activity.text?.trim() ?? '');
    await this.act(context, action.data);
    return true;
  }

  /** Tells customers who have waited longer than AGENT_MAX_WAIT_MINUTES, once each, what else they can do. */
  async remindLongWaits(): Promise<number> {
    const cutoff = this.clock().getTime() - this.settings.maxWaitMinutes * MS_PER_MINUTE;
    let reminded = 0;
    for (const escalation of await this.store.queue()) {
      if (escalation.state !== 'waiting' || escalation.waitNoticeSent || Date.parse(escalation.createdAt) > cutoff) continue;
      let claimed = false;
      await this.store.update(escalation.id, (current) => {
        claimed = current.state === 'waiting' && !current.waitNoticeSent;
        return claimed ? { ...current, waitNoticeSent: true } : undefined;
      });
      if (!claimed) continue;
      await this.customerTurn(escalation.customer.conversation, (context) => this.customers.waitedLong(context));
      reminded += 1;
    }
    return reminded;
  }

  private async join(context: TurnContext): Promise<void> {
    const token = (context.activity.value as { token?: unknown } | undefined)?.token;
    const { consoleToken } = this.settings;
    if (typeof token !== 'string' || consoleToken === undefined || !sameSecret(token, consoleToken)) {
      this.auditRefusedJoin(context, typeof token !== 'string' ? 'noToken' : consoleToken === undefined ? 'noConsole' : 'wrongToken');
      await context.sendActivity({ type: ActivityTypes.Message, text: agentText.wrongToken, channelData: { agentConsole: 'refused' } });
      return;
    }
    const reference = referenceOf(context);
    await this.console.set(context, true);
    await this.store.joinConsole(conversationKeyOf(reference), reference);
    // The console page shows the conversation from this message on (public/assets/agent.js).
    await context.sendActivity({ type: ActivityTypes.Message, text: agentText.joined, channelData: { agentConsole: 'joined' } });
  }

  /**
   * Someone tried the console's token and failed: a run of these is someone guessing it. Logged with where from (when
   * known, see turnClient.ts), when (the entry's time) and in which conversation; never what they tried, which may be
   * an agent's real token mistyped.
   */
  private auditRefusedJoin(context: TurnContext, reason: 'noToken' | 'noConsole' | 'wrongToken'): void {
    const client = clientAddressOf(context);
    loggerForTurn(this.logger, context).warn(
      { reason, channelId: context.activity.channelId, ...(client !== undefined && { client }) },
      'agent console join refused',
    );
  }

  /** An agent's command, or their words for the customer whose chat they have; false when another desk answers it. */
  private async command(context: TurnContext, text: string): Promise<boolean> {
    if (agentText.commands.queue.test(text)) {
      await this.showQueue(context);
      return true;
    }
    const escalation = await this.store.forAgentConversation(conversationKeyOf(referenceOf(context)));
    if (!escalation) {
      const ending = agentText.commands.end.test(text);
      if (!ending && this.answeredElsewhere(context)) return false;
      await context.sendActivity(ending ? agentText.noChat : agentText.help);
      return true;
    }
    if (!isAssignedAgent(context, escalation)) {
      // Colleagues may talk in the agent's thread in Teams; what they say is theirs, not the customer's to read.
      if (escalation.agent && agentText.commands.end.test(text)) await context.sendActivity(agentText.notYourChat(escalation.agent.name));
      return true;
    }
    if (agentText.commands.end.test(text)) await this.end(context, escalation);
    else if (text) await this.relay(context, escalation, text);
    return true;
  }

  private async act(context: TurnContext, action: AgentActionValue): Promise<void> {
    if (action.handoff === 'take') return this.take(context, action.escalationId);
    const escalation = await this.store.get(action.escalationId);
    const mine = escalation?.agent && conversationKeyOf(escalation.agent.conversation) === conversationKeyOf(this.agentConversation(context, escalation));
    if (!escalation || !mine) {
      await context.sendActivity(escalation?.agent ? agentText.alreadyTaken(escalation.agent.name) : agentText.gone);
      return;
    }
    if (!isAssignedAgent(context, escalation)) {
      await context.sendActivity(agentText.notYourChat(escalation.agent?.name ?? ''));
      return;
    }
    if (action.handoff === 'end') return this.end(context, escalation);
    return this.correct(context, escalation, action.field ?? '', action.value ?? '', action.asTyped === 'true');
  }

  private async take(context: TurnContext, escalationId: string): Promise<void> {
    const found = await this.store.get(escalationId);
    if (!found) {
      await context.sendActivity(agentText.gone);
      return;
    }
    const conversation = this.agentConversation(context, found);
    const agentKey = conversationKeyOf(conversation);
    const current = await this.store.forAgentConversation(agentKey);
    if (current && current.id !== escalationId) {
      await context.sendActivity(agentText.busy);
      return;
    }
    const agent = { ...identityOf(context), conversation };
    const outcome = await this.store.take(escalationId, agent, agentKey);
    if (outcome.kind === 'gone') {
      await context.sendActivity(agentText.gone);
      return;
    }
    if (outcome.kind === 'alreadyTaken') {
      await context.sendActivity(agentText.alreadyTaken(outcome.by));
      return;
    }
    const { escalation } = outcome;
    if (escalation.callbackEmail !== undefined) {
      await this.store.end(escalation.id);
      await this.hub.refresh(escalation, { kind: 'callbackTaken', by: agent.name, email: escalation.callbackEmail });
      await context.sendActivity(agentText.callbackTaken(escalation.callbackEmail));
      return;
    }
    await this.hub.refresh(escalation, { kind: 'taken', by: agent.name });
    try {
      await this.customerTurn(escalation.customer.conversation, (customerContext) => this.customers.takenOver(customerContext, agent.name));
    } catch {
      await context.sendActivity(agentText.customerUnreachable);
    }
    await this.hub.toAgent(escalation, this.takeoverCardActivity(escalation));
  }

  private async relay(context: TurnContext, escalation: Escalation, text: string): Promise<void> {
    const agentName = escalation.agent?.name ?? identityOf(context).name;
    try {
      await this.customerTurn(escalation.customer.conversation, (customerContext) => this.customers.fromAgent(customerContext, agentName, text));
    } catch {
      await context.sendActivity(agentText.customerUnreachable);
      return;
    }
    // Later agents read the transcript: a secret an agent typed (read out by the customer on the phone) is masked.
    const line = { from: 'agent' as const, text: redactSecrets(text, {}), at: this.clock().toISOString() };
    await this.store.update(escalation.id, (current) => ({ ...current, transcript: withLine(current.transcript, line) }));
  }

  private async correct(context: TurnContext, escalation: Escalation, field: string, value: string, asTyped: boolean): Promise<void> {
    if (field === 'pin') {
      await context.sendActivity(agentText.pinNotCorrectable);
      return;
    }
    const correctable = CORRECTABLE_FIELDS.find((candidate) => candidate === field);
    if (!correctable || !value.trim()) {
      await context.sendActivity(this.takeoverCardActivity(escalation));
      return;
    }
    const agentName = escalation.agent?.name ?? identityOf(context).name;
    let outcome;
    try {
      outcome = await this.customerTurn(escalation.customer.conversation, (customerContext) =>
        this.customers.correct(customerContext, agentName, correctable, value, asTyped),
      );
    } catch {
      await context.sendActivity(agentText.customerUnreachable);
      return;
    }
    switch (outcome.kind) {
      case 'saved':
        await this.store.update(escalation.id, (current) => ({ ...current, summary: outcome.summary, corrected: true }));
        await context.sendActivity(agentText.corrected(outcome.label, outcome.shown, outcome.cleared));
        return;
      case 'refused':
        await context.sendActivity(agentText.correctionRefused(outcome.label.toLowerCase(), outcome.message));
        return;
      case 'tooLate':
        await context.sendActivity(agentText.correctionTooLate);
    }
  }

  private async end(context: TurnContext, escalation: Escalation): Promise<void> {
    const agentName = escalation.agent?.name ?? identityOf(context).name;
    const ended = (await this.store.end(escalation.id)) ?? escalation;
    await this.hub.refresh(ended, { kind: 'ended', by: agentName });
    try {
      await this.customerTurn(ended.customer.conversation, (customerContext) =>
        this.customers.handedBack(customerContext, agentName, ended.corrected === true),
      );
    } catch {
      await context.sendActivity(agentText.customerUnreachable);
    }
    await context.sendActivity(agentText.ended);
  }

  private async showQueue(context: TurnContext): Promise<void> {
    const now = this.clock().getTime();
    const entries = (await this.store.queue()).map((escalation) => {
      const waited = Math.floor((now - Date.parse(escalation.createdAt)) / MS_PER_MINUTE);
      return {
        headline: escalation.callbackEmail
          ? agentText.queue.callbackHeadline(escalation.callbackEmail, waited)
          : agentText.queue.headline(escalation.reason, waited),
        detail: escalation.step,
        take: agentText.queue.take,
        escalationId: escalation.id,
        cardId: escalation.id,
      };
    });
    const card = queueCard.expand({ cardId: 'queue', text: { heading: agentText.queue.heading, empty: agentText.queue.empty }, hasEntries: entries.length > 0, entries });
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
  }

  /**
   * Where the agent talks with the customer: in Teams, the thread under the escalation card in the agents' channel
   * (a card in the channel's root is answered in its thread); anywhere else, the conversation the agent is in.
   */
  private agentConversation(context: TurnContext, escalation: Escalation): StoredReference {
    const reference = referenceOf(context);
    const conversation = reference.conversation as { id?: unknown; conversationType?: unknown };
    const inChannelRoot = reference.channelId === 'msteams' && conversation.conversationType === 'channel' && !String(conversation.id).includes(';messageid=');
    if (!inChannelRoot) return reference;
    const post = escalation.hubPosts.find((candidate) => conversationKeyOf(candidate.conversation) === conversationKeyOf(reference));
    return post ? threadOf(post) : reference;
  }

  private takeoverCardActivity(escalation: Escalation): Partial<Activity> {
    const t = agentText.takeover;
    const card = takeoverCard.expand({
      cardId: escalation.id,
      text: {
        heading: t.heading,
        intro: t.intro,
        transcriptHeading: t.transcriptHeading,
        correctHeading: t.correctHeading,
        fieldLabel: t.fieldLabel,
        fieldRequired: t.fieldRequired,
        valueLabel: t.valueLabel,
        valuePlaceholder: t.valuePlaceholder,
        valueRequired: t.valueRequired,
        asTypedTitle: t.asTypedTitle,
        save: t.save,
        end: t.end,
      },
      escalationId: escalation.id,
      summary: escalation.summary,
      hasTranscript: escalation.transcript.length > 0,
      transcript: transcriptForCard(escalation.transcript),
      fields: CORRECTABLE_FIELDS.map((field) => ({ title: fieldLabel(field), value: field })),
    });
    return MessageFactory.attachment(CardFactory.adaptiveCard(card));
  }
}
