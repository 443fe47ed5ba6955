/**
 * Delivers the outbox's pending entries through the porting gateway, exactly once as far as the receiver can tell:
 * - an entry is claimed with a compare-and-set lease (claimedBy, leaseUntil), so two instances never deliver it at
 *   the same time; a lease left by a crashed instance lapses and the entry is taken over;
 * - a failed attempt is retried with exponential backoff and full jitter, across restarts (the schedule is stored);
 * - every attempt carries the same idempotency key, so the one re-delivery a crash can cause (delivered, but not yet
 *   marked delivered) is recognised by the receiver;
 * - once delivered, or refused for good, the entry keeps everything but the PIN.
 */
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { billFileName, isLoaCurrent, LOA_MAX_AGE_DAYS } from '../../domain';
import type { DocumentStore } from '../../documents/documentStore';
import { type Logger, scrubSecrets } from '../../logging';
import { errorMessage } from '../../logging/errorText';
import type { DeliveredDocument, DeliveryOutcome, PortingGateway } from '../gateway/portingGateway';
import type { LoaPdfRenderer } from '../pdf/pdfRenderer';
import { toPortRequestJson } from '../portRequestJson';
import { type BackoffPolicy, retryDelayMs } from '../../scheduling/backoff';
import { WakeableLoop } from '../../scheduling/wakeableLoop';
import type { OutboxEntry, OutboxStore, Versioned } from './outboxStore';

/** What the conversation (or an agent) needs to follow up on a submission the backend refused. */
export interface PermanentFailureReport {
  readonly referenceNumber: string;
  readonly version: number;
  readonly conversation: Readonly<Record<string, unknown>>;
  /** The HTTP status, for a refusal by the webhook receiver. */
  readonly status?: number;
  readonly reason: string;
  readonly failedAt: string;
}

export interface OutboxWorkerOptions {
  readonly retry: BackoffPolicy;
  /** How long a claim reserves an entry: longer than one delivery attempt can take. */
  readonly leaseMs: number;
  /** How often to look for work that arrived another way (another instance, a restart). Default 30 s. */
  readonly pollIntervalMs?: number;
  /** How long an index key may point at an entry that doesn't exist (yet) before it is dropped. Default 10 min. */
  readonly orphanGraceMs?: number;
  /** Names this worker in leases; unique per instance by default. */
  readonly workerId?: string;
  readonly random?: () => number;
  readonly onPermanentFailure?: (report: PermanentFailureReport) => void | Promise<void>;
  /** Where the documents entries name are kept (src/documents/documentStore.ts); without it, none are delivered. */
  readonly documents?: Pick<DocumentStore, 'get'>;
}

const DEFAULT_POLL_INTERVAL_MS = 30_000;
const DEFAULT_ORPHAN_GRACE_MS = 10 * 60_000;
/** The pending index is rewritten at least this often, so that storage expiry never drops it. */
const INDEX_REFRESH_MS = 24 * 60 * 60_000;

const reasons = {
  expired: `The LOA was signed more than ${LOA_MAX_AGE_DAYS} days ago; the customer needs to sign it again.`,
} as const;

export class OutboxWorker {
  readonly id: string;
  private readonly pollIntervalMs: number;
  private readonly orphanGraceMs: number;
  private readonly loop: WakeableLoop;

