import type { StoreItem, StoreItems } from 'botbuilder';
import type { SweepableStorage } from './keyvStorage';
import type { DataKeyring } from '../security/dataKeys';
import { openItem, sealItem } from '../security/itemCipher';

/**
 * A Storage decorator that keeps every item encrypted at rest (see itemCipher.ts) and hands callers plain items.
 *
 * The eTag stays outside the ciphertext, next to the envelope, so the storage underneath applies its eTag rule
 * exactly as before: it compares eTags, never ciphertext, and the random IV of each write does not disturb it.
 * Writes always use the current key, so an item read under an old key is re-encrypted under the new one the next
 * time it is written.
 */
export class EncryptedStorage implements SweepableStorage {
  constructor(
    private readonly inner: SweepableStorage,
    private readonly keyring: DataKeyring,
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    return this.opened(await this.inner.read(keys));
  }

  async readForUpdate(keys: string[]): Promise<StoreItems> {
    return this.opened(await (this.inner.readForUpdate ?? this.inner.read).call(this.inner, keys));
  }

  private opened(stored: StoreItems): StoreItems {
    const items: StoreItems = {};
    for (const key of Object.keys(stored)) {
      const { eTag, ...envelope } = stored[key] as StoreItem;
      defineItem(items, key, { ...openItem(this.keyring, key, envelope), eTag });
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) {
      throw new ReferenceError('Changes are required when writing.');
    }
    const sealed: StoreItems = {};
    for (const key of Object.keys(changes)) {
      const item: unknown = changes[key];
      // A missing item is the storage's to refuse, at its place in the batch, with its own error.
      if (item === null || item === undefined) {
        defineItem(sealed, key, item);
        continue;
      }
      const { eTag, ...plain } = item as StoreItem;
      defineItem(sealed, key, { ...sealItem(this.keyring.current, key, plain), eTag });
    }
    await this.inner.write(sealed);
  }

  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }

  deleteExpired(limit: number): Promise<number> {
    return this.inner.deleteExpired(limit);
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

// defineProperty, not assignment, so that a key such as "__proto__" is an item like any other.
function defineItem(items: StoreItems, key: string, item: unknown): void {
  Object.defineProperty(items, key, { value: item, enumerable: true, writable: true, configurable: true });
}
