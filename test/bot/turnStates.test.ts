import { type BotState, ConversationState, MemoryStorage, type StoreItems, TestAdapter, type TurnContext, UserState } from 'botbuilder';
import { TurnConversationState, TurnUserState } from '../../src/bot/turnStates';

/** A MemoryStorage that records the keys of each write. */
function recordingStorage() {
  const storage = new MemoryStorage();
  const writes: string[][] = [];
  const write = storage.write.bind(storage);
  storage.write = async (changes: StoreItems) => {
    writes.push(Object.keys(changes));
    await write(changes);
  };
  return { storage, writes };
}

/** Runs `work` in a turn of conversation "c1" from user "u1", as the pipeline does. */
async function inTurn(work: (context: TurnContext) => Promise<void>): Promise<void> {
  const adapter = new TestAdapter(async (context) => work(context));
  await adapter.send({ type: 'message', text: 'hi', conversation: { id: 'c1' } as never, from: { id: 'u1', name: 'User' } });
}

const KINDS: ReadonlyArray<[string, new (storage: MemoryStorage) => BotState, new (storage: MemoryStorage) => BotState]> = [
  ['botbuilder', ConversationState, UserState],
  ['the JSON change check', TurnConversationState, TurnUserState],
];

// The same behaviour as botbuilder's, which the dialogs, the hand-off desks and the pipeline rely on.
describe.each(KINDS)('turn states (%s)', (_name, Conversation, User) => {
  it('reads what an earlier turn saved, and writes only the states a turn changed', async () => {
    const { storage, writes } = recordingStorage();
    const conversation = new Conversation(storage);
    const user = new User(storage);
    const counter = conversation.createProperty<number>('count');
    const name = user.createProperty<string>('name');
    await inTurn(async (context) => {
      await Promise.all([conversation.load(context), user.load(context)]);
      await counter.set(context, 1);
      await name.set(context, 'Maria');
      await Promise.all([conversation.saveChanges(context), user.saveChanges(context)]);
    });
    expect(writes).toHaveLength(2);

    await inTurn(async (context) => {
      await Promise.all([conversation.load(context), user.load(context)]);
      expect(await counter.get(context)).toBe(1);
      expect(await name.get(context)).toBe('Maria');
      await counter.set(context, 2);
      await Promise.all([conversation.saveChanges(context), user.saveChanges(context)]);
    });
    expect(writes.slice(2)).toEqual([[expect.stringContaining('/conversations/c1')]]);

    await inTurn(async (context) => {
      await conversation.load(context);
      expect(await counter.get(context)).toBe(2);
      // Set to what it already is: no change, no write.
      await counter.set(context, 2);
      await conversation.saveChanges(context);
    });
    expect(writes).toHaveLength(3);
  });

  it('saves a state that changed deep inside an object', async () => {
    const { storage } = recordingStorage();
    const user = new User(storage);
    const session = user.createProperty<{ draft: { pin?: string } }>('session');
    await inTurn(async (context) => {
      await user.load(context);
      await session.set(context, { draft: {} });
      await user.saveChanges(context);
    });
    await inTurn(async (context) => {
      await user.load(context);
      (await session.get(context))!.draft.pin = '1234';
      await user.saveChanges(context);
    });
    await inTurn(async (context) => {
      await user.load(context);
      expect(await session.get(context)).toEqual({ draft: { pin: '1234' } });
    });
  });

  it('does not write a state the turn never loaded, unless forced', async () => {
    const { storage, writes } = recordingStorage();
    const conversation = new Conversation(storage);
    await inTurn(async (context) => {
      await conversation.saveChanges(context);
    });
    expect(writes).toEqual([]);
    await inTurn(async (context) => {
      await conversation.saveChanges(context, true);
    });
    expect(writes).toHaveLength(1);
  });

  it('clears a state (written empty at the save), reloads it when forced, and deletes it', async () => {
    const { storage } = recordingStorage();
    const conversation = new Conversation(storage);
    const counter = conversation.createProperty<number>('count');
    await inTurn(async (context) => {
      await conversation.load(context);
      await counter.set(context, 5);
      await conversation.saveChanges(context);
    });
    await inTurn(async (context) => {
      await conversation.load(context);
      await counter.set(context, 6);
      // A forced load drops the turn's changes and reads the stored state again (a failed turn's repair).
      await conversation.load(context, true);
      expect(await counter.get(context)).toBe(5);
      await conversation.clear(context);
      expect(await counter.get(context)).toBeUndefined();
      await conversation.saveChanges(context);
    });
    await inTurn(async (context) => {
      await conversation.load(context);
      expect(conversation.get(context)).toEqual({ eTag: expect.any(String) });
      await conversation.delete(context);
      expect(conversation.get(context)).toBeUndefined();
    });
    await inTurn(async (context) => {
      expect(await conversation.load(context)).toEqual({});
    });
  });
});
