/**
 * Limits wrong guesses at something secret per key (a reference number, a client address), in the bot's storage so
 * that the limit holds across conversations, restarts and instances. After `maxMisses` wrong guesses the key is
 * locked for `firstLockMs`; each lock after that, before the key has been forgiven, lasts twice as long as the one
 * before, up to `maxLockMs`. A key with no miss and no lock for `forgetAfterMs` starts afresh.
 *
 * A guess is counted as a miss before it is checked (`begin`), and a right guess takes its count back (`refund`) or
 * clears the key (`clear`): guesses sent all at once, from many conversations, are counted one by one under
 * compare-and-set, so no more than `maxMisses` of them are ever checked before the lock.
 *
 * The records live under `security/guesses/<kind>/<key>`, apart from any customer's state: "delete my data" of one
 * customer leaves them, as it must, or deleting one's data would wipe the count of someone guessing at it. They
 * expire with everything else in storage (STATE_TTL_DAYS after their last change).
 */
import { z } from 'zod';
import { CasRecords } from '../../storage/casRecords';
import type { BotStorage } from '../../storage/createStorage';

export interface GuessPolicy {
  /** Wrong guesses that lock the key. */
  readonly maxMisses: number;
  /** The first lock; each further one doubles. */
  readonly firstLockMs: number;
  readonly maxLockMs: number;
  /** A key with no miss and no lock for this long is forgiven: its misses and past locks are forgotten. */
  readonly forgetAfterMs: number;
}

const guessRecordSchema = z.object({
  /** Wrong guesses since the last lock ended (or since the key was forgiven). */
  misses: z.int().min(0),
  /** Locks since the key was forgiven: how long the next one lasts. */
  locks: z.int().min(0),
  lockedUntil: z.iso.datetime().optional(),
  lastMissAt: z.iso.datetime(),
});
export type GuessRecord = z.infer<typeof guessRecordSchema>;

/**
 * Whether a guess may be checked. An allowed one is counted as a miss until it is refunded; `locksUntil` says that
 * it was the last one allowed, and the key is locked until then unless it turns out right.
 */
export type GuessAttempt = { readonly kind: 'allowed'; readonly locksUntil?: Date } | { readonly kind: 'locked'; readonly until: Date };

const time = (iso: string | undefined) => (iso === undefined ? 0 : Date.parse(iso));

/** The record as it stands at `now`: undefined once forgiven, the misses started over once its lock has ended. */
export function currentRecord(record: GuessRecord | undefined, now: Date, policy: GuessPolicy): GuessRecord | undefined {
  if (record === undefined) return undefined;
  const lastEvent = Math.max(time(record.lastMissAt), time(record.lockedUntil));
  if (now.getTime() - lastEvent >= policy.forgetAfterMs) return undefined;
  if (record.lockedUntil !== undefined && time(record.lockedUntil) <= now.getTime()) {
    return { misses: 0, locks: record.locks, lastMissAt: record.lastMissAt };
  }
  return record;
}

export function lockedUntil(record: GuessRecord | undefined): Date | undefined {
  return record?.lockedUntil === undefined ? undefined : new Date(record.lockedUntil);
}

/** Counts one more guess as a miss, locking the key when it is the last one allowed; nothing changes while locked. */
export function countGuess(record: GuessRecord | undefined, now: Date, policy: GuessPolicy): { attempt: GuessAttempt; next?: GuessRecord } {
  const current = currentRecord(record, now, policy);
  const until = lockedUntil(current);
  if (until !== undefined) return { attempt: { kind: 'locked', until } };
  const misses = (current?.misses ?? 0) + 1;
  const locks = current?.locks ?? 0;
  const next: GuessRecord = { misses, locks, lastMissAt: now.toISOString() };
  if (misses < policy.maxMisses) return { attempt: { kind: 'allowed' }, next };
  const locksUntil = new Date(now.getTime() + Math.min(policy.firstLockMs * 2 ** locks, policy.maxLockMs));
  return { attempt: { kind: 'allowed', locksUntil }, next: { ...next, locks: locks + 1, lockedUntil: locksUntil.toISOString() } };
}

/**
 * Takes back the count of one guess that turned out right, or was never checked. When that count was the one that
 * locked the key (the lock is on and the misses stand at the limit), the lock goes with it.
 */
export function refundGuess(record: GuessRecord | undefined, now: Date, policy: GuessPolicy): GuessRecord | undefined {
  const current = currentRecord(record, now, policy);
  if (current === undefined || current.misses === 0) return undefined;
  const misses = current.misses - 1;
  if (current.lockedUntil !== undefined && current.misses === policy.maxMisses) {
    return { misses, locks: current.locks - 1, lastMissAt: current.lastMissAt };
  }
  return { ...current, misses };
}

export class GuessLimiter {
  private readonly records: CasRecords<GuessRecord>;

  /** `kind` names what the keys are (e.g. "status-reference"), so that limiters never share a record. */
  constructor(
    storage: BotStorage,
    private readonly kind: string,
    private readonly policy: GuessPolicy,
    private readonly clock: () => Date,
  ) {
    this.records = new CasRecords(storage, guessRecordSchema);
  }

  /** Counts a guess at `key` before it is checked: allowed, or locked (and then not counted). */
  begin(key: string): Promise<GuessAttempt> {
    const now = this.clock();
    return this.records.change(this.keyOf(key), (record) => {
      const { attempt, next } = countGuess(record, now, this.policy);
      return { outcome: attempt, next };
    });
  }

  /** The guess begun at `key` was right, or was never checked: its count is taken back. */
  async refund(key: string): Promise<void> {
    const now = this.clock();
    await this.records.change(this.keyOf(key), (record) => ({ outcome: undefined, next: refundGuess(record, now, this.policy) }));
  }

  /** Forgets every guess at `key`: whoever guessed right knows the secret, and there is nothing left to protect from them. */
  async clear(key: string): Promise<void> {
    await this.records.change(this.keyOf(key), (record) =>
      record === undefined ? { outcome: undefined } : { outcome: undefined, next: { misses: 0, locks: 0, lastMissAt: record.lastMissAt } },
    );
  }

  /** Until when `key` is locked; undefined when guesses at it are allowed. Counts nothing. */
  async lockedUntil(key: string): Promise<Date | undefined> {
    return lockedUntil(currentRecord((await this.records.read(this.keyOf(key)))?.value, this.clock(), this.policy));
  }

  private keyOf(key: string): string {
    return `security/guesses/${this.kind}/${key}`;
  }
}
