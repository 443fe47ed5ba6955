/**
 * An escalation: one customer's chat waiting for, or being handled by, a person. It lives in the bot's storage (see
 * escalationStore.ts), so any instance can take it over, relay it or end it, and it survives restarts. It never
 * holds a secret: the CSR summary is masked and the transcript redacted before they get here.
 */
import { z } from 'zod';
import { LANGUAGES } from '../i18n/language';

/** Why the customer needs a person. */
export const ESCALATION_REASONS = ['asked', 'stuck', 'serviceCancelled', 'rejectionNeedsPerson'] as const;
export type EscalationReason = (typeof ESCALATION_REASONS)[number];

/**
 * - waiting: in the queue, no person yet;
 * - assigned: a person has it (an agent of ours, or the contact-center platform that accepted the hand-off event);
 * - callback: the customer left an email to be answered later and went back to the bot.
 * An escalation that ends is deleted, with its transcript.
 */
export type EscalationState = 'waiting' | 'assigned' | 'callback';

/** A Bot Framework conversation reference, as stored JSON (its shape is the hosting layer's business). */
const conversationReference = z.record(z.string(), z.unknown());
export type StoredReference = z.infer<typeof conversationReference>;

export const transcriptLineSchema = z.object({
  from: z.enum(['customer', 'bot', 'agent']),
  text: z.string(),
  at: z.string(),
});
export type TranscriptLine = z.infer<typeof transcriptLineSchema>;

export const summaryRowSchema = z.object({ label: z.string(), value: z.string() });
export type SummaryRow = z.infer<typeof summaryRowSchema>;

const agentSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Where the agent talks to the customer: the escalation's thread in Teams, or the agent's console conversation. */
  conversation: conversationReference,
});
export type AssignedAgent = z.infer<typeof agentSchema>;

/** Where the escalation card was posted, to show later who took it. */
const hubPostSchema = z.object({ conversation: conversationReference, activityId: z.string() });
export type HubPost = z.infer<typeof hubPostSchema>;

export const escalationSchema = z.object({
  id: z.string(),
  state: z.enum(['waiting', 'assigned', 'callback']),
  reason: z.enum(ESCALATION_REASONS),
  /** Where the customer was in the conversation, for the agent. */
  step: z.string(),
  customer: z.object({ name: z.string().optional(), conversation: conversationReference }),
  /** The language the customer reads the bot in: agents write to them in it (their words are relayed as typed). */
  language: z.enum(LANGUAGES).optional(),
  summary: z.array(summaryRowSchema),
  transcript: z.array(transcriptLineSchema),
  createdAt: z.string(),
  /** The customer has been told they have waited long and offered other ways. */
  waitNoticeSent: z.boolean(),
  agent: agentSchema.optional(),
  /** A contact-center platform accepted the hand-off event (`handoff.status` accepted): it relays, not us. */
  platform: z.boolean().optional(),
  /** Set while the customer is asked for a callback email. */
  awaitingCallbackEmail: z.boolean().optional(),
  callbackEmail: z.string().optional(),
  /** An agent corrected a detail: on hand-back the bot picks up from the draft rather than the question on screen. */
  corrected: z.boolean().optional(),
  hubPosts: z.array(hubPostSchema),
});
export type Escalation = z.infer<typeof escalationSchema>;

/**
 * Enough lines for an agent to see what happened, few enough for a card and for the conversation state that carries
 * them on every turn (see dialogs/handoff/transcriptRecorder.ts).
 */
export const TRANSCRIPT_LINES = 12;
/** A line longer than this is cut: a pasted record is context, not reading matter. */
export const TRANSCRIPT_LINE_CHARS = 400;
/** The bot's lines are ours, and the agent has the same text: the start says which question or answer it was. */
const BOT_LINE_CHARS = 120;

/** The transcript with `line` added, keeping the latest TRANSCRIPT_LINES lines, each cut to its speaker's length. */
export function withLine(transcript: readonly TranscriptLine[], line: TranscriptLine): TranscriptLine[] {
  const limit = line.from === 'bot' ? BOT_LINE_CHARS : TRANSCRIPT_LINE_CHARS;
  const text = line.text.length > limit ? `${line.text.slice(0, limit - 1)}…` : line.text;
  return [...transcript, { ...line, text }].slice(-TRANSCRIPT_LINES);
}
