/**
 * Sends the queued messages, outside every customer's turn, once each:
 * - a message is claimed with a compare-and-set lease, so two instances never send it at once; a lease left by a
 *   crashed instance lapses and the message is taken over;
 * - before sending, the ledger is read: a message queued again after it was sent (a retried turn, an event sent
 *   again) is dropped unsent;
 * - a failed send is retried with exponential backoff and full jitter, across restarts (the schedule is stored),
 *   until the message is refused for good or too old to be worth sending.
 * A crash between sending and recording it sends the message once more, with the same Message-ID.
 */
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Logger } from '../logging';
import { type BackoffPolicy, retryDelayMs } from '../scheduling/backoff';
import { WakeableLoop } from '../scheduling/wakeableLoop';
import { type MailOutcome, type MailStore, type QueuedMail, heldByOther } from './mailStore';
import type { MailTransport } from './mailTransport';

export interface MailWorkerOptions {
  readonly retry: BackoffPolicy;
  /** How long a claim reserves a message: longer than one send can take. */
  readonly leaseMs: number;
  /** How often to look for messages queued another way (another instance, before a restart). Default 30 s. */
  readonly pollIntervalMs?: number;
  /** After this long in the queue a message is no longer news, and is dropped unsent. Default 3 days. */
  readonly maxAgeMs?: number;
  /** Names this worker in leases; unique per instance by default. */
  readonly workerId?: string;
  readonly random?: () => number;
}

const DEFAULT_POLL_INTERVAL_MS = 30_000;
const DEFAULT_MAX_AGE_MS = 3 * 24 * 60 * 60_000;

export class MailWorker {
  readonly id: string;
  private readonly pollIntervalMs: number;
  private readonly maxAgeMs: number;
  private readonly loop: WakeableLoop;

  constructor(
    private readonly store: MailStore,
    private readonly transport: MailTransport,
    private readonly clock: () => Date,
    private readonly logger: Logger,
    private readonly options: MailWorkerOptions,
  ) {
    this.id = options.workerId ?? `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
    this.pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
    this.maxAgeMs = options.maxAgeMs ?? DEFAULT_MAX_AGE_MS;
    this.loop = new WakeableLoop(() => this.pass());
  }

  start(): void {
    this.loop.start();
  }

  /** Stops polling, abandons the send in progress (it is retried later) and waits for it. */
  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Sends what is due now, or right after the pass in progress. */
  kick(): void {
    this.loop.kick();
  }

  /** One pass over the queue. Resolves with the milliseconds until the next message is due. */
  async runOnce(): Promise<number> {
    let nextDueMs = this.pollIntervalMs;
    for (const [key, mail] of Object.entries(await this.store.queued())) {
      if (this.loop.signal.aborted) break;
      nextDueMs = Math.min(nextDueMs, await this.process(key, mail));
    }
    return Math.max(0, nextDueMs);
  }

  private async pass(): Promise<number> {
    try {
      return await this.runOnce();
    } catch (error) {
      this.logger.warn({ err: error }, 'mail queue pass failed; trying again later');
      return this.pollIntervalMs;
    }
  }

  /** Sends the message if it is due; resolves with the milliseconds until it is next due (Infinity: never). */
  private async process(key: string, mail: QueuedMail): Promise<number> {
    const now = this.clock();
    const dueAt = Math.max(Date.parse(mail.nextAttemptAt), heldByOther(mail, this.id, now) ?? 0);
    if (dueAt > now.getTime()) return dueAt - now.getTime();
    const claimed = await this.store.claim(key, this.id, now, new Date(now.getTime() + this.options.leaseMs));
    // Another instance is on it, or it went (sent, or its customer's data deleted): look again once a lease could lapse.
    if (claimed === undefined) return this.options.leaseMs;
    if (await this.store.isSettled(claimed.reference, claimed.id)) {
      await this.store.remove(key);
      return Infinity;
    }
    if (now.getTime() - Date.parse(claimed.queuedAt) > this.maxAgeMs) return this.finish(key, claimed, 'expired');
    const outcome = await this.transport.send(claimed, this.loop.signal);
    // A message that went is recorded even while stopping; any other outcome of an abandoned attempt isn't.
    if (this.loop.signal.aborted && outcome.kind !== 'sent') {
      await this.store.updateClaimed(key, this.id, withoutLease);
      return Infinity;
    }
    if (outcome.kind === 'retry') return this.retryLater(key, claimed, outcome.reason);
    return this.finish(key, claimed, outcome.kind, outcome.kind === 'refused' ? outcome.reason : undefined);
  }

  /** Recorded as done first, then out of the queue: a crash in between leaves a queued message the ledger drops. */
  private async finish(key: string, mail: QueuedMail, outcome: MailOutcome, reason?: string): Promise<number> {
    await this.store.recordOutcome(mail.reference, mail.id, outcome, this.clock());
    await this.store.remove(key);
    const about = { reference: mail.reference, message: mail.id, attempts: mail.attempts + 1 };
    if (outcome === 'sent') this.logger.info(about, 'email sent');
    else if (outcome === 'expired') this.logger.warn({ ...about, lastError: mail.lastError }, 'email not sent: it was too old to send');
    else this.logger.error({ ...about, reason }, 'email refused by the mail server; not retrying');
    return Infinity;
  }

  private async retryLater(key: string, mail: QueuedMail, reason: string): Promise<number> {
    const attempts = mail.attempts + 1;
    const delayMs = retryDelayMs(this.options.retry, attempts, this.options.random);
    const nextAttemptAt = new Date(this.clock().getTime() + delayMs).toISOString();
    const kept = await this.store.updateClaimed(key, this.id, (current) => ({ ...withoutLease(current), attempts, nextAttemptAt, lastError: reason }));
    if (kept) {
      this.logger.warn({ reference: mail.reference, message: mail.id, attempts, reason, nextAttemptAt }, 'email not sent; will retry');
    }
    return delayMs;
  }
}

function withoutLease(mail: QueuedMail): QueuedMail {
  const next = { ...mail };
  delete next.claimedBy;
  delete next.leaseUntil;
  return next;
}
