/** What the bot says around the step-by-step questions. */
import { inSentence } from './inSentence';
import { localized } from '../../src/i18n/language';
import { collectCsrTextEs } from './es/collectCsrText';

export const collectCsrTextEn = {
  intro:
    "I'll ask for each detail one at a time and check it as we go. Please have your bill or CSR handy: the details " +
    'must match what your current carrier has on file. You can also paste the text of your CSR, or attach a PDF or ' +
    'photo of your latest bill at any time, and I will take what I can from it.',
  resumed: (done: number, total: number, next: string) =>
    `You've given ${done} of ${total} details. Let's carry on with the ${inSentence(next)}.`,
} as const;

export const collectCsrText = localized({ en: collectCsrTextEn, es: collectCsrTextEs });
