import type { Pool } from 'pg';

// Two processes creating a table at once can collide on Postgres' catalog; the table then exists all the same.
const UNIQUE_VIOLATION = '23505';

/**
 * Runs `ddl` (CREATE ... IF NOT EXISTS) before first use, and again after a failed attempt, so a database that
 * starts after the bot still gets its tables. Returns the function to await before each query.
 */
export function ensureSchema(pool: Pool, ddl: string): () => Promise<void> {
  let ready: Promise<void> | undefined;
  return () => {
    ready ??= pool.query(ddl).then(
      () => undefined,
      (error: { code?: string }) => {
        if (error.code === UNIQUE_VIOLATION) {
          return;
        }
        ready = undefined;
        throw error;
      },
    );
    return ready;
  };
}
