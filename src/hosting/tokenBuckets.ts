/**
 * Token buckets by key: each key may spend `perMinute` requests at once, and earns them back evenly over a minute.
 *
 * Memory is bounded: at most `maxKeys` buckets are kept, and the one used least recently goes first. A bucket that
 * has had time to fill up again is the same as no bucket, so dropping idle ones loses nothing; only a flood of more
 * distinct keys than `maxKeys` within a minute could drop a half-empty one, which then starts full again.
 */

export interface TokenBucketOptions {
  readonly perMinute: number;
  readonly maxKeys: number;
  /** Milliseconds; injectable so refilling can be tested without waiting. */
  readonly clock?: () => number;
}

interface Bucket {
  tokens: number;
  /** When `tokens` was last brought up to date. */
  at: number;
}

const MS_PER_MINUTE = 60_000;

export class TokenBuckets {
  private readonly capacity: number;
  private readonly tokensPerMs: number;
  private readonly maxKeys: number;
  private readonly clock: () => number;
  // A Map iterates in insertion order: re-inserting a key on each use keeps the least recently used first.
  private readonly buckets = new Map<string, Bucket>();

  constructor(options: TokenBucketOptions) {
    if (!(options.perMinute > 0) || !Number.isSafeInteger(options.maxKeys) || options.maxKeys < 1) {
      throw new RangeError(`Token buckets need a positive rate and key count, got ${options.perMinute} and ${options.maxKeys}.`);
    }
    this.capacity = options.perMinute;
    this.tokensPerMs = options.perMinute / MS_PER_MINUTE;
    this.maxKeys = options.maxKeys;
    this.clock = options.clock ?? Date.now;
  }

  /** Spends one token of `key`'s bucket: 0 when there was one, else the milliseconds until there will be. */
  take(key: string): number {
    const now = this.clock();
    const bucket = this.buckets.get(key);
    const tokens = bucket ? Math.min(this.capacity, bucket.tokens + Math.max(0, now - bucket.at) * this.tokensPerMs) : this.capacity;
    const allowed = tokens >= 1;
    this.buckets.delete(key);
    this.buckets.set(key, { tokens: allowed ? tokens - 1 : tokens, at: now });
    if (this.buckets.size > this.maxKeys) this.buckets.delete(this.buckets.keys().next().value as string);
    return allowed ? 0 : Math.ceil((1 - tokens) / this.tokensPerMs);
  }

  /** How many keys have a bucket now. */
  get size(): number {
    return this.buckets.size;
  }
}
