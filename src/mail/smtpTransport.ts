/** Messages sent to the SMTP server of SMTP_URL. */
import { createTransport } from 'nodemailer';
import type { SmtpServer } from './mailSettings';
import type { QueuedMail } from './mailStore';
import { type MailTransport, type Sender, type SendOutcome, failureOutcome, messageOptions } from './mailTransport';

// nodemailer waits minutes by default (2 to connect, 10 on a silent socket). A message is sent outside any customer's
// turn, but a stuck server would hold its claim and stall the queue: give up sooner and try again later.
const CONNECTION_TIMEOUT_MS = 15_000;
const GREETING_TIMEOUT_MS = 15_000;
const SOCKET_TIMEOUT_MS = 60_000;

/** The longest one attempt can take, for the claim on a message being sent. */
export const SMTP_ATTEMPT_MAX_MS = CONNECTION_TIMEOUT_MS + GREETING_TIMEOUT_MS + SOCKET_TIMEOUT_MS;

export class SmtpMailTransport implements MailTransport {
  private readonly transporter;

  constructor(
    server: SmtpServer,
    private readonly sender: Sender,
  ) {
    this.transporter = createTransport({
      host: server.host,
      port: server.port,
      secure: server.secure,
      ...(server.user !== undefined && { auth: { user: server.user, pass: server.password } }),
      connectionTimeout: CONNECTION_TIMEOUT_MS,
      greetingTimeout: GREETING_TIMEOUT_MS,
      socketTimeout: SOCKET_TIMEOUT_MS,
    });
  }

  async send(mail: QueuedMail, signal: AbortSignal): Promise<SendOutcome> {
    try {
      await this.transporter.sendMail({ ...messageOptions(mail, this.sender), signal });
      return { kind: 'sent' };
    } catch (error) {
      return failureOutcome(error);
    }
  }

  async close(): Promise<void> {
    this.transporter.close();
  }
}
