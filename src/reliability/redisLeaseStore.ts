import { createClient } from '@keyv/redis';
import { withTimeout } from '../storage/atomicStore';
import type { LeaseStore } from './leaseKeyLock';

// Redis runs a script without interleaving other commands: the check and the change are one step.
const RENEW_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
`;
const RELEASE_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

export interface RedisLeaseStoreOptions {
  url: string;
  connectTimeoutMs: number;
  /** Connection errors outside any call (reconnecting); calls reject on their own. */
  onError: (error: unknown) => void;
}

/** Leases as Redis keys: SET NX PX to take one, token-checked scripts to renew and release (single-node Redlock). */
export class RedisLeaseStore implements LeaseStore {
  private readonly client: ReturnType<typeof createClient>;
  private readonly connectTimeoutMs: number;
  private connecting: Promise<unknown> | undefined;

  constructor(options: RedisLeaseStoreOptions) {
    this.connectTimeoutMs = options.connectTimeoutMs;
    this.client = createClient({
      url: options.url,
      // Fail at once while Redis is unreachable rather than queue: a turn waiting on a lock has a deadline.
      disableOfflineQueue: true,
      socket: { connectTimeout: options.connectTimeoutMs },
    });
    this.client.on('error', options.onError);
  }

  async tryAcquire(key: string, token: string, leaseMs: number): Promise<boolean> {
    const client = await this.connected();
    return (await client.set(key, token, { NX: true, PX: leaseMs })) === 'OK';
  }

  async renew(key: string, token: string, leaseMs: number): Promise<boolean> {
    const client = await this.connected();
    return (await client.eval(RENEW_SCRIPT, { keys: [key], arguments: [token, String(leaseMs)] })) === 1;
  }

  async release(key: string, token: string): Promise<void> {
    const client = await this.connected();
    await client.eval(RELEASE_SCRIPT, { keys: [key], arguments: [token] });
  }

  async close(): Promise<void> {
    // A client still trying to connect would keep retrying; one that is connected finishes its commands first.
    if (this.client.isReady) await this.client.close();
    else if (this.client.isOpen) this.client.destroy();
  }

  private async connected(): Promise<ReturnType<typeof createClient>> {
    if (!this.client.isReady) {
      // Connects once; while Redis is down the client keeps reconnecting by itself, and each call waits at most
      // the connect timeout for it (commands fail at once in between: the offline queue is off).
      this.connecting ??= this.client.connect().catch((error: unknown) => {
        this.connecting = undefined;
        throw error;
      });
      await withTimeout(this.connecting, this.connectTimeoutMs);
    }
    return this.client;
  }
}
