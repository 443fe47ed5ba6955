/**
 * One catalogue per language, checked: every localized catalogue has the same keys in Spanish as in English, the same
 * kind of value under each, and its functions use the same values (what they are given appears in both languages).
 */
import { LANGUAGES, currentLanguage, inLanguage, languageOfLocale, localized, switchTurnLanguage } from '../../src/i18n/language';
import { CATALOGUES, MARKER, catalogueIn, leaves, probed } from '../support/catalogues';

/** Strings the same in both languages on purpose: read by our English-speaking agents, or names of fields, not words. */
const SAME_IN_BOTH = /^(?:reasons\.|fieldWords\.\d+\.0$)/;

const markersIn = (said: string | undefined) => [...new Set(said?.match(MARKER) ?? [])].sort();

describe.each(Object.entries(CATALOGUES))('the %s catalogue', (name, view) => {
  const english = leaves(catalogueIn(view, 'en'));
  const spanish = new Map(leaves(catalogueIn(view, 'es')));

  it('has the same keys in Spanish as in English, each holding the same kind of value', () => {
    expect([...spanish.keys()].sort()).toEqual(english.map(([path]) => path).sort());
    for (const [path, value] of english) {
      expect([path, value instanceof RegExp ? 'regexp' : typeof value]).toEqual([path, spanish.get(path) instanceof RegExp ? 'regexp' : typeof spanish.get(path)]);
    }
  });

  it('has every Spanish string written (none empty, none left as the English)', () => {
    for (const [path, value] of english) {
      const translated = spanish.get(path);
      if (typeof value !== 'string' || typeof translated !== 'string') continue;
      expect([path, translated.trim()]).not.toEqual([path, '']);
      // Words that are the same in both languages (a name, "No", the other language's own name) are short.
      if (value.length > 12 && !SAME_IN_BOTH.test(path)) expect([path, translated]).not.toEqual([path, value]);
    }
  });

  it('puts the same values into its Spanish sentences as into the English ones', () => {
    for (const [path, value] of english) {
      if (typeof value !== 'function') continue;
      const translated = spanish.get(path) as (...args: unknown[]) => unknown;
      const inEnglish = probed(value as (...args: unknown[]) => unknown, 'en', `${name}.${path}`);
      const inSpanish = probed(translated, 'es', `${name}.${path}`);
      expect([path, markersIn(inSpanish)]).toEqual([path, markersIn(inEnglish)]);
    }
  });
});

describe('the turn language', () => {
  const words = localized({ en: { hello: 'Hello' }, es: { hello: 'Hola' } });

  it('is English outside a turn, and the language a turn runs in, through its awaits', async () => {
    expect(words.hello).toBe('Hello');
    await inLanguage('es', async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      expect(words.hello).toBe('Hola');
    });
    expect(currentLanguage()).toBe('en');
  });

  it('switches for the rest of the turn when the customer asks', () => {
    inLanguage('en', () => {
      switchTurnLanguage('es');
      expect(words.hello).toBe('Hola');
    });
  });

  it.each([
    ['es', 'es'],
    ['es-US', 'es'],
    ['es-MX', 'es'],
    ['es_419', 'es'],
    ['en-US', 'en'],
    ['fr-CA', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ])('reads the locale %p as %s', (locale, language) => {
    expect(languageOfLocale(locale)).toBe(language);
  });

  it('has a catalogue for every language it knows', () => {
    expect(LANGUAGES).toEqual(['en', 'es']);
  });
});

describe('probing the catalogues', () => {
  it('reads most functions with stand-in values, so that the placeholder check above has something to compare', () => {
    const functions = Object.entries(CATALOGUES).flatMap(([name, view]) =>
      leaves(catalogueIn(view, 'en')).flatMap(([path, value]) => (typeof value === 'function' && value.length > 0 ? [[`${name}.${path}`, value]] : [])),
    ) as [string, (...args: unknown[]) => unknown][];
    const unread = functions.filter(([path, fn]) => markersIn(probed(fn, 'en', path)).length === 0).map(([path]) => path);
    // These take values that say nothing in the sentence (a count, a flag) or build the sentence from them alone.
    expect(unread.length).toBeLessThan(functions.length / 10);
  });
});

describe('every catalogue key is used', () => {
  const { readFileSync, readdirSync, statSync } = jest.requireActual<typeof import('node:fs')>('node:fs');
  const { join } = jest.requireActual<typeof import('node:path')>('node:path');
  const root = join(__dirname, '..', '..');
  /** The code that says things (the English catalogues included, which read each other); not the Spanish ones. */
  const sourceFiles = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return name === 'es' ? [] : sourceFiles(path);
      return path.endsWith('.ts') ? [path] : [];
    });
  const code = [...sourceFiles(join(root, 'dialogs')), ...sourceFiles(join(root, 'src'))].map((path) => readFileSync(path, 'utf8')).join('\n');
  /** What the code calls each catalogue, where that is not its name here. */
  const EXPORTED_AS: Readonly<Record<string, string>> = { botText: 'text', lockText: 'text' };
  /**
   * Whether a key is read: by name (`.key`, or as a string, as buttons are named), or with its whole parent (passed
   * on as it is, or read by a variable key, `parent[field]`). Definitions (`key: …`) don't count.
   */
  const used = (catalogue: string, path: string) => {
    const keys = path.split('.').filter((key) => !/^\d+$/.test(key));
    const key = keys[keys.length - 1];
    const parent = keys.length > 1 ? keys[keys.length - 2] : (EXPORTED_AS[catalogue] ?? catalogue);
    return (
      new RegExp(`\\.${key}\\b|'${key}'`).test(code) ||
      (keys.length > 1 && new RegExp(`\\.${parent}\\b(?![.\\[])`).test(code)) ||
      new RegExp(`\\b${parent}\\[`).test(code)
    );
  };

  it.each(Object.entries(CATALOGUES))('the %s catalogue has no key nothing reads', (name, view) => {
    const unused = leaves(catalogueIn(view, 'en'))
      .map(([path]) => path)
      .filter((path) => !used(name, path));
    expect(unused).toEqual([]);
  });
});
