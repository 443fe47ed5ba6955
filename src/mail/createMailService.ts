import type { Logger } from '../logging';
import type { BotStorage } from '../storage/createStorage';
import { FolderMailTransport } from './folderTransport';
import { MailQueue } from './mailQueue';
import type { MailTransportSettings } from './mailSettings';
import { MailStore } from './mailStore';
import type { MailTransport, Sender } from './mailTransport';
import { MailWorker, type MailWorkerOptions } from './mailWorker';
import { SMTP_ATTEMPT_MAX_MS, SmtpMailTransport } from './smtpTransport';

export interface MailServiceDependencies {
  readonly storage: BotStorage;
  readonly logger: Logger;
  readonly clock?: () => Date;
  /** Where customers' replies go (SUPPORT_EMAIL); without it, to the sending address. */
  readonly replyTo?: string;
  /** Worker tuning that is not configuration: tests retry sooner. */
  readonly worker?: Partial<Pick<MailWorkerOptions, 'pollIntervalMs' | 'workerId' | 'random' | 'retry' | 'maxAgeMs'>>;
}

export interface MailService {
  /** What the conversation queues its messages with. */
  readonly queue: MailQueue;
  /** "Delete my data" drops a customer's messages here. */
  readonly store: MailStore;
  /** Start with the server; close() stops it, before storage closes. */
  readonly worker: MailWorker;
  close(): Promise<void>;
}

// A mail server that is down usually comes back within minutes; customers' news should not wait hours after it does.
const RETRY = { baseMs: 30_000, maxMs: 30 * 60_000 };
/** A claim must outlast one attempt: the SMTP timeouts, plus the storage writes around them. */
const LEASE_MARGIN_MS = 30_000;

/** The queue, its worker and the transport for the settings; undefined when email is off (logged: the operator should know). */
export function createMailService(settings: MailTransportSettings, deps: MailServiceDependencies): MailService | undefined {
  const logger = deps.logger.child({ component: 'mail' });
  if (settings.kind === 'off') {
    logger.warn('email is off: SMTP_URL is not set, so customers get no email and the bot promises none. Set SMTP_URL and MAIL_FROM to send it.');
    return undefined;
  }
  const clock = deps.clock ?? (() => new Date());
  const sender: Sender = { from: settings.from, ...(deps.replyTo !== undefined && { replyTo: deps.replyTo }) };
  const transport = transportFor(settings, sender, logger);
  const store = new MailStore(deps.storage);
  const worker = new MailWorker(store, transport, clock, logger, {
    retry: RETRY,
    ...deps.worker,
    leaseMs: SMTP_ATTEMPT_MAX_MS + LEASE_MARGIN_MS,
  });
  const queue = new MailQueue(store, clock, logger, () => worker.kick());
  return {
    queue,
    store,
    worker,
    async close() {
      await worker.stop();
      await transport.close();
    },
  };
}

function transportFor(settings: Exclude<MailTransportSettings, { kind: 'off' }>, sender: Sender, logger: Logger): MailTransport {
  if (settings.kind === 'smtp') {
    logger.info({ host: settings.server.host, port: settings.server.port }, 'email goes to the SMTP server');
    return new SmtpMailTransport(settings.server, sender);
  }
  logger.info({ dir: settings.dir }, 'emails are written to MAIL_DIR as .eml files (no SMTP_URL)');
  return new FolderMailTransport(settings.dir, sender);
}
