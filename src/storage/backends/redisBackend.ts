import KeyvRedis, { createClient } from '@keyv/redis';
import type { StoreBackend } from '../storeBackend';

/**
 * Stores `record` at KEYS[1] for ARGV[4] ms only if the key holds exactly ARGV[2] (ARGV[1] = "present") or nothing
 * (ARGV[1] = "absent"). Redis runs a script without interleaving other commands, which makes the swap atomic.
 */
const SWAP_SCRIPT = `
local current = redis.call('GET', KEYS[1])
if ARGV[1] == 'absent' then
  if current then return 0 end
elseif current ~= ARGV[2] then
  return 0
end
redis.call('SET', KEYS[1], ARGV[3], 'PX', ARGV[4])
return 1
`;

/**
 * Redis on @keyv/redis, which does the plain get/set/delete; this class makes the connection, within a timeout.
 * Records also expire natively. Commands fail at once while Redis is unreachable instead of queueing, so a turn
 * errors quickly and readiness reports the outage.
 */
export class RedisBackend implements StoreBackend {
  private readonly client: ReturnType<typeof createClient>;
  private readonly adapter: KeyvRedis<string>;
  private connecting: Promise<unknown> | undefined;

  constructor(
    url: string,
    readonly description: string,
    private readonly onError: (error: unknown) => void,
    private readonly connectTimeoutMs: number,
  ) {
    this.client = createClient({ url, disableOfflineQueue: true, socket: { connectTimeout: connectTimeoutMs } });
    this.adapter = new KeyvRedis<string>(this.client, {
      throwOnErrors: true,
      throwOnConnectError: true,
      connectionTimeout: connectTimeoutMs,
    });
    this.adapter.on('error', onError);
  }

  async getMany(keys: readonly string[]): Promise<Array<string | undefined>> {
    await this.connected();
    const records = await this.adapter.getMany<string>([...keys]);
    return records.map((record) => (typeof record === 'string' ? record : undefined));
  }

  async set(key: string, record: string, ttlMs: number): Promise<void> {
    await this.connected();
    await this.adapter.set(key, record, ttlMs);
  }

  async swap(key: string, current: string | undefined, record: string, ttlMs: number): Promise<boolean> {
    await this.connected();
    const expectation = current === undefined ? ['absent', ''] : ['present', current];
    const stored = await this.client.eval(SWAP_SCRIPT, {
      keys: [key],
      arguments: [...expectation, record, String(ttlMs)],
    });
    return stored === 1;
  }

  async deleteMany(keys: readonly string[]): Promise<void> {
    await this.connected();
    await this.adapter.deleteMany([...keys]);
  }

  async ping(): Promise<void> {
    await this.connected();
    await this.client.ping();
  }

  close(): Promise<void> {
    return this.adapter.disconnect();
  }

  /**
   * keyv connects on first use, but calls made while that first connect is under way would fail as offline (the
   * client reports itself open before it is ready): they wait for the one connect here. A client that lost its
   * connection later still fails calls at once while it reconnects.
   */
  private async connected(): Promise<void> {
    if (this.client.isReady) return;
    this.connecting ??= this.connect().finally(() => {
      this.connecting = undefined;
    });
    await this.connecting;
  }

  /**
   * What the adapter's getClient does, with a timer that is cleared: getClient's own never is, and keeps a process
   * (a test run, a CLI) alive for the whole timeout after the connection is made.
   */
  private async connect(): Promise<void> {
    if (this.client.isOpen) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${this.connectTimeoutMs} ms.`)), this.connectTimeoutMs);
    });
    try {
      await Promise.race([this.client.connect(), timeout]);
    } catch (error) {
      this.onError(error);
      await this.adapter.disconnect(true);
      throw new Error('Redis client is not connected: it did not answer in time or refused the connection.', { cause: error });
    } finally {
      clearTimeout(timer);
    }
  }
}
