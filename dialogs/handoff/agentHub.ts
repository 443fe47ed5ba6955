/**
 * Where agents are: the agents' channel in Teams (named in the settings) and the consoles that joined with the agent
 * token. The hub posts each escalation card there, shows on every copy who took it or how it ended, and speaks in the
 * conversation of the agent who has a chat.
 */
import { type Activity, CardFactory, MessageFactory } from 'botbuilder';
import type { Config } from '../../src/config';
import { type AdaptiveCardJson } from '../../src/cards/cardTemplate';
import { type EscalationCardData, escalationCard } from '../../src/cards/agentCards';
import { literalMarkdown, replaceQuotes } from '../../src/domain/text';
import type { Escalation, HubPost, StoredReference, TranscriptLine } from '../../src/handoff/escalation';
import type { EscalationStore } from '../../src/handoff/escalationStore';
import type { OpenConversation } from '../../src/bot/turnPipeline';
import { agentText } from '../text/agentText';

/** How an escalation card reads now. */
export type CardStatus =
  | { readonly kind: 'waiting' }
  | { readonly kind: 'taken'; readonly by: string }
  | { readonly kind: 'platform' }
  | { readonly kind: 'callback'; readonly email: string }
  | { readonly kind: 'callbackTaken'; readonly by: string; readonly email: string }
  | { readonly kind: 'ended'; readonly by: string }
  | { readonly kind: 'customerLeft' }
  /** The customer had their data deleted: the card keeps nothing of theirs. */
  | { readonly kind: 'deleted' };

/** Failures to reach agents are reported, never thrown: the customer's turn goes on. */
export type HubErrorReporter = (error: unknown, what: string) => void;

/**
 * A transcript line as agents read it, in markdown: the customer's words, and what the bot quotes of them, render as
 * their literal text, so that a customer cannot write a bold "**Bot:**" line, a link or an image into it; the bot's
 * and the agents' own formatting stays.
 */
export function lineForAgents({ from, text }: TranscriptLine): string {
  switch (from) {
    case 'customer':
      return literalMarkdown(text);
    case 'bot':
      return replaceQuotes(text, literalMarkdown);
    case 'agent':
      return text;
  }
}

export function transcriptForCard(lines: readonly TranscriptLine[]): { speaker: string; line: string }[] {
  return lines.map((line) => ({ speaker: agentText.speakers[line.from], line: lineForAgents(line) }));
}

const statusLine = (status: CardStatus): string => {
  switch (status.kind) {
    case 'waiting':
      return agentText.status.waiting;
    case 'taken':
      return agentText.status.takenBy(status.by);
    case 'platform':
      return agentText.status.platform;
    case 'callback':
      return agentText.status.callback(status.email);
    case 'callbackTaken':
      return agentText.status.callbackTaken(status.by, status.email);
    case 'ended':
      return agentText.status.endedBy(status.by);
    case 'customerLeft':
      return agentText.status.customerLeft;
    case 'deleted':
      return agentText.status.deleted;
  }
};

const timeOfDay = new Intl.DateTimeFormat('en-US', { timeStyle: 'short', timeZone: 'UTC' });

export function escalationCardData(shown: Escalation, status: CardStatus): EscalationCardData {
  const escalation: Escalation =
    status.kind === 'deleted'
      ? { ...shown, customer: { conversation: shown.customer.conversation }, summary: [], transcript: [], callbackEmail: undefined }
      : shown;
  const open = status.kind === 'waiting' || status.kind === 'callback';
  const facts = [
    { label: agentText.card.reason, value: agentText.reasons[escalation.reason] },
    { label: agentText.card.step, value: escalation.step },
    // The name is the customer's own on Web Chat and Direct Line, where the client sets `from.name`.
    { label: agentText.card.customer, value: literalMarkdown(escalation.customer.name ?? String(escalation.customer.conversation.channelId)) },
    { label: agentText.card.language, value: agentText.languages[escalation.language ?? 'en'] },
    { label: agentText.card.since, value: `${timeOfDay.format(new Date(escalation.createdAt))} UTC` },
    ...(escalation.callbackEmail ? [{ label: agentText.card.callback, value: escalation.callbackEmail }] : []),
  ];
  return {
    cardId: escalation.id,
    text: {
      heading: agentText.card.heading,
      summaryHeading: agentText.card.summaryHeading,
      transcriptHeading: agentText.card.transcriptHeading,
      take: agentText.card.take,
    },
    escalationId: escalation.id,
    reason: agentText.reasons[escalation.reason],
    status: statusLine(status),
    statusStyle: open ? 'attention' : status.kind === 'taken' || status.kind === 'platform' ? 'good' : 'default',
    facts,
    hasSummary: escalation.summary.length > 0,
    summary: escalation.summary,
    hasTranscript: escalation.transcript.length > 0,
    transcript: transcriptForCard(escalation.transcript),
    canTake: open,
  };
}

