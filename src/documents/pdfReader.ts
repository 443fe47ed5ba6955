/**
 * Reads a PDF the customer attached (a bill) on a worker thread: its page count and its text layer. The file comes
 * from outside, and a PDF's parser does real work on it (decompressing streams, laying out text): off the main thread,
 * every chat turn meanwhile goes on, and one that takes too long is abandoned. The reading itself is unpdf's (a build
 * of Mozilla's PDF.js for servers), in pdfReaderWorker.ts.
 */
import { extname, join } from 'node:path';
import { Piscina } from 'piscina';

/** What a PDF holds: its pages and their text, or why it could not be read. */
export type PdfReading =
  | { readonly kind: 'read'; readonly pages: number; readonly text: string }
  | { readonly kind: 'passwordProtected' }
  | { readonly kind: 'unreadable' };

/** One PDF to read, as posted to the worker: its text is read only when it has at most `maxPages` pages. */
export interface PdfTask {
  readonly pdf: Uint8Array;
  readonly maxPages: number;
}

export interface PdfReader {
  /** Never rejects for a bad file: a PDF that cannot be read (or not in time) is 'unreadable'. */
  read(pdf: Uint8Array, maxPages: number): Promise<PdfReading>;
  close(): Promise<void>;
}

/** A bill's text is read in well under a second; a file that takes longer is no bill a person made. */
const READ_TIMEOUT_MS = 15_000;

// As for the LOA renderer (src/submission/pdf/pdfRenderer.ts): under ts-jest or tsx the worker needs tsx's loader.
const WORKER_FILE = join(__dirname, `pdfReaderWorker${extname(__filename)}`);
const WORKER_EXEC_ARGV = extname(WORKER_FILE) === '.ts' ? ['--import', 'tsx'] : undefined;

export function createPdfReader(): PdfReader {
  const pool = new Piscina<PdfTask, PdfReading>({
    filename: WORKER_FILE,
    execArgv: WORKER_EXEC_ARGV,
    // One thread: bills arrive now and then, and the machines have two cores.
    maxThreads: 1,
    minThreads: 0,
    idleTimeout: 60_000,
  });
  let closing: Promise<void> | undefined;
  return {
    async read(pdf, maxPages) {
      if (closing) throw new Error('The PDF reader is closed.');
      try {
        return await pool.run({ pdf: new Uint8Array(pdf), maxPages }, { signal: AbortSignal.timeout(READ_TIMEOUT_MS) });
      } catch {
        return { kind: 'unreadable' };
      }
    },
    close: () =>
      (closing ??= pool.close().then(() => {
        // As in pdfRenderer.ts: piscina never ends the pool's own async resource.
        pool.emitDestroy();
      })),
  };
}
