import type { StoreItem } from 'botbuilder';

/**
 * One stored record, in keyv's own layout ({ value, expires } as JSON text) so keyv adapters and tools can read it.
 * JSON text is also exactly how botbuilder's MemoryStorage clones items, so every backend round-trips values alike.
 */

interface KeyvRecord {
  value: StoreItem;
  expires: number;
}

export function encodeRecord(item: StoreItem, expiresAt: number): string {
  const record: KeyvRecord = { value: item, expires: expiresAt };
  return JSON.stringify(record);
}

/** The item in a raw record, or undefined once it has expired (keyv's rule: expired when now > expires). */
export function liveItem(raw: string, now: number): StoreItem | undefined {
  const record = JSON.parse(raw) as Partial<KeyvRecord>;
  return typeof record.expires === 'number' && now > record.expires ? undefined : record.value;
}
