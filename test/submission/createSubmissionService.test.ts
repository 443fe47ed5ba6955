import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../src/config';
import { CARRIER_PDF_FILE, FolderGateway, REQUEST_FILE, WebhookGateway, createGateway, createSubmissionService } from '../../src/submission';
import { createLoaPdfRenderer } from '../../src/submission/pdf/pdfRenderer';
import { eventually } from '../storage/testBackends';
import { captureLogs } from '../support/captureLogs';
import { memoryStorage } from '../support/testStorage';
import { verizonLoa } from './support/loas';

describe('createSubmissionService', () => {
  it('delivers a signed LOA to the submissions folder by default, started by the submit itself', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'submission-service-'));
    const storage = await memoryStorage();
    const settings = parseConfig({ SUBMISSIONS_DIR: folder }).submission;
    const pdfRenderer = createLoaPdfRenderer({ threads: 1 });
    const service = createSubmissionService(settings, { storage, logger: captureLogs('silent').logger, pdfRenderer, worker: { pollIntervalMs: 20 } });
    const loa = verizonLoa(new Date());
    const versionFolder = join(folder, loa.referenceNumber, 'v1');
    try {
      service.worker.start();
      const receipt = await service.submitter.submit({ loa, contactEmail: 'jane@example.com', conversation: { conversation: { id: 'c1' } } });
      await eventually(async () => existsSync(join(versionFolder, REQUEST_FILE)));

      expect(receipt).toMatchObject({ referenceNumber: loa.referenceNumber, version: 1 });
      expect(existsSync(join(versionFolder, CARRIER_PDF_FILE))).toBe(true);
    } finally {
      await service.worker.stop();
      await pdfRenderer.close();
      await storage.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('picks the gateway the configuration names, and insists on the webhook address and secret', () => {
    const secret = 's'.repeat(32);
    const webhook = parseConfig({ PORTING_GATEWAY: 'webhook', PORTING_WEBHOOK_URL: 'https://porting.example/in', PORTING_WEBHOOK_SECRET: secret });

    expect(createGateway(parseConfig({}).submission)).toBeInstanceOf(FolderGateway);
    expect(createGateway(webhook.submission)).toBeInstanceOf(WebhookGateway);
    expect(() => parseConfig({ PORTING_GATEWAY: 'webhook' })).toThrow(/PORTING_WEBHOOK_URL is required[\s\S]*PORTING_WEBHOOK_SECRET is required/);
    expect(() => createGateway({ ...webhook.submission, webhookSecret: undefined })).toThrow(/PORTING_WEBHOOK_SECRET/);
  });
});
