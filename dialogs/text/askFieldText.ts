/**
 * The questions for each detail of the port, where to find each one, and what the bot says when an answer is saved.
 * The account number and PIN are never repeated back: the account number is shown masked, the PIN not at all.
 */
import type { Carrier, CarrierRef } from '../../src/domain';
import type { AskableField } from '../draftFields';
import { inSentence } from './inSentence';
import { localized } from '../../src/i18n/language';
import { askFieldTextEs } from './es/askFieldText';

/** What a question may mention: the carrier's own rules, the business signing, the numbers being moved. */
export interface QuestionContext {
  readonly carrier?: CarrierRef;
  readonly rules: Carrier;
  readonly pinExpiry?: string;
  readonly business?: string;
  /** The first number being moved, formatted: offered as the billing number. */
  readonly firstNumber?: string;
}

const carrierName = (ctx: QuestionContext) => ctx.carrier?.name ?? 'your current carrier';

export const askFieldTextEn = {
  question: {
    numbers: () =>
      'Which phone number do you want to move to us? Please include the area code, like (415) 555-0123. Moving ' +
      'several? Send them all in one message, separated by commas.',
    carrier: () =>
      'Which company provides that number today? Use the name on your bill, like Verizon, T-Mobile or Xfinity Voice.',
    accountNumber: (ctx) =>
      `What is your account number with ${carrierName(ctx)}? ${ctx.rules.instructions.accountNumber} Your CSR shows it too.`,
    pin: (ctx) => `What is your ${ctx.rules.pin.name}? ${ctx.rules.instructions.pin}`,
    holderName: () =>
      "What is the account holder's name, exactly as it appears on your bill or CSR? For a business account, give " +
      "the business's full legal name, with LLC, Inc or similar.",
    authorizedPerson: (ctx) =>
      `Who is authorized to sign for ${ctx.business ?? 'the business'}? Please give their first and last name.`,
    serviceAddress: () =>
      'What is the service address: the street address where the phone service is, as your bill or CSR shows it? ' +
      'It can differ from where the bill is sent. For example: 123 Main St, Apt 4, Springfield, IL 62704.',
    billingNumber: (ctx) =>
      "What is the account's billing telephone number (BTN)? It is the main number on the account, shown on your bill." +
      (ctx.firstNumber ? ` If it's ${ctx.firstNumber}, just tap the button.` : ''),
    contactEmail: () => 'Last one: which email address should we send updates about your transfer to?',
  } satisfies Record<AskableField, (ctx: QuestionContext) => string>,

  help: {
    numbers: () =>
      'Send every number you want to move from this account, each with its area code. They are on your bill and on ' +
      'your CSR (sometimes as "working telephone numbers"). Toll-free numbers (800, 888 and so on) move by a ' +
      'separate process, so leave them out.',
    carrier: () =>
      'Your current carrier is the company that bills you for this number today: its name is at the top of your ' +
      "bill. If you get your service from a smaller brand or an internet phone company, give that company's name.",
    accountNumber: (ctx) =>
      `${ctx.rules.instructions.accountNumber} Your account number with ${carrierName(ctx)} is ` +
      `${ctx.rules.accountNumber.description}. ${ctx.rules.instructions.csr}`,
    pin: (ctx) =>
      `${ctx.rules.instructions.pin}${ctx.pinExpiry ? ` ${ctx.pinExpiry}` : ''} The PIN is only used for this ` +
      'transfer, and I never show it back to you.',
    holderName: () =>
      'Type the name exactly as your bill or CSR shows it, including any middle initial or a business ending like ' +
      'LLC. A different spelling is one of the most common reasons a transfer is rejected.',
    authorizedPerson: () =>
      'For a business account, the authorization is signed by a person allowed to act for the business, such as an ' +
      'owner, officer or manager. Give that person\'s first and last name; they sign at the end.',
    serviceAddress: () =>
      'This is where the phone service is, not where your bill is sent (unless that is the same place). Your CSR ' +
      'calls it the service address. Please include the street, any apartment or unit, the city, the state or ' +
      'province, and the ZIP or postal code.',
    billingNumber: () =>
      'The billing telephone number (BTN) is the main number on the account. On a one-line account it is your ' +
      'number; on a business or family account it is usually the first number on the bill.',
    contactEmail: () =>
      'We only use this address to send you updates about your transfer, such as the date your number will move.',
  } satisfies Record<AskableField, (ctx: QuestionContext) => string>,

  /** Shown before the question when the customer is changing an answer from the review. */
  current: (value: string) => `Currently: ${value}.`,

  saved: {
    numbers: (value: string) => `Got it: ${value}.`,
    carrier: (value: string) => `Got it: your current carrier is ${value}.`,
    accountNumber: (masked: string) => `Got it — account number ${masked} saved.`,
    pin: () => 'Got it — PIN saved.',
    holderName: (value: string) => `Got it: ${value}.`,
    authorizedPerson: (value: string) => `Got it: ${value} will sign for the business.`,
    serviceAddress: (value: string) => `Got it: ${value}.`,
    billingNumber: (value: string) => `Got it: the billing number is ${value}.`,
    contactEmail: (value: string) => `Got it: we'll send updates to ${value}.`,
  } satisfies Record<AskableField, (value: string) => string>,

  invalidated: (label: string) => `Because of that change, I'll need your ${inSentence(label)} again.`,

  carrier: {
    spelledRight: (name: string) => `Is “${name}” the name on your bill?`,
    confirmHelp:
      'Choose **Yes** if that is the company that bills you for this number today, or **No** to type the name again.',
    retype: "No problem. Please type your carrier's name as it appears on your bill.",
  },

  stuck: 'This one seems tricky. You can get more help on it, talk to an agent, or keep trying.',

  pasted: {
    intro: 'Thanks — I took these details from your message:',
    refused: (label: string, message: string) => `I couldn't use the ${inSentence(label)}: ${message}`,
    nothingNew: 'Thanks. I already have the details in that message.',
  },
} as const;

export const askFieldText = localized({ en: askFieldTextEn, es: askFieldTextEs });
