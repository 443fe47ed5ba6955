import { setTimeout as sleep } from 'node:timers/promises';
import { ActivityTypes, MemoryStorage, TestAdapter, type TurnContext } from 'botbuilder';
import { REMEMBERED_ACTIVITIES } from '../../src/bot/processedActivities';
import { type TurnRouter, createTurnPipeline, keepTurnChanges } from '../../src/bot/turnPipeline';
import { TurnConversationState, TurnUserState } from '../../src/bot/turnStates';
import { LocalKeyLock } from '../../src/reliability/localKeyLock';
import { TurnLock } from '../../src/reliability/turnLock';
import { captureLogs } from '../support/captureLogs';

const CONVERSATION_KEY = 'test/conversations/Convo1/';
const USER_KEY = 'test/users/user1/';

/** A MemoryStorage recording the keys of each read and write, and how many of each were under way at once. */
function watchedStorage() {
  const storage = new MemoryStorage();
  const calls = { read: [] as string[][], write: [] as string[][] };
  const most = { read: 0, write: 0 };
  for (const method of ['read', 'write'] as const) {
    let inFlight = 0;
    const original = storage[method].bind(storage) as (arg: never) => Promise<never>;
    Object.assign(storage, {
      [method]: async (arg: never) => {
        calls[method].push(method === 'read' ? (arg as string[]) : Object.keys(arg));
        most[method] = Math.max(most[method], ++inFlight);
        try {
          return await original(arg);
        } finally {
          inFlight--;
        }
      },
    });
  }
  return { storage, calls, most };
}

/**
 * The pipeline with a router that uses both states, as the real dialogs do: it counts its turns in conversation
 * state, notes the answers in user state, answers "turn <n>: <text>", fails on "boom", and cannot deliver its answer
 * to "unheard" (the channel refuses it). "handed over, then boom" does what cannot be undone, then fails; "unheard,
 * then boom" swallows the failed reply, then fails for another reason; "unheard in a dialog" fails with the reply's
 * error wrapped, as botbuilder-dialogs wraps it.
 */
function pipelineWith(options: { route?: TurnRouter } = {}) {
  const watched = watchedStorage();
  const conversationState = new TurnConversationState(watched.storage);
  const userState = new TurnUserState(watched.storage);
  const turnsTaken = conversationState.createProperty<number>('turns');
  const answers = userState.createProperty<string[]>('answers');
  const stack = conversationState.createProperty<string[]>('dialogState');
  const routed: string[] = [];
  const route: TurnRouter =
    options.route ??
    (async (context) => {
      const text = context.activity.text ?? context.activity.type;
      routed.push(text);
      const turn = (await turnsTaken.get(context, 0)) + 1;
      await turnsTaken.set(context, turn);
      await answers.set(context, [...(await answers.get(context, [])), text]);
      await stack.set(context, [...(await stack.get(context, [])), `step-${turn}`]);
      if (text === 'boom') throw new Error('the dialogs broke');
      if (text === 'handed over, then boom') {
        keepTurnChanges(context);
        throw new Error('the email queue broke');
      }
      if (text.startsWith('unheard')) context.onSendActivities(() => Promise.reject(new Error('the channel did not answer')));
      if (text === 'unheard, then boom') {
        await context.sendActivity('lost').catch(() => undefined);
        throw new Error('the dialogs broke');
      }
      if (text === 'unheard in a dialog') {
        const wrapped = await context.sendActivity('lost').catch((error: unknown) => error);
        throw Object.assign(new Error('DialogContextError'), { error: wrapped });
      }
      await context.sendActivity(`turn ${turn}: ${text}`);
    });
  const lock = new TurnLock(new LocalKeyLock(), { waitMs: 2_000 });
  const pipeline = createTurnPipeline({
    conversationState,
    userState,
    lock,
    // A proactive turn opens, as the adapter would, in the test conversation with the customer as the sender.
    open: (_reference, turn) => adapter.processActivity({ type: ActivityTypes.Event, name: 'ContinueConversation' }, turn),
    logger: captureLogs('silent').logger,
  });
  const inbound = pipeline.inbound({ route, repairFailedTurn: (context) => stack.delete(context) });
  const adapter = new TestAdapter((context) => inbound.run(context));
  const stored = async (key: string) => (await watched.storage.read([key]))[key] as Record<string, unknown> | undefined;
  return { ...watched, pipeline, adapter, routed, stored, lock, answers };
}

const messageWithId = (text: string, id: string) => ({ type: ActivityTypes.Message, text, id });

