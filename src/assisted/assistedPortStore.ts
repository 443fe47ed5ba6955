/**
 * Assisted ports: a support staff member fills in a customer's details (never the PIN) and the customer signs through
 * an emailed signing link. The records, in the bot's Storage (encrypted at rest like the customers' sessions), every
 * change an eTag compare-and-set:
 *
 * - `assisted/port/<reference>`: the port's state for staff (sent, opened, signed, expired, withdrawn), who prepared
 *   it, the link now live and when it expires. No secret: the account number is not in it.
 * - `assisted/draft/<link id>`: the prepared draft (with the account number), under the id of the link that opens it.
 *   A resend moves it under a new id, so the old link finds nothing; it is deleted once signed, withdrawn or expired.
 * - `assisted/open`: the references still waiting for the customer, for the reminder and expiry round.
 * - `assisted/number/<E.164>`: the references prepared for a number, for staff look-ups by number.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { CsrDraftSchema, type CsrDraft } from '../domain/csrFields';
import { CasRecords } from '../storage/casRecords';
import type { BotStorage } from '../storage/createStorage';

export const ASSISTED_PORT_STATES = ['sent', 'opened', 'signed', 'expired', 'withdrawn'] as const;
export type AssistedPortState = (typeof ASSISTED_PORT_STATES)[number];

export const AssistedPortSchema = z.object({
  referenceNumber: z.string().min(1),
  /** The staff member who prepared it (AAD object id, or Teams user id). */
  staffId: z.string().min(1),
  /** Their first name, for the customer's email and greeting. */
  staffName: z.string().optional(),
  contactEmail: z.email(),
  numbers: z.array(z.string()).min(1),
  carrierName: z.string().min(1),
  holderName: z.string().min(1),
  /** The account number as staff and emails show it (••••4321). */
  maskedAccount: z.string(),
  state: z.enum(ASSISTED_PORT_STATES),
  /** The link now live: only this one opens the draft. */
  linkId: z.string().min(1),
  linkExpiresAt: z.iso.datetime(),
  /** How many links were sent: the first, and each resend. */
  linksSent: z.int().min(1),
  sentAt: z.iso.datetime(),
  remindedAt: z.iso.datetime().optional(),
  openedAt: z.iso.datetime().optional(),
  /** When it reached its last state (signed, expired or withdrawn), and who withdrew it. */
  closedAt: z.iso.datetime().optional(),
  withdrawnBy: z.string().optional(),
});
export type AssistedPort = z.infer<typeof AssistedPortSchema>;

const DraftRecordSchema = z.object({ referenceNumber: z.string().min(1), draft: CsrDraftSchema });
const ReferencesSchema = z.object({ references: z.array(z.string()) });
type References = z.infer<typeof ReferencesSchema>;

const portKey = (referenceNumber: string) => `assisted/port/${referenceNumber}`;
const draftKey = (linkId: string) => `assisted/draft/${linkId}`;
const numberKey = (e164: string) => `assisted/number/${e164}`;
const OPEN_KEY = 'assisted/open';

/** Waiting for the customer: the link may still be opened or signed. */
export const isWaiting = (port: AssistedPort): boolean => port.state === 'sent' || port.state === 'opened';

/** The state staff see: a link past its time is expired even before the round has marked it. */
export function shownState(port: AssistedPort, now: Date): AssistedPortState {
  return isWaiting(port) && Date.parse(port.linkExpiresAt) <= now.getTime() ? 'expired' : port.state;
}

export type PreparedPort = Omit<AssistedPort, 'state' | 'linkId' | 'linkExpiresAt' | 'linksSent' | 'sentAt'>;

export type OpenOutcome =
  | { readonly kind: 'opened'; readonly port: AssistedPort; readonly draft: CsrDraft }
  /** The link was used already, replaced by a newer one, withdrawn, signed or expired; or names nothing stored. */
  | { readonly kind: 'refused'; readonly reason: 'used' | 'replaced' | 'closed' | 'expired' | 'unknown'; readonly port?: AssistedPort };

export type StaffChange =
  | { readonly kind: 'done'; readonly port: AssistedPort }
  | { readonly kind: 'notFound' }
  /** Signed, withdrawn or expired: nothing to resend or withdraw. */
  | { readonly kind: 'closed'; readonly port: AssistedPort };

type PortChange = { kind: 'done'; port: AssistedPort; before: AssistedPort } | { kind: 'notFound' } | { kind: 'closed'; port: AssistedPort };

