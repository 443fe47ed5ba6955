/** What the review step says to the customer: the summary card's words, the messages around it, and the words it reads. */
import type { AskableField } from '../draftFields';
import { localized } from '../../src/i18n/language';
import { reviewTextEs } from './es/reviewText';

const card = {
  heading: 'Please check your details',
  intro:
    "This is what goes on your Letter of Authorization. Each detail must match your current carrier's records " +
    'exactly, so a quick look now saves days later.',
  problemsHeading: 'Before you can sign, please fix:',
  changeLabel: 'Something to change?',
  changePlaceholder: 'Choose a detail',
  confirm: 'Looks right, continue to signing',
  change: 'Change it',
  fallback: 'Please check your port details, then say "looks good" or which detail to change.',
} as const;

export const reviewTextEn = {
  card,
  /** Rows of the summary for a partial port: some lines stay with the current carrier. */
  partialPort: {
    label: 'Moving',
    value: 'Some numbers on the account, not all',
    remainingBillingNumber: 'New billing number for the lines that stay',
  },
  /** "help" while the summary is on screen. */
  help:
    'This card shows every detail that goes on your Letter of Authorization, with your account number and PIN ' +
    "hidden. Compare it with your bill or CSR: the carrier checks them letter by letter. If it's all right, choose " +
    `"${card.confirm}". To fix something, pick the detail under "${card.changeLabel}" and choose "${card.change}": ` +
    "I'll ask for just that one, and everything else stays as it is. Nothing is signed or sent yet.",
  typedHint:
    'If everything looks right, say "looks good". To fix something, say which detail, for example "change the address".',
  notReady: 'A few details still need attention before you can sign. They are listed on the card.',
  /** "Change it" with no detail picked on the card. */
  chooseDetail: `Please pick the detail to change from the list on the card, then choose "${card.change}".`,
  /** Typed approval of the summary ("yes" and "ok" are recognised as intents). */
  looksRight: /\b(?:looks? (?:good|right|fine|great|correct|ok)|all (?:good|correct|right)|good to go|continue to sign(?:ing)?|ready to sign)\b/i,
  /**
   * Typed requests to change a detail ("change the address", "edit the pin", "the email is wrong"), tried in this
   * order: the more specific words first ("billing number" before "number", "account number" before "account").
   */
  fieldWords: [
    ['billingNumber', /\b(?:billing|btn)\b/i],
    ['accountNumber', /\b(?:account (?:number|no)|acct)\b/i],
    ['authorizedPerson', /\b(?:authori[sz]ed|signer|signatory)\b/i],
    ['holderName', /\b(?:holder|name)\b/i],
    ['contactEmail', /\be-?mail\b/i],
    ['pin', /\b(?:pin|passcode|pass code)\b/i],
    ['serviceAddress', /\b(?:address|street|city|zip|postal code|state|province)\b/i],
    ['carrier', /\b(?:carrier|provider|company)\b/i],
    ['numbers', /\b(?:numbers?|phones?)\b/i],
  ] as const satisfies readonly (readonly [AskableField, RegExp])[],
} as const;

export const reviewText = localized({ en: reviewTextEn, es: reviewTextEs });
