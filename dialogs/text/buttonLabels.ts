/**
 * The labels of the buttons the conversation offers (suggested actions or hero-card buttons). Pressing one sends its
 * label as a message, so each label is also recognised as the intent it stands for (see intents.ts); the click also
 * carries which button it was, so that one pressed when it no longer fits the question is recognised as a button
 * from an earlier question, while the same words typed are an answer (see choices.ts).
 */
import type { Intent } from '../intents';
import { localized } from '../../src/i18n/language';
import { buttonLabelsEs, numberButtonEs } from './es/buttonLabels';

export const buttonLabelsEn = {
  startPort: 'Start my port',
  tips: 'Porting tips',
  status: 'Check my port status',
  agent: 'Talk to an agent',
  yes: 'Yes',
  no: 'No',
  resume: 'Continue where I stopped',
  startOver: 'Start over',
  help: 'More help on this field',
  keepTrying: 'Keep trying',
  form: 'Fill in one form',
  fixNow: 'Fix my request',
  keepWaiting: 'Keep waiting',
  backToBot: 'Continue with the bot',
  callback: 'Leave my email',
  /** The answers to a value that breaks a carrier rule we haven't confirmed: it is exactly what the carrier gave, or not. */
  thatsIt: "Yes, that's it",
  typeAgain: 'Let me type it again',
  /** Each language's button is written in that language, so the customer who needs it can read it. */
  spanish: 'Español',
  english: 'English',
} as const satisfies Partial<Record<Intent, string>>;

export const numberButtonEn = { useNumber: (number: string) => `Use ${number}` };

/** Each button is named after the intent it stands for. */
export type ButtonName = keyof typeof buttonLabels;

/** "Use (415) 555-0123": the button that answers the billing-number question with the first number being moved. */
export const useNumberLabel = (number: string): string => numberButton.useNumber(number);

export const buttonLabels = localized({ en: buttonLabelsEn, es: buttonLabelsEs });
const numberButton = localized({ en: numberButtonEn, es: numberButtonEs });
