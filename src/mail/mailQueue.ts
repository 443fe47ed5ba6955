import type { Logger } from '../logging';
import { type MailContent, type MailStore, type QueuedMail, QueuedMailSchema } from './mailStore';

/** A message to send: to whom, what it says, and which message it is (see QueuedMail). */
export type MailRequest = Pick<QueuedMail, 'reference' | 'id' | 'to'> & { readonly content: MailContent };

/**
 * Where the conversation hands its messages: queuing is one storage write, and the worker sends them afterwards,
 * outside the customer's turn. A message queued again while it waits is the one message; queued again after it was
 * sent, the worker drops it (see mailWorker.ts).
 */
export class MailQueue {
  constructor(
    private readonly store: MailStore,
    private readonly clock: () => Date,
    private readonly logger: Logger,
    /** Called after a message is queued, to send it at once. */
    private readonly onQueued: () => void,
  ) {}

  async enqueue(request: MailRequest): Promise<void> {
    const now = this.clock().toISOString();
    const mail = QueuedMailSchema.parse({ ...request, queuedAt: now, attempts: 0, nextAttemptAt: now });
    if (!(await this.store.enqueue(mail))) return;
    this.logger.info({ reference: mail.reference, message: mail.id }, 'email queued');
    this.onQueued();
  }
}
