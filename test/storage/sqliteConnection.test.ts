import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteBackend } from '../../src/storage/backends/sqliteBackend';
import { SqliteConnection } from '../../src/storage/backends/sqliteConnection';

describe('the SQLite connection with prepared statements', () => {
  let dir: string;
  let connection: SqliteConnection;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sqlite-connection-'));
    connection = await SqliteConnection.open(join(dir, 'store.sqlite'), { busyTimeoutMs: 1000, onError: () => undefined });
    await connection.all('CREATE TABLE items(key TEXT PRIMARY KEY, value TEXT)', []);
  });

  afterEach(async () => {
    await connection.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('binds each run of a reused statement to its own parameters, also when runs overlap', async () => {
    const insert = 'INSERT INTO items (key, value) VALUES (?1, ?2) RETURNING key';
    const inserted = await Promise.all(Array.from({ length: 50 }, (_, n) => connection.all(insert, [`k${n}`, `v${n}`])));
    const read = await Promise.all(Array.from({ length: 50 }, (_, n) => connection.all('SELECT value FROM items WHERE key = ?1', [`k${n}`])));

    expect(inserted.map((rows) => rows[0]?.key)).toEqual(Array.from({ length: 50 }, (_, n) => `k${n}`));
    expect(read.map((rows) => rows[0]?.value)).toEqual(Array.from({ length: 50 }, (_, n) => `v${n}`));
  });

  it('keeps working past the most statements it keeps prepared, with runs under way', async () => {
    // Each key count is another statement text: more of them than are kept, all in flight at once.
    const runs = Array.from({ length: 100 }, (_, n) => {
      const placeholders = Array.from({ length: n + 1 }, (_, index) => `?${index + 1}`).join(', ');
      return connection.all(`SELECT count(*) AS found FROM items WHERE key IN (${placeholders})`, Array.from({ length: n + 1 }, (_, index) => `k${index}`));
    });

    expect((await Promise.all(runs)).map((rows) => rows[0]?.found)).toEqual(Array(100).fill(0));
  });

  it('fails a statement that does not prepare with SQLite\'s message, and prepares it again on the next run', async () => {
    await expect(connection.all('SELECT value FROM later WHERE key = ?1', ['k'])).rejects.toThrow(/no such table: later/);

    await connection.all('CREATE TABLE later(key TEXT PRIMARY KEY, value TEXT)', []);

    await expect(connection.all('SELECT value FROM later WHERE key = ?1', ['k'])).resolves.toEqual([]);
  });

  it('finishes the runs under way when closing, closes cleanly after letting go of statements, and refuses runs once closed', async () => {
    const other = await SqliteConnection.open(join(dir, 'other.sqlite'), { busyTimeoutMs: 1000, onError: () => undefined });
    // More distinct statements than are kept: the oldest are finalized in the background, which closing waits for.
    const runs = Promise.all(Array.from({ length: 70 }, (_, n) => other.all(`SELECT ${n} AS n`, [])));
    const closed = other.close();

    expect((await runs).map((rows) => rows[0]?.n)).toEqual(Array.from({ length: 70 }, (_, n) => n));
    await expect(closed).resolves.toBeUndefined();
    await expect(other.all('SELECT 1', [])).rejects.toThrow('The SQLite connection is closed.');
  });
});

describe('the SQLite backend', () => {
  it('reads while one of its writes waits for the database, instead of queueing behind it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sqlite-backend-'));
    const file = join(dir, 'store.sqlite');
    const backend = await openSqliteBackend(file, () => undefined);
    await backend.set('kept', 'a record');
    // Another process holds the write lock, so the backend's next write waits (up to its busy timeout).
    const other = await SqliteConnection.open(file, { busyTimeoutMs: 1000, onError: () => undefined });
    await other.all('BEGIN IMMEDIATE', []);
    let writeDone = false;
    const write = backend.set('new', 'another record').then(() => {
      writeDone = true;
    });

    const [read] = await backend.getMany(['kept']);

    expect(read).toBe('a record');
    expect(writeDone).toBe(false);
    await other.all('COMMIT', []);
    await write;
    await expect(backend.getMany(['new'])).resolves.toEqual(['another record']);
    await other.close();
    await backend.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

