import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { KeyvSqlite } from '@keyv/sqlite';
import { SqlBackend } from './sqlBackend';

const IN_MEMORY = ':memory:';
// How long a statement waits for another process's write lock before failing with SQLITE_BUSY.
const BUSY_TIMEOUT_MS = 10_000;

/**
 * A SQLite file on @keyv/sqlite's connection, which opens the file, sets the busy timeout and creates keyv's table.
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
  const adapter = new KeyvSqlite({ uri: `sqlite://${location}`, busyTimeout: BUSY_TIMEOUT_MS });
  adapter.on('error', onError);
  const backend = new SqlBackend({
    description: `sqlite at ${location}`,
    table: adapter.opts.table ?? 'keyv',
    run: (sql, params) => adapter.query(sql, ...params),
    placeholder: (n) => `?${n}`,
    expiresAt: (column) => `CASE WHEN json_valid(${column}) THEN json_extract(${column}, '$.expires') END`,
    close: () => adapter.disconnect(),
    afterDelete: async () => {
      if (location !== IN_MEMORY) await adapter.query('PRAGMA wal_checkpoint(TRUNCATE)');
    },
  });
  if (location !== IN_MEMORY) {
    try {
      await adapter.query('PRAGMA journal_mode = WAL');
      await adapter.query('PRAGMA secure_delete = ON');
    } catch (error) {
      await backend.close();
      throw new Error(`Cannot open the SQLite storage file ${location}: ${(error as Error).message}`, { cause: error });
    }
  }
  return backend;
}
