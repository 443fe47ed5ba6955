/**
 * How the benchmark talks to a server it runs in a child process of its own, so that the server's CPU time and
 * memory are its own: the parent sends `start` with the settings, the child answers `listening` with its address,
 * `usage` is answered with the CPU time used so far, `storageCalls` with the storage calls its turns made (servers
 * that count them, see storageCalls.ts), and on `stop` it closes the server and answers `stopped` with its peak
 * memory, then exits.
 */
import type { StorageCallSummary } from './storageCalls';

export interface StartMessage {
  readonly kind: 'start';
  /** Environment variables for parseConfig (the child reads no environment of its own). */
  readonly env: Record<string, string>;
  /** Prefix of every stored key, apart from other users of the same database. */
  readonly namespace: string;
}
export type ParentMessage = StartMessage | { readonly kind: 'usage' } | { readonly kind: 'storageCalls' } | { readonly kind: 'stop' };

export type ChildMessage =
  | { readonly kind: 'listening'; readonly url: string }
  /** The CPU time (user and system) the server has used so far, in microseconds. */
  | { readonly kind: 'usage'; readonly cpuMicros: number }
  /** Undefined from a server that does not count its storage calls. */
  | { readonly kind: 'storageCalls'; readonly summary?: StorageCallSummary }
  | { readonly kind: 'stopped'; readonly peakRssBytes: number }
  | { readonly kind: 'failed'; readonly error: string };

export interface ChildServer {
  readonly url: string;
  close(): Promise<void>;
}

const BYTES_PER_KIB = 1024;

function send(message: ChildMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) throw new Error('This script runs as a child of the benchmark (npm run bench).');
    process.send(message, undefined, undefined, () => resolve());
  });
}

/** Runs the server that `start` makes for as long as the parent wants it. */
export function serveToParent(
  start: (message: StartMessage) => Promise<ChildServer>,
  storageCalls: () => StorageCallSummary | undefined = () => undefined,
): void {
  let server: ChildServer | undefined;
  process.on('message', (message: ParentMessage) => {
    void (async () => {
      try {
        if (message.kind === 'start') {
          server = await start(message);
          await send({ kind: 'listening', url: server.url });
        } else if (message.kind === 'usage') {
          const { user, system } = process.cpuUsage();
          await send({ kind: 'usage', cpuMicros: user + system });
        } else if (message.kind === 'storageCalls') {
          await send({ kind: 'storageCalls', summary: storageCalls() });
        } else {
          await server?.close();
          await send({ kind: 'stopped', peakRssBytes: process.resourceUsage().maxRSS * BYTES_PER_KIB });
          process.exit(0);
        }
      } catch (error) {
        await send({ kind: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
        process.exit(1);
      }
    })();
  });
}
