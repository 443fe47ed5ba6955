/** What the shared prompts say when an answer doesn't fit the question on screen. */
import { localized } from '../../src/i18n/language';
import { promptTextEs } from './es/promptText';
export const promptTextEn = {
  staleButton: "That button is from an earlier question — here's the one we're on now.",
  notUnderstood: "Sorry, I didn't catch that. Please choose one of the options below, or type it in your own words.",
} as const;

export const promptText = localized({ en: promptTextEn, es: promptTextEs });
