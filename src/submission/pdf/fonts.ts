/**
 * The fonts the LOA is set in. No single font covers every script a customer's name can be written in, so each
 * style has a fallback chain and every character is set in the first font of the chain that has a glyph for it:
 * Noto Sans (Latin with accents, Cyrillic, Greek, Vietnamese), Noto Sans Hans (Chinese, Japanese kana and kanji),
 * Noto Sans KR (Hangul), Noto Sans Hebrew and Noto Naskh Arabic. The files come from npm packages, so every
 * machine renders the same letter; pdfkit embeds only the glyphs a letter uses.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';

export type FontStyle = 'regular' | 'bold' | 'italic';

/** One font file, under the name it is registered with in each document. */
export interface FontFace {
  readonly name: string;
  readonly file: string;
}

function faceIn(fontPackage: string, file: string): FontFace {
  // The packages export only their index module (in dist/); the font files sit in fonts/ beside it.
  const fontsFolder = join(dirname(require.resolve(fontPackage)), '..', 'fonts');
  return { name: file.replace(/\.[ot]tf$/, ''), file: join(fontsFolder, file) };
}

const HANS = {
  regular: faceIn('@embedpdf/fonts-sc', 'NotoSansHans-Regular.otf'),
  bold: faceIn('@embedpdf/fonts-sc', 'NotoSansHans-Bold.otf'),
};
const KOREAN = {
  regular: faceIn('@embedpdf/fonts-kr', 'NotoSansKR-Regular.otf'),
  bold: faceIn('@embedpdf/fonts-kr', 'NotoSansKR-Bold.otf'),
};
const HEBREW = {
  regular: faceIn('@embedpdf/fonts-hebrew', 'NotoSansHebrew-Regular.ttf'),
  bold: faceIn('@embedpdf/fonts-hebrew', 'NotoSansHebrew-Bold.ttf'),
};
const ARABIC = {
  regular: faceIn('@embedpdf/fonts-arabic', 'NotoNaskhArabic-Regular.ttf'),
  bold: faceIn('@embedpdf/fonts-arabic', 'NotoNaskhArabic-Bold.ttf'),
};

/** Per style, the fonts tried in order; the first one is the style's own font and sets the line metrics. */
export const FONT_CHAINS: Readonly<Record<FontStyle, readonly FontFace[]>> = {
  regular: [faceIn('@embedpdf/fonts-latin', 'NotoSans-Regular.ttf'), HANS.regular, KOREAN.regular, HEBREW.regular, ARABIC.regular],
  bold: [faceIn('@embedpdf/fonts-latin', 'NotoSans-Bold.ttf'), HANS.bold, KOREAN.bold, HEBREW.bold, ARABIC.bold],
  // The other scripts have no italic: their upright face is the right fallback.
  italic: [faceIn('@embedpdf/fonts-latin', 'NotoSans-Italic.ttf'), HANS.regular, KOREAN.regular, HEBREW.regular, ARABIC.regular],
};

export interface LoadedFace {
  readonly face: FontFace;
  /** Parsed once per process and shared by every document (see PdfText). */
  readonly font: fontkit.Font;
}

// Font files never change while the process runs, and the CJK ones are several megabytes: read each once, and
// only when a letter first needs it.
const loaded = new Map<string, LoadedFace>();

export function loadFace(face: FontFace): LoadedFace {
  const cached = loaded.get(face.file);
  if (cached) return cached;
  const font = fontkit.create(readFileSync(face.file));
  if ('fonts' in font) throw new Error(`${face.file} is a font collection; the LOA needs a single font.`);
  const entry = { face, font: rememberingShapes(font) };
  loaded.set(face.file, entry);
  return entry;
}

const HAS_DIGIT = /\p{Nd}/u;
/** About 5 MB of remembered runs per font: far more than the labels, statement and words a letter repeats. */
const MAX_REMEMBERED_GLYPHS = 50_000;

/** Each font's runs remembered only while one letter is being set (see setOneLetter). */
const oneLetterMemories: Array<Map<string, fontkit.GlyphRun>> = [];
let settingLetter = false;
/** The secrets of the letter being set: text holding one, or part of one, is never remembered beyond it. */
let letterSecrets: readonly string[] = [];

