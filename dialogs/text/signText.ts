/** What the signing step says to the customer: the letter card's words and the messages around it. */
import type { ReceiptLink } from '../../src/hosting/receiptLinks';
import { localized } from '../../src/i18n/language';
import { signTextEs } from './es/signText';

const linkExpiry = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });

export interface SentDetails {
  referenceNumber: string;
  carrier: string;
  /** Where news of the port is emailed; undefined when no email will be sent (none given, or email is off). */
  contactEmail?: string;
}

/** Where the customer hears about their port: the chat, and their email when one is sent. */
const whereWeTellYou = (contactEmail: string | undefined) => (contactEmail === undefined ? 'here' : `here and at ${contactEmail}`);

export const signTextEn = {
  /** "help" while the letter is on screen. */
  help: {
    letter:
      'This is your Letter of Authorization: it lets us ask your current carrier to move your numbers. Check the ' +
      'details, then type your full name in the box (or as a message) and choose **Sign**: that signs the letter and ' +
      'sends your request to our porting team, who pass it on to your current carrier. Say **not yet** to stop here: ' +
      'your details stay saved and you can sign later.',
  },
  loaCard: {
    heading: 'Letter of Authorization',
    intro:
      'Please read the authorization below. It goes to your current carrier with your request, and lets us move ' +
      'your numbers for you.',
    statementHeading: 'What you authorize',
    detailsHeading: 'The details on your letter',
    newCarrierLabel: 'New carrier',
    signatureLabel: 'To sign, type your full name',
    businessSignatureLabel: (business: string) => `To sign for ${business}, type your full name`,
    signaturePlaceholder: 'Your full name',
    signatureRequired: 'Please type your full name to sign.',
    /** What "Sign" does: the letter goes to our porting team (the submission), who send it on to the carrier. */
    consent: (carrier: string | undefined) =>
      'When you choose Sign, your signed letter and request come to our porting team, and we send them on to ' +
      `${carrier ?? 'your current carrier'} to move your numbers.`,
    sign: 'Sign',
    fallback: 'Please read your Letter of Authorization and type your full name to sign it.',
  },
  notYet: "No problem: nothing has been signed or sent. Your details are saved, so you can sign whenever you're ready.",
  needsChanges: 'Before you can sign, a few details need attention:',
  alreadySent: (referenceNumber: string) =>
    `You've already signed and sent this request. Your reference number is ${referenceNumber}.`,
  /** Typed "Not yet" ("no" is recognised as an intent). */
  notYetWords: /\b(?:not yet|not now|later|wait)\b/i,
  /** After signing, in the chat and in the confirmation email. */
  whatHappensNext: (carrier: string) =>
    `What happens next: we send your request to ${carrier}, who checks it against your account. A simple move ` +
    'between mobile carriers usually takes a few hours; other moves can take one to two weeks.',
  keepService: 'Please keep your current service active until the move is complete: cancelling it early can lose your number.',
  sent: ({ referenceNumber, carrier, contactEmail }: SentDetails) =>
    [
      `Thank you, your letter is signed and your request is on its way. Your reference number is ${referenceNumber}.`,
      signTextEn.whatHappensNext(carrier),
      signTextEn.keepService,
      `We'll message you ${whereWeTellYou(contactEmail)} as your port moves along.`,
    ].join('\n\n'),
  /** After a correction: a new version of the letter under the same reference. */
  resent: ({ referenceNumber, carrier, contactEmail }: SentDetails) =>
    [
      `Thank you, your corrected letter is signed and on its way to ${carrier}, under the same reference number ` +
        `${referenceNumber}.`,
      `We'll message you ${whereWeTellYou(contactEmail)} as soon as ${carrier} answers. Please keep your current service ` +
        'active until the move is complete.',
    ].join('\n\n'),
  /** The customer's copy of the signed letter, account number masked; the link expires (see src/hosting/receiptLinks.ts). */
  letterLink: ({ url, expiresAt }: ReceiptLink) =>
    `Your copy of the signed letter is here: [open your letter](${url}). The link works until ${linkExpiry.format(expiresAt)}; ` +
    'ask me for your port status any time for a new one.',
} as const;

export const signText = localized({ en: signTextEn, es: signTextEs });