export class AssistedPortStore {
  private readonly ports: CasRecords<AssistedPort>;
  private readonly drafts: CasRecords<z.infer<typeof DraftRecordSchema>>;
  private readonly lists: CasRecords<References>;

  constructor(
    private readonly storage: BotStorage,
    private readonly clock: () => Date,
    /** How long a link works (SIGNING_LINK_HOURS). */
    private readonly linkLifetimeMs: number,
  ) {
    this.ports = new CasRecords(storage, AssistedPortSchema);
    this.drafts = new CasRecords(storage, DraftRecordSchema);
    this.lists = new CasRecords(storage, ReferencesSchema);
  }

  /** Stores the draft staff prepared under a new link; the port as sent. */
  async prepare(prepared: PreparedPort, draft: CsrDraft): Promise<AssistedPort> {
    const now = this.clock();
    const port: AssistedPort = AssistedPortSchema.parse({ ...prepared, state: 'sent', ...this.newLink(now), linksSent: 1, sentAt: now.toISOString() });
    await this.drafts.write(draftKey(port.linkId), { referenceNumber: port.referenceNumber, draft }, undefined);
    await this.ports.write(portKey(port.referenceNumber), port, undefined);
    await this.addTo(OPEN_KEY, port.referenceNumber);
    for (const number of new Set(port.numbers)) await this.addTo(numberKey(number), port.referenceNumber);
    return port;
  }

  async ofReference(referenceNumber: string): Promise<AssistedPort | undefined> {
    return (await this.ports.read(portKey(referenceNumber)))?.value;
  }

  async ofNumber(e164: string): Promise<AssistedPort[]> {
    const listed = (await this.lists.read(numberKey(e164)))?.value.references ?? [];
    const ports = await Promise.all(listed.map((reference) => this.ofReference(reference)));
    return ports.filter((port): port is AssistedPort => port !== undefined);
  }

  /** The references still waiting for the customer. */
  async waiting(): Promise<string[]> {
    return (await this.lists.read(OPEN_KEY))?.value.references ?? [];
  }

  /** A new link for a port still waiting: the draft moves under it, and the old link opens nothing. */
  async resend(referenceNumber: string): Promise<StaffChange> {
    const now = this.clock();
    const link = this.newLink(now);
    const change = await this.changePort(referenceNumber, (port) =>
      shownState(port, now) === 'sent' || shownState(port, now) === 'opened'
        ? { ...port, state: 'sent', ...link, linksSent: port.linksSent + 1, sentAt: now.toISOString(), remindedAt: undefined, openedAt: undefined }
        : undefined,
    );
    if (change.kind !== 'done') return change;
    const old = change.before.linkId;
    const stored = await this.drafts.read(draftKey(old));
    if (stored !== undefined) await this.drafts.write(draftKey(link.linkId), stored.value, undefined);
    await this.storage.delete([draftKey(old)]);
    return { kind: 'done', port: change.port };
  }

  async withdraw(referenceNumber: string, staffId: string): Promise<StaffChange> {
    return this.close(referenceNumber, (port, now) => (isWaiting(port) && shownState(port, now) !== 'expired' ? { state: 'withdrawn', withdrawnBy: staffId } : undefined));
  }

  /** The customer signed the draft the link opened. */
  async signed(referenceNumber: string, linkId: string): Promise<void> {
    await this.close(referenceNumber, (port) => (port.linkId === linkId && isWaiting(port) ? { state: 'signed' } : undefined));
  }

  /** A port whose link is past its time: expired, its draft deleted. */
  async expire(referenceNumber: string): Promise<StaffChange> {
    return this.close(referenceNumber, (port, now) => (isWaiting(port) && shownState(port, now) === 'expired' ? { state: 'expired' } : undefined));
  }

  /** Notes the reminder sent for the live link; false when it was sent already or the port no longer waits. */
  async noteReminded(referenceNumber: string, linkId: string): Promise<boolean> {
    const now = this.clock();
    const change = await this.changePort(referenceNumber, (port) =>
      port.linkId === linkId && port.state === 'sent' && port.remindedAt === undefined ? { ...port, remindedAt: now.toISOString() } : undefined,
    );
    return change.kind === 'done';
  }

