import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { createClient } from '@keyv/redis';

/** The backends the storage tests run on: memory and SQLite always, Redis and Postgres when their URL is set. */
export interface TestBackend {
  name: 'memory' | 'sqlite' | 'redis' | 'postgres';
  /** undefined when the backend is not available here, so its tests are skipped. */
  url: string | undefined;
  /** Whether two processes can share it (so the two-process race applies). */
  shared: boolean;
}

const skipNotices = {
  redis: 'Redis storage tests skipped: set REDIS_URL=redis://127.0.0.1:6379 to run them',
  postgres: 'Postgres storage tests skipped: set DATABASE_URL=postgres://postgres@127.0.0.1:5432/test to run them',
} as const;

/** A scratch folder removed by the returned function. */
export function scratchFolder(): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), 'storage-test-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export function testBackends(sqliteFile: string): TestBackend[] {
  const redisUrl = process.env.REDIS_URL || undefined;
  const postgresUrl = process.env.DATABASE_URL || undefined;
  if (redisUrl === undefined) {
    console.log(skipNotices.redis);
  }
  if (postgresUrl === undefined) {
    console.log(skipNotices.postgres);
  }
  return [
    { name: 'memory', url: 'memory://', shared: false },
    { name: 'sqlite', url: `sqlite://${sqliteFile}`, shared: true },
    { name: 'redis', url: redisUrl, shared: true },
    { name: 'postgres', url: postgresUrl, shared: true },
  ];
}

/** A namespace no other test run uses. */
export function uniqueNamespace(label: string): string {
  return `t_${label}_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
}

/** Removes what a test run left in a shared Redis or Postgres, so repeated runs don't pile up rows. */
export async function purgeNamespace(backend: TestBackend, namespace: string): Promise<void> {
  if (backend.url === undefined) {
    return;
  }
  if (backend.name === 'postgres') {
    const pool = new Pool({ connectionString: backend.url });
    try {
      await pool.query('DELETE FROM public.keyv WHERE key LIKE $1', [`${namespace}:%`]);
    } finally {
      await pool.end();
    }
  }
  if (backend.name === 'redis') {
    const client = createClient({ url: backend.url });
    await client.connect();
    try {
      for await (const keys of client.scanIterator({ MATCH: `${namespace}:*`, COUNT: 500 })) {
        if (keys.length > 0) {
          await client.del(keys);
        }
      }
    } finally {
      await client.close();
    }
  }
}

/** Polls until the check passes; the test's own timeout bounds it. */
export async function eventually(check: () => Promise<boolean>, pauseMs = 50): Promise<void> {
  while (!(await check())) {
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
}
