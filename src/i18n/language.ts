/**
 * The language a turn speaks. The turn pipeline chooses it once per turn (the customer's choice remembered in their
 * session, or else the activity's locale) and runs the turn inside `inLanguage`; everything the turn says reads it
 * from here, through the text modules' localized catalogues, so no call site passes a language around. Plain
 * TypeScript: the porting domain (src/domain) uses it too.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** What is said outside any turn (start-up, tests, background work that names no customer). */
export const DEFAULT_LANGUAGE: Language = 'en';

/** A turn's language, in a holder so that a switch in the middle of a turn reaches the rest of it. */
interface TurnLanguage {
  language: Language;
}

const current = new AsyncLocalStorage<TurnLanguage>();

export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

/** A channel's locale as one of our languages: `es`, `es-US`, `es_MX` are Spanish; anything else (or none) English. */
export function languageOfLocale(locale: string | undefined): Language {
  return /^es(?:[-_]|$)/i.test(locale?.trim() ?? '') ? 'es' : DEFAULT_LANGUAGE;
}

/** The language of the turn (or of the work) running now. */
export function currentLanguage(): Language {
  return current.getStore()?.language ?? DEFAULT_LANGUAGE;
}

/** The locale dates and times are written in for the current language (US English, US Spanish). */
export function currentLocale(): string {
  return LOCALES[currentLanguage()];
}

const LOCALES: Readonly<Record<Language, string>> = { en: 'en-US', es: 'es-US' };

/** Runs `work` in `language`: what it says, and what it awaits, reads that language. */
export function inLanguage<R>(language: Language, work: () => R): R {
  return current.run({ language }, work);
}

/**
 * The customer has switched language in the middle of a turn: what the turn says from now on is in `language`.
 * Outside `inLanguage` there is no turn to switch, and nothing changes.
 */
export function switchTurnLanguage(language: Language): void {
  const turn = current.getStore();
  if (turn) turn.language = language;
}

/**
 * A catalogue's shape with its words widened: the English catalogue is written `as const`, so its strings are literal
 * types; another language's catalogue must have the same keys, functions taking the same arguments and the same
 * kinds of values, but its own words.
 */
export type Catalogue<T> = T extends string
  ? string
  : T extends RegExp
    ? RegExp
    : T extends (...args: infer A) => infer R
      ? (...args: A) => Catalogue<R>
      : T extends readonly (infer U)[]
        ? readonly Catalogue<U>[]
        : T extends object
          ? { readonly [K in keyof T]: Catalogue<T[K]> }
          : T;

/** One catalogue per language; English is the one every other is checked against. */
export type Catalogues<T> = { readonly en: T } & { readonly [L in Exclude<Language, 'en'>]: Catalogue<T> };

const CATALOGUES = Symbol('catalogues');

/**
 * The catalogue of the current language, under the English catalogue's type so call sites stay as they were:
 * `signText.loaCard.heading` reads the Spanish heading in a Spanish turn. Each property is looked up when it is read,
 * so keep the catalogue itself (not a part of it read once) where a language may change.
 */
export function localized<T extends object>(catalogues: Catalogues<T>): T {
  return new Proxy(catalogues.en, {
    get(_target, property) {
      if (property === CATALOGUES) return catalogues;
      return Reflect.get(catalogues[currentLanguage()] as object, property) as unknown;
    },
    has: (_target, property) => Reflect.has(catalogues[currentLanguage()] as object, property),
    ownKeys: () => Reflect.ownKeys(catalogues[currentLanguage()] as object),
    getOwnPropertyDescriptor: (_target, property) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(catalogues[currentLanguage()] as object, property);
      // The English catalogue is frozen by nothing but kept as the proxy's target: what it reports must stay configurable.
      return descriptor && { ...descriptor, configurable: true };
    },
  }) as T;
}

/** Every language's catalogue behind a localized view (for the catalogue tests). */
export function cataloguesOf<T extends object>(view: T): Catalogues<T> | undefined {
  return (view as Record<symbol, unknown>)[CATALOGUES] as Catalogues<T> | undefined;
}
