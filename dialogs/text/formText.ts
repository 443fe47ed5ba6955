/** What the form path says to the customer: the form card's words and the messages around it. */
import type { AddressInputId } from '../../src/cards/csrFormCard';
import type { RuleQuestion } from '../../src/domain';
import { buttonLabels } from './buttonLabels';
import { inSentence } from './inSentence';
import { localized } from '../../src/i18n/language';
import { formTextEs } from './es/formText';

const card = {
  heading: 'Your port details',
  intro:
    'Please copy each detail exactly as your current carrier has it: your bill or online account shows them. ' +
    'Details that don\'t match are the main reason a move gets held up. You can also attach a PDF or photo of your ' +
    'latest bill to this chat, and I will fill in what I can from it.',
  fixSummary: (count: number) =>
    count === 1
      ? 'One detail needs another look. You\'ll find a note under it.'
      : `${count} details need another look. You'll find a note under each one.`,
  addressHeading: 'Service address',
  addressHint: 'The street address where the phone service is, as it appears on your bill (not a PO box).',
  submit: 'Check my details',
  stepByStep: 'Switch to step by step',
  fallback: 'Please fill in your port details, or type "step by step" to answer one question at a time.',
  required: (label: string) => `Please fill in the ${inSentence(label)}.`,
  /** The label of the authorized-person input: optional until the holder is known to be a business. */
  authorizedPersonLabel: 'Authorized person (business accounts only)',
  businessAuthorizedPersonLabel: (business: string) => `Authorized person for ${business}`,
  authorizedPersonRequired: (business: string) =>
    `${business} is a business account, so please give the first and last name of the person who signs for it.`,
  addressLabels: {
    street: 'Street address',
    unit: 'Apartment, suite or unit',
    city: 'City',
    region: 'State or province',
    postalCode: 'ZIP or postal code',
  } satisfies Record<AddressInputId, string>,
  placeholders: {
    numbers: 'For example 415-555-0123, 415-555-0124',
    carrier: 'For example Verizon or Xfinity Mobile',
    accountNumber: 'As shown on your bill',
    pin: 'Leave blank if your account has no PIN',
    holderName: 'Exactly as on your bill',
    authorizedPerson: 'First and last name of the person signing for the business',
    street: 'For example 123 Main St',
    unit: 'Optional',
    city: 'For example Springfield',
    region: 'For example IL or ON',
    postalCode: 'For example 62704 or K1A 0B1',
    contactEmail: 'name@example.com',
  },
  /** A saved secret is never sent back: the input stays empty and says so. */
  savedSecret: 'Saved. Leave blank to keep it',
  /** Neither is one the card asks about (RuleQuestion): a blank input stands for what was typed. */
  askedSecret: 'Leave blank to keep what you typed, or type it again',
  /** Under a secret that breaks a carrier rule we haven't confirmed: the conversation's question, and how to answer it here. */
  ruleQuestion: ({ rule, question }: RuleQuestion) =>
    `${rule} ${question} If it is, tick "${buttonLabels.thatsIt}" below; if not, type it again.`,
  ruleCheckTitle: buttonLabels.thatsIt,
  /** The billing number's placeholder: it is needed for a landline or VoIP number, or for several numbers. */
  billingNumber: {
    beforeNumbers: 'Leave blank when you move one mobile number',
    asked: "The account's main number, as shown on your bill",
    notAsked: (number: string) => `Leave blank to use ${number}`,
  },
  carrierCheckLabel: "Is the carrier's name right as you typed it?",
  carrierCheckTitle: "Yes, I've checked the carrier's name and it's right",
} as const;

export const formTextEn = {
  card,
  /** "help" while the form is on screen. */
  help:
    'This form holds every detail of your port on one card: the numbers, your current carrier and your account ' +
    'with them, the account holder and the service address. Copy each detail exactly as your bill or CSR shows it, ' +
    `then choose "${card.submit}": I check them all and put a note under anything that needs another look. Every ` +
    'detail that checks out is saved at once, so nothing is lost if you stop here. Rather answer one question at a ' +
    `time? Choose "${card.stepByStep}".`,
  typedWhileWaiting:
    'The form above is waiting for you: fill it in and choose "Check my details". If you\'d rather answer one ' +
    'question at a time, type "step by step".',
  completed: 'Thank you, everything checks out.',
  doubleCheck: (notes: readonly string[]) => ['A few things to double-check:', ...notes.map((note) => `- ${note}`)].join('\n'),
  switchingToSteps: "Sure, let's go one question at a time. Everything you've filled in so far is saved.",
} as const;

export const formText = localized({ en: formTextEn, es: formTextEs });
