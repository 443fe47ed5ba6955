import { ConversationLog } from '../../src/hosting/directLine/conversationLog';
import { ConversationRegistry, type ConversationLimits } from '../../src/hosting/directLine/conversationRegistry';
import { SerialQueue } from '../../src/hosting/directLine/serialQueue';
import { BridgeTokens } from '../../src/hosting/directLine/tokens';

const MINUTE = 60_000;

function fakeClock(start = Date.parse('2026-01-15T12:00:00Z')) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('ConversationLog', () => {
  it('keeps only the newest activities, so a long conversation cannot grow without bound', () => {
    const log = new ConversationLog('c1', { maxActivities: 3, maxBytes: 1024 * 1024 });
    for (const text of ['one', 'two', 'three', 'four', 'five']) log.append({ type: 'message', text });

    const page = log.since(0);
    expect(page.activities.map((activity) => activity.text)).toEqual(['three', 'four', 'five']);
    expect(page.watermark).toBe('5');
    expect(page.activities.map((activity) => activity.id)).toEqual(['c1|0000003', 'c1|0000004', 'c1|0000005']);
  });

  it('keeps only the newest activities that fit its byte budget', () => {
    const log = new ConversationLog('c1', { maxActivities: 100, maxBytes: 1500 });
    for (const text of ['one', 'two', 'three']) log.append({ type: 'message', text: `${text} ${'x'.repeat(600)}` });

    expect(log.since(0).activities.map((activity) => activity.text?.split(' ')[0])).toEqual(['two', 'three']);
  });

  it('answers a watermark from the future with nothing, keeping that watermark', () => {
    const log = new ConversationLog('c1', { maxActivities: 10, maxBytes: 1024 * 1024 });
    log.append({ type: 'message', text: 'one' });

    expect(log.since(9)).toEqual({ activities: [], watermark: '9' });
  });
});

describe('ConversationRegistry', () => {
  const limits: ConversationLimits = {
    maxConversations: 2,
    log: { maxActivities: 10, maxBytes: 1024 * 1024 },
    maxPendingDeliveries: 2,
    idleMs: 30 * MINUTE,
  };

  it('forgets a conversation nobody used for the idle time, and keeps one in use', () => {
    const clock = fakeClock();
    const registry = new ConversationRegistry(limits, clock.now);
    const idle = registry.create('dl_a');
    const busy = registry.create('dl_b');

    clock.advance(20 * MINUTE);
    registry.use(busy!.id);
    clock.advance(20 * MINUTE);

    expect(registry.use(idle!.id)).toBeUndefined();
    expect(registry.use(busy!.id)).toBe(busy);
  });

  it('refuses a new conversation when full, until an idle one expires', () => {
    const clock = fakeClock();
    const registry = new ConversationRegistry(limits, clock.now);
    registry.create('dl_a');
    registry.create('dl_b');

    expect(registry.create('dl_c')).toBeUndefined();
    clock.advance(31 * MINUTE);
    expect(registry.create('dl_c')).toMatchObject({ userId: 'dl_c' });
  });
});

describe('SerialQueue', () => {
  it('runs tasks in order, one at a time, even when one fails', async () => {
    const queue = new SerialQueue(5);
    const events: string[] = [];
    let releaseFirst!: () => void;
    const first = queue.run(
      () =>
        new Promise<void>((resolve) => {
          events.push('first started');
          releaseFirst = resolve;
        }),
    );
    const failing = queue.run(async () => {
      events.push('second ran');
      throw new Error('bot failed');
    });
    const third = queue.run(async () => {
      events.push('third ran');
    });

    await Promise.resolve();
    expect(events).toEqual(['first started']);
    releaseFirst();
    await first;
    await expect(failing).rejects.toThrow('bot failed');
    await third;
    expect(events).toEqual(['first started', 'second ran', 'third ran']);
  });

  it('is full once `capacity` tasks wait', () => {
    const queue = new SerialQueue(2);
    queue.run(() => new Promise(() => undefined));
    queue.run(() => new Promise(() => undefined));

    expect(queue.full).toBe(true);
    expect(() => queue.run(async () => undefined)).toThrow(/full/);
  });
});

describe('BridgeTokens', () => {
  it('accepts its own token until it expires', () => {
    const clock = fakeClock();
    const tokens = new BridgeTokens(1800, clock.now);
    const { token, expiresIn } = tokens.issue({ conversationId: 'c1', userId: 'dl_a' });

    expect(expiresIn).toBe(1800);
    expect(tokens.verify(token)).toEqual({ conversationId: 'c1', userId: 'dl_a' });
    clock.advance(1801 * 1000);
    expect(tokens.verify(token)).toBeUndefined();
  });

  it("refuses another bridge's token (a restart makes every token invalid)", () => {
    const clock = fakeClock();
    const { token } = new BridgeTokens(1800, clock.now).issue({ conversationId: 'c1', userId: 'dl_a' });

    expect(new BridgeTokens(1800, clock.now).verify(token)).toBeUndefined();
  });
});
