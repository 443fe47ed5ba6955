import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocumentStore } from '../../src/documents/documentStore';
import { DataKeyring, formatDataKey, parseDataKey } from '../../src/security/dataKeys';
import { createStorage, type SweepableStorage } from '../../src/storage/createStorage';
import { sha256Of } from '../support/bills';

const MARKER = 'ACCOUNT-555444333222-MARIA-LOPEZ';

describe('the document store', () => {
  const folder = mkdtempSync(join(tmpdir(), 'documents-'));
  const file = join(folder, 'bot.sqlite');
  let storage: SweepableStorage;
  let store: DocumentStore;

  beforeAll(async () => {
    const keyring = new DataKeyring(parseDataKey(formatDataKey('test', randomBytes(32))));
    storage = await createStorage(`sqlite://${file}`, { ttlDays: 30, encryption: keyring });
    store = new DocumentStore(storage, () => new Date('2026-12-07T12:00:00Z'));
  });
  afterAll(async () => {
    await storage.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('keeps a document encrypted at rest, gives it back byte for byte by its id, and deletes it', async () => {
    const content = Buffer.concat([Buffer.from(`%PDF-1.7 ${MARKER} `), randomBytes(64 * 1024)]);
    const facts = { kind: 'bill', contentType: 'application/pdf', size: content.byteLength, sha256: sha256Of(content) } as const;

    const stored = await store.put(facts, content);

    expect(stored).toEqual({ ...facts, id: expect.stringMatching(/^[\w-]{24}$/) });
    expect(await store.get(stored.id)).toEqual({ facts, content });
    const raw = [file, `${file}-wal`].filter(existsSync).map((path) => readFileSync(path).toString('latin1')).join('');
    expect(raw).toContain(`documents/${stored.id}`);
    expect(raw).not.toContain(MARKER);
    expect(raw).not.toContain(content.subarray(0, 30).toString('base64'));

    await store.delete([stored.id]);
    expect(await store.get(stored.id)).toBeUndefined();
  });
});
