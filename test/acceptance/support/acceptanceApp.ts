/**
 * The whole application as it runs in production (startApplication: the real PortingBot, turn lock, outbox worker,
 * folder gateway, events route, agents' console), on a free local port, with its submissions in a temporary folder.
 * The acceptance tests talk to it only over HTTP, the way a channel and the porting backend do.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import { startApplication } from '../../../src/app';
import { parseConfig } from '../../../src/config';
import { PORTING_EVENTS_PATH } from '../../../src/hosting/portingEventsRoute';
import { DataKeyring, formatDataKey, parseDataKey } from '../../../src/security/dataKeys';
import { createStorage } from '../../../src/storage/createStorage';
import { SIGNATURE_HEADER, signBody } from '../../../src/submission';
import type { Logger } from '../../../src/logging';
import { captureLogs } from '../../support/captureLogs';
import { NEW_CARRIER } from '../../support/newCarrier';

/** The secret the porting backend signs its events with (PORTING_WEBHOOK_SECRET). */
export const EVENTS_SECRET = 'acceptance-events-secret-shared-with-the-backend-0123';
/** The agents' console token (AGENT_TOKEN). */
export const AGENT_TOKEN = 'acceptance-console-token-0123456789abcdef';
export const SUPPORT_PHONE = '1-800-555-0100';

export interface AcceptanceAppOptions {
  /** Extra configuration, as environment variables. */
  readonly env?: Record<string, string>;
  /** STORAGE_URL; memory:// unless given (a restart needs a sqlite:// file). */
  readonly storageUrl?: string;
  /** The keys state is encrypted with; a restarted app must get the same ones. */
  readonly encryption?: DataKeyring;
  /**
   * SUBMISSIONS_DIR; unless given, a new temporary folder, removed when the app closes (a restarted app is given
   * its predecessor's).
   */
  readonly submissionsDir?: string;
  /** The application's clock; the real one unless given (a test that waits days moves its own). */
  readonly clock?: () => Date;
  /** How often signing links are checked for a reminder or expiry (minutes in production). */
  readonly signingLinkCheckIntervalMs?: number;
  /** Where the application logs; nowhere unless given (a test that reads the audit log gives one). */
  readonly logger?: Logger;
}

export interface AcceptanceApp {
  readonly url: string;
  readonly submissionsDir: string;
  /** POSTs an expectReplies activity as JSON and resolves the bot's replies; fails on any status but 200. */
  exchange(activity: Partial<Activity>): Promise<Partial<Activity>[]>;
  /** POSTs a porting event, signed as the porting backend signs it. */
  postEvent(event: Record<string, unknown>): Promise<Response>;
  /** Stops the application; closing twice is harmless. */
  close(): Promise<void>;
}

/** A data key for one test run, as DATA_ENCRYPTION_KEY would hold it. */
export function testKeyring(): DataKeyring {
  return new DataKeyring(parseDataKey(formatDataKey('acceptance', randomBytes(32))));
}

/** A temporary folder, removed by the returned function. */
export function scratchFolder(prefix: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export async function startAcceptanceApp(options: AcceptanceAppOptions = {}): Promise<AcceptanceApp> {
  const submissionsDir = options.submissionsDir ?? mkdtempSync(join(tmpdir(), 'acceptance-submissions-'));
  const storageUrl = options.storageUrl ?? 'memory://';
  const config = parseConfig({
    SUBMISSIONS_DIR: submissionsDir,
    STORAGE_URL: storageUrl,
    PORTING_WEBHOOK_SECRET: EVENTS_SECRET,
    SUPPORT_PHONE,
    // Emails are written beside the submissions (and go with them) unless a test reads them elsewhere.
    MAIL_DIR: join(submissionsDir, 'mail'),
    CARRIER_NAME: NEW_CARRIER.name,
    ...options.env,
    PORT: '0',
  });
  const storage = await createStorage(storageUrl, { ttlDays: config.storage.ttlDays, encryption: options.encryption });
  const app = await startApplication(config, {
    storage,
    logger: options.logger ?? captureLogs('silent').logger,
    encryption: options.encryption,
    // The worker is kicked on every submission; the short poll only matters for retries.
    submissionWorker: { pollIntervalMs: 50 },
    // A mail server's temporary refusal is tried again within moments.
    mailWorker: { retry: { baseMs: 50, maxMs: 200 } },
    clock: options.clock,
    signingLinkCheckIntervalMs: options.signingLinkCheckIntervalMs,
  });

  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${app.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  return {
    url: app.url,
    submissionsDir,
    async exchange(activity) {
      const response = await post('/api/messages', JSON.stringify(activity));
      const body = await response.text();
      if (response.status !== 200) throw new Error(`POST /api/messages answered ${response.status}: ${body}`);
      // An answer with no replies may come without a body.
      return body === '' ? [] : ((JSON.parse(body) as { activities?: Partial<Activity>[] }).activities ?? []);
    },
    postEvent(event) {
      const raw = JSON.stringify(event);
      return post(PORTING_EVENTS_PATH, raw, { [SIGNATURE_HEADER]: signBody(raw, EVENTS_SECRET) });
    },
    async close() {
      await app.close();
      // A folder of its own goes with the app; one it was given belongs to the test (a restart reuses it).
      if (options.submissionsDir === undefined) rmSync(submissionsDir, { recursive: true, force: true });
    },
  };
}