describe('the turn pipeline', () => {
  it('reads conversation and user state together when a turn starts, and writes each once, together, when it ends', async () => {
    const { adapter, calls, most } = pipelineWith();

    await adapter.send('hello').assertReply('turn 1: hello');

    expect(calls.read.flat().sort()).toEqual([CONVERSATION_KEY, USER_KEY]);
    expect(calls.write.flat().sort()).toEqual([CONVERSATION_KEY, USER_KEY]);
    expect(most).toEqual({ read: 2, write: 2 });
  });

  it('does not process again an activity whose id this conversation has already processed, nor reply to it', async () => {
    const { adapter, routed, stored } = pipelineWith();

    await adapter.send(messageWithId('987654321', 'a-1')).assertReply('turn 1: 987654321');
    await adapter.send(messageWithId('987654321', 'a-1')).assertNoReply('a redelivery is not answered', 50);
    await adapter.send(messageWithId('482913', 'a-2')).assertReply('turn 2: 482913');

    expect(routed).toEqual(['987654321', '482913']);
    expect(await stored(USER_KEY)).toMatchObject({ answers: ['987654321', '482913'] });
  });

  it('lets copies sent at once wait for the first, then finds them done', async () => {
    const { adapter, routed } = pipelineWith({
      route: async (context) => {
        routed.push(context.activity.text ?? '');
        await sleep(20);
        await context.sendActivity('done');
      },
    });

    await Promise.all(Array.from({ length: 5 }, () => adapter.processActivity(messageWithId('Sign and send', 'click-1'))));

    expect(routed).toEqual(['Sign and send']);
    expect(adapter.activeQueue.map((reply) => reply.text)).toEqual(['done']);
  });

  it('processes activities without an id as they come', async () => {
    const { adapter, routed } = pipelineWith();

    await adapter.send({ type: ActivityTypes.Message, text: 'one', id: undefined }).assertReply('turn 1: one');
    await adapter.send({ type: ActivityTypes.Message, text: 'one', id: undefined }).assertReply('turn 2: one');

    expect(routed).toEqual(['one', 'one']);
  });

  it(`remembers the last ${REMEMBERED_ACTIVITIES} activities of a conversation, and no more`, async () => {
    const { adapter, routed, stored } = pipelineWith();
    for (let n = 0; n <= REMEMBERED_ACTIVITIES; n++) await adapter.processActivity(messageWithId(`m${n}`, `id-${n}`));

    await adapter.processActivity(messageWithId('again', `id-${REMEMBERED_ACTIVITIES}`));
    await adapter.processActivity(messageWithId('oldest', 'id-0'));

    expect(routed.slice(-1)).toEqual(['oldest']);
    expect((await stored(CONVERSATION_KEY))?.processedActivities).toHaveLength(REMEMBERED_ACTIVITIES);
  });

  it('keeps activity ids in state only as short fingerprints', async () => {
    const { adapter, stored } = pipelineWith();

    await adapter.processActivity(messageWithId('hello', 'conversation-abc|0000042'));

    const kept = (await stored(CONVERSATION_KEY))?.processedActivities as string[];
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatch(/^[\w-]{10}$/);
    expect(JSON.stringify(await stored(CONVERSATION_KEY))).not.toContain('0000042');
  });

  it("after a failed turn keeps what earlier turns saved, drops the failed turn's changes and its dialog stack, and counts it processed", async () => {
    const { adapter, routed, stored } = pipelineWith();
    await adapter.processActivity(messageWithId('first', 'f-1'));

    await expect(adapter.processActivity(messageWithId('boom', 'f-2'))).rejects.toThrow('the dialogs broke');

    expect(await stored(USER_KEY)).toMatchObject({ answers: ['first'] });
    expect(await stored(CONVERSATION_KEY)).not.toHaveProperty('dialogState');
    expect(await stored(CONVERSATION_KEY)).toMatchObject({ turns: 1 });
    await adapter.processActivity(messageWithId('boom', 'f-2'));
    expect(routed).toEqual(['first', 'boom']);
  });

  it("after a reply failed to go out keeps the turn's changes (the customer's answer) but its dialog stack, and counts it processed", async () => {
    const { adapter, routed, stored } = pipelineWith();
    await adapter.processActivity(messageWithId('first', 'u-1'));

    await expect(adapter.processActivity(messageWithId('unheard', 'u-2'))).rejects.toThrow('the channel did not answer');

    expect(await stored(USER_KEY)).toMatchObject({ answers: ['first', 'unheard'] });
    expect(await stored(CONVERSATION_KEY)).toMatchObject({ turns: 2 });
    expect(await stored(CONVERSATION_KEY)).not.toHaveProperty('dialogState');
    await adapter.processActivity(messageWithId('unheard', 'u-2'));
    expect(routed).toEqual(['first', 'unheard']);
  });

  it('keeps the changes of a turn that fails with its failed reply wrapped, as the dialogs wrap it', async () => {
    const { adapter, stored } = pipelineWith();

    await expect(adapter.processActivity(messageWithId('unheard in a dialog', 'w-1'))).rejects.toThrow('DialogContextError');

    expect(await stored(USER_KEY)).toMatchObject({ answers: ['unheard in a dialog'] });
  });

  it('drops the changes of a turn that failed for another reason after a reply of it failed', async () => {
    const { adapter, stored } = pipelineWith();
    await adapter.processActivity(messageWithId('first', 's-1'));

    await expect(adapter.processActivity(messageWithId('unheard, then boom', 's-2'))).rejects.toThrow('the dialogs broke');

    expect(await stored(USER_KEY)).toMatchObject({ answers: ['first'] });
  });

  it('keeps the changes of a turn that failed after doing what cannot be undone', async () => {
    const { adapter, stored } = pipelineWith();
    await adapter.processActivity(messageWithId('first', 'k-1'));

    await expect(adapter.processActivity(messageWithId('handed over, then boom', 'k-2'))).rejects.toThrow('the email queue broke');

    expect(await stored(USER_KEY)).toMatchObject({ answers: ['first', 'handed over, then boom'] });
    expect(await stored(CONVERSATION_KEY)).not.toHaveProperty('dialogState');
  });

  it('saves nothing of a turn that failed before it was routed, and lets the error reach the adapter', async () => {
    const { adapter, storage, calls } = pipelineWith();
    jest.spyOn(storage, 'read').mockRejectedValueOnce(new Error('storage is down'));

    await expect(adapter.processActivity(messageWithId('hello', 'd-1'))).rejects.toThrow('storage is down');

    expect(calls.write).toEqual([]);
  });

  it('runs typing and other stateless activities without reading state or taking the lock', async () => {
    const { adapter, calls, lock, routed } = pipelineWith({
      route: async (context) => {
        routed.push(context.activity.type);
      },
    });
    const held = await lock.hold([CONVERSATION_KEY, USER_KEY]);
    try {
      await adapter.processActivity({ type: ActivityTypes.Typing });
    } finally {
      await held.release();
    }
    expect(routed).toEqual([ActivityTypes.Typing]);
    expect(calls.read).toEqual([]);
  });

  describe('proactive turns', () => {
    it("run the given work with the customer's state read, save what it changed once, and resolve with its result", async () => {
      const setup = pipelineWith();
      await setup.adapter.send('hello').assertReply('turn 1: hello');
      setup.calls.read.length = 0;
      setup.calls.write.length = 0;

      const result = await setup.pipeline.proactive({}, async (context: TurnContext) => {
        await setup.answers.set(context, [...(await setup.answers.get(context, [])), 'told of completion']);
        await context.sendActivity('Your port is complete.');
        return 'told';
      });

      expect(result).toBe('told');
      expect(setup.calls.read.flat().sort()).toEqual([CONVERSATION_KEY, USER_KEY]);
      expect(setup.calls.write).toEqual([[USER_KEY]]);
      expect(await setup.stored(USER_KEY)).toMatchObject({ answers: ['hello', 'told of completion'] });
    });

    it('save what the work changed when only its message did not go out, and let the caller know', async () => {
      const setup = pipelineWith();
      await setup.adapter.send('hello').assertReply('turn 1: hello');

      const told = setup.pipeline.proactive({}, async (context: TurnContext) => {
        await setup.answers.set(context, [...(await setup.answers.get(context, [])), 'taken over by Sam']);
        context.onSendActivities(() => Promise.reject(new Error('the channel did not answer')));
        await context.sendActivity('Sam has joined.');
      });

      await expect(told).rejects.toThrow('the channel did not answer');
      expect(await setup.stored(USER_KEY)).toMatchObject({ answers: ['hello', 'taken over by Sam'] });
    });

    it('wait for the turn under way in the conversation', async () => {
      const order: string[] = [];
      const setup = pipelineWith({
        route: async (context) => {
          order.push(`turn starts: ${context.activity.text}`);
          await sleep(30);
          order.push('turn ends');
        },
      });

      const turn = setup.adapter.processActivity(messageWithId('hello', 'p-1'));
      await sleep(5);
      await setup.pipeline.proactive({}, async () => {
        order.push('notice');
      });
      await turn;

      expect(order).toEqual(['turn starts: hello', 'turn ends', 'notice']);
    });
  });
});
