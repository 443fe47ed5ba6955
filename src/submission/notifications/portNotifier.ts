/**
 * Tells the customer about the latest change in their port request's state, in the conversation they last signed
 * in. The status record says whether they are still to be told (see PortStatusStore); a claim with a lease keeps two
 * instances from telling them at once, and a failed attempt leaves the notice for the next one (the porting
 * backend sending the event again). Only the latest state is told: a change that arrives before an earlier one
 * could be told replaces it.
 */
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { rejectionReason } from '../../domain/rejectionReasons';
import type { Logger } from '../../logging';
import { latestSubmission } from '../events/portStatus';
import type { PortStatusStore, StatusEntry } from '../events/statusStore';
import type { OutboxEntry, OutboxStore } from '../outbox/outboxStore';
import type { PortNotice } from './portNotice';
import { ConversationGoneError, type ProactiveMessenger } from './proactiveMessenger';

/** `told`: the customer has the news. `unreachable`: they never can have it here. `nothingToTell`. `retryLater`. */
export type NoticeOutcome = 'told' | 'unreachable' | 'nothingToTell' | 'retryLater';

export interface PortNotifierOptions {
  /** How long a claim to tell the customer lasts: longer than sending a message can take. Default 2 minutes. */
  readonly leaseMs?: number;
  /** Names this instance in claims; unique per instance by default. */
  readonly claimant?: string;
}

const DEFAULT_LEASE_MS = 2 * 60_000;

export class PortNotifier {
  private readonly leaseMs: number;
  private readonly claimant: string;

  constructor(
    private readonly statuses: PortStatusStore,
    private readonly outbox: OutboxStore,
    private readonly messenger: ProactiveMessenger,
    private readonly clock: () => Date,
    private readonly logger: Logger,
    options: PortNotifierOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.claimant = options.claimant ?? `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  }

  /** Tells the customer about the state they have not been told about yet, if any. */
  async tellCustomer(referenceNumber: string): Promise<NoticeOutcome> {
    const now = this.clock();
    const claim = await this.statuses.claimNotice(referenceNumber, this.claimant, now, new Date(now.getTime() + this.leaseMs));
    if (claim.kind === 'none') return 'nothingToTell';
    if (claim.kind === 'busy') return 'retryLater';
    const log = this.logger.child({ referenceNumber, version: claim.entry.version, state: claim.entry.state });

    const latest = await latestSubmission(this.outbox, referenceNumber);
    // A newer letter has been signed since (the news is about one the customer replaced), or the request has expired.
    if (latest === undefined || latest.version > claim.entry.version) {
      await this.statuses.settleNotice(referenceNumber, claim.sequence);
      return 'nothingToTell';
    }
    try {
      await this.messenger.tell(latest.conversation, noticeOf(claim.entry, latest));
    } catch (error) {
      if (error instanceof ConversationGoneError) {
        await this.statuses.settleNotice(referenceNumber, claim.sequence);
        log.warn({ err: error }, 'port status change not told: the customer’s conversation is gone');
        return 'unreachable';
      }
      await this.statuses.releaseNotice(referenceNumber, claim.sequence, this.claimant);
      log.warn({ err: error }, 'port status change not told yet; telling again when the event comes again');
      return 'retryLater';
    }
    await this.statuses.settleNotice(referenceNumber, claim.sequence);
    log.info('customer told about port status change');
    return 'told';
  }
}

function noticeOf(entry: StatusEntry, submission: OutboxEntry): PortNotice {
  return {
    referenceNumber: submission.referenceNumber,
    version: entry.version,
    state: entry.state,
    carrier: submission.loa.currentCarrier.name,
    numbers: submission.loa.numbers,
    ...(entry.focDate !== undefined && { focDate: entry.focDate }),
    ...(entry.reasonCode !== undefined && { reason: rejectionReason(entry.reasonCode) }),
    ...(submission.contactEmail !== undefined && { contactEmail: submission.contactEmail }),
  };
}
