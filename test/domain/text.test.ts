import fc from 'fast-check';
import {
  closestMatch,
  collapseWhitespace,
  editDistance,
  foldForComparison,
  inSentence,
  joinAsList,
  literalMarkdown,
  normalizeTyped,
  quoted,
  replaceQuotes,
  withoutInvisibles,
} from '../../src/domain/text';
import { renderAsWebChat } from '../support/markdown';
import { inLanguage } from '../../src/i18n/language';

describe('text helpers', () => {
  it.each([
    ['verizon', 'verizon', 0],
    ['verison', 'verizon', 1],
    ['tmoblie', 'tmobile', 1],
    ['verizn', 'verizon', 1],
    ['comcats', 'comcast', 1],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
    ['😀a', 'a', 1],
  ])('editDistance(%j, %j) is %d', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });

  it('finds the closest candidate within the allowance, preferring the first on ties', () => {
    const candidates = [['gmail.com', 'G'], ['gmx.com', 'X'], ['mail.com', 'M']] as const;
    expect(closestMatch('gmial.com', candidates, () => 1)).toEqual({ item: 'G', key: 'gmail.com', distance: 1 });
    expect(closestMatch('zzzzz.com', candidates, () => 2)).toBeUndefined();
    expect(closestMatch('gail.com', candidates, () => 1)?.item).toBe('G');
  });

  it('folds case and accents, including letters Unicode does not decompose', () => {
    expect(foldForComparison('José NÚÑEZ Łódź Strauß Ærø')).toBe('jose nunez lodz strauss aero');
  });

  it('collapses whitespace and lists items', () => {
    expect(collapseWhitespace('  a \n\t b  ')).toBe('a b');
    expect(joinAsList([])).toBe('');
    expect(joinAsList(['a'])).toBe('a');
    expect(joinAsList(['a', 'b'])).toBe('a and b');
    expect(joinAsList(['a', 'b', 'c'], 'or')).toBe('a, b or c');
  });

  it('joins a Spanish list with "u" before an o sound and "e" before an i sound', () => {
    inLanguage('es', () => {
      expect(joinAsList(['Idaho', 'Oregón'], 'or')).toBe('Idaho u Oregón');
      expect(joinAsList(['Nevada', 'Utah'], 'or')).toBe('Nevada o Utah');
      expect(joinAsList(['la ciudad', 'la calle'])).toBe('la ciudad y la calle');
      expect(joinAsList(['Texas', 'Illinois'])).toBe('Texas e Illinois');
      expect(joinAsList(['agua', 'hielo'])).toBe('agua y hielo');
      expect(joinAsList(['Nevada', 'Ohio', 'Hawái'])).toBe('Nevada, Ohio y Hawái');
    });
  });

  it.each([
    ['Account number', 'account number'],
    ['Transfer PIN', 'transfer PIN'],
    ['ZIP or postal code', 'ZIP or postal code'],
    ['PIN', 'PIN'],
  ])('puts the label %j inside a sentence as %j, keeping an abbreviation that opens it', (label, inside) => {
    expect(inSentence(label)).toBe(inside);
  });

  it('edit distance is a metric on any strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = editDistance(a, b);
        return d === editDistance(b, a) && (d === 0) === (a === b) && d <= Math.max(Array.from(a).length, Array.from(b).length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('normalizeTyped: the one form typed text is checked and searched in', () => {
  it.each([
    ['full-width digits and letters', '９１８２７３ ＰＩＮ', '918273 PIN'],
    ['zero-width spaces, joiners, word joiners, a soft hyphen and a byte-order mark', '9\u200B1\u200C8\u200D2\u20607\u00AD3\uFEFF', '918273'],
    ['bidirectional controls and control characters', '\u202E918\u202C\u0000273\u0007', '918273'],
    ['every kind of dash, and the minus sign', '1\u20102\u20113\u20124\u20135\u20146\u22127\uFE638\uFF0D9', '1-2-3-4-5-6-7-8-9'],
    ['no-break spaces', '555\u00A0444\u202F333', '555 444 333'],
  ])('folds %s', (_, typed, normal) => {
    expect(normalizeTyped(typed)).toBe(normal);
  });

  it('keeps whitespace, and leaves underscores to whoever reads the text', () => {
    expect(normalizeTyped('a\tb\nc\r\nd e_f')).toBe('a\tb\nc\r\nd e_f');
  });

  it('drops only what shows nothing when asked for that alone: no folding, dashes kept', () => {
    expect(withoutInvisibles('Zo\u200Bë\u0007 O\u2019Brien\u2011Smith\t')).toBe('Zoë O\u2019Brien\u2011Smith\t');
  });
});

describe('quotes of the customer in the bot\u2019s words', () => {
  it('cannot be closed early by a curly quote the customer typed', () => {
    const said = `I don’t have ${quoted('x” **Bot:** verified “y')} as a carrier.`;
    expect(replaceQuotes(said, (quote) => `<${quote}>`)).toBe('I don’t have <“x" **Bot:** verified "y”> as a carrier.');
  });

  it('runs to the end of a line cut off before the quote closes', () => {
    expect(replaceQuotes('I don’t have “**Bot:** verif…', (quote) => quote.toUpperCase())).toBe('I don’t have “**BOT:** VERIF…');
  });
});

describe('literalMarkdown: what a customer typed, rendered as exactly their words', () => {
  it.each([
    '**Bot:** the customer is verified',
    '[click here](http://evil.example/login)',
    '![logo](http://evil.example/logo.png)',
    '<b>Bot:</b> verified <img src=http://evil.example/x.png>',
    '<http://evil.example>',
    'see http://evil.example/a_b?utm_source=chat',
    '# Bot: verified',
    '> Bot: verified',
    '- item',
    '+ item',
    '* item',
    '1. item',
    '2) item',
    '***',
    '___',
    '    indented code',
    '`code` and ```fenced```',
    '~~struck~~ _em_ *em* __strong__ snake_case_words',
    '|a|b|\n|:-:|:-:|',
    '&#42;&#42;Bot&#42;&#42; &amp;',
    'a \\*backslash\\* of my own',
    'Verified\n===',
    'hi\n\n**Bot:** the customer is verified\n\n  - [click](http://evil.example)',
  ])('%j', (typed) => {
    const shown = renderAsWebChat(literalMarkdown(typed));
    expect(shown.text).toBe(typed.replace(/\s+/gu, ' ').trim());
    expect(shown.bold).toEqual([]);
    expect(shown.otherTags).toEqual([]);
    // A bare address may be linked, as itself: the words on screen are where it goes.
    for (const link of shown.links) expect(link.href.replace(/\/$/u, '')).toBe(link.text);
    // One paragraph: nothing the customer typed starts a block of its own.
    expect(shown.html.match(/<p>/gu)).toHaveLength(1);
  });

  it('leaves text without markdown as it is', () => {
    const plain = "My account holder is Zoë O'Brien-Smith, AT&T, 123 Main St #4 (the 2nd floor), maria_lopez@example.com!";
    expect(literalMarkdown(plain)).toBe(plain);
  });

  it('never lets anything typed format, link or split what an agent sees', () => {
    const markdownHeavy = fc.string({ unit: fc.constantFrom(...'*_[]()!<>#-+=`~|\\&;1.: x\n\t'), maxLength: 40 });
    fc.assert(
      fc.property(markdownHeavy, (typed) => {
        const shown = renderAsWebChat(`**Customer:** ${literalMarkdown(typed)}`);
        return (
          shown.bold.length === 1 && shown.otherTags.length === 0 && shown.links.length === 0 && (shown.html.match(/<p>/gu) ?? []).length === 1
        );
      }),
      { numRuns: 500 },
    );
  });
});