const cardActivity = (card: AdaptiveCardJson): Partial<Activity> => MessageFactory.attachment(CardFactory.adaptiveCard(card));

/** The reference to the agents' channel in Teams, built from the settings; undefined when none is named. */
export function teamsChannelReference(config: Pick<Config, 'agents' | 'bot'>): StoredReference | undefined {
  const { channelId, teamsServiceUrl } = config.agents;
  if (!channelId) return undefined;
  return {
    channelId: 'msteams',
    serviceUrl: teamsServiceUrl,
    conversation: { id: channelId, isGroup: true, conversationType: 'channel', tenantId: config.bot.tenantId },
    bot: { id: `28:${config.bot.appId ?? ''}`, name: 'Porting Assistant' },
  };
}

/** In Teams a card posted in a channel starts a thread: replies go to `<channel>;messageid=<card>`. */
export function threadOf(post: HubPost): StoredReference {
  const conversation = post.conversation.conversation as Record<string, unknown>;
  const channelConversationId = String(conversation.id).split(';')[0];
  if (post.conversation.channelId !== 'msteams' || conversation.conversationType !== 'channel') return post.conversation;
  return { ...post.conversation, conversation: { ...conversation, id: `${channelConversationId};messageid=${post.activityId}` } };
}

export class AgentHub {
  constructor(
    private readonly store: EscalationStore,
    private readonly open: OpenConversation,
    private readonly teamsChannel: StoredReference | undefined,
    private readonly reportError: HubErrorReporter,
  ) {}

  /** Whether anyone can take an escalation: the agents' channel is set up, or a console has joined. */
  async isStaffed(): Promise<boolean> {
    return this.teamsChannel !== undefined || (await this.store.consoles()).length > 0;
  }

  /** Posts the escalation card everywhere agents are; resolves with where it was posted. */
  async announce(escalation: Escalation): Promise<HubPost[]> {
    const destinations = [...(this.teamsChannel ? [this.teamsChannel] : []), ...(await this.store.consoles()).map((entry) => entry.reference)];
    const posts = await Promise.all(
      destinations.map(async (conversation): Promise<HubPost | undefined> => {
        try {
          let activityId: string | undefined;
          await this.open(conversation, async (context) => {
            activityId = (await context.sendActivity(cardActivity(escalationCard.expand(escalationCardData(escalation, { kind: 'waiting' })))))?.id;
          });
          return activityId === undefined ? undefined : { conversation, activityId };
        } catch (error) {
          this.reportError(error, 'could not post an escalation to agents');
          return undefined;
        }
      }),
    );
    return posts.filter((post): post is HubPost => post !== undefined);
  }

  /** Redraws every copy of the escalation card with its new status. */
  async refresh(escalation: Escalation, status: CardStatus): Promise<void> {
    const card = escalationCard.expand(escalationCardData(escalation, status));
    await Promise.all(
      escalation.hubPosts.map(async (post) => {
        try {
          await this.open(post.conversation, async (context) => {
            await context.updateActivity({ ...cardActivity(card), id: post.activityId });
          });
        } catch (error) {
          this.reportError(error, 'could not update an escalation card');
        }
      }),
    );
  }

  /** Sends to the agent who has the escalation, in their thread or console. False when it could not be delivered. */
  async toAgent(escalation: Escalation, activity: Partial<Activity> | string): Promise<boolean> {
    if (!escalation.agent) return false;
    try {
      await this.open(escalation.agent.conversation, async (context) => {
        await context.sendActivity(activity);
      });
      return true;
    } catch (error) {
      this.reportError(error, 'could not reach the agent');
      return false;
    }
  }
}
