/**
 * The status check as customers reach it: PortStatusLookup behind limits on wrong guesses. A hit shows the request's
 * state and a link to the signed letter (name, address, numbers), so the service ZIP is a secret worth guessing at
 * by anyone who has seen a reference number. Wrong guesses are limited per reference number and per client address
 * (see GuessLimiter: stored, so the limits hold across conversations, restarts and instances). While either is
 * locked, nothing is looked up: even the right ZIP reveals nothing. Every failed look-up is logged, the reference
 * masked.
 */
import { maskSecret } from '../../domain/masking';
import { normalizeReferenceNumber } from '../../domain/referenceNumber';
import type { Logger } from '../../logging';
import { type GuessAttempt, GuessLimiter, type GuessPolicy } from './guessLimiter';
import type { BotStorage } from '../../storage/createStorage';
import type { PortStatusLookup, PortStatusView } from './portStatus';

export type StatusLookupOutcome =
  | { readonly kind: 'found'; readonly view: PortStatusView }
  /** No such reference, or not its ZIP: the customer is told the same either way. */
  | { readonly kind: 'notFound' }
  /** Too many wrong guesses at this reference, or from this address: nothing was looked up. */
  | { readonly kind: 'locked'; readonly until: Date };

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/**
 * Constants rather than configuration: loosening them weakens the one thing that keeps a ZIP from being guessed, and
 * no deployment has a reason to.
 */
export const STATUS_GUESS_LIMITS = {
  /**
   * Five misses allow for a typo or two in the ZIP and a mix-up of two references; then 15 minutes, doubling with each
   * lock (30, 60 minutes… up to a day) until a day passes with no miss. Someone who knows the town and tries its few
   * dozen ZIPs gets 35 tries in the first day and a half and five a day after that. The price: the owner of a
   * reference someone is guessing at is locked out too, and is told to try later or call support.
   */
  perReference: { maxMisses: 5, firstLockMs: 15 * MINUTE_MS, maxLockMs: DAY_MS, forgetAfterMs: DAY_MS },
  /**
   * One address trying many references, four misses at each to stay under their limit: twenty misses, more than a
   * family or an office behind one address makes in a day of typos, then the same growing locks.
   */
  perClient: { maxMisses: 20, firstLockMs: 15 * MINUTE_MS, maxLockMs: DAY_MS, forgetAfterMs: DAY_MS },
} as const satisfies Record<string, GuessPolicy>;

export interface GuardedStatusLookupDependencies {
  readonly storage: BotStorage;
  readonly logger: Logger;
  readonly clock: () => Date;
  /** STATUS_GUESS_LIMITS unless given. */
  readonly limits?: { readonly perReference: GuessPolicy; readonly perClient: GuessPolicy };
}

const NOT_FOUND: StatusLookupOutcome = { kind: 'notFound' };

export class GuardedStatusLookup {
  private readonly references: GuessLimiter;
  private readonly clients: GuessLimiter;
  private readonly logger: Logger;

  constructor(
    private readonly lookup: PortStatusLookup,
    deps: GuardedStatusLookupDependencies,
  ) {
    const limits = deps.limits ?? STATUS_GUESS_LIMITS;
    this.references = new GuessLimiter(deps.storage, 'status-reference', limits.perReference, deps.clock);
    this.clients = new GuessLimiter(deps.storage, 'status-client', limits.perClient, deps.clock);
    this.logger = deps.logger.child({ component: 'status-check' });
  }

  /**
   * The request's status when the reference exists, `postalCode` is its service ZIP, and neither the reference nor
   * `client` (the address the customer writes from, when known) is locked.
   */
  async find(referenceNumber: string, postalCode: string, client: string | undefined): Promise<StatusLookupOutcome> {
    const reference = normalizeReferenceNumber(referenceNumber);
    // Not a reference at all: nothing to look up, and no one's to count it against (the dialog asks again anyway).
    if (reference === undefined) return NOT_FOUND;
    const seen = seenAs(reference, client);

    const fromClient: GuessAttempt = client === undefined ? { kind: 'allowed' } : await this.clients.begin(client);
    if (fromClient.kind === 'locked') return this.refused(seen, ['client'], fromClient.until);
    // A guess that was never checked (storage failed on the way) is no miss: whatever was counted is taken back.
    const refundClient = async () => {
      if (client !== undefined && fromClient.kind === 'allowed') await this.clients.refund(client);
    };
    const atReference = await this.references.begin(reference).catch(async (error: unknown) => {
      await refundClient();
      throw error;
    });
    if (atReference.kind === 'locked') {
      // Nothing was checked: not a guess of this address's.
      await refundClient();
      return this.refused(seen, ['reference'], atReference.until);
    }

    const view = await this.lookup.find(reference, postalCode).catch(async (error: unknown) => {
      await Promise.all([this.references.refund(reference), refundClient()]);
      throw error;
    });
    if (view === undefined) {
      const lockedBy: LockedBy[] = [...(atReference.locksUntil ? ['reference' as const] : []), ...(fromClient.locksUntil ? ['client' as const] : [])];
      const lockedUntil = atReference.locksUntil ?? fromClient.locksUntil;
      if (lockedUntil === undefined) this.logger.info({ ...seen, outcome: 'notFound' }, 'status look-up failed');
      else this.logger.warn({ ...seen, outcome: 'notFound', lockedBy, lockedUntil: lockedUntil.toISOString() }, 'status look-up failed; look-ups locked');
      return NOT_FOUND;
    }
    // Whoever typed the right ZIP knows it: the reference's misses no longer matter. The address only gets this
    // guess back, or one right guess (its own request, say) would wipe its count of wrong ones at others.
    await this.references.clear(reference);
    await refundClient();
    return { kind: 'found', view };
  }

  /**
   * Until when look-ups of the reference, or from `client`, are locked; undefined when they are not. Counts nothing,
   * but a look-up refused here is logged as one that failed.
   */
  async lockedUntil(referenceNumber: string, client: string | undefined): Promise<Date | undefined> {
    const reference = normalizeReferenceNumber(referenceNumber);
    if (reference === undefined) return undefined;
    const [atReference, fromClient] = await Promise.all([
      this.references.lockedUntil(reference),
      client === undefined ? undefined : this.clients.lockedUntil(client),
    ]);
    if (atReference === undefined && fromClient === undefined) return undefined;
    const lockedBy: LockedBy[] = [...(atReference ? ['reference' as const] : []), ...(fromClient ? ['client' as const] : [])];
    const until = new Date(Math.max(atReference?.getTime() ?? 0, fromClient?.getTime() ?? 0));
    this.refused(seenAs(reference, client), lockedBy, until);
    return until;
  }

  private refused(seen: Seen, lockedBy: readonly LockedBy[], until: Date): StatusLookupOutcome {
    this.logger.info({ ...seen, outcome: 'locked', lockedBy, lockedUntil: until.toISOString() }, 'status look-up failed');
    return { kind: 'locked', until };
  }
}

type LockedBy = 'reference' | 'client';
type Seen = ReturnType<typeof seenAs>;

/** What a log entry says of a look-up: the reference masked, and the address it came from when known. */
function seenAs(reference: string, client: string | undefined) {
  return { reference: maskSecret(reference), ...(client !== undefined && { client }) };
}
