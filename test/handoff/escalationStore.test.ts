/**
 * The escalation store on every storage backend: one escalation per customer, one agent per escalation even when
 * several bot instances race for it, and everything found again by a store opened afresh (a restarted instance).
 */
import { join } from 'node:path';
import type { AssignedAgent, StoredReference } from '../../src/handoff/escalation';
import { EscalationStore, type NewEscalation, conversationKeyOf } from '../../src/handoff/escalationStore';
import { createStorage, type BotStorage } from '../../src/storage/createStorage';
import { purgeNamespace, scratchFolder, testBackends, uniqueNamespace } from '../storage/testBackends';

const scratch = scratchFolder();
afterAll(() => scratch.remove());

const HOUR_MS = 60 * 60 * 1000;
/** How long a console stays registered without joining again (CONSOLE_LIFETIME_MS in the store). */
const CONSOLE_LIFETIME_MS = 12 * HOUR_MS;

const consoleReference = (conversationId: string): StoredReference => ({ channelId: 'webchat', conversation: { id: conversationId } });
const customerReference = (conversationId: string): StoredReference => ({
  channelId: 'webchat',
  serviceUrl: 'https://webchat.example',
  conversation: { id: conversationId },
});

function escalationFor(conversationId: string): NewEscalation {
  return {
    reason: 'asked',
    step: 'pin',
    customer: { name: 'Maria', conversation: customerReference(conversationId) },
    summary: [{ label: 'Current carrier', value: 'Verizon' }],
    transcript: [{ from: 'customer', text: 'I want to talk to a person', at: '2026-05-04T15:00:00.000Z' }],
    createdAt: '2026-05-04T15:00:00.000Z',
  };
}

/** An agent answering in a Teams thread of their own. */
function agentNamed(name: string): { agent: AssignedAgent; agentKey: string } {
  const agent = { id: `29:${name}`, name, conversation: { channelId: 'msteams', conversation: { id: `19:thread-${name}` } } };
  return { agent, agentKey: conversationKeyOf(agent.conversation) };
}
const alex = agentNamed('Alex Kim');
const sam = agentNamed('Sam Ortiz');

const sqliteFile = join(scratch.path, 'escalations.sqlite');

