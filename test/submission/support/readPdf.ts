import PDFParser from 'pdf2json';

export interface PdfContents {
  /** The text of every page, in reading order as the PDF reader extracts it. */
  text: string;
  pages: number;
  /** The document information dictionary (Title, Author, Subject, Keywords, CreationDate, …). */
  info: Record<string, unknown>;
}

/** Reads a PDF back the way a PDF reader would (pdf2json runs a port of Mozilla's PDF.js). */
export function readPdf(pdf: Buffer): Promise<PdfContents> {
  const parser = new PDFParser(null, true);
  return new Promise((resolve, reject) => {
    parser.on('pdfParser_dataError', (failure) => reject(failure instanceof Error ? failure : failure.parserError));
    parser.on('pdfParser_dataReady', (data) =>
      resolve({ text: parser.getRawTextContent(), pages: data.Pages.length, info: data.Meta }),
    );
    // Verbosity at or below zero logs errors only; pdf2json reads a plain 0 as its default, which also logs warnings.
    parser.parseBuffer(pdf, -1);
  });
}