  constructor(
    private readonly store: OutboxStore,
    private readonly gateway: PortingGateway,
    private readonly pdfRenderer: LoaPdfRenderer,
    private readonly clock: () => Date,
    private readonly logger: Logger,
    private readonly options: OutboxWorkerOptions,
  ) {
    this.id = options.workerId ?? `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
    this.pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
    this.orphanGraceMs = options.orphanGraceMs ?? DEFAULT_ORPHAN_GRACE_MS;
    this.loop = new WakeableLoop(() => this.pass());
  }

  start(): void {
    this.loop.start();
  }

  /** Stops polling, abandons the delivery in progress (it is retried later, with the same key) and waits for it. */
  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Runs a pass now, or right after the one in progress. */
  kick(): void {
    this.loop.kick();
  }

  /** One pass over the pending entries. Resolves with the milliseconds until the next one is due. */
  async runOnce(): Promise<number> {
    const index = await this.store.pendingIndex();
    if (index === undefined) return this.pollIntervalMs;
    const now = this.clock();
    if (now.getTime() - Date.parse(index.refreshedAt) > INDEX_REFRESH_MS) await this.store.refreshPending(now);
    let nextDueMs = this.pollIntervalMs;
    for (const [key, addedAt] of Object.entries(index.keys)) {
      if (this.loop.signal.aborted) break;
      nextDueMs = Math.min(nextDueMs, await this.process(key, addedAt));
    }
    return Math.max(0, nextDueMs);
  }

  private async pass(): Promise<number> {
    try {
      return await this.runOnce();
    } catch (error) {
      this.logger.warn({ err: error }, 'submission outbox pass failed; trying again later');
      return this.pollIntervalMs;
    }
  }

  /** Delivers the entry if it is due; resolves with the milliseconds until it is next due (Infinity: never). */
  private async process(key: string, addedAt: string): Promise<number> {
    const current = await this.store.readEntry(key);
    const now = this.clock();
    if (current === undefined) {
      await this.dropOrphan(key, addedAt, now);
      return Infinity;
    }
    if (current.value.status !== 'pending') {
      await this.store.removePending(key, now);
      return Infinity;
    }
    const leaseEnds = current.value.leaseUntil === undefined ? 0 : Date.parse(current.value.leaseUntil);
    const dueAt = Math.max(Date.parse(current.value.nextAttemptAt), leaseEnds);
    if (dueAt > now.getTime()) return dueAt - now.getTime();
    return this.attempt(key, current, now);
  }

  private async attempt(key: string, current: Versioned<OutboxEntry>, now: Date): Promise<number> {
    const claimed: OutboxEntry = {
      ...current.value,
      claimedBy: this.id,
      leaseUntil: new Date(now.getTime() + this.options.leaseMs).toISOString(),
    };
    // Losing the claim means another instance is on it: look again once its lease could have lapsed.
    if (!(await this.store.replaceEntry(key, claimed, current.eTag))) return this.options.leaseMs;
    const outcome: DeliveryOutcome = isLoaCurrent(claimed.loa, now)
      ? await this.deliver(claimed)
      : { kind: 'rejected', reason: reasons.expired };
    // A delivery that got through is recorded even while stopping; any other outcome of an abandoned attempt isn't.
    if (this.loop.signal.aborted && outcome.kind !== 'delivered') {
      await this.release(key);
      return Infinity;
    }
    return this.settle(key, outcome);
  }

  private async deliver(entry: OutboxEntry): Promise<DeliveryOutcome> {
    try {
      const documents = await this.documentsOf(entry);
      const request = toPortRequestJson(entry.loa, {
        submittedAt: entry.acceptedAt,
        contactEmail: entry.contactEmail,
        documents: documents.map(({ facts, fileName }) => ({ ...facts, fileName })),
      });
      const carrierPdf = await this.pdfRenderer.render(entry.loa, 'carrier');
      return await this.gateway.deliver({ idempotencyKey: request.idempotencyKey, request, carrierPdf, documents }, this.loop.signal);
    } catch (error) {
      return { kind: 'retry', reason: scrubSecrets(errorMessage(error)) };
    }
  }

  /**
   * The documents the entry names, with their content. One no longer stored (it expired while the entry waited) is
   * left out of the request rather than holding the request back: the letter is what the port needs.
   */
  private async documentsOf(entry: OutboxEntry): Promise<DeliveredDocument[]> {
    const delivered: DeliveredDocument[] = [];
    for (const { id, ...facts } of entry.documents ?? []) {
      const stored = await this.options.documents?.get(id);
      if (stored === undefined) {
        this.logger.warn({ referenceNumber: entry.referenceNumber, version: entry.version, kind: facts.kind }, 'a document of the request is no longer stored; delivered without it');
        continue;
      }
      delivered.push({ id, facts, fileName: billFileName(facts.contentType), content: stored.content });
    }
    return delivered;
  }

  /** Records the outcome, unless another instance finished the entry or took it over meanwhile. */
  private async settle(key: string, outcome: DeliveryOutcome): Promise<number> {
    for (;;) {
      const current = await this.store.readEntry(key);
      const now = this.clock();
      if (current === undefined || current.value.status !== 'pending') return Infinity;
      // A delivery counts whoever holds the entry now; a failure only if this worker still does (else its holder's
      // own attempt decides).
      if (outcome.kind !== 'delivered' && current.value.claimedBy !== this.id) return this.options.leaseMs;
      const next = this.settled(current.value, outcome, now);
      if (await this.store.replaceEntry(key, next, current.eTag)) {
        await this.report(key, next, outcome, now);
        return next.status === 'pending' ? Date.parse(next.nextAttemptAt) - now.getTime() : Infinity;
      }
    }
  }

  private settled(entry: OutboxEntry, outcome: DeliveryOutcome, now: Date): OutboxEntry {
    const attempts = entry.attempts + 1;
    const at = now.toISOString();
    switch (outcome.kind) {
      case 'delivered':
        return { ...withoutPin(withoutLease(entry)), status: 'delivered', attempts, deliveredAt: at };
      case 'rejected':
        return {
          ...withoutPin(withoutLease(entry)),
          status: 'failed',
          attempts,
          failedAt: at,
          failure: { ...(outcome.status !== undefined && { status: outcome.status }), reason: outcome.reason },
        };
      case 'retry': {
        const delayMs = retryDelayMs(this.options.retry, attempts, this.options.random);
        return {
          ...withoutLease(entry),
          attempts,
          nextAttemptAt: new Date(now.getTime() + delayMs).toISOString(),
          lastError: outcome.reason,
        };
      }
    }
  }

  private async report(key: string, entry: OutboxEntry, outcome: DeliveryOutcome, now: Date): Promise<void> {
    const about = { referenceNumber: entry.referenceNumber, version: entry.version, attempts: entry.attempts };
    if (outcome.kind === 'retry') {
      this.logger.warn({ ...about, status: outcome.status, reason: outcome.reason, nextAttemptAt: entry.nextAttemptAt }, 'port request delivery failed; will retry');
      return;
    }
    await this.store.removePending(key, now);
    if (outcome.kind === 'delivered') {
      this.logger.info(about, 'port request delivered');
      return;
    }
    this.logger.error({ ...about, status: outcome.status, reason: outcome.reason }, 'port request refused; not retrying');
    try {
      await this.options.onPermanentFailure?.({
        referenceNumber: entry.referenceNumber,
        version: entry.version,
        conversation: entry.conversation,
        ...(outcome.status !== undefined && { status: outcome.status }),
        reason: outcome.reason,
        failedAt: now.toISOString(),
      });
    } catch (error) {
      this.logger.error({ err: error, ...about }, 'the permanent-failure handler failed');
    }
  }

  /** Hands an abandoned attempt back at once, rather than making the next instance wait for the lease. */
  private async release(key: string): Promise<void> {
    const current = await this.store.readEntry(key);
    if (current?.value.status === 'pending' && current.value.claimedBy === this.id) {
      await this.store.replaceEntry(key, withoutLease(current.value), current.eTag);
    }
  }

  /**
   * An index key with no entry: a submit that crashed between indexing and storing, or one still in progress. After
   * the grace period the key goes; an entry that appears meanwhile is put back, so none is ever lost.
   */
  private async dropOrphan(key: string, addedAt: string, now: Date): Promise<void> {
    if (now.getTime() - Date.parse(addedAt) < this.orphanGraceMs) return;
    await this.store.removePending(key, now);
    const appeared = await this.store.readEntry(key);
    if (appeared?.value.status === 'pending') await this.store.addPending(key, now);
  }
}

function withoutLease(entry: OutboxEntry): OutboxEntry {
  const next = { ...entry };
  delete next.claimedBy;
  delete next.leaseUntil;
  return next;
}

function withoutPin(entry: OutboxEntry): OutboxEntry {
  const loa = { ...entry.loa };
  delete loa.pin;
  return { ...entry, loa };
}
