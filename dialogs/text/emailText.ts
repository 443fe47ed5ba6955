/**
 * What the emails to customers say: the confirmation after signing, and each change in their port request's state
 * that they are also told of in the chat. Plain and short; every email names the reference number. Never a PIN or a
 * full account number: the emails say nothing of either.
 */
import { joinAsList } from '../../src/domain/text';
import type { ReceiptLink } from '../../src/hosting/receiptLinks';
import type { EmailDraft, EmailParagraph } from '../../src/mail/emailLayout';
import type { PortState } from '../../src/submission/events/portingEvent';
import type { PortNotice } from '../../src/submission/notifications/portNotice';
import { formatPhoneNumberList } from '../../src/domain/phoneNumbers';
import { formatFocDate, noticeText } from '../../src/submission/notifications/noticeText';
import type { SupportContact } from '../conversationDeps';
import { correctionText } from './correctionText';
import { inSentence } from './inSentence';
import { signText } from './signText';
import { localized } from '../../src/i18n/language';
import { emailTextEs } from './es/emailText';

const linkExpiry = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });

/** What the confirmation after signing tells. */
export interface SignedEmailDetails {
  readonly referenceNumber: string;
  /** 1 for the first letter, higher for a corrected one. */
  readonly version: number;
  readonly carrier: string;
  /** The name the customer signed with. */
  readonly signerName: string;
  /** The numbers moving, in E.164. */
  readonly numbers: readonly string[];
  /** The account number as customers are shown it, masked ('••••3222'). */
  readonly maskedAccount: string;
  /** The customer's copy of the letter (account number masked), when links can be made. */
  readonly letter?: ReceiptLink;
}

/** What the signing link of an assisted port, and its reminder, tell. */
export interface SigningLinkEmailDetails {
  readonly referenceNumber: string;
  /** The account holder's name, as staff took it down. */
  readonly holderName: string;
  /** The first name of the staff member who filled the details in, when Teams gave one. */
  readonly staffName?: string;
  readonly carrier: string;
  /** The numbers moving, in E.164. */
  readonly numbers: readonly string[];
  /** The account number masked ('••••3222'). */
  readonly maskedAccount: string;
  readonly link: ReceiptLink;
}

/** What a rejected request needs from the customer, as the chat offers it. */
export type RejectionNextStep =
  /** Details they can correct in the chat: their labels. */
  | { readonly kind: 'fix'; readonly labels: readonly string[] }
  /** A person on our porting team, in the chat (`inChat`) or through the support contact. */
  | { readonly kind: 'person'; readonly inChat: boolean; readonly contact: SupportContact };

/** Where the chat is: the web page (PUBLIC_BASE_URL), when links can be made. */
export type ChatLink = string | undefined;

const signOff = 'Best wishes,\nThe Porting Assistant team';
const footer = 'You get these emails because you asked us to move your number and gave us this address.';

function letterParagraph(letter: ReceiptLink | undefined): EmailParagraph[] {
  if (letter === undefined) return [];
  return [
    {
      text: `Your copy of the signed letter, with your account number hidden, is one click away (the link works until ${linkExpiry.format(letter.expiresAt)}):`,
      label: 'open your letter',
      url: letter.url,
    },
  ];
}

function chatParagraph(text: string, chat: ChatLink): EmailParagraph {
  return chat === undefined ? `${text} in the chat where you signed your letter.` : { text: `${text} in the chat:`, label: 'open the chat', url: chat };
}

function letter(greeting: string, paragraphs: readonly EmailParagraph[]): EmailParagraph[] {
  return [greeting, ...paragraphs, signOff, footer];
}

const hello = 'Hello,';

function whatYouSigned(numbers: readonly string[], carrier: string, maskedAccount: string): string {
  const moving = formatPhoneNumberList(numbers);
  return `You asked us to move ${numbers.length === 1 ? 'the number' : 'the numbers'} ${moving} from your ${carrier} account ${maskedAccount}.`;
}

function subjectOf(notice: PortNotice): string {
  const { referenceNumber, carrier, focDate } = notice;
  switch (notice.state) {
    case 'submitted':
      return `Your port request ${referenceNumber} is with ${carrier}`;
    case 'pending':
      return `${carrier} is working on your port request ${referenceNumber}`;
    case 'foc_confirmed':
      return focDate === undefined ? `The date of your move is set (reference ${referenceNumber})` : `The date is set: your move happens on ${formatFocDate(focDate)}`;
    case 'completed':
      return `Your move is complete (reference ${referenceNumber})`;
    case 'rejected':
      return `Your port request ${referenceNumber} needs your attention`;
    case 'cancelled':
      return `Your port request ${referenceNumber} has been cancelled`;
  }
}

