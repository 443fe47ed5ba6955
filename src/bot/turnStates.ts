import { type BotState, ConversationState, type Storage, type StoreItem, type TurnContext, UserState } from 'botbuilder';

/** What a state keeps for the turn: the object the turn changes, and its JSON as read or last written. */
interface TurnCopy {
  state: StoreItem;
  /** Undefined after a clear: the next save writes whatever the state holds. */
  asStored: string | undefined;
}

type StateConstructor = new (storage: Storage, namespace?: string) => BotState;

/** The state's JSON without the eTag the storage adds, which is not the state's content. */
function contentOf(state: StoreItem): string {
  const { eTag: _eTag, ...content } = state;
  return JSON.stringify(content);
}

/**
 * BotState as botbuilder has it, except for how a turn's changes are found: botbuilder hashes the state three times a
 * turn (after reading, before saving, after saving) with its own serializer, which handles cycles a state never has,
 * and SHA-256; the profile put that at 4% of a turn. Here the state's JSON as read is kept, and compared with its JSON
 * at the end of the turn. A state written is written whole with the eTag "*", as botbuilder does: the turn lock makes
 * the turn the state's only writer.
 */
function withJsonChangeCheck<C extends StateConstructor>(Base: C): C {
  // A mixin's class must take the constructor's arguments as they come (TS2545).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return class extends (Base as new (...args: any[]) => BotState) {
    private readonly copyKey = Symbol('turnCopy');

    override async load(context: TurnContext, force = false): Promise<StoreItem> {
      const cached = context.turnState.get(this.copyKey) as TurnCopy | undefined;
      if (cached && !force) return cached.state;
      const key = await this.storageKey(context);
      const state = (await this.storage.read([key]))[key] ?? {};
      context.turnState.set(this.copyKey, { state, asStored: contentOf(state) } satisfies TurnCopy);
      return state;
    }

    override async saveChanges(context: TurnContext, force = false): Promise<void> {
      const read = context.turnState.get(this.copyKey) as TurnCopy | undefined;
      // Never loaded, the turn changed nothing; forced, it writes an empty state.
      if (read === undefined && !force) return;
      const cached = read ?? { state: {}, asStored: undefined };
      const content = contentOf(cached.state);
      if (!force && content === cached.asStored) return;
      const key = await this.storageKey(context);
      cached.state.eTag = '*';
      await this.storage.write({ [key]: cached.state });
      cached.asStored = content;
      context.turnState.set(this.copyKey, cached);
    }

    override async clear(context: TurnContext): Promise<void> {
      context.turnState.set(this.copyKey, { state: {}, asStored: undefined } satisfies TurnCopy);
    }

    override async delete(context: TurnContext): Promise<void> {
      context.turnState.delete(this.copyKey);
      const key = await this.storageKey(context);
      await this.storage.delete([key]);
    }

    override get(context: TurnContext): StoreItem | undefined {
      return (context.turnState.get(this.copyKey) as TurnCopy | undefined)?.state;
    }
  } as unknown as C;
}

/** The conversation's state (the dialog stack, the hand-off), with the change check above. */
export const TurnConversationState = withJsonChangeCheck(ConversationState);
/** The customer's state (their porting session), with the change check above. */
export const TurnUserState = withJsonChangeCheck(UserState);
