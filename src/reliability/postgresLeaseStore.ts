import { Pool } from 'pg';
import { ensureSchema } from '../storage/backends/postgresSchema';
import type { LeaseStore } from './leaseKeyLock';

const TABLE = 'public.turn_lock';
/**
 * Keys are storage backend keys (at most 255 characters, no NUL: see storageKey.ts).
 *
 * Unlogged: otherwise each lease is written to the write-ahead log and flushed to disk at its commit, and a turn
 * takes and gives back a lease on each of its two states: four commits it waits for, two at a time. Leases matter
 * only while the instances holding them run: a table that PostgreSQL empties after its own crash (or leaves empty on
 * a replica it fails over to) releases leases whose turns failed with it. A table created logged by an earlier
 * release is made unlogged, once: ALTER TABLE, even when it changes nothing, would lock the table against every
 * instance's turns at each start.
 */
const CREATE_TABLE = `CREATE UNLOGGED TABLE IF NOT EXISTS ${TABLE} (
  key VARCHAR(255) PRIMARY KEY,
  token VARCHAR(64) NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL
);
DO $$ BEGIN
  IF (SELECT relpersistence FROM pg_class WHERE oid = '${TABLE}'::regclass) = 'p' THEN ALTER TABLE ${TABLE} SET UNLOGGED; END IF;
END $$`;
// Lease times come from the database's clock, so instances whose clocks disagree still agree on who holds a key.
const LEASE_END = `clock_timestamp() + make_interval(secs => CAST($3 AS DOUBLE PRECISION) / 1000)`;
const ACQUIRE = `INSERT INTO ${TABLE} AS held (key, token, expires_at) VALUES ($1, $2, ${LEASE_END})
  ON CONFLICT (key) DO UPDATE SET token = excluded.token, expires_at = excluded.expires_at
  WHERE held.expires_at < clock_timestamp()
  RETURNING key`;
const RENEW = `UPDATE ${TABLE} SET expires_at = ${LEASE_END} WHERE key = $1 AND token = $2 RETURNING key`;
const RELEASE = `DELETE FROM ${TABLE} WHERE key = $1 AND token = $2`;

export interface PostgresLeaseStoreOptions {
  url: string;
  connectTimeoutMs: number;
  /** Errors of idle connections (the pool replaces them); calls reject on their own. */
  onError: (error: unknown) => void;
}

/**
 * Leases as rows of their own table: each operation is one statement, so no connection is held while a turn runs
 * (session advisory locks would need one connection per running turn). A released lease is deleted; one left by a
 * crashed instance is taken over once it lapses.
 */
export class PostgresLeaseStore implements LeaseStore {
  private readonly pool: Pool;
  private readonly ensureTable: () => Promise<void>;

  constructor(options: PostgresLeaseStoreOptions) {
    this.pool = new Pool({ connectionString: options.url, connectionTimeoutMillis: options.connectTimeoutMs });
    this.pool.on('error', options.onError);
    this.ensureTable = ensureSchema(this.pool, CREATE_TABLE);
  }

  async tryAcquire(key: string, token: string, leaseMs: number): Promise<boolean> {
    return (await this.run(ACQUIRE, [key, token, String(leaseMs)])) === 1;
  }

  async renew(key: string, token: string, leaseMs: number): Promise<boolean> {
    return (await this.run(RENEW, [key, token, String(leaseMs)])) === 1;
  }

  async release(key: string, token: string): Promise<void> {
    await this.run(RELEASE, [key, token]);
  }

  close(): Promise<void> {
    return this.pool.end();
  }

  private async run(sql: string, params: string[]): Promise<number> {
    await this.ensureTable();
    return (await this.pool.query(sql, params)).rowCount ?? 0;
  }
}
