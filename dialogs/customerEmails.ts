/**
 * The emails the conversation sends its customers, composed from what the chat tells them (dialogs/text/emailText.ts)
 * and queued: a turn only queues (src/mail), the mail worker sends afterwards. Each message has an id of its own
 * within its reference, so a retried turn or an event sent again queues the same message, which is sent once.
 */
import { type Loa, maskSecret } from '../src/domain';
import { renderEmail } from '../src/mail/emailLayout';
import type { MailQueue } from '../src/mail/mailQueue';
import type { PortNotice } from '../src/submission/notifications/portNotice';
import type { ReceiptLinkMaker, SupportContact } from './conversationDeps';
import { type RejectionNextStep, type SigningLinkEmailDetails, emailText } from './text/emailText';

export interface CustomerEmailOptions {
  readonly queue: Pick<MailQueue, 'enqueue'>;
  /** Links to the customer's copy of a signed letter; without it, the confirmation has none. */
  readonly letterLink?: ReceiptLinkMaker;
  /** The web page with the chat; without it (no PUBLIC_BASE_URL in a deployment), emails point to the chat in words. */
  readonly chatLink?: () => string;
  readonly supportContact: SupportContact;
  /** Whether people can be reached in the chat (live hand-off is set up). */
  readonly agentsInChat: boolean;
}

/** What a rejection asks of the customer, as the chat offers it: the details to correct, or a person. */
export type RejectionFollowUp = { readonly fix: readonly string[] } | { readonly person: true };

export class CustomerEmails {
  constructor(private readonly options: CustomerEmailOptions) {}

  /** The confirmation of a signed letter (the first, or a corrected one). */
  async signed(loa: Loa, to: string): Promise<void> {
    const content = renderEmail(
      emailText.signed({
        referenceNumber: loa.referenceNumber,
        version: loa.version,
        carrier: loa.currentCarrier.name,
        signerName: loa.signature.signerName,
        numbers: loa.numbers,
        maskedAccount: maskSecret(loa.accountNumber),
        letter: this.options.letterLink?.(loa.referenceNumber, loa.version),
      }),
    );
    await this.options.queue.enqueue({ reference: loa.referenceNumber, id: `signed-v${loa.version}`, to, content });
  }

  /**
   * An assisted port's signing link (`reminder`: the reminder a day later). One message per link: a resent link is a
   * message of its own.
   */
  async signingLink(details: SigningLinkEmailDetails, linkId: string, to: string, reminder = false): Promise<void> {
    const content = renderEmail(reminder ? emailText.signingReminder(details) : emailText.signingLink(details));
    const id = `${reminder ? 'signing-reminder' : 'signing-link'}-${linkId}`;
    await this.options.queue.enqueue({ reference: details.referenceNumber, id, to, content });
  }

  /** The news the chat tells the customer about their request, with what a rejection asks of them. */
  async statusChanged(notice: PortNotice, to: string, followUp?: RejectionFollowUp): Promise<void> {
    const content = renderEmail(emailText.status(notice, this.nextStep(followUp), this.options.chatLink?.()));
    await this.options.queue.enqueue({ reference: notice.referenceNumber, id: statusMessageId(notice), to, content });
  }

  private nextStep(followUp: RejectionFollowUp | undefined): RejectionNextStep | undefined {
    if (followUp === undefined) return undefined;
    if ('fix' in followUp) return { kind: 'fix', labels: followUp.fix };
    return { kind: 'person', inChat: this.options.agentsInChat, contact: this.options.supportContact };
  }
}

/**
 * One message per version and state; a new date of the move is news of its own (carriers reschedule), while the
 * same event told again is not.
 */
function statusMessageId(notice: PortNotice): string {
  const date = notice.state === 'foc_confirmed' && notice.focDate !== undefined ? `-${notice.focDate}` : '';
  return `status-v${notice.version}-${notice.state}${date}`;
}
