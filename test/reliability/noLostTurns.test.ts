import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Activity, ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { TurnHandler } from '../../src/bot/turnPipeline';
import { createTurnLock } from '../../src/reliability/createTurnLock';
import { createTurnPipeline } from '../../src/bot/turnPipeline';
import { text } from '../../src/reliability/text';
import type { TurnLock } from '../../src/reliability/turnLock';
import { DataKeyring, formatDataKey, parseDataKey } from '../../src/security/dataKeys';
import { createStorage } from '../../src/storage/createStorage';
import { message, TEST_CHANNEL } from '../support/activities';
import { captureLogs } from '../support/captureLogs';
import { startTestApp, type TestApp } from '../support/testApp';
import { purgeNamespace, scratchFolder, testBackends, uniqueNamespace, type TestBackend } from '../storage/testBackends';

const MESSAGES = 50;
// botbuilder's state keys (ConversationState, UserState) for the test activities, which end with the states' empty namespace.
const CONVERSATION_KEY = `${TEST_CHANNEL}/conversations/conversation-1/`;
const USER_KEY = `${TEST_CHANNEL}/users/user-1/`;
const keyring = new DataKeyring(parseDataKey(formatDataKey('test', randomBytes(32))));

/**
 * The shape of turn that loses messages without a lock: read the conversation's list, work a little (any await),
 * append, save. Two such turns at once both read the same list, and the later save drops the other's message.
 */
class AppendingBot implements TurnHandler {
  readonly handled: string[] = [];
  private readonly received: StatePropertyAccessor<string[]>;

  constructor(private readonly conversationState: ConversationState) {
    this.received = conversationState.createProperty<string[]>('received');
  }

  async run(context: TurnContext): Promise<void> {
    const received = await this.received.get(context, []);
    await sleep(2);
    await this.received.set(context, [...received, context.activity.text ?? '']);
    await this.conversationState.saveChanges(context);
    this.handled.push(context.activity.text ?? '');
  }
}

interface Instance {
  app: TestApp;
  bot: AppendingBot;
  lock: TurnLock;
}

/** One bot instance with storage, adapter, bot and lock of its own, as a separate process would have. */
async function startInstance(url: string, namespace: string, locked: boolean, waitMs = 14_000): Promise<Instance> {
  const storage = await createStorage(url, { ttlDays: 1, namespace, encryption: keyring });
  const lock = createTurnLock(url, { waitMs, namespace, onError: (error) => console.error(error) });
  const logger = captureLogs('silent').logger;
  let bot: AppendingBot | undefined;
  const app = await startTestApp({
    storage,
    logger,
    bot: ({ conversationState, userState }) => {
      bot = new AppendingBot(conversationState);
      if (!locked) return bot;
      const pipeline = createTurnPipeline({ conversationState, userState, lock, logger, open: async () => undefined });
      const appending = bot;
      return pipeline.inbound({ route: (context) => appending.run(context) });
    },
  });
  return { app, bot: bot as AppendingBot, lock };
}

async function stopAll(instances: readonly Instance[]): Promise<void> {
  await Promise.all(instances.map(async ({ app, lock }) => {
    await app.close();
    await lock.close();
  }));
}

/** Sends the messages all at once, spread over the instances; resolves what the conversation's state holds then. */
async function sendAtOnce(instances: readonly Instance[], prefix: string): Promise<{ sent: string[]; stored: string[] }> {
  const sent = Array.from({ length: MESSAGES }, (_, index) => `${prefix}-${index}`);
  const responses = await Promise.all(sent.map((body, index) => instances[index % instances.length].app.post(message(body))));
  expect(responses.map((response) => response.status)).toEqual(sent.map(() => 200));
  const state = (await instances[0].app.storage.read([CONVERSATION_KEY]))[CONVERSATION_KEY] as { received: string[] };
  return { sent, stored: state.received };
}

const scratch = scratchFolder();
afterAll(() => scratch.remove());

// Redis and Postgres are shared by several instances: two servers, each with its own objects. Memory and SQLite
// serve one instance (see createTurnLock), which still runs many turns at once.
const setups = testBackends(join(scratch.path, 'turns.sqlite')).map((backend) => ({
  backend,
  instances: backend.shared && backend.name !== 'sqlite' ? 2 : 1,
}));

for (const { backend, instances: count } of setups) {
  const describeBackend = backend.url === undefined ? describe.skip : describe;

  describeBackend(`${count} instance(s) on ${backend.name} storage`, () => {
    const namespaces: string[] = [];
    const startAll = async (locked: boolean) => {
      const namespace = uniqueNamespace(`turns_${backend.name}`);
      namespaces.push(namespace);
      const url = backend.url as string;
      return Promise.all(Array.from({ length: count }, () => startInstance(url, namespace, locked)));
    };
    afterAll(async () => {
      for (const namespace of namespaces) await purgeNamespace(backend as TestBackend, namespace);
    });

    it(`handles each of ${MESSAGES} simultaneous messages to one conversation once and keeps them all`, async () => {
      const instances = await startAll(true);
      try {
        const { sent, stored } = await sendAtOnce(instances, 'locked');
        expect([...stored].sort()).toEqual([...sent].sort());
        expect(instances.flatMap(({ bot }) => bot.handled).sort()).toEqual([...sent].sort());
      } finally {
        await stopAll(instances);
      }
    }, 30_000);

    it('loses messages without the lock (what the test above would catch)', async () => {
      const instances = await startAll(false);
      try {
        const { sent, stored } = await sendAtOnce(instances, 'unlocked');
        expect(instances.flatMap(({ bot }) => bot.handled)).toHaveLength(sent.length);
        expect(stored.length).toBeLessThan(sent.length);
      } finally {
        await stopAll(instances);
      }
    }, 30_000);
  });
}

describe('a turn that cannot get its lock in time', () => {
  let instance: Instance;
  beforeAll(async () => {
    instance = await startInstance('memory://', 'busy', true, 100);
  });
  afterAll(() => stopAll([instance]));

  it('is not run, and the customer is told plainly to send the message again', async () => {
    const held = await instance.lock.hold([CONVERSATION_KEY]);
    try {
      const replies = await instance.app.exchange(message('while busy'));
      expect(replies.map((reply) => reply.text)).toEqual([text.busy]);
      expect(instance.bot.handled).toEqual([]);
    } finally {
      await held.release();
    }
    expect((await instance.app.exchange(message('after'))).map((reply) => reply.text)).toEqual([]);
    expect(instance.bot.handled).toEqual(['after']);
  });

  it('answers a card action (an invoke) with 503, so the client knows it was not acted on', async () => {
    const held = await instance.lock.hold([USER_KEY]);
    try {
      const invoke: Partial<Activity> = { ...message(''), type: 'invoke', name: 'adaptiveCard/action', deliveryMode: undefined, text: undefined };
      const response = await instance.app.post(invoke);
      expect(response.status).toBe(503);
    } finally {
      await held.release();
    }
  });
});
