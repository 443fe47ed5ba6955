import type * as fontkit from 'fontkit';
import { rememberingShapes, setOneLetter } from '../../src/submission/pdf/fonts';

/** A font whose shaping is counted: each run has one glyph per character, 500 units wide. */
function countingFont() {
  const shaped: string[] = [];
  const font = {
    layout(text: string) {
      shaped.push(text);
      return {
        glyphs: [...text].map((_, id) => ({ id })),
        positions: [...text].map(() => ({ xAdvance: 500, yAdvance: 0, xOffset: 0, yOffset: 0 })),
      };
    },
  };
  return { font: rememberingShapes(font as unknown as fontkit.Font), shaped };
}

describe('the shared fonts’ shaping memory', () => {
  it('shapes a label once for every letter, and hands each caller a copy it may scale', () => {
    const { font, shaped } = countingFont();

    const first = font.layout('Account holder', []);
    first.positions[0].xAdvance *= 0.012; // what pdfkit does to the run it is given
    const second = font.layout('Account holder', []);

    expect(shaped).toEqual(['Account holder']);
    expect(second.positions[0].xAdvance).toBe(500);
  });

  it('keeps text with digits, such as the account number on the carrier’s copy, only while that letter is set', () => {
    const { font, shaped } = countingFont();

    setOneLetter(() => {
      font.layout('123456789-00001', []);
      font.layout('123456789-00001', []);
    });
    setOneLetter(() => font.layout('123456789-00001', []));
    font.layout('123456789-00001', []);

    // Once for the first letter, once for the next, and once outside any letter: never carried from one to another.
    expect(shaped).toEqual(['123456789-00001', '123456789-00001', '123456789-00001']);
  });

  it('keeps a letter’s secret without digits (an account number of letters), or a part, only while that letter is set', () => {
    const { font, shaped } = countingFont();

    setOneLetter(() => {
      font.layout('QWERTYZX', []);
      font.layout('QWERTY', []); // a part of it, as a line broken inside it is measured
      font.layout('Account number', []);
    }, ['QWERTYZX']);
    setOneLetter(() => {
      font.layout('QWERTYZX', []);
      font.layout('QWERTY', []);
      font.layout('Account number', []);
    }, ['ZXCVBNMA']);

    // The label is remembered for the next letter; the secret and its part are shaped again.
    expect(shaped).toEqual(['QWERTYZX', 'QWERTY', 'Account number', 'QWERTYZX', 'QWERTY']);
  });
});
