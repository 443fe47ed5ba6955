import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CARRIER_PDF_FILE, FolderGateway, REQUEST_FILE, renderCarrierLoaPdf, toPortRequestJson } from '../../src/submission';
import { verizonLoa } from './support/loas';

describe('the folder gateway', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'folder-gateway-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  async function delivery() {
    const loa = verizonLoa(new Date('2025-11-25T17:04:05.000Z'));
    const request = toPortRequestJson(loa, { submittedAt: '2025-11-25T17:04:09.000Z' });
    return { idempotencyKey: request.idempotencyKey, request, carrierPdf: await renderCarrierLoaPdf(loa) };
  }

  it('writes the request and the carrier copy under <reference>/v<version>, readable by the bot only', async () => {
    const gateway = new FolderGateway(join(folder, 'submissions'));
    const sent = await delivery();

    expect(await gateway.deliver(sent)).toEqual({ kind: 'delivered' });

    const versionFolder = join(folder, 'submissions', sent.request.referenceNumber, 'v1');
    expect(gateway.folderOf(sent.request.referenceNumber, 1)).toBe(versionFolder);
    expect(readdirSync(versionFolder).sort()).toEqual([CARRIER_PDF_FILE, REQUEST_FILE]); // no temporary files left
    expect(JSON.parse(readFileSync(join(versionFolder, REQUEST_FILE), 'utf8'))).toEqual(JSON.parse(JSON.stringify(sent.request)));
    expect(readFileSync(join(versionFolder, CARRIER_PDF_FILE)).equals(sent.carrierPdf)).toBe(true);
    expect(statSync(join(versionFolder, REQUEST_FILE)).mode & 0o777).toBe(0o600);
  });

  it('creates every folder 0700 and both files 0600, whatever the umask lets through', async () => {
    const root = join(folder, 'data', 'submissions');
    const gateway = new FolderGateway(root);
    const sent = await delivery();
    const previous = process.umask(0);
    try {
      await gateway.deliver(sent);
    } finally {
      process.umask(previous);
    }

    const referenceFolder = join(root, sent.request.referenceNumber);
    const versionFolder = join(referenceFolder, 'v1');
    for (const created of [join(folder, 'data'), root, referenceFolder, versionFolder]) expect([created, statSync(created).mode & 0o777]).toEqual([created, 0o700]);
    for (const file of [REQUEST_FILE, CARRIER_PDF_FILE]) expect([file, statSync(join(versionFolder, file)).mode & 0o777]).toEqual([file, 0o600]);
  });

  it('treats delivering a version again as done, leaving the first delivery untouched', async () => {
    const gateway = new FolderGateway(folder);
    const sent = await delivery();
    await gateway.deliver(sent);
    const requestFile = join(gateway.folderOf(sent.request.referenceNumber, 1), REQUEST_FILE);
    const first = statSync(requestFile);

    const again = { ...sent, request: { ...sent.request, submittedAt: '2025-11-26T00:00:00.000Z' } };
    expect(await gateway.deliver(again)).toEqual({ kind: 'delivered' });

    expect(statSync(requestFile).mtimeMs).toBe(first.mtimeMs);
    expect(JSON.parse(readFileSync(requestFile, 'utf8')).submittedAt).toBe(sent.request.submittedAt);
  });
});
