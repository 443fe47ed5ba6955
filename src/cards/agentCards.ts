import escalationTemplate from '../../cards/escalation.json';
import queueTemplate from '../../cards/agentQueue.json';
import takeoverTemplate from '../../cards/agentTakeover.json';
import { type CardIdentity, CardTemplate } from './cardTemplate';

/**
 * The cards agents see. Every action submits `{ handoff, escalationId }`: what to do, and with which chat; the
 * takeover card's correction adds the inputs `field` and `value`.
 */
export const AGENT_ACTIONS = ['take', 'correct', 'end'] as const;
export type AgentAction = (typeof AGENT_ACTIONS)[number];

export interface LabelledValue {
  label: string;
  value: string;
}

/** A transcript line as the cards show it: who spoke, and what they said (secrets already redacted). */
export interface CardTranscriptLine {
  speaker: string;
  line: string;
}

export interface EscalationCardData extends CardIdentity {
  text: { heading: string; summaryHeading: string; transcriptHeading: string; take: string };
  escalationId: string;
  reason: string;
  /** Waiting, taken by whom, or ended. */
  status: string;
  /** An Adaptive Card container style: 'attention' while waiting, 'good' once taken, 'default' once over. */
  statusStyle: 'attention' | 'good' | 'default';
  facts: LabelledValue[];
  hasSummary: boolean;
  summary: LabelledValue[];
  hasTranscript: boolean;
  transcript: CardTranscriptLine[];
  canTake: boolean;
}

export interface TakeoverCardData extends CardIdentity {
  text: {
    heading: string;
    intro: string;
    transcriptHeading: string;
    correctHeading: string;
    fieldLabel: string;
    fieldRequired: string;
    valueLabel: string;
    valuePlaceholder: string;
    valueRequired: string;
    /** The box that keeps a value breaking a carrier rule we haven't confirmed, once the customer confirms it. */
    asTypedTitle: string;
    save: string;
    end: string;
  };
  escalationId: string;
  summary: LabelledValue[];
  hasTranscript: boolean;
  transcript: CardTranscriptLine[];
  /** The details an agent may correct: every one but the PIN. */
  fields: { title: string; value: string }[];
}

export interface QueueCardData extends CardIdentity {
  text: { heading: string; empty: string };
  hasEntries: boolean;
  entries: { headline: string; detail: string; take: string; escalationId: string; cardId: string }[];
}

export const escalationCard = new CardTemplate<EscalationCardData>(escalationTemplate);
export const takeoverCard = new CardTemplate<TakeoverCardData>(takeoverTemplate);
export const queueCard = new CardTemplate<QueueCardData>(queueTemplate);
