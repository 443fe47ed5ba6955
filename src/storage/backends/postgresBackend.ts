import { Pool } from 'pg';
import { ensureSchema } from './postgresSchema';
import { SqlBackend } from './sqlBackend';

// keyv's own table definition (@keyv/postgres), so keyv tools read the same rows.
const TABLE = 'public.keyv';
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS ${TABLE} (key VARCHAR(255) PRIMARY KEY, value TEXT)`;

/**
 * Postgres on a pg pool of our own rather than @keyv/postgres, whose module-wide pool has no 'error' listener: when
 * Postgres drops an idle connection (restart, failover, proxy timeout) pg emits 'error' and the process would crash.
 * The table is created on first use and again after a failed attempt, so a database that starts later still works.
 */
export function openPostgresBackend(
  url: string,
  description: string,
  onError: (error: unknown) => void,
  connectTimeoutMs: number,
): SqlBackend {
  const pool = new Pool({ connectionString: url, connectionTimeoutMillis: connectTimeoutMs });
  // The pool has already dropped the broken idle client; the next query opens a fresh one.
  pool.on('error', onError);

  const ensureTable = ensureSchema(pool, CREATE_TABLE);

  return new SqlBackend({
    description,
    table: TABLE,
    run: async (sql, params) => {
      await ensureTable();
      return (await pool.query(sql, [...params])).rows;
    },
    placeholder: (n) => `$${n}`,
    // Not value::json: Postgres' JSON functions reject any text holding \u0000. `expires` is the record's last field.
    expiresAt: (column) => `CAST(substring(${column} from '"expires":(-?[0-9]{1,18})}$') AS BIGINT)`,
    close: () => pool.end(),
  });
}
