import type { Storage } from 'botbuilder';
import { entryKey, type OutboxStore } from '../submission/outbox/outboxStore';

/**
 * "Delete my data": removes what the bot stored about one customer: the state items botbuilder's states keep for
 * them (take the keys from `userState.getStorageKey(context)` and `conversationState.getStorageKey(context)`,
 * which look like `<channelId>/users/<userId>/`), and the outbox entries of the customer's port requests, every
 * signed version of each.
 *
 * An entry that was still waiting to be delivered is withdrawn from the outbox, so that port request is never
 * sent: the caller confirms that with the customer first and tells them which requests were withdrawn. A request
 * already delivered stays with the porting team, outside this bot's storage.
 */

export interface CustomerDataToDelete {
  /** The customer's user state key and the conversation state keys to forget. */
  readonly stateKeys: readonly string[];
  /** The reference numbers of the customer's port requests. */
  readonly referenceNumbers: readonly string[];
}

export interface DeletedCustomerData {
  /** Every storage key deleted (state keys and outbox entries). */
  readonly keys: readonly string[];
  /** Reference numbers whose submission had not been delivered yet and now never will be. */
  readonly withdrawn: readonly string[];
}

export async function deleteCustomerData(
  storage: Storage,
  outbox: OutboxStore,
  customer: CustomerDataToDelete,
  now: Date,
): Promise<DeletedCustomerData> {
  const entryKeys: string[] = [];
  const withdrawn = new Set<string>();
  for (const referenceNumber of new Set(customer.referenceNumbers)) {
    const latest = (await outbox.latestVersion(referenceNumber)) ?? 0;
    for (let version = 1; version <= latest; version++) {
      const key = entryKey(referenceNumber, version);
      const entry = await outbox.readEntry(key);
      if (entry === undefined) continue;
      if (entry.value.status === 'pending') {
        // Out of the worker's index first, so it does not come looking for the entry.
        await outbox.removePending(key, now);
        withdrawn.add(referenceNumber);
      }
      entryKeys.push(key);
    }
  }
  const keys = [...new Set([...customer.stateKeys, ...entryKeys])];
  await storage.delete(keys);
  return { keys, withdrawn: [...withdrawn] };
}
