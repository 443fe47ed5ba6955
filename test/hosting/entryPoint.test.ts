import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { message } from '../support/activities';

/**
 * The real entry point, run from its TypeScript source in a fresh process. The working directory is an empty
 * temporary folder, so a developer's .env cannot change the outcome.
 */
const ENTRY_POINT = resolve(__dirname, '../../src/index.ts');
const TSX = pathToFileURL(require.resolve('tsx')).href;
const STARTUP_LIMIT_MS = 60_000;

function startEntryPoint(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--disable-warning=DEP0111', '--import', TSX, ENTRY_POINT], {
    cwd: mkdtempSync(join(tmpdir(), 'porting-assistant-')),
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function collect(stream: NodeJS.ReadableStream | null): () => string {
  let text = '';
  stream?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return () => text;
}

describe('the entry point', () => {
  it(
    'stops with one clear line and exit code 1 when a setting is bad',
    async () => {
      const child = startEntryPoint({ STORAGE_URL: 'bogus://x' });
      const stdout = collect(child.stdout);
      const stderr = collect(child.stderr);

      const [code] = await once(child, 'exit');

      expect(code).toBe(1);
      expect(stderr().trim().split('\n')).toEqual([expect.stringMatching(/^STORAGE_URL: 'bogus:\/\/x' is not valid\. Use sqlite:\/\//)]);
      expect(stdout()).toBe('');
    },
    STARTUP_LIMIT_MS,
  );

  it(
    'stops with one clear line naming PORT and exit code 1 when another program holds the port',
    async () => {
      const other = createServer();
      await new Promise<void>((listening) => other.listen(0, listening));
      const { port } = other.address() as AddressInfo;
      try {
        const child = startEntryPoint({ PORT: String(port), STORAGE_URL: 'memory://', LOG_LEVEL: 'info' });
        const stdout = collect(child.stdout);
        const stderr = collect(child.stderr);

        const [code] = await once(child, 'exit');

        expect(code).toBe(1);
        expect(stderr().trim().split('\n')).toEqual([`Port ${port} is already in use: stop the other program or set PORT to a free port.`]);
        // No fatal log with a stack trace besides it: the logs before the failure are the ordinary start-up's.
        expect(stdout()).not.toMatch(/"level":60|"stack"|EADDRINUSE/);
      } finally {
        await new Promise((closed) => other.close(closed));
      }
    },
    STARTUP_LIMIT_MS,
  );

  it(
    'serves the bot, then on SIGTERM finishes, closes and exits 0',
    async () => {
      const child = startEntryPoint({ PORT: '0', STORAGE_URL: 'memory://', LOG_LEVEL: 'info' });
      const logLines: Record<string, unknown>[] = [];
      const listening = new Promise<string>((resolveUrl, reject) => {
        createInterface({ input: child.stdout! }).on('line', (line) => {
          const entry = JSON.parse(line) as Record<string, unknown>;
          logLines.push(entry);
          if (typeof entry.url === 'string') resolveUrl(entry.url);
        });
        child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
      });
      const exited = once(child, 'exit');

      const url = await listening;
      const health = await fetch(`${url}/healthz`);
      const reply = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(message('hello')),
      });
      child.kill('SIGTERM');
      const [code] = await exited;

      expect(health.status).toBe(200);
      expect(reply.status).toBe(200);
      expect(((await reply.json()) as { activities: unknown[] }).activities).not.toHaveLength(0);
      expect(code).toBe(0);
      expect(logLines.map((entry) => entry.msg)).toEqual(
        expect.arrayContaining([expect.stringContaining(`Porting Assistant listening on ${url} `), 'turn started', 'shutdown complete']),
      );
    },
    STARTUP_LIMIT_MS,
  );
});
