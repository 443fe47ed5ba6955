import { join } from 'node:path';
import {
  AutoSaveStateMiddleware,
  ConversationState,
  MemoryStorage,
  MessageFactory,
  TestAdapter,
  type Storage,
  type StoreItems,
} from 'botbuilder';
import { Dialog, DialogSet, TextPrompt, WaterfallDialog } from 'botbuilder-dialogs';
import { createStorage, StorageConflictError, type BotStorage } from '../../src/storage/createStorage';
import { existingETag } from '../../src/storage/keyvStorage';
import { eventually, purgeNamespace, scratchFolder, testBackends, uniqueNamespace } from './testBackends';

const DAY_MS = 86_400_000;
const scratch = scratchFolder();
afterAll(() => scratch.remove());

/** The items without their eTags, to compare what two storages hold. */
function withoutETags(items: StoreItems): StoreItems {
  return Object.fromEntries(Object.entries(items).map(([key, item]) => [key, { ...item, eTag: undefined }]));
}

for (const backend of testBackends(join(scratch.path, 'suite.sqlite'))) {
  const describeBackend = backend.url === undefined ? describe.skip : describe;

  describeBackend(`${backend.name} storage`, () => {
    const namespace = uniqueNamespace(backend.name);
    let clock = Date.now();
    let storage: BotStorage;

    beforeAll(async () => {
      storage = await createStorage(backend.url as string, { ttlDays: 1, namespace, now: () => clock });
    });

    afterAll(async () => {
      await storage.close();
      await purgeNamespace(backend, namespace);
    });

    describe('reading', () => {
      it('returns an empty object for an unknown key and for no keys', async () => {
        expect(await storage.read(['unknown'])).toEqual({});
        expect(await storage.read([])).toEqual({});
      });

      it('rejects a missing keys argument as MemoryStorage does', async () => {
        const message = 'Keys are required when reading.';
        await expect(new MemoryStorage().read(null as unknown as string[])).rejects.toThrow(new ReferenceError(message));
        await expect(storage.read(null as unknown as string[])).rejects.toThrow(new ReferenceError(message));
      });

      it('returns copies, never the stored objects', async () => {
        await storage.write({ copies: { nested: { count: 1 } } });
        const first = await storage.read(['copies']);
        first.copies.nested.count = 99;
        const second = await storage.read(['copies']);
        expect(second.copies.nested.count).toBe(1);
        expect(second.copies).not.toBe(first.copies);
      });
    });

    describe('writing', () => {
      it('creates objects and gives each a fresh eTag', async () => {
        await storage.write({ createPoco: { id: 1 }, createPocoStoreItem: { id: 2 } });
        const read = await storage.read(['createPoco', 'createPocoStoreItem']);
        expect(read.createPoco.id).toBe(1);
        expect(read.createPocoStoreItem.id).toBe(2);
        expect(typeof read.createPoco.eTag).toBe('string');
        expect(read.createPoco.eTag).not.toBe(read.createPocoStoreItem.eTag);
      });

      it("leaves the caller's object as it was", async () => {
        const item = { count: 1, eTag: '*' };
        await storage.write({ untouched: item });
        expect(item).toEqual({ count: 1, eTag: '*' });
      });

      it('accepts no changes and rejects missing changes as MemoryStorage does', async () => {
        await expect(storage.write({})).resolves.toBeUndefined();
        await expect(storage.write([] as unknown as StoreItems)).resolves.toBeUndefined();
        await expect(storage.write(null as unknown as StoreItems)).rejects.toThrow(
          new ReferenceError('Changes are required when writing.'),
        );
      });

      it('updates objects following the botbuilder storage base test', async () => {
        await storage.write({ pocoItem: { id: 1, count: 1 }, pocoStoreItem: { id: 1, count: 1 } });
        const loaded = await storage.read(['pocoItem', 'pocoStoreItem']);
        const pocoItem = loaded.pocoItem;
        delete pocoItem.eTag;
        const pocoStoreItem = loaded.pocoStoreItem;
        pocoItem.count++;
        pocoStoreItem.count++;
        await storage.write(loaded);

        const reloaded = await storage.read(['pocoItem', 'pocoStoreItem']);
        expect(reloaded.pocoItem.count).toBe(2);
        expect(reloaded.pocoStoreItem.count).toBe(2);
        expect(reloaded.pocoStoreItem.eTag).not.toBe(pocoStoreItem.eTag);

        pocoItem.count = 123;
        await expect(storage.write({ pocoItem })).resolves.toBeUndefined();
        pocoStoreItem.count = 123;
        await expect(storage.write({ pocoStoreItem })).rejects.toThrow(StorageConflictError);

        const afterConflict = await storage.read(['pocoItem', 'pocoStoreItem']);
        expect(afterConflict.pocoItem.count).toBe(123);
        expect(afterConflict.pocoStoreItem.count).toBe(2);

        afterConflict.pocoItem.count = 100;
        afterConflict.pocoStoreItem.count = 100;
        afterConflict.pocoStoreItem.eTag = '*';
        await storage.write(afterConflict);
        const final = await storage.read(['pocoItem', 'pocoStoreItem']);
        expect(final.pocoItem.count).toBe(100);
        expect(final.pocoStoreItem.count).toBe(100);
      });

      it('overwrites when the eTag is "*", empty or absent', async () => {
        await storage.write({ overwrite: { count: 1 } });
        for (const [count, eTag] of [[2, '*'], [3, ''], [4, undefined]] as const) {
          await storage.write({ overwrite: { count, eTag: eTag } });
          expect((await storage.read(['overwrite'])).overwrite.count).toBe(count);
        }
      });

      it('rejects a stale eTag naming the key and changes nothing', async () => {
        await storage.write({ stale: { count: 1 } });
        const { stale } = await storage.read(['stale']);
        await storage.write({ stale: { ...stale, count: 2 } });

        const rejection = storage.write({ stale: { ...stale, count: 3 } });
        await expect(rejection).rejects.toThrow('Storage: error writing "stale" due to eTag conflict.');
        await expect(rejection).rejects.toMatchObject({ keys: ['stale'] });
        expect((await storage.read(['stale'])).stale.count).toBe(2);
      });

      it('writes the other keys of a batch when one key conflicts, as MemoryStorage does', async () => {
        const reference = new MemoryStorage();
        for (const target of [reference, storage] as Storage[]) {
          await target.write({ batchA: { n: 1 }, batchB: { n: 1 } });
          const { batchA } = await target.read(['batchA']);
          await target.write({ batchA: { ...batchA, n: 2 } });
          await expect(
            target.write({ batchA: { ...batchA, n: 3 }, batchB: { n: 3 }, batchC: { n: 3 } }),
          ).rejects.toThrow('Storage: error writing "batchA" due to eTag conflict.');
        }
        const keys = ['batchA', 'batchB', 'batchC'];
        expect(withoutETags(await storage.read(keys))).toEqual(withoutETags(await reference.read(keys)));
        expect((await storage.read(['batchA'])).batchA.n).toBe(2);
      });

      it('writes an item whose eTag names a key that does not exist, as MemoryStorage does', async () => {
        await storage.write({ neverWritten: { n: 1, eTag: 'some-old-etag' } });
        expect((await storage.read(['neverWritten'])).neverWritten.n).toBe(1);
      });

      it('refuses an eTag marked as existing once its item has been deleted: deleted data does not come back', async () => {
        await storage.write({ forgotten: { pin: 'stale' } });
        const { eTag } = (await storage.read(['forgotten'])).forgotten;
        await storage.delete(['forgotten']);

        await expect(storage.write({ forgotten: { pin: 'stale', eTag: existingETag(String(eTag)) } })).rejects.toThrow(StorageConflictError);
        expect(await storage.read(['forgotten'])).toEqual({});
        // While it exists, the marked eTag is an eTag like any other.
        await storage.write({ kept: { n: 1 } });
        const kept = (await storage.read(['kept'])).kept;
        await storage.write({ kept: { n: 2, eTag: existingETag(String(kept.eTag)) } });
        expect((await storage.read(['kept'])).kept.n).toBe(2);
      });

      it('lets exactly one of two concurrent writes with the same eTag win', async () => {
        await storage.write({ contested: { winner: 'none' } });
        for (let round = 0; round < 10; round++) {
          const { contested } = await storage.read(['contested']);
          const outcomes = await Promise.allSettled(
            ['left', 'right'].map((winner) => storage.write({ contested: { ...contested, winner } })),
          );
          const winners = outcomes.filter((outcome) => outcome.status === 'fulfilled');
          expect(winners).toHaveLength(1);
          const loser = outcomes.find((outcome) => outcome.status === 'rejected');
          expect(loser?.reason).toBeInstanceOf(StorageConflictError);
        }
      });

      it('round-trips values exactly as MemoryStorage does', async () => {
        const changes: StoreItems = {
          json: {
            when: new Date(Date.UTC(2024, 0, 2)),
            dropped: undefined,
            nan: Number.NaN,
            text: 'nul \u0000, emoji 😀, lone \ud800, colon :start, "quoted"',
            list: [1, undefined, { deep: [true, null] }],
          },
          number: 5,
          text: 'ab',
        };
        const reference = new MemoryStorage();
        await reference.write(changes);
        await storage.write(changes);
        const keys = Object.keys(changes);
        expect(withoutETags(await storage.read(keys))).toEqual(withoutETags(await reference.read(keys)));
      });

      it('rejects a null item with a TypeError and keeps the stored one', async () => {
        // MemoryStorage throws this TypeError for a key it holds (and stores {} for a new one); we always reject.
        const reference = new MemoryStorage();
        await reference.write({ existing: { n: 1 } });
        await expect(reference.write({ existing: null })).rejects.toThrow(TypeError);

        await storage.write({ existing: { n: 1 } });
        await expect(storage.write({ existing: null })).rejects.toThrow(TypeError);
        await expect(storage.write({ brandNew: undefined })).rejects.toThrow(TypeError);
        expect(withoutETags(await storage.read(['existing', 'brandNew']))).toEqual({ existing: { n: 1 } });
      });
    });

    describe('keys', () => {
      const oddKeys = [
        '!@#$%^&*()~/\\><,.?\';"`~',
        'channel/conversations/a%2Fb%',
        'line\nbreak\ttab',
        'ünïcödé 😀 漢字',
        'nul\u0000inside',
        'lone\ud800surrogate',
        'lone\udc00surrogate',
        '__proto__',
        '',
        'x'.repeat(1_500),
        `${'x'.repeat(1_499)}y`,
        `${'😀'.repeat(300)}`,
      ];

      it('stores every key of writes made at once by separate callers, as a turn saves its states, the last write of a key winning', async () => {
        const keys = [...oddKeys, ...Array.from({ length: 10 }, (_, index) => `at-once-${index}`)];
        await Promise.all([
          ...keys.map((key, index) => storage.write({ [key]: { index, by: 'first' } })),
          storage.write({ 'at-once-0': { index: oddKeys.length, by: 'second' } }),
        ]);
        const read = await storage.read(keys);
        keys.forEach((key, index) => expect(read[key]).toMatchObject({ index }));
        expect(read['at-once-0'].by).toBe('second');

        await storage.delete(keys);
      });

      it('stores and reads back every key separately, whatever its length or characters', async () => {
        const changes = Object.fromEntries(oddKeys.map((key, index) => [key, { index }]));
        await storage.write(changes);
        const read = await storage.read(oddKeys);
        expect(Object.keys(read).sort()).toEqual([...oddKeys].sort());
        oddKeys.forEach((key, index) => expect(read[key].index).toBe(index));

        await storage.delete(oddKeys);
        expect(await storage.read(oddKeys)).toEqual({});
      });
    });

    describe('deleting', () => {
      it('deletes objects', async () => {
        await storage.write({ delete1: { id: 1, count: 1 } });
        expect((await storage.read(['delete1'])).delete1.count).toBe(1);
        await storage.delete(['delete1']);
        expect(await storage.read(['delete1'])).toEqual({});
      });

      it('accepts unknown keys and no keys, and rejects a missing keys argument', async () => {
        await expect(storage.delete(['unknown_key'])).resolves.toBeUndefined();
        await expect(storage.delete([])).resolves.toBeUndefined();
        await expect(storage.delete(null as unknown as string[])).rejects.toThrow(ReferenceError);
      });

      it('performs batch operations', async () => {
        await storage.write({ batch1: { count: 10 }, batch2: { count: 20 }, batch3: { count: 30 } });
        const read = await storage.read(['batch1', 'batch2', 'batch3']);
        expect([read.batch1.count, read.batch2.count, read.batch3.count]).toEqual([10, 20, 30]);
        await storage.delete(['batch1', 'batch2', 'batch3']);
        expect(await storage.read(['batch1', 'batch2', 'batch3'])).toEqual({});
      });
    });

    describe('expiry', () => {
      it('forgets an item once the TTL has passed since its last write', async () => {
        await storage.write({ ephemeral: { n: 1 } });
        clock += 0.75 * DAY_MS;
        await storage.write({ ephemeral: { n: 2 } });
        clock += 0.75 * DAY_MS;
        expect((await storage.read(['ephemeral'])).ephemeral.n).toBe(2);
        clock += 0.5 * DAY_MS;
        expect(await storage.read(['ephemeral'])).toEqual({});
      });

      it('lets a write with the old eTag replace an expired item', async () => {
        await storage.write({ expired: { n: 1 } });
        const { expired } = await storage.read(['expired']);
        clock += 2 * DAY_MS;
        await storage.write({ expired: { ...expired, n: 2 } });
        expect((await storage.read(['expired'])).expired.n).toBe(2);
      });
    });

    describe('readiness', () => {
      it('answers ping', async () => {
        await expect(storage.ping()).resolves.toBeUndefined();
      });
    });

    it('carries a waterfall dialog through its turns (botbuilder storage base test)', async () => {
      const conversationState = new ConversationState(storage, namespace);
      const dialogs = new DialogSet(conversationState.createProperty('dialogState'));
      dialogs.add(
        new TextPrompt('textPrompt', async (prompt) => {
          if ((prompt.recognized.value ?? '').length > 3) {
            await prompt.context.sendActivity(`You got it at the ${prompt.attemptCount}th try!`);
            return true;
          }
          await prompt.context.sendActivity(
            `Please send a name that is longer than 3 characters. ${prompt.attemptCount}`,
          );
          return false;
        }),
      );
      dialogs.add(
        new WaterfallDialog('waterfallDialog', [
          async (step) => {
            await step.context.sendActivity('step1');
            return Dialog.EndOfTurn;
          },
          async (step) => step.prompt('textPrompt', { prompt: MessageFactory.text('Please type your name.') }),
          async (step) => {
            await step.context.sendActivity('step3');
            return Dialog.EndOfTurn;
          },
        ]),
      );
      const adapter = new TestAdapter(async (context) => {
        const dialogContext = await dialogs.createContext(context);
        await dialogContext.continueDialog();
        if (!context.responded) {
          await dialogContext.beginDialog('waterfallDialog');
        }
      }).use(new AutoSaveStateMiddleware(conversationState));

      await adapter
        .send('hello')
        .assertReply('step1')
        .send('hello')
        .assertReply('Please type your name.')
        .send('hi')
        .assertReply('Please send a name that is longer than 3 characters. 1')
        .send('hi')
        .assertReply('Please send a name that is longer than 3 characters. 2')
        .send('Kyle')
        .assertReply('You got it at the 3th try!')
        .assertReply('step3')
        .startTest();
    });

    if (backend.name === 'redis') {
      it('lets Redis itself drop an item after the TTL', async () => {
        const shortLived = await createStorage(backend.url as string, {
          ttlDays: 1_000 / DAY_MS,
          namespace,
          // A clock that never moves: only Redis' own expiry can make the item disappear.
          now: () => clock,
        });
        try {
          await shortLived.write({ nativeExpiry: { n: 1 } });
          expect((await shortLived.read(['nativeExpiry'])).nativeExpiry.n).toBe(1);
          await eventually(async () => Object.keys(await shortLived.read(['nativeExpiry'])).length === 0);
        } finally {
          await shortLived.close();
        }
      }, 15_000);
    }
  });
}
