/**
 * The worker-thread side of the pooled LOA renderer (pdfRenderer.ts): piscina loads this file in each thread of the
 * pool and calls its default export once per letter.
 */
import { Piscina } from 'piscina';
import { renderLoaPdf } from './loaPdf';
import type { LoaPdfTask } from './pdfRenderer';

export default async function renderLoaPdfTask({ loa, copy }: LoaPdfTask) {
  const pdf = await renderLoaPdf(loa, copy);
  // Handing the bytes over moves them to the main thread without a copy, but only a buffer that owns its whole
  // ArrayBuffer can be handed over: a small one shares Node's buffer pool, and is copied into one of its own.
  const owned = pdf.byteOffset === 0 && pdf.byteLength === pdf.buffer.byteLength ? pdf : new Uint8Array(pdf);
  return Piscina.move(owned);
}