  /**
   * Opens the draft under `linkId` once: the first time, the port moves to opened and the draft is handed over;
   * after that, and for a link replaced, withdrawn, signed or expired, it is refused.
   */
  async open(linkId: string): Promise<OpenOutcome> {
    const stored = await this.drafts.read(draftKey(linkId));
    // The draft is gone with the port's last state, or moved under a newer link: either way, nothing to open.
    if (stored === undefined) return { kind: 'refused', reason: 'closed' };
    const now = this.clock();
    const { referenceNumber, draft } = stored.value;
    const change = await this.changePort(referenceNumber, (port) =>
      port.linkId === linkId && shownState(port, now) === 'sent' ? { ...port, state: 'opened', openedAt: now.toISOString() } : undefined,
    );
    if (change.kind === 'done') return { kind: 'opened', port: change.port, draft };
    if (change.kind === 'notFound') return { kind: 'refused', reason: 'unknown' };
    return { kind: 'refused', reason: refusalOf(change.port, linkId, now), port: change.port };
  }

  /** Whether the customer holding the draft of `linkId` may still sign it; the reason when not. */
  async stillOpen(referenceNumber: string, linkId: string): Promise<{ readonly open: true } | { readonly open: false; readonly reason: 'replaced' | 'closed' | 'expired' | 'unknown' }> {
    const port = await this.ofReference(referenceNumber);
    if (port === undefined) return { open: false, reason: 'unknown' };
    const now = this.clock();
    if (port.linkId === linkId && shownState(port, now) === 'opened') return { open: true };
    const reason = refusalOf(port, linkId, now);
    return { open: false, reason: reason === 'used' ? 'closed' : reason };
  }

  /** "Delete my data" for these references: their records and drafts go. */
  async forget(references: readonly string[]): Promise<void> {
    for (const reference of references) {
      const port = await this.ofReference(reference);
      if (port === undefined) continue;
      await this.storage.delete([draftKey(port.linkId), portKey(reference)]);
      await this.removeFrom(OPEN_KEY, reference);
      for (const number of port.numbers) await this.removeFrom(numberKey(number), reference);
    }
  }

  private newLink(now: Date): Pick<AssistedPort, 'linkId' | 'linkExpiresAt'> {
    return { linkId: randomBytes(18).toString('base64url'), linkExpiresAt: new Date(now.getTime() + this.linkLifetimeMs).toISOString() };
  }

  /** Moves a waiting port to its last state, and deletes its draft. */
  private async close(
    referenceNumber: string,
    decide: (port: AssistedPort, now: Date) => Pick<AssistedPort, 'state' | 'withdrawnBy'> | undefined,
  ): Promise<StaffChange> {
    const now = this.clock();
    const change = await this.changePort(referenceNumber, (port) => {
      const closing = decide(port, now);
      return closing && { ...port, ...closing, closedAt: now.toISOString() };
    });
    if (change.kind !== 'done') return change;
    await this.storage.delete([draftKey(change.port.linkId)]);
    await this.removeFrom(OPEN_KEY, referenceNumber);
    return { kind: 'done', port: change.port };
  }

  private async changePort(referenceNumber: string, decide: (port: AssistedPort) => AssistedPort | undefined): Promise<PortChange> {
    return this.ports.change<PortChange>(portKey(referenceNumber), (port) => {
      if (port === undefined) return { outcome: { kind: 'notFound' } };
      const next = decide(port);
      if (next === undefined) return { outcome: { kind: 'closed', port } };
      const changed = AssistedPortSchema.parse(next);
      return { next: changed, outcome: { kind: 'done', port: changed, before: port } };
    });
  }

  private addTo(key: string, reference: string): Promise<void> {
    return this.lists.change(key, (list) =>
      list?.references.includes(reference) ? { outcome: undefined } : { next: { references: [...(list?.references ?? []), reference] }, outcome: undefined },
    );
  }

  private removeFrom(key: string, reference: string): Promise<void> {
    return this.lists.change(key, (list) =>
      list?.references.includes(reference) ? { next: { references: list.references.filter((item) => item !== reference) }, outcome: undefined } : { outcome: undefined },
    );
  }
}

/** Why a link no longer opens its port. */
function refusalOf(port: AssistedPort, linkId: string, now: Date): 'used' | 'replaced' | 'closed' | 'expired' {
  const state = shownState(port, now);
  if (state === 'expired') return 'expired';
  if (!isWaiting(port)) return 'closed';
  return port.linkId === linkId ? 'used' : 'replaced';
}