/** The chat's news says "I'll tell you here" for these; the email says where it will tell. */
const emailOnlyNews: Partial<Record<PortState, (notice: PortNotice) => string>> = {
  submitted: ({ referenceNumber, carrier }) =>
    `Your port request ${referenceNumber} is now with ${carrier}, who will check it against your account. We'll email ` +
    'you as soon as the date of the move is confirmed.',
  pending: ({ referenceNumber, carrier }) =>
    `${carrier} is working on your port request ${referenceNumber}. There's nothing you need to do: we'll email you ` +
    'as soon as the date of the move is confirmed.',
};

/** The news in the same words as the chat's (see noticeText), one paragraph each. */
function newsParagraphs(notice: PortNotice): string[] {
  return (emailOnlyNews[notice.state] ?? noticeText[notice.state])(notice).split('\n\n');
}

function nextStepParagraphs(step: RejectionNextStep, referenceNumber: string, chat: ChatLink): EmailParagraph[] {
  if (step.kind === 'fix') {
    return [
      `Let's fix it together: we need your ${joinAsList(step.labels.map(inSentence))} again, and nothing else. Then you ` +
        "sign the corrected letter and we send it again under the same reference number. It takes a few minutes.",
      chatParagraph('Choose "Fix my request"', chat),
    ];
  }
  if (step.inChat) {
    return [
      'A person on our porting team needs to sort this out with you.',
      chatParagraph(`Ask for an agent, and they will have your request ${referenceNumber} in front of them,`, chat),
    ];
  }
  return [correctionText.personNeeded(step.contact, referenceNumber)];
}

const linkTime = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });

function signingParagraphs({ numbers, carrier, maskedAccount, link }: SigningLinkEmailDetails): EmailParagraph[] {
  return [
    `It moves ${numbers.length === 1 ? 'the number' : 'the numbers'} ${formatPhoneNumberList(numbers)} from your ${carrier} account ${maskedAccount}.`,
    'To send the request, open the link below: the chat shows you the details to check, asks for your transfer PIN ' +
      '(we never ask for it on the phone or by email), and you sign the letter there.',
    {
      text: `The link works once, until ${linkTime.format(link.expiresAt)} UTC. If it has stopped working, call us and we'll send a new one:`,
      label: 'review and sign',
      url: link.url,
    },
    "If you didn't ask for this, you can ignore this email: nothing is sent without your signature.",
  ];
}

export const emailTextEn = {
  /** The confirmation after signing: the first letter, or a corrected one under the same reference. */
  signed: ({ referenceNumber, version, carrier, signerName, numbers, maskedAccount, letter: copy }: SignedEmailDetails): EmailDraft =>
    version === 1
      ? {
          subject: `Your port request ${referenceNumber} is on its way`,
          paragraphs: letter(`Hello ${signerName},`, [
            `Thank you: your letter is signed and your request is on its way. Your reference number is ${referenceNumber}.`,
            whatYouSigned(numbers, carrier, maskedAccount),
            signText.whatHappensNext(carrier),
            signText.keepService,
            ...letterParagraph(copy),
            "We'll email you at each step, and tell you in the chat too.",
          ]),
        }
      : {
          subject: `Your corrected port request ${referenceNumber} is on its way`,
          paragraphs: letter(`Hello ${signerName},`, [
            `Thank you: your corrected letter is signed and on its way to ${carrier}, under the same reference number ${referenceNumber}.`,
            `We'll email you as soon as ${carrier} answers. ${signText.keepService}`,
            ...letterParagraph(copy),
          ]),
        },
  /** An assisted port's signing link, emailed when staff have filled in the details. */
  signingLink: (details: SigningLinkEmailDetails): EmailDraft => ({
    subject: `Your port request ${details.referenceNumber} is ready for you to sign`,
    paragraphs: letter(`Hello ${details.holderName},`, [
      `${details.staffName ?? 'Our support team'} filled in your request to move your number with you on the phone. ` +
        `Your reference number is ${details.referenceNumber}.`,
      ...signingParagraphs(details),
    ]),
  }),
  /** The reminder, a day later, while the link has not been opened. */
  signingReminder: (details: SigningLinkEmailDetails): EmailDraft => ({
    subject: `Reminder: your port request ${details.referenceNumber} is waiting for your signature`,
    paragraphs: letter(`Hello ${details.holderName},`, [
      `Your request to move your number (reference ${details.referenceNumber}) is still waiting for your signature.`,
      ...signingParagraphs(details),
    ]),
  }),
  /** A change in the request's state, with what the customer can do about a rejection. */
  status: (notice: PortNotice, step: RejectionNextStep | undefined, chat: ChatLink): EmailDraft => {
    const next = step === undefined ? [] : nextStepParagraphs(step, notice.referenceNumber, chat);
    return { subject: subjectOf(notice), paragraphs: letter(hello, [...newsParagraphs(notice), ...next]) };
  },
} as const;

export const emailText = localized({ en: emailTextEn, es: emailTextEs });
