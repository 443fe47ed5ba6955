import { Channels } from 'botbuilder';
import type { NumbersPolicy } from '../src/domain';
import type { LoaSubmitter } from '../src/submission/loaSubmitter';
import type { PortingSessionStore } from './sessionStore';

/**
 * How customers reach a person while live hand-off is not available. Configuration requires one of the two in a
 * deployment; a local run may have neither.
 */
export interface SupportContact {
  readonly phone?: string;
  readonly email?: string;
}

/** What every dialog of the conversation is built with. */
export interface ConversationDeps {
  /** The customer's porting session (draft, progress) in user state. */
  readonly sessions: PortingSessionStore;
  /** Where signed LOAs go. */
  readonly submitter: LoaSubmitter;
  readonly clock: () => Date;
  /** Which numbers one request may carry (countries, how many). */
  readonly numbersPolicy: NumbersPolicy;
  /** Whether to collect the CSR with the one-card form rather than step by step on this channel. */
  readonly prefersForm: (channelId: string) => boolean;
  readonly supportContact: SupportContact;
}

/** Teams users fill in forms happily; in a chat window one question at a time reads better. */
export function formInTeams(channelId: string): boolean {
  return channelId === Channels.Msteams;
}