/**
 * Sets one letter with `draw`, which must set it synchronously. Text with digits (phone numbers, dates, the
 * reference) is shaped several times within a letter but differs from letter to letter, and the letter's `secrets`
 * (the account number on the carrier's copy, which may have no digit at all) must not outlive the letter in a cache:
 * such runs are remembered only until `draw` returns.
 */
export function setOneLetter<T>(draw: () => T, secrets: readonly string[] = []): T {
  settingLetter = true;
  letterSecrets = secrets.filter((secret) => secret.length > 0);
  try {
    return draw();
  } finally {
    settingLetter = false;
    letterSecrets = [];
    for (const memory of oneLetterMemories) memory.clear();
  }
}

/** Text remembered only for the letter being set: it changes from letter to letter, or holds part of a secret. */
function onlyForThisLetter(text: string): boolean {
  const part = text.trim();
  const holdsSecret = (secret: string) => text.includes(secret) || (part.length > 0 && secret.includes(part));
  return HAS_DIGIT.test(text) || letterSecrets.some(holdsSecret);
}

/**
 * Shaping (fontkit's layout: ligatures, kerning, marks) is most of the time a letter takes, and every letter shapes
 * the same labels, statement and words again. The shared font therefore remembers each run it shaped, per text and
 * features, for every document after it (text with digits or a secret only for the letter being set, see
 * setOneLetter). pdfkit scales the positions of the run it is given in place, so each caller gets a copy of the
 * remembered run; the glyphs are fontkit's own shared objects either way. A copy is what fontkit would have returned,
 * so the letters stay byte for byte the same.
 */
export function rememberingShapes(font: fontkit.Font): fontkit.Font {
  const shape = font.layout.bind(font);
  const runs = new Map<string, fontkit.GlyphRun>();
  const oneLetterRuns = new Map<string, fontkit.GlyphRun>();
  oneLetterMemories.push(oneLetterRuns);
  let glyphs = 0;
  font.layout = (text, features, ...scriptLanguageDirection) => {
    const letterOnly = onlyForThisLetter(text);
    // pdfkit passes only text and features; a caller choosing script, language or direction is shaped afresh.
    if (scriptLanguageDirection.length > 0 || (letterOnly && !settingLetter)) return shape(text, features, ...scriptLanguageDirection);
    const memory = letterOnly ? oneLetterRuns : runs;
    const key = `${JSON.stringify(features ?? null)}\u0000${text}`;
    let run = memory.get(key);
    if (run === undefined) {
      run = shape(text, features);
      if (memory === runs) {
        // Bounded by glyphs, not runs: unspaced CJK text is measured prefix by prefix, each a run of its own.
        if (glyphs + run.glyphs.length > MAX_REMEMBERED_GLYPHS) {
          runs.clear();
          glyphs = 0;
        }
        glyphs += run.glyphs.length;
      }
      memory.set(key, run);
    }
    return copyOfRun(run);
  };
  return font;
}

function copyOfRun(run: fontkit.GlyphRun): fontkit.GlyphRun {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(run) as object) as fontkit.GlyphRun, run);
  copy.glyphs = [...run.glyphs];
  copy.positions = run.positions.map((position) => Object.assign(Object.create(Object.getPrototypeOf(position) as object) as fontkit.GlyphPosition, position));
  return copy;
}

/** Combining marks, spaces, punctuation, symbols, digits and format characters belong to no script of their own. */
const SHARED_CHARACTER = /^[\p{M}\p{Z}\p{P}\p{S}\p{N}\p{Cf}]$/u;

/**
 * The font to set `character` in: a character every script uses stays in the font of the text around it (so a
 * space or a hyphen inside a Hebrew name doesn't break the Hebrew run), any other goes to the first font in the
 * chain that has it. A character no font has falls back to the style's own font, which shows a missing-glyph box.
 */
export function faceForCharacter(character: string, chain: readonly FontFace[], previous: LoadedFace | undefined): LoadedFace {
  const codePoint = character.codePointAt(0) as number;
  if (previous && SHARED_CHARACTER.test(character) && previous.font.hasGlyphForCodePoint(codePoint)) return previous;
  for (const face of chain) {
    const candidate = loadFace(face);
    if (candidate.font.hasGlyphForCodePoint(codePoint)) return candidate;
  }
  return loadFace(chain[0]);
}
