/** The worker-thread side of pdfReader.ts: piscina calls the default export once per PDF. */
import { extractText, getDocumentProxy } from 'unpdf';
import type { PdfReading, PdfTask } from './pdfReader';

/** More text than a bill's first pages hold is not kept: the details sit on its first page. */
const MAX_TEXT_CHARS = 20_000;

export default async function readPdf({ pdf, maxPages }: PdfTask): Promise<PdfReading> {
  try {
    // Errors only: PDF.js's warnings about a customer's file would go to the server's stderr, outside the log.
    const document = await getDocumentProxy(pdf, { verbosity: 0 });
    // Too many pages is refused without reading them.
    if (document.numPages > maxPages) return { kind: 'read', pages: document.numPages, text: '' };
    const { text } = await extractText(document, { mergePages: true });
    await document.cleanup();
    return { kind: 'read', pages: document.numPages, text: text.slice(0, MAX_TEXT_CHARS) };
  } catch (error) {
    return (error as { name?: unknown }).name === 'PasswordException' ? { kind: 'passwordProtected' } : { kind: 'unreadable' };
  }
}
