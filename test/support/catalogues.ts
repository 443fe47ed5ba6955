/**
 * Every localized catalogue the customer reads from (see src/i18n/language.ts), and what can be told of its words
 * without a turn: the strings it holds, and what its functions say around the values they are given.
 */
import { cardActionText } from '../../dialogs/cardActions';
import { askFieldText } from '../../dialogs/text/askFieldText';
import { billText } from '../../dialogs/text/billText';
import { buttonLabels } from '../../dialogs/text/buttonLabels';
import { carrierRulesText } from '../../dialogs/text/carrierRulesText';
import { collectCsrText } from '../../dialogs/text/collectCsrText';
import { correctionText } from '../../dialogs/text/correctionText';
import { emailText } from '../../dialogs/text/emailText';
import { formText } from '../../dialogs/text/formText';
import { handoffText } from '../../dialogs/text/handoffText';
import { interruptionText } from '../../dialogs/text/interruptionText';
import { mainText } from '../../dialogs/text/mainText';
import { portScopeText } from '../../dialogs/text/portScopeText';
import { portText } from '../../dialogs/text/portText';
import { portabilityText } from '../../dialogs/text/portabilityText';
import { promptText } from '../../dialogs/text/promptText';
import { reviewText } from '../../dialogs/text/reviewText';
import { signText } from '../../dialogs/text/signText';
import { signingLinkText } from '../../dialogs/text/signingLinkText';
import { statusText } from '../../dialogs/text/statusText';
import { tipsText } from '../../dialogs/text/tipsText';
import { text as botText } from '../../src/bot/text';
import { FIELD_LABELS } from '../../src/domain';
import { type Language, cataloguesOf, inLanguage } from '../../src/i18n/language';
import { text as lockText } from '../../src/reliability/text';
import { noticeText } from '../../src/submission/notifications/noticeText';

export const CATALOGUES: Readonly<Record<string, object>> = {
  askFieldText,
  billText,
  buttonLabels,
  carrierRulesText,
  collectCsrText,
  correctionText,
  emailText,
  formText,
  handoffText,
  interruptionText,
  mainText,
  portScopeText,
  portText,
  portabilityText,
  promptText,
  reviewText,
  signText,
  signingLinkText,
  statusText,
  tipsText,
  botText,
  lockText,
  noticeText,
  cardActionText,
  FIELD_LABELS,
};

/** One language's catalogue behind a localized view. */
export function catalogueIn(view: object, language: Language): Record<string, unknown> {
  const catalogues = cataloguesOf(view);
  if (catalogues === undefined) throw new Error('not a localized catalogue');
  return catalogues[language] as Record<string, unknown>;
}

/** A value that stands for any argument: read as text it is ⟦its path⟧, and any property of it is another. */
export function probe(path: string): unknown {
  const marker = `⟦${path}⟧`;
  const target = function probeTarget() {};
  return new Proxy(target, {
    get: (_t, property) => {
      if (property === Symbol.toPrimitive || property === 'toString' || property === 'valueOf') return () => marker;
      if (property === Symbol.iterator) return function* nothing() {};
      if (typeof property === 'symbol') return undefined;
      return probe(`${path}.${property}`);
    },
    apply: () => marker,
  });
}

export const MARKER = /⟦[^⟧]*⟧/g;

const contact = { phone: '⟦phone⟧', email: '⟦email⟧' };
const notice = { referenceNumber: '⟦reference⟧', carrier: '⟦carrier⟧', numbers: ['+14155550123'], focDate: '2026-03-10', state: 'foc_confirmed' };
const signingLinkDetails = {
  referenceNumber: '⟦reference⟧',
  holderName: '⟦holder⟧',
  staffName: '⟦staff⟧',
  carrier: '⟦carrier⟧',
  numbers: ['+14155550123'],
  maskedAccount: '⟦masked⟧',
  link: { url: '⟦url⟧', expiresAt: new Date('2026-03-10T10:00:00Z') },
};
/** Arguments for the functions whose arguments must be real (a list, a date, a map): by catalogue path. */
const SAMPLES: Readonly<Record<string, readonly unknown[]>> = {
  'correctionText.invite': [['⟦label⟧']],
  'correctionText.intro': ['⟦reference⟧', '⟦reason⟧', ['⟦label⟧']],
  'emailText.signed': [{ referenceNumber: '⟦reference⟧', version: 1, carrier: '⟦carrier⟧', signerName: '⟦signer⟧', numbers: ['+14155550123'], maskedAccount: '⟦masked⟧' }],
  'emailText.status': [notice, { kind: 'person', inChat: false, contact }, undefined],
  'emailText.signingLink': [signingLinkDetails],
  'emailText.signingReminder': [signingLinkDetails],
  'interruptionText.status.signed': ['⟦reference⟧', '2026-03-10T10:00:00Z', '⟦email⟧'],
  'portabilityText.noneCanMove': [new Map([['notCovered', ['⟦number⟧']]])],
  'portabilityText.someCannotMove': [new Map([['tollFree', ['⟦number⟧']]]), 2],
  'signText.letterLink': [{ url: '⟦url⟧', expiresAt: new Date('2026-03-10T10:00:00Z') }],
  'statusText.result.foc_confirmed': [{ referenceNumber: '⟦reference⟧', focDate: '2026-03-10' }],
  'noticeText.foc_confirmed': [notice],
  'noticeText.completed': [notice],
};

/**
 * What a catalogue function says, in `language`, with probes for its arguments (or the sample arguments for its
 * `path`); undefined when it can't be read.
 */
export function probed(fn: (...args: unknown[]) => unknown, language: Language, path = ''): string | undefined {
  const args = SAMPLES[path] ?? Array.from({ length: Math.max(fn.length, 1) }, (_, index) => probe(`${index}`));
  try {
    const said = inLanguage(language, () => fn(...args));
    return typeof said === 'string' ? said : JSON.stringify(said);
  } catch {
    return undefined;
  }
}

/** Every leaf of a catalogue, by path: strings, functions, and regular expressions. */
export function leaves(catalogue: unknown, path = ''): [string, unknown][] {
  if (typeof catalogue === 'string' || typeof catalogue === 'function' || catalogue instanceof RegExp) return [[path, catalogue]];
  if (catalogue === null || typeof catalogue !== 'object') return [[path, catalogue]];
  return Object.entries(catalogue).flatMap(([key, value]) => leaves(value, path === '' ? key : `${path}.${key}`));
}

/** Pieces of English long enough to tell English apart from Spanish: the strings, and what functions say around their values. */
export function englishFragments(minLength = 18): string[] {
  const spanish = new Set(
    Object.values(CATALOGUES).flatMap((view) => leaves(catalogueIn(view, 'es')).flatMap(([, value]) => (typeof value === 'string' ? [value] : []))),
  );
  const fragments = Object.values(CATALOGUES).flatMap((view) =>
    leaves(catalogueIn(view, 'en')).flatMap(([path, value]) => {
      if (typeof value === 'string') return [value];
      if (typeof value !== 'function') return [];
      return (probed(value as (...args: unknown[]) => unknown, 'en', path) ?? '').split(MARKER);
    }),
  );
  return [...new Set(fragments.map((fragment) => fragment.trim()))].filter((fragment) => fragment.length >= minLength && !spanish.has(fragment));
}
