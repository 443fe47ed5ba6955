import fc from 'fast-check';
import { backendKey } from '../../src/storage/storageKey';

const namespace = 'n'.repeat(40);
// Strings of arbitrary UTF-16 code units (NUL and lone surrogates included), short and long.
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
const anyKey = fc.oneof(fc.string({ unit: codeUnit }), fc.string({ unit: codeUnit, minLength: 190, maxLength: 400 }));

describe('backendKey', () => {
  it('maps different keys to different backend keys', () => {
    fc.assert(
      fc.property(anyKey, anyKey, (a, b) => {
        fc.pre(a !== b);
        expect(backendKey(namespace, a)).not.toBe(backendKey(namespace, b));
      }),
    );
  });

  it("fits keyv's VARCHAR(255) and holds no NUL or lone surrogate", () => {
    fc.assert(
      fc.property(anyKey, (key) => {
        const stored = backendKey(namespace, key);
        expect([...stored].length).toBeLessThanOrEqual(255);
        expect(stored).not.toMatch(/\p{Cs}/u);
        expect(stored.includes('\u0000')).toBe(false);
      }),
    );
  });

  it('keeps short plain keys readable', () => {
    expect(backendKey('bot', 'msteams/conversations/19:abc')).toBe('bot:k:msteams/conversations/19:abc');
  });

  it('keeps a key apart from one that looks like its hashed form', () => {
    const long = 'x'.repeat(500);
    const hashed = backendKey('bot', long).slice('bot:'.length);
    expect(backendKey('bot', hashed)).not.toBe(backendKey('bot', long));
  });
});
