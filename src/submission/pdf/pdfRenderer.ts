/**
 * Renders signed LOAs on worker threads. Setting one letter takes some 40 ms of CPU (pdfkit laying out the text,
 * fontkit subsetting the fonts), and on the server's one main thread every chat turn that arrives meanwhile would
 * wait behind it. A piscina pool runs the very same render (renderLoaPdf, in pdfWorker.ts) instead, so the letters
 * are byte for byte the ones the main thread would set.
 */
import { extname, join } from 'node:path';
import { Piscina } from 'piscina';
import type { Loa } from '../../domain';
import type { LoaCopy } from './loaPdf';

export interface LoaPdfRenderer {
  /** The letter's PDF. Rejects when the render fails, and once the renderer is closed. */
  render(loa: Loa, copy: LoaCopy): Promise<Buffer>;
  /** Lets the letters in progress finish, then ends the threads. */
  close(): Promise<void>;
}

/** One letter to render, as posted to a worker thread (structured clone: the Loa is plain data). */
export interface LoaPdfTask {
  readonly loa: Loa;
  readonly copy: LoaCopy;
}

export interface LoaPdfRendererOptions {
  /** The most letters rendered at the same time, each on its own thread. */
  readonly threads: number;
}

// This module and the worker beside it are TypeScript under ts-jest or tsx, and a worker thread needs tsx's loader
// to run the worker file; the build's JavaScript runs as it is, with the process's own node options.
const WORKER_FILE = join(__dirname, `pdfWorker${extname(__filename)}`);
const WORKER_EXEC_ARGV = extname(WORKER_FILE) === '.ts' ? ['--import', 'tsx'] : undefined;

export function createLoaPdfRenderer({ threads }: LoaPdfRendererOptions): LoaPdfRenderer {
  const pool = new Piscina<LoaPdfTask, Uint8Array>({
    filename: WORKER_FILE,
    execArgv: WORKER_EXEC_ARGV,
    maxThreads: threads,
    // A thread starts with the first letter rather than with the application (many runs and tests render none),
    // and then stays: a new one would load and parse the fonts again.
    minThreads: 0,
    idleTimeout: Infinity,
  });
  let closing: Promise<void> | undefined;
  return {
    async render(loa, copy) {
      // A closed pool would quietly start new threads for a late letter.
      if (closing) throw new Error('The LOA renderer is closed.');
      const pdf = await pool.run({ loa, copy });
      return Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    },
    close: () => (closing ??= closePool(pool)),
  };
}

async function closePool(pool: Piscina): Promise<void> {
  await pool.close();
  // piscina never ends the pool's own async resource, which jest --detectOpenHandles then reports as open.
  pool.emitDestroy();
}
