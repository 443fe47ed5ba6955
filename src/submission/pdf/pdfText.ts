/**
 * Sets text of any script on a pdfkit page. pdfkit shapes each run with fontkit but neither picks a font per
 * character nor orders right-to-left text (it lays out word by word, so a Hebrew or Arabic name would come out with
 * its words reversed). Here each paragraph is split into runs of one font and one bidi level (bidi-js, the Unicode
 * Bidirectional Algorithm), the runs are put in visual order, and each run is shaped whole.
 */
import bidiFactory, { type EmbeddingLevels } from 'bidi-js';
import { FONT_CHAINS, type FontStyle, type LoadedFace, faceForCharacter, loadFace } from './fonts';

const bidi = bidiFactory();

export interface TextStyle {
  readonly style: FontStyle;
  readonly size: number;
  readonly color: string;
}

export interface ParagraphOptions {
  readonly x: number;
  /** The top of the first line. */
  readonly y: number;
  readonly width: number;
  readonly align?: 'left' | 'right';
}

/** A paragraph ready to measure and draw: its font per UTF-16 code unit and its bidi levels. */
interface ShapedText {
  readonly text: string;
  readonly faces: readonly LoadedFace[];
  readonly levels: EmbeddingLevels;
}

/** A range [start, end) of a paragraph's text. */
type Span = readonly [number, number];

interface VisualRun {
  face: LoadedFace;
  level: number;
  first: number;
  last: number;
}

// Shaping each run whole (any features array does that) keeps a right-to-left run in one piece for fontkit.
const WHOLE_RUN: PDFKit.Mixins.TextOptions = { features: [] };

/**
 * A text's width at size 1, from the shared fontkit font (which remembers its shaping, see fonts.ts) rather than
 * through a document, so that a document's fonts are created in drawing order whatever was measured before: that
 * keeps every rendering of a letter byte for byte the same.
 */
