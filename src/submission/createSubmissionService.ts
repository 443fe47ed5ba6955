import type { Config } from '../config';
import type { Logger } from '../logging';
import type { DocumentStore } from '../documents/documentStore';
import type { BotStorage } from '../storage/createStorage';
import { FolderGateway } from './gateway/folderGateway';
import type { PortingGateway } from './gateway/portingGateway';
import { WebhookGateway, type WebhookGatewayOptions } from './gateway/webhookGateway';
import type { LoaSubmitter } from './loaSubmitter';
import { OutboxStore } from './outbox/outboxStore';
import { OutboxLoaSubmitter } from './outbox/outboxSubmitter';
import { OutboxWorker, type OutboxWorkerOptions, type PermanentFailureReport } from './outbox/outboxWorker';
import type { LoaPdfRenderer } from './pdf/pdfRenderer';

export type SubmissionSettings = Config['submission'];

export interface SubmissionServiceDependencies {
  readonly storage: BotStorage;
  readonly logger: Logger;
  /** Renders the carrier's copy sent with each submission; the caller owns it and closes it after the worker stops. */
  readonly pdfRenderer: LoaPdfRenderer;
  readonly clock?: () => Date;
  /** How long storage keeps a request (STATE_TTL_DAYS): for so long it is found by its phone numbers. */
  readonly retentionDays?: number;
  /** Told once about each submission the porting backend refused for good. */
  readonly onPermanentFailure?: (report: PermanentFailureReport) => void | Promise<void>;
  /** The documents customers attach, delivered with their requests. */
  readonly documents?: DocumentStore;
  /** Signed links to them for the webhook's body (src/hosting/documentLinks.ts); read when a request is delivered. */
  readonly documentLink?: WebhookGatewayOptions['documentLink'];
  /** Worker tuning that is not configuration: tests use a short poll interval. */
  readonly worker?: Pick<OutboxWorkerOptions, 'pollIntervalMs' | 'workerId' | 'random'>;
}

export interface SubmissionService {
  /** What the conversation calls when the customer signs. */
  readonly submitter: LoaSubmitter;
  /** Start with the server, stop before closing storage. */
  readonly worker: OutboxWorker;
  readonly store: OutboxStore;
}

/** A claim must outlast one attempt: the request's timeout plus the time to render the letter and write storage. */
const LEASE_MARGIN_MS = 60_000;

export function createSubmissionService(settings: SubmissionSettings, deps: SubmissionServiceDependencies): SubmissionService {
  const clock = deps.clock ?? (() => new Date());
  const store = new OutboxStore(deps.storage, { numberRetentionDays: deps.retentionDays });
  const worker = new OutboxWorker(store, createGateway(settings, deps.documentLink), deps.pdfRenderer, clock, deps.logger, {
    ...deps.worker,
    documents: deps.documents,
    retry: { baseMs: settings.retryBaseMs, maxMs: settings.retryMaxMs },
    leaseMs: settings.webhookTimeoutMs + LEASE_MARGIN_MS,
    onPermanentFailure: deps.onPermanentFailure,
  });
  const submitter = new OutboxLoaSubmitter(store, clock, deps.logger, () => worker.kick());
  return { submitter, worker, store };
}

export function createGateway(settings: SubmissionSettings, documentLink?: WebhookGatewayOptions['documentLink']): PortingGateway {
  if (settings.gateway === 'folder') return new FolderGateway(settings.submissionsDir);
  const { webhookUrl: url, webhookSecret: secret } = settings;
  // parseConfig refuses a webhook gateway without both; settings built by hand get the same answer here.
  if (url === undefined || secret === undefined) {
    throw new Error('PORTING_GATEWAY=webhook needs PORTING_WEBHOOK_URL and PORTING_WEBHOOK_SECRET.');
  }
  return new WebhookGateway({ url, secret, timeoutMs: settings.webhookTimeoutMs, documentLink });
}
