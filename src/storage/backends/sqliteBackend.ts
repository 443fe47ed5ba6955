import { dirname, resolve } from 'node:path';
import { makeFilePrivate, makePrivateFolder } from '../../security/privateFiles';
import { SqlBackend } from './sqlBackend';
import { SqliteConnection } from './sqliteConnection';

const IN_MEMORY = ':memory:';
const BUSY_TIMEOUT_MS = 10_000;
/** keyv's table, as @keyv/sqlite creates it, so that a file keeps keyv's layout. */
const TABLE = 'keyv';
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS ${TABLE}(key VARCHAR(255) PRIMARY KEY, value TEXT )`;

/**
 * A SQLite file in keyv's layout, on connections whose statements are prepared once (see SqliteConnection): one writes,
 * one only reads. WAL lets a reader carry on while a write commits, so a turn reading its state does not wait behind
 * other turns' writes (each a synced commit, now and then with a checkpoint); the conditional writes keep the
 * compare-and-set atomic whichever connection read the record. Secure delete overwrites what a deleted item held
 * ("delete my data", expired drafts) rather than leaving it in free pages of the file, and a checkpoint after each
 * delete empties the write-ahead log, whose frames would otherwise keep the item until they are reused. (Deletes are
 * rare: a port writes and reads, and deletes nothing.) A connection runs one statement at a time, and every commit is
 * synced to disk: the reads, and the writes, that wait run together (see KeyedGroups).
 */
export async function openSqliteBackend(path: string, onError: (error: unknown) => void): Promise<SqlBackend> {
  const location = path === IN_MEMORY ? IN_MEMORY : resolve(path);
  const cannotOpen = (error: unknown) => new Error(`Cannot open the SQLite storage file ${location}: ${(error as Error).message}`, { cause: error });
  if (location !== IN_MEMORY) {
    await makeDatabasePrivate(location).catch((error: unknown) => {
      throw cannotOpen(error);
    });
  }
  const open = () => SqliteConnection.open(location, { busyTimeoutMs: BUSY_TIMEOUT_MS, onError });
  const writer = await open().catch((error: unknown) => {
    throw cannotOpen(error);
  });
  // An in-memory database reads on its one connection.
  let reader = writer;
  const closeAll = async () => {
    await Promise.all([...new Set([writer, reader])].map((connection) => connection.close()));
  };
  try {
    await writer.all(CREATE_TABLE, []);
    if (location !== IN_MEMORY) {
      await writer.all('PRAGMA journal_mode = WAL', []);
      await writer.all('PRAGMA secure_delete = ON', []);
      reader = await open();
      await reader.all('PRAGMA query_only = ON', []);
    }
  } catch (error) {
    await closeAll();
    throw cannotOpen(error);
  }
  return new SqlBackend({
    description: `sqlite at ${location}`,
    table: TABLE,
    run: (sql, params) => writer.all(sql, params),
    read: (sql, params) => reader.all(sql, params),
    placeholder: (n) => `?${n}`,
    expiresAt: (column) => `CASE WHEN json_valid(${column}) THEN json_extract(${column}, '$.expires') END`,
    close: closeAll,
    afterDelete: async () => {
      if (location !== IN_MEMORY) await writer.all('PRAGMA wal_checkpoint(TRUNCATE)', []);
    },
    groupStatements: true,
  });
}

/**
 * The database file and its folder, readable by the bot's user only. SQLite makes the WAL and shared-memory files with
 * the database file's own mode, so a private database keeps them private too; those an earlier run left are narrowed.
 */
async function makeDatabasePrivate(location: string): Promise<void> {
  await makePrivateFolder(dirname(location));
  await makeFilePrivate(location, { create: true });
  await Promise.all(['-wal', '-shm'].map((suffix) => makeFilePrivate(location + suffix)));
}
