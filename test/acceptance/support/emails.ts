/**
 * The emails the bot sends, read as a customer's mail program reads them: the .eml files a local run writes to
 * MAIL_DIR, or the messages a local SMTP server (smtp-server, from the nodemailer project) receives.
 */
import { readFile, readdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedEmail {
  /** The message as it travelled (RFC 822), undecoded. */
  readonly raw: string;
  readonly subject: string;
  readonly from: string;
  readonly to: string;
  readonly replyTo: string | undefined;
  readonly messageId: string | undefined;
  /** The plain-text part, decoded. */
  readonly text: string;
  /** The HTML part, decoded. */
  readonly html: string;
}

async function read(raw: Buffer): Promise<ReceivedEmail> {
  const parsed: ParsedMail = await simpleParser(raw);
  const addresses = (field: ParsedMail['to']) => (field === undefined ? '' : [field].flat().map((address) => address.text).join(', '));
  return {
    raw: raw.toString('utf8'),
    subject: parsed.subject ?? '',
    from: addresses(parsed.from),
    to: addresses(parsed.to),
    replyTo: parsed.replyTo?.text,
    messageId: parsed.messageId,
    text: parsed.text ?? '',
    html: typeof parsed.html === 'string' ? parsed.html : '',
  };
}

/** The .eml files in `dir`, oldest first (their names begin with the time they were queued). */
export async function emlFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => name.endsWith('.eml')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

export async function readEmails(dir: string): Promise<ReceivedEmail[]> {
  return Promise.all((await emlFiles(dir)).map(async (name) => read(await readFile(join(dir, name)))));
}

/**
 * The places a secret could hide in an email, each with the secret in it, if any: the raw message and every decoded
 * part, with the digits also looked for once separators are taken out ("555 444 333 222").
 */
export function secretsIn(emails: readonly ReceivedEmail[], secrets: readonly string[]): string[] {
  const found: string[] = [];
  for (const email of emails) {
    for (const [part, content] of Object.entries({ raw: email.raw, subject: email.subject, text: email.text, html: email.html })) {
      const digitsOnly = content.replace(/[\s.()-]/g, '');
      for (const secret of secrets) {
        if (content.includes(secret) || digitsOnly.includes(secret)) found.push(`${email.subject} (${part}): ${secret}`);
      }
    }
  }
  return found;
}

/** A reply the server gives to the next messages instead of taking them, such as 451 (try again later). */
export interface Refusal {
  readonly code: number;
  readonly message: string;
}

/** An SMTP server on 127.0.0.1 that wants a login and keeps what it is given. */
export class LocalSmtpServer {
  readonly received: ReceivedEmail[] = [];
  /** The refusals still to give, one per message, in order. */
  readonly refusals: Refusal[] = [];
  /** How many messages reached the DATA stage, taken or refused. */
  attempts = 0;
  private readonly server: SMTPServer;

  constructor(
    readonly user: string,
    readonly password: string,
  ) {
    this.server = new SMTPServer({
      // Plain SMTP on loopback: what is tested is the bot's queue and its login, not TLS.
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      logger: false,
      onAuth: (auth, _session, callback) => {
        if (auth.username === this.user && auth.password === this.password) callback(null, { user: auth.username });
        else callback(new Error('Invalid username or password'));
      },
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          this.attempts += 1;
          const refusal = this.refusals.shift();
          if (refusal !== undefined) {
            callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
            return;
          }
          read(Buffer.concat(chunks)).then(
            (email) => {
              this.received.push(email);
              callback();
            },
            (error: Error) => callback(error),
          );
        });
      },
    });
  }

  /** Starts listening on a free port; resolves with the SMTP_URL to reach it, credentials included. */
  listen(): Promise<string> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => {
        const { port } = this.server.server.address() as AddressInfo;
        resolve(`smtp://${encodeURIComponent(this.user)}:${encodeURIComponent(this.password)}@127.0.0.1:${port}`);
      });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
