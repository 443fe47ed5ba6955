/**
 * A port request's whole story, for support staff helping a customer who phones or walks in (dialogs/staff): where
 * it stands, each change of state with when it happened and who or what made it, and the letter as signed, masked.
 * Found by reference number or by any of its phone numbers, without the service ZIP the customers' own check asks
 * for: only staff, recognized by Teams, get here, and each look-up is audited there.
 */
import type { Language } from '../../i18n/language';
import { type Loa, type MaskedLoaView, maskedLoaView } from '../../domain/loa';
import { type RejectionReason, rejectionReason } from '../../domain/rejectionReasons';
import { scrubSecrets } from '../../logging';
import { type OutboxEntry, type OutboxStore, entryKey } from '../outbox/outboxStore';
import { numbersOf } from '../outbox/submittedNumbers';
import type { PortState } from './portingEvent';
import { type PortStatusView, statusView } from './portStatus';
import type { PortStatusStore } from './statusStore';

/** One change of a request's state; `at` is when it happened (ISO), `version` the letter it is about. */
export type RequestChange =
  /** The customer signed this version of the letter (in the chat, on `channel`). */
  | { readonly kind: 'signed'; readonly at: string; readonly version: number; readonly signerName: string; readonly channel: string }
  /** The bot handed it to our porting team's system. */
  | { readonly kind: 'sent'; readonly at: string; readonly version: number }
  /** Our porting team's system refused it for good, saying why. */
  | { readonly kind: 'failed'; readonly at: string; readonly version: number; readonly reason: string }
  /** Our porting team's system reported the carriers' progress. */
  | {
      readonly kind: 'reported';
      readonly at: string;
      readonly version: number;
      readonly state: PortState;
      readonly focDate?: string;
      readonly reason?: RejectionReason;
    };

export interface RequestHistory {
  /** Where the latest version stands. */
  readonly status: PortStatusView;
  /** The latest version's letter: the account number as its last four characters, never the PIN. */
  readonly letter: MaskedLoaView;
  readonly contactEmail?: string;
  /** The language the customer read and signed the latest letter in. */
  readonly language: Language;
  /** For a port split by account: the reference that links this request with the others. */
  readonly parentReference?: string;
  /** Oldest first. */
  readonly changes: readonly RequestChange[];
}

export class RequestHistories {
  constructor(
    private readonly outbox: OutboxStore,
    private readonly statuses: PortStatusStore,
  ) {}

  /** The request under this (canonical) reference number; undefined when there is none, or no longer. */
  async ofReference(referenceNumber: string): Promise<RequestHistory | undefined> {
    return (await this.read(referenceNumber))?.history;
  }

  /** Every request naming the number (E.164) as a number to move or as the billing number, the latest first. */
  async ofNumber(e164: string): Promise<RequestHistory[]> {
    const found = await Promise.all((await this.outbox.numbers.referencesFor(e164)).map((referenceNumber) => this.read(referenceNumber)));
    // The index may name a request since deleted or expired, or one whose correction no longer has the number.
    return found.flatMap((request) => (request !== undefined && numbersOf(request.loa).includes(e164) ? [request.history] : []));
  }

  private async read(referenceNumber: string): Promise<{ history: RequestHistory; loa: Loa } | undefined> {
    const latestVersion = (await this.outbox.latestVersion(referenceNumber)) ?? 0;
    const versions = await Promise.all(
      Array.from({ length: latestVersion }, (_, index) => this.outbox.readEntry(entryKey(referenceNumber, index + 1))),
    );
    const entries = versions.flatMap((entry) => (entry === undefined ? [] : [entry.value]));
    const latest = entries.at(-1);
    if (latest === undefined) return undefined;
    const record = await this.statuses.read(referenceNumber);
    const reported: RequestChange[] = (record?.history ?? []).map((event) => ({
      kind: 'reported',
      at: event.occurredAt,
      version: event.version,
      state: event.state,
      ...(event.focDate !== undefined && { focDate: event.focDate }),
      ...(event.reasonCode !== undefined && { reason: rejectionReason(event.reasonCode) }),
    }));
    const changes = [...entries.flatMap(changesOf), ...reported].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    const history: RequestHistory = {
      status: statusView(latest, record),
      letter: maskedLoaView(latest.loa),
      ...(latest.contactEmail !== undefined && { contactEmail: latest.contactEmail }),
      language: latest.loa.signedIn ?? 'en',
      ...(latest.loa.parentReference !== undefined && { parentReference: latest.loa.parentReference }),
      changes,
    };
    return { history, loa: latest.loa };
  }
}

/** What the outbox knows of one version: signed, then sent on or refused. */
function changesOf(entry: OutboxEntry): RequestChange[] {
  const { version, loa } = entry;
  const { signedAt, signerName, channel } = loa.signature;
  return [
    { kind: 'signed', at: signedAt, version, signerName, channel },
    ...(entry.deliveredAt === undefined ? [] : [{ kind: 'sent', at: entry.deliveredAt, version } as const]),
    // The porting system's words may quote what it was sent: digit runs are taken out, as in logs.
    ...(entry.failedAt === undefined ? [] : [{ kind: 'failed', at: entry.failedAt, version, reason: scrubSecrets(entry.failure?.reason ?? '') } as const]),
  ];
}
