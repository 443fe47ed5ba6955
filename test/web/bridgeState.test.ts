import { ConversationLog } from '../../src/hosting/directLine/conversationLog';
import { ConversationRegistry, type Conversation, type ConversationLimits } from '../../src/hosting/directLine/conversationRegistry';
import { SerialQueue } from '../../src/hosting/directLine/serialQueue';
import { BridgeTokens } from '../../src/hosting/directLine/tokens';
import { whileTyping } from '../../src/hosting/directLine/typingIndicator';

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

  it('tells its watchers of every change, until they stop watching', () => {
    const log = new ConversationLog('c1', { maxActivities: 10, maxBytes: 1024 * 1024 });
    const seen: number[] = [];
    const unwatch = log.watch(() => seen.push(log.watermark));
    const first = log.append({ type: 'message', text: 'one' });
    log.replace(first.id, { type: 'message', text: 'one, edited' });
    log.remove(first.id);
    unwatch();
    log.append({ type: 'message', text: 'two' });

    expect(seen).toEqual([1, 2, 3]);
  });
});

describe('whileTyping', () => {
  const typing = () => ({ type: 'typing' });
  const typesIn = (log: ConversationLog) => log.since(0).activities.map((activity) => activity.type);
  const newLog = () => new ConversationLog('c1', { maxActivities: 50, maxBytes: 1024 * 1024 });

  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('shows nothing for a turn that answers at once', async () => {
    const log = newLog();
    await whileTyping(log, typing, async () => {
      log.append({ type: 'message', text: 'answer' });
    });
    jest.advanceTimersByTime(10_000);

    expect(typesIn(log)).toEqual(['message']);
  });

  it('shows a slow turn typing, again before the indicator fades, until the bot says something', async () => {
    const log = newLog();
    let finish!: () => void;
    const turn = whileTyping(log, typing, () => new Promise<void>((resolve) => (finish = resolve)));

    jest.advanceTimersByTime(499);
    expect(typesIn(log)).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(typesIn(log)).toEqual(['typing']);
    jest.advanceTimersByTime(3_000);
    expect(typesIn(log)).toEqual(['typing', 'typing']);
    log.append({ type: 'message', text: 'answer' });
    jest.advanceTimersByTime(10_000);
    expect(typesIn(log)).toEqual(['typing', 'typing', 'message']);
    finish();
    await turn;
  });

  it('stops when the turn ends, even without an answer', async () => {
    const log = newLog();
    let finish!: () => void;
    const turn = whileTyping(log, typing, () => new Promise<void>((resolve) => (finish = resolve)));
    jest.advanceTimersByTime(600);
    finish();
    await turn;
    jest.advanceTimersByTime(10_000);

    expect(typesIn(log)).toEqual(['typing']);
  });
});

describe('ConversationRegistry', () => {
  const limits: ConversationLimits = {
    maxConversations: 4,
    maxConversationsPerClient: 2,
    log: { maxActivities: 10, maxBytes: 1024 * 1024 },
    maxPendingDeliveries: 2,
    reclaimableAfterMs: 2 * MINUTE,
    idleMs: 30 * MINUTE,
  };

  /** A conversation made for `client`, failing the test when it is refused. */
  function created(registry: ConversationRegistry, userId: string, client: string): Conversation {
    const conversation = registry.create(userId, client);
    if (typeof conversation === 'string') throw new Error(`${userId} at ${client} was refused: ${conversation}`);
    return conversation;
  }

  it('forgets a conversation nobody used for the idle time, and keeps one in use', () => {
    const clock = fakeClock();
    const registry = new ConversationRegistry(limits, clock.now);
    const idle = created(registry, 'dl_a', '203.0.113.1');
    const busy = created(registry, 'dl_b', '203.0.113.2');

    clock.advance(20 * MINUTE);
    registry.use(busy.id);
    clock.advance(20 * MINUTE);

    expect(registry.use(idle.id)).toBeUndefined();
    expect(registry.use(busy.id)).toBe(busy);
  });

  it("refuses one address more than its share while its conversations are in use, and lets its oldest unused one go", () => {
    const clock = fakeClock();
    const registry = new ConversationRegistry(limits, clock.now);
    const first = created(registry, 'dl_a', '203.0.113.1');
    const second = created(registry, 'dl_b', '203.0.113.1');

    expect(registry.create('dl_c', '203.0.113.1')).toBe('tooManyForClient');
    expect(created(registry, 'dl_d', '198.51.100.7')).toMatchObject({ userId: 'dl_d' });

    clock.advance(3 * MINUTE);
    registry.use(first.id);
    const third = created(registry, 'dl_c', '203.0.113.1');

    expect(registry.use(second.id)).toBeUndefined();
    expect(registry.use(first.id)).toBe(first);
    expect(registry.use(third.id)).toBe(third);
  });

  it('when full, lets the oldest unused conversation go, and refuses only while every one is in use', () => {
    const clock = fakeClock();
    const registry = new ConversationRegistry(limits, clock.now);
    const conversations = ['203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.4'].map((client, i) => created(registry, `dl_${i}`, client));

    expect(registry.create('dl_new', '198.51.100.7')).toBe('full');
    clock.advance(3 * MINUTE);
    for (const conversation of [conversations[2], conversations[0], conversations[3]]) registry.use(conversation.id);
    expect(created(registry, 'dl_new', '198.51.100.7')).toMatchObject({ userId: 'dl_new' });

    expect(registry.use(conversations[1].id)).toBeUndefined();
    expect(conversations.filter((conversation) => registry.use(conversation.id))).toHaveLength(3);
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
