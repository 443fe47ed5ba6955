import { Channels } from 'botbuilder';
import type { NewCarrier, NumbersPolicy } from '../src/domain';
import type { ReceiptLink } from '../src/hosting/receiptLinks';
import type { Logger } from '../src/logging';
import type { PortabilityChecker } from '../src/portability/portabilityChecker';
import type { CustomerForgetter } from '../src/privacy/forgetCustomer';
import type { StatusLookupOutcome } from '../src/submission/events/guardedStatusLookup';
import type { LoaSubmitter } from '../src/submission/loaSubmitter';
import type { BillDeps } from './billAttachment';
import type { CustomerEmails } from './customerEmails';
import type { HandoffRequester } from './handoff/customerHandoff';
import type { PortingSessionStore } from './sessionStore';

/**
 * How customers reach a person while live hand-off is not available. Configuration requires one of the two in a
 * deployment; a local run may have neither.
 */
export interface SupportContact {
  readonly phone?: string;
  readonly email?: string;
}

/**
 * The status check (src/submission/events/guardedStatusLookup.ts): a submitted request's status, when the reference
 * exists, the ZIP is its service address's, and wrong guesses at the reference, or from the customer's address
 * (`client`, when known), have not locked look-ups.
 */
export interface PortStatusFinder {
  find(referenceNumber: string, postalCode: string, client: string | undefined): Promise<StatusLookupOutcome>;
  /** Until when look-ups of the reference, or from `client`, are locked; undefined when they are not. */
  lockedUntil(referenceNumber: string, client: string | undefined): Promise<Date | undefined>;
}

/** A link to the customer's copy of a signed letter (see src/hosting/receiptLinks.ts). */
export type ReceiptLinkMaker = (referenceNumber: string, version: number) => ReceiptLink;

/** The porting provider's portability check (PORTABILITY_PROVIDER), and where its failures are reported. */
export interface PortabilityCheckDeps {
  readonly checker: PortabilityChecker;
  readonly logger: Logger;
}

/** What every dialog of the conversation is built with. */
export interface ConversationDeps {
  /** The customer's porting session (draft, progress) in user state. */
  readonly sessions: PortingSessionStore;
  /** Where signed LOAs go. */
  readonly submitter: LoaSubmitter;
  /** "Delete my data": everything stored about the customer and their submitted requests (src/privacy/forgetCustomer.ts). */
  readonly forgetCustomer: CustomerForgetter;
  readonly clock: () => Date;
  /** Which numbers one request may carry (countries, how many). */
  readonly numbersPolicy: NumbersPolicy;
  /** Whether to collect the CSR with the one-card form rather than step by step on this channel. */
  readonly prefersForm: (channelId: string) => boolean;
  readonly supportContact: SupportContact;
  /** The carrier customers move to (CARRIER_NAME): the greeting, the letter and its statement name it. */
  readonly newCarrier: NewCarrier;
  /** Checks the numbers customers give with the porting provider; without it (none configured), no check is made. */
  readonly portabilityCheck?: PortabilityCheckDeps;
  /** Where "status" looks up submitted requests; without it, status tells only what the customer's session holds. */
  readonly portStatus?: PortStatusFinder;
  /** Without it (no PUBLIC_BASE_URL), no link to the signed letter is offered. */
  readonly receiptLink?: ReceiptLinkMaker;
  /** Emails to the customer, queued from their turns and their notices; without it (email is off), none is promised. */
  readonly emails?: CustomerEmails;
  /** Brings a person into the chat; without it (no hand-off set up), asking for one gives the support contact. */
  readonly handoff?: HandoffRequester;
  /** Takes a copy of the customer's bill attached in the chat; without it, an attachment is answered that files can't be taken. */
  readonly bills?: BillDeps;
}

/** Teams users fill in forms happily; in a chat window one question at a time reads better. */
export function formInTeams(channelId: string): boolean {
  return channelId === Channels.Msteams;
}
