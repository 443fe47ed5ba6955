import type { Storage } from 'botbuilder';
import { documentKey } from '../documents/documentStore';
import { statusKey } from '../submission/events/statusStore';
import { entryKey, latestKey, type OutboxEntry, type OutboxStore } from '../submission/outbox/outboxStore';
import { numbersOf } from '../submission/outbox/submittedNumbers';

/**
 * "Delete my data", for the customer's port requests: every signed version of each in the outbox and the documents
 * sent with it (their bill), the record of its latest version (without which the porting backend's later events
 * about it are refused, so no status comes back), its status record, and its place in the index of phone numbers
 * (staff find it by number no longer). The customer's state is botbuilder's to delete (see forgetCustomer.ts), and
 * the documents it names the conversation's (dialogs/billAttachment.ts).
 *
 * An entry still waiting to be delivered is withdrawn from the outbox, so that version is never sent: the caller
 * confirms that with the customer first and tells them which requests were withdrawn. A request the porting team
 * has already received stays with them, outside this bot's storage: the customer is told whom to ask to stop it.
 */

/** What deleting the customer's port requests meant for each, for telling them. */
export interface ForgottenData {
  /** Requests of which nothing reached the porting team: withdrawn, they never will. */
  readonly withdrawn: readonly string[];
  /** Requests the porting team has received (or is receiving as they were deleted): deleting our copy does not stop them. */
  readonly sent: readonly string[];
}

export async function deleteCustomerData(
  storage: Storage,
  outbox: OutboxStore,
  referenceNumbers: readonly string[],
  now: Date,
): Promise<ForgottenData> {
  const keys: string[] = [];
  const withdrawing = new Set<string>();
  const sent = new Set<string>();
  for (const referenceNumber of new Set(referenceNumbers)) {
    keys.push(latestKey(referenceNumber), statusKey(referenceNumber));
    const latest = (await outbox.latestVersion(referenceNumber)) ?? 0;
    const numbers = new Set<string>();
    for (let version = 1; version <= latest; version++) {
      const key = entryKey(referenceNumber, version);
      const entry = await outbox.readEntry(key);
      if (entry === undefined) continue;
      keys.push(key, ...(entry.value.documents ?? []).map(({ id }) => documentKey(id)));
      for (const number of numbersOf(entry.value.loa)) numbers.add(number);
      // Out of the worker's index first, so it does not come looking for the entry.
      await outbox.removePending(key, now);
      if (entry.value.status === 'delivered' || beingDelivered(entry.value, now)) sent.add(referenceNumber);
      else if (entry.value.status === 'pending') withdrawing.add(referenceNumber);
    }
    // Before the entries go: should this fail, they still name the numbers for the customer's next try.
    await outbox.numbers.remove(referenceNumber, [...numbers], now);
  }
  await storage.delete(keys);
  return { withdrawn: [...withdrawing].filter((referenceNumber) => !sent.has(referenceNumber)), sent: [...sent] };
}

/** A worker holds the entry: its delivery may be under way, and may get through. */
function beingDelivered(entry: OutboxEntry, now: Date): boolean {
  return entry.status === 'pending' && entry.leaseUntil !== undefined && Date.parse(entry.leaseUntil) > now.getTime();
}
