/**
 * The bytes of state a conversation leaves behind: its conversation state and its customer's user state, as the
 * storage holds them (the encrypted envelope inside keyv's record) and as the bot reads them back (plain JSON).
 */
import type { DataKeyring } from '../../src/security/dataKeys';
import { createStorage } from '../../src/storage/createStorage';
import { encodeRecord } from '../../src/storage/storedRecord';

/** Where botbuilder's ConversationState and UserState keep a conversation's and a user's state. */
export function stateKeys(channelId: string, conversationId: string, userId: string): string[] {
  return [`${channelId}/conversations/${conversationId}/`, `${channelId}/users/${userId}/`];
}

export interface StateSize {
  /** Mean bytes per conversation of the stored records (encrypted), and of the items as the bot reads them. */
  readonly storedBytes: number;
  readonly plainBytes: number;
  readonly conversations: number;
}

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** Measures each conversation's keys (see stateKeys), then deletes them. */
export async function measureState(
  storageUrl: string,
  namespace: string,
  keyring: DataKeyring,
  conversations: readonly (readonly string[])[],
): Promise<StateSize> {
  const raw = await createStorage(storageUrl, { ttlDays: 1, namespace });
  const plain = await createStorage(storageUrl, { ttlDays: 1, namespace, encryption: keyring });
  try {
    let storedBytes = 0;
    let plainBytes = 0;
    for (const keys of conversations) {
      const [stored, read] = await Promise.all([raw.read([...keys]), plain.read([...keys])]);
      for (const key of keys) {
        if (stored[key] === undefined) throw new Error(`no state at "${key}"`);
        storedBytes += bytes(encodeRecord(stored[key], Date.now()));
        plainBytes += bytes(JSON.stringify(read[key]));
      }
      await raw.delete([...keys]);
    }
    return { storedBytes: storedBytes / conversations.length, plainBytes: plainBytes / conversations.length, conversations: conversations.length };
  } finally {
    await Promise.all([raw.close(), plain.close()]);
  }
}
