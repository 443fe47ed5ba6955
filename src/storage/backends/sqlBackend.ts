import { KeyedGroups } from '../keyedGroups';
import type { StoreBackend } from '../storeBackend';

/** Runs one SQL statement with positional parameters and returns its rows. */
export type SqlRunner = (sql: string, params: readonly string[]) => Promise<ReadonlyArray<Record<string, unknown>>>;

export interface SqlBackendOptions {
  description: string;
  /** keyv's table: key VARCHAR(255) PRIMARY KEY, value TEXT. */
  table: string;
  run: SqlRunner;
  /** Runs the statements that only read; `run` by default. (SQLite reads on a connection of their own.) */
  read?: SqlRunner;
  /** The placeholder for the n-th (1-based) parameter in this dialect. */
  placeholder: (n: number) => string;
  /** SQL for the expiry (epoch ms, as a BIGINT) inside a record held in `column`; NULL where it has none. */
  expiresAt: (column: string) => string;
  close: () => Promise<void>;
  /** Runs after rows are deleted, e.g. to wipe what a write-ahead log still holds of them. */
  afterDelete?: () => Promise<void>;
  /**
   * Runs reads and unconditional writes in groups (see KeyedGroups): for a database that runs one statement at a
   * time on a connection anyway (SQLite). Postgres runs them in parallel on its pool, each write locking only its
   * own row, where a write of several rows could deadlock with another.
   */
  groupStatements?: boolean;
}

/** The most keys a grouped statement takes: 32 parameters at most, and as many statements prepared as there are sizes. */
const MAX_KEYS_PER_GROUP = 16;

/**
 * Records in keyv's SQL table, for SQLite and Postgres alike: both accept these statements, differing only in
 * placeholders. Each conditional write is a single statement, so the database makes it atomic across processes.
 */
export class SqlBackend implements StoreBackend {
  readonly description: string;
  private readonly run: SqlRunner;
  private readonly read: SqlRunner;
  private readonly closeConnection: () => Promise<void>;
  private readonly afterDelete: () => Promise<void>;
  private readonly sql: Statements;
  private readonly groups: { readonly reads: KeyedGroups<undefined, string>; readonly writes: KeyedGroups<string, void> } | undefined;

  constructor(options: SqlBackendOptions) {
    this.description = options.description;
    this.run = options.run;
    this.read = options.read ?? options.run;
    this.closeConnection = options.close;
    this.afterDelete = options.afterDelete ?? (async () => undefined);
    this.sql = buildStatements(options.table, options.placeholder, options.expiresAt);
    this.groups = options.groupStatements
      ? {
          reads: new KeyedGroups((keys) => this.select([...keys.keys()]), { maxKeysPerGroup: MAX_KEYS_PER_GROUP, runKeysAloneOnFailure: false }),
          writes: new KeyedGroups<string, void>(async (records) => {
            await this.upsert(records);
            return new Map<string, void>();
          }, { maxKeysPerGroup: MAX_KEYS_PER_GROUP, runKeysAloneOnFailure: true }),
        }
      : undefined;
  }

  async getMany(keys: readonly string[]): Promise<Array<string | undefined>> {
    if (this.groups) {
      const { reads } = this.groups;
      return Promise.all(keys.map((key) => reads.add(key, undefined)));
    }
    const records = await this.select(keys);
    return keys.map((key) => records.get(key));
  }

  async set(key: string, record: string): Promise<void> {
    await (this.groups ? this.groups.writes.add(key, record) : this.upsert(new Map([[key, record]])));
  }

  async swap(key: string, current: string | undefined, record: string): Promise<boolean> {
    const rows =
      current === undefined
        ? await this.run(this.sql.insertIfAbsent, [key, record])
        : await this.run(this.sql.replaceIfUnchanged, [key, record, current]);
    return rows.length === 1;
  }

  async deleteMany(keys: readonly string[]): Promise<void> {
    await this.run(this.sql.deleteKeys(keys.length), keys);
    await this.afterDelete();
  }

  async deleteExpired(keyPrefix: string, now: number, limit: number): Promise<number> {
    const rows = await this.run(this.sql.deleteExpired(keyPrefix.length), [keyPrefix, String(now), String(limit)]);
    if (rows.length > 0) await this.afterDelete();
    return rows.length;
  }

  /** The records held at the keys, by key. */
  private async select(keys: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.read(this.sql.selectKeys(keys.length), keys);
    return new Map(rows.map((row) => [String(row.key), String(row.value)]));
  }

  private async upsert(records: ReadonlyMap<string, string>): Promise<void> {
    await this.run(this.sql.upsert(records.size), [...records].flat());
  }

  async ping(): Promise<void> {
    await this.read(this.sql.ping, []);
  }

  close(): Promise<void> {
    return this.closeConnection();
  }
}

type Statements = ReturnType<typeof buildStatements>;

function buildStatements(table: string, placeholder: (n: number) => string, expiresAt: (column: string) => string) {
  const [key, record, current] = [placeholder(1), placeholder(2), placeholder(3)];
  const [prefix, now, limit] = [placeholder(1), `CAST(${placeholder(2)} AS BIGINT)`, `CAST(${placeholder(3)} AS BIGINT)`];
  const keyList = (count: number) => Array.from({ length: count }, (_, index) => placeholder(index + 1)).join(', ');
  const recordRows = (count: number) =>
    Array.from({ length: count }, (_, index) => `(${placeholder(2 * index + 1)}, ${placeholder(2 * index + 2)})`).join(', ');
  return {
    selectKeys: (count: number) => `SELECT key, value FROM ${table} WHERE key IN (${keyList(count)})`,
    deleteKeys: (count: number) => `DELETE FROM ${table} WHERE key IN (${keyList(count)})`,
    upsert: (count: number) => `INSERT INTO ${table} (key, value) VALUES ${recordRows(count)}
      ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    insertIfAbsent: `INSERT INTO ${table} (key, value) VALUES (${key}, ${record})
      ON CONFLICT (key) DO NOTHING RETURNING key`,
    replaceIfUnchanged: `UPDATE ${table} SET value = ${record} WHERE key = ${key} AND value = ${current} RETURNING key`,
    ping: `SELECT 1 FROM ${table} LIMIT 1`,
    // The expiry is checked again on the row being deleted, so a record rewritten meanwhile is kept. substr(), not
    // LIKE, because "_" (allowed in namespaces) is a LIKE wildcard.
    deleteExpired: (prefixLength: number) => `DELETE FROM ${table}
      WHERE key IN (
        SELECT key FROM ${table}
        WHERE substr(key, 1, ${prefixLength}) = ${prefix} AND ${expiresAt('value')} < ${now}
        LIMIT ${limit}
      ) AND ${expiresAt('value')} < ${now}
      RETURNING key`,
  };
}
