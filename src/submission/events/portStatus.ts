/**
 * Where a submitted port request stands, for the customer who asks: the porting backend's latest event when there
 * is one for the latest version, otherwise what the outbox knows (received, sent to the porting team, or refused).
 * Looked up by reference number with the service ZIP as a check: a wrong ZIP reveals nothing, not even that the
 * reference exists.
 */
import { parsePostalCode } from '../../domain/address/postalCodes';
import { normalizeReferenceNumber } from '../../domain/referenceNumber';
import { type RejectionReason, rejectionReason } from '../../domain/rejectionReasons';
import { type OutboxEntry, type OutboxStore, entryKey } from '../outbox/outboxStore';
import type { PortState } from './portingEvent';
import { type PortStatusRecord, type PortStatusStore, currentEntry } from './statusStore';

/** Before the backend's first event: `received` (on its way to our porting team), `sent` (with them), `failed` (refused). */
export type PortProgress = 'received' | 'sent' | 'failed' | PortState;

export interface PortStatusView {
  readonly referenceNumber: string;
  readonly version: number;
  readonly progress: PortProgress;
  /** The customer's current (losing) carrier. */
  readonly carrier: string;
  /** The day the numbers move, once confirmed (YYYY-MM-DD). */
  readonly focDate?: string;
  readonly reason?: RejectionReason;
}

/** The entry of the highest version submitted under a reference. */
export async function latestSubmission(outbox: OutboxStore, referenceNumber: string): Promise<OutboxEntry | undefined> {
  const version = await outbox.latestVersion(referenceNumber);
  if (version === undefined) return undefined;
  return (await outbox.readEntry(entryKey(referenceNumber, version)))?.value;
}

export function statusView(entry: OutboxEntry, record: PortStatusRecord | undefined): PortStatusView {
  const base = { referenceNumber: entry.referenceNumber, version: entry.version, carrier: entry.loa.currentCarrier.name };
  const current = record === undefined ? undefined : currentEntry(record);
  // Events about an earlier version describe a letter the customer has since replaced.
  if (current === undefined || current.version < entry.version) {
    const progress = entry.status === 'pending' ? 'received' : entry.status === 'delivered' ? 'sent' : 'failed';
    return { ...base, progress };
  }
  return {
    ...base,
    progress: current.state,
    ...(current.focDate !== undefined && { focDate: current.focDate }),
    ...(current.reasonCode !== undefined && { reason: rejectionReason(current.reasonCode) }),
  };
}

/** Whether the postal code the customer typed is the one on file: a ZIP by its first five digits, any case and spacing. */
export function samePostalCode(typed: string, onFile: string): boolean {
  const given = parsePostalCode(typed);
  const filed = parsePostalCode(onFile);
  if (given?.kind !== 'valid' || filed?.kind !== 'valid') return false;
  const { country, text } = given.postalCode;
  if (country !== filed.postalCode.country) return false;
  return country === 'US' ? text.slice(0, 5) === filed.postalCode.text.slice(0, 5) : text === filed.postalCode.text;
}

export class PortStatusLookup {
  constructor(
    private readonly outbox: OutboxStore,
    private readonly statuses: PortStatusStore,
  ) {}

  /** The status of the request, or undefined when there is no such reference or the ZIP is not its service address's. */
  async find(referenceNumber: string, postalCode: string): Promise<PortStatusView | undefined> {
    const reference = normalizeReferenceNumber(referenceNumber);
    if (reference === undefined) return undefined;
    const entry = await latestSubmission(this.outbox, reference);
    if (entry === undefined || !samePostalCode(postalCode, entry.loa.serviceAddress.postalCode)) return undefined;
    return statusView(entry, await this.statuses.read(reference));
  }
}
