export interface BackoffPolicy {
  /** The ceiling of the first retry's delay; it doubles with each failed attempt. */
  readonly baseMs: number;
  /** No delay ceiling grows beyond this. */
  readonly maxMs: number;
}

/**
 * Exponential backoff with full jitter: a random delay between zero and the attempt's ceiling, so that instances
 * retrying after one outage spread out instead of arriving together. `attempts` counts the failed attempts so far.
 */
export function retryDelayMs(policy: BackoffPolicy, attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.floor(random() * ceiling);
}
