import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FolderGateway, renderCarrierLoaPdf, toPortRequestJson } from '../../src/submission';
import type { PortingDelivery } from '../../src/submission/gateway/portingGateway';
import { webhookBody } from '../../src/submission/gateway/webhookGateway';
import { billPhoto, sha256Of } from '../support/bills';
import { verizonLoa } from './support/loas';

const photo = billPhoto();
const facts = { kind: 'bill', contentType: 'image/png', size: photo.byteLength, sha256: sha256Of(photo) } as const;

async function delivery(): Promise<PortingDelivery> {
  const loa = verizonLoa(new Date('2025-11-25T17:04:05.000Z'));
  const request = toPortRequestJson(loa, { submittedAt: '2025-11-25T17:04:09.000Z', documents: [{ ...facts, fileName: 'bill.png' }] });
  return {
    idempotencyKey: request.idempotencyKey,
    request,
    carrierPdf: await renderCarrierLoaPdf(loa),
    documents: [{ id: 'doc-0123456789abcdef', facts, fileName: 'bill.png', content: photo }],
  };
}

describe('a document delivered with the request', () => {
  it('lies beside request.json in the folder delivery, readable by the bot only', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'documents-delivered-'));
    try {
      const gateway = new FolderGateway(folder);
      const sent = await delivery();
      await gateway.deliver(sent);

      const file = join(gateway.folderOf(sent.request.referenceNumber, 1), 'bill.png');
      expect(sha256Of(readFileSync(file))).toBe(facts.sha256);
      expect(statSync(file).mode & 0o777).toBe(0o600);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('is a link in the webhook body, or, with no address to link to, inside it', async () => {
    const sent = await delivery();
    const expiresAt = new Date('2025-12-02T17:04:09.000Z');

    expect(webhookBody(sent, (id) => ({ url: `https://bot.example.com/api/documents/${id}?token=t`, expiresAt })).documents).toEqual([
      { kind: 'bill', fileName: 'bill.png', mediaType: 'image/png', size: photo.byteLength, sha256: facts.sha256, url: 'https://bot.example.com/api/documents/doc-0123456789abcdef?token=t', expiresAt: expiresAt.toISOString() },
    ]);
    expect(webhookBody(sent).documents).toEqual([
      { kind: 'bill', fileName: 'bill.png', mediaType: 'image/png', size: photo.byteLength, sha256: facts.sha256, contentBase64: photo.toString('base64') },
    ]);
    expect(webhookBody({ ...sent, documents: [] })).not.toHaveProperty('documents');
  });
});