for (const backend of testBackends(sqliteFile)) {
  (backend.url === undefined ? describe.skip : describe)(`escalation store on ${backend.name} storage`, () => {
    let namespace: string;
    let connections: BotStorage[];
    let now: number;
    const clock = () => new Date(now);
    let storage: BotStorage;
    let store: EscalationStore;

    /** A new connection to this test's namespace, closed after the test. */
    async function connect(): Promise<BotStorage> {
      const connection = await createStorage(backend.url as string, { ttlDays: 1, namespace });
      connections.push(connection);
      return connection;
    }

    beforeEach(async () => {
      namespace = uniqueNamespace(`escalations_${backend.name}`);
      connections = [];
      now = Date.parse('2026-05-04T15:00:00Z');
      storage = await connect();
      store = new EscalationStore(storage, clock);
    });

    afterEach(async () => {
      await Promise.all(connections.map((connection) => connection.close()));
      await purgeNamespace(backend, namespace);
    });

    /** Another bot instance: its own connection on a shared backend; memory can only be shared within one process. */
    async function anotherInstance(): Promise<EscalationStore> {
      return new EscalationStore(backend.shared ? await connect() : storage, clock);
    }

    async function open(conversationId: string) {
      const customerKey = conversationKeyOf(customerReference(conversationId));
      const { escalation, created } = await store.open(customerKey, escalationFor(conversationId));
      expect(created).toBe(true);
      return { escalation, customerKey };
    }

    const queuedIds = async (from = store) => (await from.queue()).map((escalation) => escalation.id);

    describe('opening', () => {
      it('opens a waiting escalation and finds it by its id and by the customer', async () => {
        const { escalation, customerKey } = await open('maria');

        expect(escalation).toEqual({ ...escalationFor('maria'), id: expect.any(String), state: 'waiting', waitNoticeSent: false, hubPosts: [] });
        expect(await store.get(escalation.id)).toEqual(escalation);
        expect(await store.forCustomer(customerKey)).toEqual(escalation);
        expect(await store.forCustomer(conversationKeyOf(customerReference('someone-else')))).toBeUndefined();
      });

      it('gives a customer who asks again the escalation they already have', async () => {
        const { escalation, customerKey } = await open('maria');

        const again = await store.open(customerKey, { ...escalationFor('maria'), reason: 'stuck' });

        expect(again).toEqual({ escalation, created: false });
        expect(await queuedIds()).toEqual([escalation.id]);
      });

      it('gives a customer asking twice at once one escalation, whichever instances they reach', async () => {
        const customerKey = conversationKeyOf(customerReference('maria'));
        const instances = [store, store, await anotherInstance(), await anotherInstance()];

        const opened = await Promise.all(instances.map((instance) => instance.open(customerKey, escalationFor('maria'))));

        const ids = new Set(opened.map(({ escalation }) => escalation.id));
        expect(ids.size).toBe(1);
        expect(opened.filter(({ created }) => created)).toHaveLength(1);
        expect(await queuedIds()).toEqual([...ids]);
      });

      it('replaces a pointer left behind by an escalation that is gone, rather than queueing one nobody can find', async () => {
        const customerKey = conversationKeyOf(customerReference('maria'));
        await storage.write({ [`handoff/customers/${customerKey}`]: { escalationId: 'long-gone' } });

        const { escalation, created } = await store.open(customerKey, escalationFor('maria'));

        expect(created).toBe(true);
        expect(await store.forCustomer(customerKey)).toEqual(escalation);
      });

      it('queues the waiting escalations oldest first', async () => {
        const first = await open('first');
        const second = await open('second');
        const third = await open('third');

        expect(await queuedIds()).toEqual([first.escalation.id, second.escalation.id, third.escalation.id]);
        expect(await queuedIds(await anotherInstance())).toEqual([first.escalation.id, second.escalation.id, third.escalation.id]);
      });
    });

    describe('taking', () => {
      it('assigns the escalation to the agent, takes it out of the queue and links the agent’s conversation', async () => {
        const { escalation, customerKey } = await open('maria');
        const other = await open('other');

        const outcome = await store.take(escalation.id, alex.agent, alex.agentKey);

        const assigned = { ...escalation, state: 'assigned', agent: alex.agent };
        expect(outcome).toEqual({ kind: 'taken', escalation: assigned });
        expect(await store.get(escalation.id)).toEqual(assigned);
        expect(await store.forCustomer(customerKey)).toEqual(assigned);
        expect(await store.forAgentConversation(alex.agentKey)).toEqual(assigned);
        expect(await store.forAgentConversation(sam.agentKey)).toBeUndefined();
        expect(await queuedIds()).toEqual([other.escalation.id]);
      });

      it('tells a second agent who has it', async () => {
        const { escalation } = await open('maria');
        await store.take(escalation.id, alex.agent, alex.agentKey);

        expect(await store.take(escalation.id, sam.agent, sam.agentKey)).toEqual({ kind: 'alreadyTaken', by: alex.agent.name });
        expect(await store.forAgentConversation(sam.agentKey)).toBeUndefined();
      });

      it('says an escalation that does not exist is gone', async () => {
        expect(await store.take('no-such-escalation', alex.agent, alex.agentKey)).toEqual({ kind: 'gone' });
        expect(await store.forAgentConversation(alex.agentKey)).toBeUndefined();
      });

      /** Two agents take the escalation at once; exactly one gets it and the other learns who. */
      async function expectOneWinner(escalationId: string, takers: [EscalationStore, EscalationStore]) {
        const outcomes = await Promise.all([
          takers[0].take(escalationId, alex.agent, alex.agentKey),
          takers[1].take(escalationId, sam.agent, sam.agentKey),
        ]);

        const winners = outcomes.flatMap((outcome) => (outcome.kind === 'taken' ? [outcome.escalation.agent] : []));
        expect(winners).toHaveLength(1);
        const winner = winners[0] as AssignedAgent;
        const loser = winner.id === alex.agent.id ? sam : alex;
        expect(outcomes).toContainEqual({ kind: 'alreadyTaken', by: winner.name });
        expect((await store.get(escalationId))?.agent).toEqual(winner);
        expect((await store.forAgentConversation(conversationKeyOf(winner.conversation)))?.id).toBe(escalationId);
        expect(await store.forAgentConversation(loser.agentKey)).toBeUndefined();
        expect(await queuedIds()).not.toContain(escalationId);
      }

      it('gives one of two agents taking it at once the escalation, through one instance', async () => {
        for (const conversationId of ['race-1', 'race-2', 'race-3']) {
          const { escalation } = await open(conversationId);
          await expectOneWinner(escalation.id, [store, store]);
          await store.end(escalation.id);
        }
      });

      (backend.shared ? it : it.skip)('gives one of two agents taking it at once the escalation, through two instances', async () => {
        const first = await anotherInstance();
        const second = await anotherInstance();
        for (const conversationId of ['race-1', 'race-2', 'race-3']) {
          const { escalation } = await open(conversationId);
          await expectOneWinner(escalation.id, [first, second]);
          await store.end(escalation.id);
        }
      });
    });

    describe('callbacks', () => {
      it('keeps a callback in the queue with the email, and frees the customer’s conversation', async () => {
        const { escalation, customerKey } = await open('maria');
        await store.update(escalation.id, (current) => ({ ...current, awaitingCallbackEmail: true }));

        const callback = await store.toCallback(escalation.id, customerKey, 'maria@example.com');

        const expected = { ...escalation, state: 'callback', callbackEmail: 'maria@example.com', awaitingCallbackEmail: false };
        expect(callback).toEqual(expected);
        expect(await store.get(escalation.id)).toEqual(expected);
        expect(await store.queue()).toEqual([expected]);
        expect(await store.forCustomer(customerKey)).toBeUndefined();

        const askingAgain = await store.open(customerKey, escalationFor('maria'));
        expect(askingAgain.created).toBe(true);
        expect(await queuedIds()).toEqual([escalation.id, askingAgain.escalation.id]);
      });

      it('lets one agent take a callback, with no conversation to relay since they answer by email', async () => {
        const { escalation, customerKey } = await open('maria');
        await store.toCallback(escalation.id, customerKey, 'maria@example.com');

        const outcome = await store.take(escalation.id, alex.agent, alex.agentKey);

        expect(outcome).toEqual({
          kind: 'taken',
          escalation: { ...escalation, state: 'assigned', callbackEmail: 'maria@example.com', awaitingCallbackEmail: false, agent: alex.agent },
        });
        expect(await store.forAgentConversation(alex.agentKey)).toBeUndefined();
        expect(await store.queue()).toEqual([]);
        expect(await store.take(escalation.id, sam.agent, sam.agentKey)).toEqual({ kind: 'alreadyTaken', by: alex.agent.name });
      });
    });

    describe('changing', () => {
      it('changes an escalation, leaves it as it is when the change says so, and changes nothing once it has ended', async () => {
        const { escalation } = await open('maria');

        const noticed = await store.update(escalation.id, (current) => ({ ...current, waitNoticeSent: true }));
        expect(noticed).toEqual({ ...escalation, waitNoticeSent: true });
        expect(await store.update(escalation.id, () => undefined)).toEqual(noticed);
        expect(await store.get(escalation.id)).toEqual(noticed);

        await store.end(escalation.id);
        const change = jest.fn((current) => current);
        expect(await store.update(escalation.id, change)).toBeUndefined();
        expect(change).not.toHaveBeenCalled();
        expect(await store.get(escalation.id)).toBeUndefined();
      });

      it('hands a waiting escalation to a contact-center platform: out of the queue, and no agent of ours can take it', async () => {
        const { escalation } = await open('maria');

        const accepted = await store.acceptedByPlatform(escalation.id);

        expect(accepted).toEqual({ ...escalation, state: 'assigned', platform: true });
        expect(await store.queue()).toEqual([]);
        expect(await store.take(escalation.id, alex.agent, alex.agentKey)).toEqual({ kind: 'alreadyTaken', by: 'our contact centre' });
      });

      it('leaves a chat one of our agents took alone when the platform accepts too late', async () => {
        const { escalation } = await open('maria');
        await store.take(escalation.id, alex.agent, alex.agentKey);

        expect(await store.acceptedByPlatform(escalation.id)).toBeUndefined();
        expect(await store.get(escalation.id)).toEqual({ ...escalation, state: 'assigned', agent: alex.agent });
      });
    });

    describe('ending', () => {
      it('deletes a taken escalation with its queue entry and both conversations’ links', async () => {
        const { escalation, customerKey } = await open('maria');
        const other = await open('other');
        await store.take(escalation.id, alex.agent, alex.agentKey);

        expect(await store.end(escalation.id)).toEqual({ ...escalation, state: 'assigned', agent: alex.agent });

        expect(await store.get(escalation.id)).toBeUndefined();
        expect(await store.forCustomer(customerKey)).toBeUndefined();
        expect(await store.forAgentConversation(alex.agentKey)).toBeUndefined();
        expect(await store.take(escalation.id, sam.agent, sam.agentKey)).toEqual({ kind: 'gone' });
        expect(await queuedIds()).toEqual([other.escalation.id]);
      });

      it('takes a waiting escalation out of the queue, and lets the customer open a new one', async () => {
        const { escalation, customerKey } = await open('maria');

        expect(await store.end(escalation.id)).toEqual(escalation);

        expect(await store.queue()).toEqual([]);
        expect(await store.forCustomer(customerKey)).toBeUndefined();
        expect((await store.open(customerKey, escalationFor('maria'))).created).toBe(true);
      });

      it('keeps the customer’s new escalation when an earlier callback of theirs ends', async () => {
        const { escalation, customerKey } = await open('maria');
        await store.toCallback(escalation.id, customerKey, 'maria@example.com');
        const { escalation: newer } = await store.open(customerKey, escalationFor('maria'));

        await store.end(escalation.id);

        expect(await store.forCustomer(customerKey)).toEqual(newer);
        expect(await queuedIds()).toEqual([newer.id]);
      });

      it('resolves with nothing for an escalation that does not exist', async () => {
        expect(await store.end('no-such-escalation')).toBeUndefined();
      });

      it('ends all of a customer’s escalations for "delete my data": callbacks of earlier conversations too', async () => {
        const userReference = (conversationId: string, userId: string) => ({ ...customerReference(conversationId), user: { id: userId } });
        const withUser = (conversationId: string, userId: string): NewEscalation => ({
          ...escalationFor(conversationId),
          customer: { name: 'Maria', conversation: userReference(conversationId, userId) },
        });
        // Yesterday's conversation left a callback; today's is waiting; another customer's callback is not theirs.
        const yesterday = (await store.open(conversationKeyOf(customerReference('yesterday')), withUser('yesterday', 'maria'))).escalation;
        await store.toCallback(yesterday.id, conversationKeyOf(customerReference('yesterday')), 'maria@example.com');
        const today = (await store.open(conversationKeyOf(customerReference('today')), withUser('today', 'maria'))).escalation;
        const someoneElse = (await store.open(conversationKeyOf(customerReference('ana')), withUser('ana', 'ana'))).escalation;
        await store.toCallback(someoneElse.id, conversationKeyOf(customerReference('ana')), 'ana@example.com');

        const ended = await store.endAllOfCustomer(userReference('today', 'maria'));

        expect(ended.map((escalation) => escalation.id).sort()).toEqual([yesterday.id, today.id].sort());
        expect(await queuedIds()).toEqual([someoneElse.id]);
        expect(await store.get(yesterday.id)).toBeUndefined();
        expect(await store.forCustomer(conversationKeyOf(customerReference('today')))).toBeUndefined();
      });
    });

    describe('agents’ consoles', () => {
      const consoleKeys = async (from = store) => (await from.consoles()).map((entry) => entry.key).sort();

      it('registers the consoles that join, once each, with their conversation references', async () => {
        await store.joinConsole('webchat/console-1', consoleReference('console-1'));
        await store.joinConsole('webchat/console-2', consoleReference('console-2'));
        await store.joinConsole('webchat/console-1', consoleReference('console-1'));

        expect(await consoleKeys()).toEqual(['webchat/console-1', 'webchat/console-2']);
        expect(await store.consoles()).toContainEqual(
          expect.objectContaining({ key: 'webchat/console-2', reference: consoleReference('console-2') }),
        );
        expect(await store.isConsole('webchat/console-1')).toBe(true);
        expect(await store.isConsole('webchat/customer')).toBe(false);
      });

      it('forgets a console that has not joined again within its lifetime, until it does', async () => {
        await store.joinConsole('webchat/console-1', consoleReference('console-1'));
        now += HOUR_MS;
        await store.joinConsole('webchat/console-2', consoleReference('console-2'));

        now += CONSOLE_LIFETIME_MS - HOUR_MS - 1;
        expect(await consoleKeys()).toEqual(['webchat/console-1', 'webchat/console-2']);
        now += 1;
        expect(await consoleKeys()).toEqual(['webchat/console-2']);
        expect(await store.isConsole('webchat/console-1')).toBe(false);

        await store.joinConsole('webchat/console-1', consoleReference('console-1'));
        now += HOUR_MS;
        expect(await consoleKeys()).toEqual(['webchat/console-1']);
      });

      it('registers every console of several joining at once', async () => {
        const instances = [store, await anotherInstance(), await anotherInstance()];

        await Promise.all(instances.map((instance, index) => instance.joinConsole(`webchat/console-${index}`, consoleReference(`console-${index}`))));

        expect(await consoleKeys()).toEqual(['webchat/console-0', 'webchat/console-1', 'webchat/console-2']);
      });
    });

    it('finds everything again in a store opened afresh, as after a restart', async () => {
      const waiting = await open('waiting');
      const taken = await open('taken');
      await store.take(taken.escalation.id, alex.agent, alex.agentKey);
      await store.joinConsole('webchat/console-1', consoleReference('console-1'));

      const restarted = await anotherInstance();

      expect(await restarted.get(waiting.escalation.id)).toEqual(waiting.escalation);
      expect(await restarted.forCustomer(waiting.customerKey)).toEqual(waiting.escalation);
      expect(await restarted.forAgentConversation(alex.agentKey)).toEqual({ ...taken.escalation, state: 'assigned', agent: alex.agent });
      expect(await queuedIds(restarted)).toEqual([waiting.escalation.id]);
      expect(await restarted.isConsole('webchat/console-1')).toBe(true);
      expect(await restarted.open(waiting.customerKey, escalationFor('waiting'))).toEqual({ escalation: waiting.escalation, created: false });
    });
  });
}
