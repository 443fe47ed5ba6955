/**
 * A local run's email: each message written as an .eml file (the RFC 822 message nodemailer would send, byte for
 * byte) to MAIL_DIR, to open in any mail program. The folder is 0700 and the files 0600: they hold customers'
 * addresses and requests.
 */
import { randomUUID } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import { PRIVATE_FILE_MODE, makePrivateFolder } from '../security/privateFiles';
import type { QueuedMail } from './mailStore';
import { type MailTransport, type Sender, type SendOutcome, failureOutcome, messageOptions } from './mailTransport';

/** '20251127T093000123Z-PA-7KX4-M9Q2-TDX-status-v1-completed.eml': in the order queued, and the same for the same message. */
export function emlFileName(mail: QueuedMail): string {
  const queuedAt = mail.queuedAt.replace(/[-:.]/g, '');
  return `${queuedAt}-${mail.reference}-${mail.id}.eml`;
}

export class FolderMailTransport implements MailTransport {
  // Builds the message without sending it anywhere.
  private readonly composer = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

  constructor(
    private readonly dir: string,
    private readonly sender: Sender,
  ) {}

  async send(mail: QueuedMail): Promise<SendOutcome> {
    try {
      const { message } = await this.composer.sendMail(messageOptions(mail, this.sender));
      await makePrivateFolder(this.dir);
      await writeWhole(join(this.dir, emlFileName(mail)), message as Buffer);
      return { kind: 'sent' };
    } catch (error) {
      return failureOutcome(error);
    }
  }

  async close(): Promise<void> {}
}

/** Written under a temporary name and renamed, so a reader never sees half a message; writing again replaces it. */
async function writeWhole(path: string, content: Buffer): Promise<void> {
  const temporary = `${path}.${randomUUID()}.tmp`;
  try {
    const file = await open(temporary, 'wx', PRIVATE_FILE_MODE);
    try {
      await file.writeFile(content);
    } finally {
      await file.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