function widthAtSizeOne(face: LoadedFace, text: string): number {
  // The same shaping pdfkit does when it sets a run whole (features given), in font units.
  return face.font.layout(text, []).advanceWidth / face.font.unitsPerEm;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export class PdfText {
  private readonly registered = new Set<string>();

  constructor(private readonly doc: PDFKit.PDFDocument) {}

  /** The distance from one baseline to the next, from the style's own font. */
  lineHeight(style: TextStyle): number {
    const { font } = loadFace(FONT_CHAINS[style.style][0]);
    return ((font.ascent - font.descent + font.lineGap) / font.unitsPerEm) * style.size;
  }

  /** The height `text` takes wrapped to the width. */
  heightOf(text: string, style: TextStyle, width: number): number {
    return this.wrap(this.shape(text, style), style, width).length * this.lineHeight(style);
  }

  /** Draws `text` wrapped to the width, and returns the top of the line below it. */
  paragraph(text: string, style: TextStyle, options: ParagraphOptions): number {
    const shaped = this.shape(text, style);
    const lineHeight = this.lineHeight(style);
    const { font } = loadFace(FONT_CHAINS[style.style][0]);
    const ascent = (font.ascent / font.unitsPerEm) * style.size;
    let top = options.y;
    for (const line of this.wrap(shaped, style, options.width)) {
      this.drawLine(shaped, line, style, options, top + ascent);
      top += lineHeight;
    }
    return top;
  }

  private shape(text: string, style: TextStyle): ShapedText {
    const content = text.replace(/\s+/g, ' ').trim();
    const chain = FONT_CHAINS[style.style];
    const faces: LoadedFace[] = [];
    let previous: LoadedFace | undefined;
    for (const character of content) {
      previous = faceForCharacter(character, chain, previous);
      for (let unit = 0; unit < character.length; unit++) faces.push(previous);
    }
    return { text: content, faces, levels: bidi.getEmbeddingLevels(content) };
  }

  /**
   * Greedy wrapping at spaces; a word wider than the line (or unspaced CJK text) breaks between characters. A line's
   * width is the sum of its words' widths, so each word is measured once.
   */
  private wrap(shaped: ShapedText, style: TextStyle, width: number): Span[] {
    const lines: Span[] = [];
    let start = 0;
    let end = 0;
    let lineWidth = 0;
    for (const word of shaped.text.matchAll(/\S+\s*/g)) {
      let wordStart = word.index;
      const wordEnd = wordStart + word[0].length;
      if (end > start && lineWidth + this.spanWidth(shaped, [wordStart, wordEnd], style) > width) {
        lines.push([start, end]);
        start = wordStart;
        lineWidth = 0;
      }
      end = wordEnd;
      lineWidth += this.spanWidth(shaped, [wordStart, wordEnd], style, { trailingSpaces: true });
      while (start === wordStart && this.spanWidth(shaped, [start, end], style) > width) {
        const cut = this.fittingEnd(shaped, [start, end], style, width);
        lines.push([start, cut]);
        start = cut;
        wordStart = cut;
        lineWidth = this.spanWidth(shaped, [start, end], style, { trailingSpaces: true });
      }
    }
    if (end > start) lines.push([start, end]);
    return lines;
  }

  /** Where to cut a span so that its first part fits: after at least one whole character. */
  private fittingEnd(shaped: ShapedText, [start, end]: Span, style: TextStyle, width: number): number {
    let cut = start;
    for (const { index, segment } of graphemes.segment(shaped.text.slice(start, end))) {
      const next = start + index + segment.length;
      if (cut > start && this.spanWidth(shaped, [start, next], style) > width) break;
      cut = next;
    }
    return cut;
  }

  /** Trailing spaces count only when asked: they are not drawn at the end of a line. */
  private spanWidth(shaped: ShapedText, span: Span, style: TextStyle, options: { trailingSpaces?: boolean } = {}): number {
    let width = 0;
    const [start, end] = options.trailingSpaces ? span : trimEnd(shaped, span);
    let runStart = start;
    for (let index = start + 1; index <= end; index++) {
      if (index === end || shaped.faces[index] !== shaped.faces[runStart]) {
        width += this.measure(shaped.faces[runStart], style, shaped.text.slice(runStart, index));
        runStart = index;
      }
    }
    return width;
  }

  private measure(face: LoadedFace, style: TextStyle, text: string): number {
    return widthAtSizeOne(face, text) * style.size;
  }

  private drawLine(shaped: ShapedText, span: Span, style: TextStyle, options: ParagraphOptions, baseline: number): void {
    const runs = visualRuns(shaped, trimEnd(shaped, span));
    const texts = runs.map((run) => runText(shaped.text, run));
    const widths = runs.map((run, index) => this.measure(run.face, style, texts[index]));
    const lineWidth = widths.reduce((sum, width) => sum + width, 0);
    let x = options.align === 'right' ? options.x + options.width - lineWidth : options.x;
    runs.forEach((run, index) => {
      this.use(run.face, style).fillColor(style.color).text(texts[index], x, baseline, {
        ...WHOLE_RUN,
        lineBreak: false,
        baseline: 'alphabetic',
      });
      x += widths[index];
    });
  }

  /** Selects the face and size, registering the face with this document the first time it is used. */
  private use(face: LoadedFace, style: TextStyle): PDFKit.PDFDocument {
    if (!this.registered.has(face.face.name)) {
      // pdfkit also takes a parsed fontkit font (its typings predate that). Sharing the one parsed per process, instead
      // of handing each document the file's bytes to parse again, spares every letter re-decoding the font's tables:
      // that was most of the time a letter took (some 300 ms; now some 40), and the output is byte for byte the same.
      this.doc.registerFont(face.face.name, face.font as unknown as PDFKit.Mixins.PDFFontSource);
      this.registered.add(face.face.name);
    }
    return this.doc.font(face.face.name).fontSize(style.size);
  }
}

function trimEnd(shaped: ShapedText, [start, end]: Span): Span {
  let trimmed = end;
  while (trimmed > start && shaped.text[trimmed - 1] === ' ') trimmed--;
  return [start, trimmed];
}

/** The span's runs of one font and one bidi level, left to right as they appear on the page. */
function visualRuns(shaped: ShapedText, [start, end]: Span): VisualRun[] {
  if (end <= start) return [];
  const runs: VisualRun[] = [];
  // bidi-js returns the whole text's indices, reordered within the line only.
  const order = bidi.getReorderedIndices(shaped.text, shaped.levels, start, end - 1).slice(start, end);
  for (const index of order) {
    const face = shaped.faces[index];
    const level = shaped.levels.levels[index];
    const run = runs.at(-1);
    const rightToLeft = level % 2 === 1;
    const continues = run && run.face === face && run.level === level && index === (rightToLeft ? run.first - 1 : run.last + 1);
    if (!continues) runs.push({ face, level, first: index, last: index });
    else if (rightToLeft) run.first = index;
    else run.last = index;
  }
  return runs;
}

/**
 * The characters to hand pdfkit for a run. fontkit reverses a run of a right-to-left script itself, so such a run
 * goes in logical order; a right-to-left run with no letters of its own (spaces, brackets between Hebrew words) is
 * reversed and mirrored here.
 */
function runText(text: string, run: VisualRun): string {
  const logical = text.slice(run.first, run.last + 1);
  if (run.level % 2 === 0 || hasRightToLeftLetter(logical)) return logical;
  return Array.from(logical)
    .reverse()
    .map((character) => bidi.getMirroredCharacter(character) ?? character)
    .join('');
}

function hasRightToLeftLetter(text: string): boolean {
  return Array.from(text).some((character) => {
    const type = bidi.getBidiCharTypeName(character);
    return type === 'R' || type === 'AL';
  });
}
