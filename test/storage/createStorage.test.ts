import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Client } from 'pg';
import sqlite3 from 'sqlite3';
import { createStorage, parseStorageUrl } from '../../src/storage/createStorage';
import { eventually, purgeNamespace, scratchFolder, uniqueNamespace } from './testBackends';

const scratch = scratchFolder();
afterAll(() => scratch.remove());

describe('parseStorageUrl', () => {
  it.each([
    ['sqlite://./data/bot.sqlite', 'sqlite'],
    ['sqlite://:memory:', 'sqlite'],
    ['SQLITE:///var/lib/bot.sqlite', 'sqlite'],
    ['redis://127.0.0.1:6379', 'redis'],
    ['rediss://user:secret@cache.example:6380/0', 'redis'],
    ['postgres://postgres@127.0.0.1:5432/test', 'postgres'],
    ['postgresql://u:p@db/bot', 'postgres'],
    ['memory://', 'memory'],
  ])('reads %s as %s', (url, kind) => {
    expect(parseStorageUrl(url)).toBe(kind);
  });

  it('names the unsupported scheme and the supported ones, without echoing the URL', () => {
    const attempt = () => parseStorageUrl('mongodb://admin:hunter2@db/bot');
    expect(attempt).toThrow('STORAGE_URL scheme "mongodb://" is not supported');
    expect(attempt).toThrow('sqlite://, redis://, rediss://, postgres://, postgresql://, memory://');
    expect(attempt).toThrow(expect.not.objectContaining({ message: expect.stringContaining('hunter2') }));
  });

  it('rejects schemes named like built-in object properties', () => {
    expect(() => parseStorageUrl('constructor://x')).toThrow('"constructor://" is not supported');
    expect(() => parseStorageUrl('__proto__://x')).toThrow('STORAGE_URL must start with a scheme');
  });

  it('rejects a URL without a scheme and a sqlite URL without a path', () => {
    expect(() => parseStorageUrl('./data/bot.sqlite')).toThrow('STORAGE_URL must start with a scheme');
    expect(() => parseStorageUrl('sqlite://')).toThrow('needs a file path');
  });
});

describe('createStorage', () => {
  it('rejects an unsupported scheme', async () => {
    await expect(createStorage('mysql://localhost/bot', { ttlDays: 30 })).rejects.toThrow('"mysql://" is not supported');
  });

  it('rejects a TTL that is not positive and a namespace it cannot use', async () => {
    await expect(createStorage('memory://', { ttlDays: 0 })).rejects.toThrow(RangeError);
    await expect(createStorage('memory://', { ttlDays: 30, namespace: 'has:colon' })).rejects.toThrow(
      'Storage namespace "has:colon"',
    );
  });

  it('opens a relative SQLite path from the working directory, creating its folder, in WAL mode', async () => {
    const file = join(scratch.path, 'nested', 'folder', 'bot.sqlite');
    const storage = await createStorage(`sqlite://${relative(process.cwd(), file)}`, { ttlDays: 30 });
    await storage.write({ kept: { n: 1 } });
    await storage.close();

    expect(existsSync(file)).toBe(true);
    const journalMode = await new Promise<string>((resolve, reject) => {
      const db = new sqlite3.Database(file);
      db.get('PRAGMA journal_mode', (error, row: { journal_mode: string }) => {
        db.close();
        return error ? reject(error) : resolve(row.journal_mode);
      });
    });
    expect(journalMode).toBe('wal');

    const reopened = await createStorage(`sqlite://${file}`, { ttlDays: 30 });
    expect((await reopened.read(['kept'])).kept.n).toBe(1);
    await reopened.close();
  });

  it('works on an in-memory SQLite database', async () => {
    const storage = await createStorage('sqlite://:memory:', { ttlDays: 30 });
    await storage.write({ a: { n: 1 } });
    expect((await storage.read(['a'])).a.n).toBe(1);
    await storage.ping();
    await storage.close();
  });

  it('keeps namespaces sharing one database apart', async () => {
    const url = `sqlite://${join(scratch.path, 'namespaces.sqlite')}`;
    const first = await createStorage(url, { ttlDays: 30, namespace: 'first' });
    const second = await createStorage(url, { ttlDays: 30, namespace: 'second' });
    await first.write({ shared: { owner: 'first' } });
    expect(await second.read(['shared'])).toEqual({});
    await second.write({ shared: { owner: 'second' } });
    expect((await first.read(['shared'])).shared.owner).toBe('first');
    await Promise.all([first.close(), second.close()]);
  });

  it('can be closed twice', async () => {
    const storage = await createStorage(`sqlite://${join(scratch.path, 'twice.sqlite')}`, { ttlDays: 30 });
    await storage.close();
    await expect(storage.close()).resolves.toBeUndefined();
  });

  describe('readiness of an unreachable backend', () => {
    it.each([
      ['postgres', 'postgres://bot:hunter2@127.0.0.1:1/bot', 'postgres at postgres://bot:***@127.0.0.1:1/bot'],
      ['redis', 'redis://:hunter2@127.0.0.1:1', 'redis at redis://:***@127.0.0.1:1'],
    ])('reports %s as not ready, naming it without its password', async (_kind, url, description) => {
      const storage = await createStorage(url, { ttlDays: 30, connectTimeoutMs: 500 });
      try {
        const ping = storage.ping();
        await expect(ping).rejects.toThrow(`Storage is not ready: ${description} did not answer`);
        await expect(ping).rejects.toThrow(expect.not.objectContaining({ message: expect.stringContaining('hunter2') }));
      } finally {
        await storage.close();
      }
    });
  });
});

const postgresUrl = process.env.DATABASE_URL || undefined;
(postgresUrl === undefined ? describe.skip : describe)('postgres connections', () => {
  it('survive Postgres dropping an idle connection', async () => {
    const namespace = uniqueNamespace('pgdrop');
    const url = new URL(postgresUrl as string);
    url.searchParams.set('application_name', namespace);
    const errors: unknown[] = [];
    const storage = await createStorage(url.toString(), { ttlDays: 30, namespace, onError: (e) => errors.push(e) });
    const admin = new Client({ connectionString: postgresUrl });
    await admin.connect();
    try {
      await storage.write({ survivor: { n: 1 } });
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [
        namespace,
      ]);
      await eventually(async () => errors.length > 0);
      expect((await storage.read(['survivor'])).survivor.n).toBe(1);
    } finally {
      await admin.end();
      await storage.close();
      await purgeNamespace({ name: 'postgres', url: postgresUrl, shared: true }, namespace);
    }
  });
});
