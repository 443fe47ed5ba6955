/**
 * What the bot keeps on disk is readable by its own user only: the SQLite database (with its WAL and shared-memory
 * files) and the folder it is in, the local secrets in ./data and their folder. The folder gateway's files are
 * checked in test/submission/folderGateway.test.ts.
 */
import { chmodSync, existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readOrCreateSecretFile } from '../../src/security/localSecretFile';
import { createStorage } from '../../src/storage/createStorage';
import { scratchFolder } from '../storage/testBackends';

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('files the bot creates', () => {
  let scratch: ReturnType<typeof scratchFolder>;
  beforeEach(() => {
    scratch = scratchFolder();
  });
  afterEach(() => scratch.remove());

  it('creates the SQLite database, its WAL and shared-memory files 0600 in a folder of 0700', async () => {
    const folder = join(scratch.path, 'data', 'state');
    const file = join(folder, 'bot.sqlite');
    const storage = await createStorage(`sqlite://${file}`, { ttlDays: 1 });
    try {
      await storage.write({ kept: { n: 1 } });
      expect(modeOf(join(scratch.path, 'data'))).toBe(0o700);
      expect(modeOf(folder)).toBe(0o700);
      // While open, WAL mode keeps the -wal and -shm files beside the database.
      for (const path of [file, `${file}-wal`, `${file}-shm`]) {
        expect(existsSync(path)).toBe(true);
        expect([path, modeOf(path)]).toEqual([path, 0o600]);
      }
    } finally {
      await storage.close();
    }
  });

  it('makes an existing database file that others could read private when it opens it', async () => {
    const file = join(scratch.path, 'bot.sqlite');
    writeFileSync(file, '');
    chmodSync(file, 0o644);

    const storage = await createStorage(`sqlite://${file}`, { ttlDays: 1 });
    await storage.write({ kept: { n: 1 } });
    try {
      expect(modeOf(file)).toBe(0o600);
      expect(modeOf(`${file}-wal`)).toBe(0o600);
    } finally {
      await storage.close();
    }
  });

  it('keeps the local secrets 0600 in a folder of 0700', async () => {
    const file = join(scratch.path, 'data', 'dev-agent-token');

    const { created } = await readOrCreateSecretFile(file, () => 'a-secret');

    expect(created).toBe(true);
    expect(modeOf(file)).toBe(0o600);
    expect(modeOf(join(scratch.path, 'data'))).toBe(0o700);
  });
});
