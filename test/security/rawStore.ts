import { existsSync, readFileSync } from 'node:fs';
import { createClient } from '@keyv/redis';
import { Pool } from 'pg';
import { SqliteConnection } from '../../src/storage/backends/sqliteConnection';
import type { TestBackend } from '../storage/testBackends';

/**
 * Everything a backend holds for a namespace, read around the bot's code: the SQLite file's bytes (and its WAL),
 * Redis values by SCAN and GET, Postgres rows by SELECT. What an attacker with a copy of the store would see.
 */
export async function rawContents(backend: TestBackend, namespace: string, sqliteFile: string): Promise<string> {
  switch (backend.name) {
    case 'sqlite':
      return [sqliteFile, `${sqliteFile}-wal`]
        .filter((file) => existsSync(file))
        .map((file) => readFileSync(file).toString('latin1'))
        .join('\n');
    case 'redis': {
      const client = createClient({ url: backend.url });
      await client.connect();
      try {
        const values: string[] = [];
        for await (const keys of client.scanIterator({ MATCH: `${namespace}:*`, COUNT: 500 })) {
          for (const key of keys) values.push(`${key} ${(await client.get(key)) ?? ''}`);
        }
        return values.join('\n');
      } finally {
        await client.close();
      }
    }
    case 'postgres': {
      const pool = new Pool({ connectionString: backend.url });
      try {
        const { rows } = await pool.query<{ key: string; value: string }>('SELECT key, value FROM public.keyv WHERE key LIKE $1', [`${namespace}:%`]);
        return rows.map((row) => `${row.key} ${row.value}`).join('\n');
      } finally {
        await pool.end();
      }
    }
    case 'memory':
      throw new Error('memory storage has no raw form outside the process');
  }
}

/** Every key a backend holds for a namespace, as stored (`<namespace>:k:<the bot's key>`), read around the bot's code. */
export async function rawKeys(backend: TestBackend, namespace: string, sqliteFile: string): Promise<string[]> {
  switch (backend.name) {
    case 'sqlite': {
      const connection = await SqliteConnection.open(sqliteFile, { busyTimeoutMs: 5_000, onError: () => undefined });
      try {
        const rows = await connection.all('SELECT key FROM keyv WHERE key LIKE ?1', [`${namespace}:%`]);
        return rows.map((row) => String(row.key));
      } finally {
        await connection.close();
      }
    }
    case 'redis': {
      const client = createClient({ url: backend.url });
      await client.connect();
      try {
        const keys: string[] = [];
        for await (const batch of client.scanIterator({ MATCH: `${namespace}:*`, COUNT: 500 })) keys.push(...batch);
        return keys;
      } finally {
        await client.close();
      }
    }
    case 'postgres': {
      const pool = new Pool({ connectionString: backend.url });
      try {
        const { rows } = await pool.query<{ key: string }>('SELECT key FROM public.keyv WHERE key LIKE $1', [`${namespace}:%`]);
        return rows.map((row) => row.key);
      } finally {
        await pool.end();
      }
    }
    case 'memory':
      throw new Error('memory storage has no raw form outside the process');
  }
}
