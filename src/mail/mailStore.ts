/**
 * The mail queue's records in the bot's Storage, every change an eTag compare-and-set (atomic across processes):
 *
 * - `mail/queue`: every message still to send, with its schedule and, while a worker sends it, its lease. One record,
 *   so that queuing a message is one write, the only one a customer's turn makes for it. Changes from this process
 *   are batched (see batchedChanges.ts), so customers signing at once share writes instead of queueing for them.
 * - `mail/ledger/<reference>`: the messages about a port request that are done with (sent, refused for good, or too
 *   old to send), so that queuing one again (a retried turn, an event sent again) never sends it twice.
 */
import { z } from 'zod';
import { BatchedChanges } from '../storage/batchedChanges';
import { CasRecords, type Change } from '../storage/casRecords';
import type { BotStorage } from '../storage/createStorage';

/** A message as the customer reads it. */
export const MailContentSchema = z.object({
  subject: z.string().min(1),
  text: z.string(),
  html: z.string(),
});
export type MailContent = z.infer<typeof MailContentSchema>;

/** Names a message among those about a reference, in Message-IDs and file names too: letters, digits, '.', '_', '-'. */
export const MessageIdSchema = z.string().regex(/^[A-Za-z0-9._-]{1,120}$/);

export const QueuedMailSchema = z.object({
  /** What the message is about (a port request's reference number): "delete my data" drops its messages with it. */
  reference: z.string().regex(/^[A-Za-z0-9-]{1,60}$/),
  /** The message among those about the reference, such as `signed-v1`: queued twice, it is still sent once. */
  id: MessageIdSchema,
  to: z.email(),
  content: MailContentSchema,
  queuedAt: z.iso.datetime(),
  attempts: z.int().min(0),
  nextAttemptAt: z.iso.datetime(),
  /** The worker sending the message right now, and until when no other worker may take it over. */
  claimedBy: z.string().optional(),
  leaseUntil: z.iso.datetime().optional(),
  lastError: z.string().optional(),
});
export type QueuedMail = z.infer<typeof QueuedMailSchema>;

const MailQueueSchema = z.object({ messages: z.record(z.string(), QueuedMailSchema) });
type MailQueueRecord = z.infer<typeof MailQueueSchema>;

export const MAIL_OUTCOMES = ['sent', 'refused', 'expired'] as const;
export type MailOutcome = (typeof MAIL_OUTCOMES)[number];

const MailLedgerSchema = z.object({
  messages: z.record(MessageIdSchema, z.object({ outcome: z.enum(MAIL_OUTCOMES), at: z.iso.datetime() })),
});
type MailLedger = z.infer<typeof MailLedgerSchema>;

const QUEUE_KEY = 'mail/queue';
export const ledgerKey = (reference: string) => `mail/ledger/${reference}`;

/** The queue's key of a message: one entry per message, however often it is queued. */
export function queueKeyOf(mail: Pick<QueuedMail, 'reference' | 'id'>): string {
  return `${mail.reference}/${mail.id}`;
}

export class MailStore {
  private readonly queueRecords: CasRecords<MailQueueRecord>;
  private readonly queueChanges: BatchedChanges<MailQueueRecord>;
  private readonly ledgers: CasRecords<MailLedger>;

  constructor(private readonly storage: BotStorage) {
    this.queueRecords = new CasRecords(storage, MailQueueSchema);
    this.queueChanges = new BatchedChanges(this.queueRecords);
    this.ledgers = new CasRecords(storage, MailLedgerSchema);
  }

  /** The messages waiting, by queue key. */
  async queued(): Promise<Readonly<Record<string, QueuedMail>>> {
    return (await this.queueRecords.read(QUEUE_KEY))?.value.messages ?? {};
  }

  /** Queues the message unless it is queued already; true when this call queued it. */
  enqueue(mail: QueuedMail): Promise<boolean> {
    const key = queueKeyOf(mail);
    return this.changeQueue((messages) => (messages[key] ? { outcome: false } : { next: { ...messages, [key]: mail }, outcome: true }));
  }

  /** Reserves the message for `claimant` until `until`, if it is still queued and no other worker holds it; the message claimed. */
  claim(key: string, claimant: string, now: Date, until: Date): Promise<QueuedMail | undefined> {
    return this.changeQueue((messages) => {
      const mail = messages[key];
      if (mail === undefined || heldByOther(mail, claimant, now) !== undefined) return { outcome: undefined };
      const claimed = { ...mail, claimedBy: claimant, leaseUntil: until.toISOString() };
      return { next: { ...messages, [key]: claimed }, outcome: claimed };
    });
  }

  /** Applies `update` to the message if `claimant` still holds it; false when it is gone or another worker took it. */
  updateClaimed(key: string, claimant: string, update: (mail: QueuedMail) => QueuedMail | undefined): Promise<boolean> {
    return this.changeQueue((messages) => {
      const mail = messages[key];
      if (mail?.claimedBy !== claimant) return { outcome: false };
      const next = { ...messages };
      const updated = update(mail);
      if (updated === undefined) delete next[key];
      else next[key] = updated;
      return { next, outcome: true };
    });
  }

  /** Takes the message out of the queue, whoever holds it. */
  remove(key: string): Promise<void> {
    return this.changeQueue((messages) => {
      if (messages[key] === undefined) return { outcome: undefined };
      const next = { ...messages };
      delete next[key];
      return { next, outcome: undefined };
    });
  }

  /** Whether the message is done with: sent, refused for good, or given up. */
  async isSettled(reference: string, id: string): Promise<boolean> {
    return (await this.ledgers.read(ledgerKey(reference)))?.value.messages[id] !== undefined;
  }

  recordOutcome(reference: string, id: string, outcome: MailOutcome, at: Date): Promise<void> {
    return this.ledgers.change<void>(ledgerKey(reference), (ledger) => ({
      next: { messages: { ...ledger?.messages, [id]: { outcome, at: at.toISOString() } } },
      outcome: undefined,
    }));
  }

  /**
   * "Delete my data": the messages about these references leave the queue unsent, and their ledgers go. A message a
   * worker is sending at this very moment may still go out, and its ledger entry be written again after this.
   */
  async forget(references: readonly string[]): Promise<void> {
    const forgotten = new Set(references);
    await this.changeQueue((messages) => {
      const kept = Object.entries(messages).filter(([, mail]) => !forgotten.has(mail.reference));
      return kept.length === Object.keys(messages).length ? { outcome: undefined } : { next: Object.fromEntries(kept), outcome: undefined };
    });
    await this.storage.delete([...forgotten].map(ledgerKey));
  }

  /** A change to the queue's messages, batched with the others from this process; resolves with the decision written. */
  private async changeQueue<R>(decide: (messages: Readonly<Record<string, QueuedMail>>) => Change<Record<string, QueuedMail>, R>): Promise<R> {
    let outcome: R | undefined;
    await this.queueChanges.apply(QUEUE_KEY, (record) => {
      // A batch that loses its compare-and-set is decided again on the fresh record: the last decision is the one written.
      const decided = decide(record?.messages ?? {});
      outcome = decided.outcome;
      return decided.next && { messages: decided.next };
    });
    return outcome as R;
  }
}

/** Until when another worker holds the message, or undefined when no other holds it. */
export function heldByOther(mail: QueuedMail, claimant: string, now: Date): number | undefined {
  if (mail.claimedBy === undefined || mail.claimedBy === claimant || mail.leaseUntil === undefined) return undefined;
  const until = Date.parse(mail.leaseUntil);
  return until > now.getTime() ? until : undefined;
}
