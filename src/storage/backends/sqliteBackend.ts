import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { SqlBackend } from './sqlBackend';
import { SqliteConnection } from './sqliteConnection';

const IN_MEMORY = ':memory:';
const BUSY_TIMEOUT_MS = 10_000;
/** keyv's table, as @keyv/sqlite creates it, so that a file keeps keyv's layout. */
const TABLE = 'keyv';
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS ${TABLE}(key VARCHAR(255) PRIMARY KEY, value TEXT )`;

/**
 * A SQLite file in keyv's layout, on one connection whose statements are prepared once (see SqliteConnection).
 * WAL lets readers in other processes carry on while one process writes. Secure delete overwrites what a deleted
 * item held ("delete my data", expired drafts) rather than leaving it in free pages of the file, and a checkpoint
 * after each delete empties the write-ahead log, whose frames would otherwise keep the item until they are reused.
 * (Deletes are rare: a port writes and reads, and deletes nothing.)
 */
export async function openSqliteBackend(path: string, onError: (error: unknown) => void): Promise<SqlBackend> {
  const location = path === IN_MEMORY ? IN_MEMORY : resolve(path);
  if (location !== IN_MEMORY) {
    await mkdir(dirname(location), { recursive: true });
  }
  const cannotOpen = (error: unknown) => new Error(`Cannot open the SQLite storage file ${location}: ${(error as Error).message}`, { cause: error });
  const connection = await SqliteConnection.open(location, { busyTimeoutMs: BUSY_TIMEOUT_MS, onError }).catch((error: unknown) => {
    throw cannotOpen(error);
  });
  const backend = new SqlBackend({
    description: `sqlite at ${location}`,
    table: TABLE,
    run: (sql, params) => connection.all(sql, params),
    placeholder: (n) => `?${n}`,
    expiresAt: (column) => `CASE WHEN json_valid(${column}) THEN json_extract(${column}, '$.expires') END`,
    close: () => connection.close(),
    afterDelete: async () => {
      if (location !== IN_MEMORY) await connection.all('PRAGMA wal_checkpoint(TRUNCATE)', []);
    },
  });
  try {
    await connection.all(CREATE_TABLE, []);
    if (location !== IN_MEMORY) {
      await connection.all('PRAGMA journal_mode = WAL', []);
      await connection.all('PRAGMA secure_delete = ON', []);
    }
  } catch (error) {
    await backend.close();
    throw cannotOpen(error);
  }
  return backend;
}
