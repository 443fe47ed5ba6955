/**
 * The status of each submitted port request, as the porting backend's events tell it:
 * `submission/status/<reference>` holds the events applied, oldest first (the last one is the current state), and
 * whether the customer is still to be told about the current state.
 *
 * An event changes the record only if it is newer than everything applied before it: not seen before (its id), a
 * higher `sequence` than the current state's, and about the latest version submitted. A replayed, late or
 * superseded event changes nothing.
 */
import { z } from 'zod';
import { CasRecords } from '../../storage/casRecords';
import type { BotStorage } from '../../storage/createStorage';
import { type PortingEvent, PortStateSchema } from './portingEvent';

export const StatusEntrySchema = z.object({
  eventId: z.string(),
  sequence: z.int().min(1),
  version: z.int().min(1),
  state: PortStateSchema,
  occurredAt: z.iso.datetime({ offset: true }),
  receivedAt: z.iso.datetime(),
  focDate: z.iso.date().optional(),
  reasonCode: z.string().optional(),
});
export type StatusEntry = z.infer<typeof StatusEntrySchema>;

export const PortStatusRecordSchema = z.object({
  referenceNumber: z.string(),
  /** Applied events, oldest first; never empty. */
  history: z.array(StatusEntrySchema).min(1),
  /** The customer is still to be told about the state set by event `sequence`; a claim stops two instances telling them at once. */
  notice: z
    .object({ sequence: z.int().min(1), claimedBy: z.string().optional(), claimedUntil: z.iso.datetime().optional() })
    .optional(),
});
export type PortStatusRecord = z.infer<typeof PortStatusRecordSchema>;

/** What an event did: changed the status, or nothing because it was a repeat, late, or about a replaced version. */
export type EventOutcome = 'applied' | 'duplicate' | 'outOfOrder' | 'superseded';

export type NoticeClaim =
  /** Nothing to tell the customer. */
  | { readonly kind: 'none' }
  /** Another instance is telling them right now. */
  | { readonly kind: 'busy' }
  | { readonly kind: 'claimed'; readonly sequence: number; readonly entry: StatusEntry };

/** A port's events rarely number more than ten; this bounds a record against a backend that misbehaves. */
const MAX_HISTORY = 50;

export function currentEntry(record: PortStatusRecord): StatusEntry {
  return record.history.at(-1) as StatusEntry;
}

export const statusKey = (referenceNumber: string) => `submission/status/${referenceNumber}`;

export class PortStatusStore {
  private readonly records: CasRecords<PortStatusRecord>;

  constructor(storage: BotStorage) {
    this.records = new CasRecords(storage, PortStatusRecordSchema);
  }

  async read(referenceNumber: string): Promise<PortStatusRecord | undefined> {
    return (await this.records.read(statusKey(referenceNumber)))?.value;
  }

  /** Applies the event if it is newer than the status; `latestVersion` is the highest version submitted under its reference. */
  apply(event: PortingEvent, latestVersion: number, receivedAt: Date): Promise<EventOutcome> {
    return this.records.change<EventOutcome>(statusKey(event.referenceNumber), (record) => {
      const outcome = judge(event, record, latestVersion);
      if (outcome !== 'applied') return { outcome };
      const entry = toEntry(event, receivedAt);
      const history = [...(record?.history ?? []), entry].slice(-MAX_HISTORY);
      return { outcome, next: { referenceNumber: event.referenceNumber, history, notice: { sequence: entry.sequence } } };
    });
  }

  /** Reserves telling the customer about the current state until `until`, unless another instance holds a live claim. */
  claimNotice(referenceNumber: string, claimant: string, now: Date, until: Date): Promise<NoticeClaim> {
    return this.records.change<NoticeClaim>(statusKey(referenceNumber), (record) => {
      const notice = record?.notice;
      if (record === undefined || notice === undefined) return { outcome: { kind: 'none' } };
      if (notice.claimedUntil !== undefined && Date.parse(notice.claimedUntil) > now.getTime() && notice.claimedBy !== claimant) {
        return { outcome: { kind: 'busy' } };
      }
      const entry = record.history.find((candidate) => candidate.sequence === notice.sequence) ?? currentEntry(record);
      return {
        outcome: { kind: 'claimed', sequence: notice.sequence, entry },
        next: { ...record, notice: { sequence: notice.sequence, claimedBy: claimant, claimedUntil: until.toISOString() } },
      };
    });
  }

  /** The customer has been told (or can't be, ever): the notice is done, unless a newer event has replaced it. */
  settleNotice(referenceNumber: string, sequence: number): Promise<void> {
    return this.records.change<void>(statusKey(referenceNumber), (record) => {
      if (record?.notice?.sequence !== sequence) return { outcome: undefined };
      return { outcome: undefined, next: { referenceNumber: record.referenceNumber, history: record.history } };
    });
  }

  /** Telling the customer failed for now: the notice stays, free for the next attempt. */
  releaseNotice(referenceNumber: string, sequence: number, claimant: string): Promise<void> {
    return this.records.change<void>(statusKey(referenceNumber), (record) => {
      if (record === undefined || record.notice?.sequence !== sequence || record.notice.claimedBy !== claimant) {
        return { outcome: undefined };
      }
      return { outcome: undefined, next: { ...record, notice: { sequence } } };
    });
  }
}

function judge(event: PortingEvent, record: PortStatusRecord | undefined, latestVersion: number): EventOutcome {
  if (event.version < latestVersion) return 'superseded';
  if (record === undefined) return 'applied';
  if (record.history.some((entry) => entry.eventId === event.eventId)) return 'duplicate';
  const current = currentEntry(record);
  if (event.sequence <= current.sequence || event.version < current.version) return 'outOfOrder';
  return 'applied';
}

function toEntry(event: PortingEvent, receivedAt: Date): StatusEntry {
  return {
    eventId: event.eventId,
    sequence: event.sequence,
    version: event.version,
    state: event.state,
    occurredAt: event.occurredAt,
    receivedAt: receivedAt.toISOString(),
    ...(event.state === 'foc_confirmed' && { focDate: event.focDate }),
    ...(event.state === 'rejected' && { reasonCode: event.reasonCode }),
  };
}
