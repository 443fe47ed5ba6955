/**
 * How a queued message leaves the bot (an SMTP server, or a file on a local run), and what is common to every way:
 * the message nodemailer builds from it, and what a failure means for trying again.
 */
import type { NodemailerError, SendMailOptions } from 'nodemailer';
import { scrubSecrets } from '../logging';
import { errorMessage, errorName } from '../logging/errorText';
import type { Mailbox } from './mailSettings';
import type { QueuedMail } from './mailStore';

/** `refused`: the server will never take this message (a mailbox that doesn't exist). `retry`: it may later. */
export type SendOutcome =
  | { readonly kind: 'sent' }
  | { readonly kind: 'refused'; readonly reason: string }
  | { readonly kind: 'retry'; readonly reason: string };

export interface MailTransport {
  /** Never rejects: a failure is an outcome. `signal` abandons the attempt (the application is stopping). */
  send(mail: QueuedMail, signal: AbortSignal): Promise<SendOutcome>;
  close(): Promise<void>;
}

export interface Sender {
  readonly from: Mailbox;
  /** Where a customer's reply goes (SUPPORT_EMAIL): to people, not to the bot's sending address. */
  readonly replyTo?: string;
}

/**
 * The message, built the same way for every transport. Its Message-ID and Date come from the queued message, so
 * that the one resend a crash can cause (sent, but not yet recorded as sent) is the same message, which mail
 * systems recognise.
 */
export function messageOptions(mail: QueuedMail, sender: Sender): SendMailOptions {
  return {
    from: sender.from.name === undefined ? sender.from.address : { name: sender.from.name, address: sender.from.address },
    to: mail.to,
    ...(sender.replyTo !== undefined && { replyTo: sender.replyTo }),
    subject: mail.content.subject,
    text: mail.content.text,
    html: mail.content.html,
    messageId: `<${mail.id}.${mail.reference}@${domainOf(sender.from.address)}>`,
    date: new Date(mail.queuedAt),
  };
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1);
}

const MAX_REASON_LENGTH = 200;
// SMTP replies often quote the recipient; the logs and the queue keep no customer's address.
const EMAIL_ADDRESS = /[^\s<>()[\]"',;:@]+@[^\s<>()[\]"',;:@]+/g;

/**
 * A failed send: refused for good only on a permanent SMTP reply (5xx but 503, nodemailer's `permanent`) to the
 * message itself. A refused login is the operator's to fix (SMTP_USER, SMTP_PASSWORD), after which the message
 * should still go: it is retried, like a server that is down.
 */
export function failureOutcome(error: unknown): SendOutcome {
  const { code, responseCode, permanent } = (error ?? {}) as NodemailerError;
  const what = [code ?? errorName(error) ?? 'Error', responseCode].filter((part) => part !== undefined).join(' ');
  const detail = scrubSecrets(errorMessage(error)).replace(EMAIL_ADDRESS, '<address>');
  const reason = `${what}: ${detail}`.slice(0, MAX_REASON_LENGTH);
  return permanent === true && code !== 'EAUTH' ? { kind: 'refused', reason } : { kind: 'retry', reason };
}
