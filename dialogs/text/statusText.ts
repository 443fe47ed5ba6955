/** The status check: asking for the reference number and the service ZIP, and where a submitted request stands. */
import type { PortProgress, PortStatusView } from '../../src/submission/events/portStatus';
import { formatFocDate } from '../../src/submission/notifications/noticeText';
import type { SupportContact } from '../conversationDeps';
import { contactWays } from './interruptionText';
import { localized } from '../../src/i18n/language';
import { statusTextEs } from './es/statusText';
import { rejectionReason } from '../../src/domain/rejectionReasons';

/** 'in about 15 minutes', 'in about 2 hours'. */
function inAbout(waitMs: number): string {
  const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
  if (minutes < 90) return `in about ${minutes} minute${minutes === 1 ? '' : 's'}`;
  return `in about ${Math.round(minutes / 60)} hours`;
}

export const statusTextEn = {
  askReference:
    'Which request should I check? Please type its reference number: it starts with PA-, like PA-7KX4-M9Q2-TDX, and ' +
    'is in the message I sent you when you signed.',
  referenceHelp:
    'The reference number is in the message I sent you when you signed your request. It starts with PA-, like ' +
    "PA-7KX4-M9Q2-TDX. If you can't find it, say **agent** and a person on our porting team can look it up.",
  referenceInvalid:
    "That doesn't look like one of our reference numbers. It starts with PA- and then has three groups of letters " +
    'and digits, like PA-7KX4-M9Q2-TDX. Please check it and type it again.',
  askPostalCode: 'To keep your request private, please type the ZIP or postal code of its service address.',
  postalCodeHelp:
    'That is the ZIP or postal code of the address where the phone service is, as you gave it in your request, ' +
    'like 62704 or K1A 0B1.',
  postalCodeInvalid: "That doesn't look like a ZIP or postal code. Please type it like 62704 or K1A 0B1.",
  notFound: "I couldn't find a request with that reference number and ZIP code. Please check both and try again.",
  notFoundAgain: (contact: SupportContact) => {
    const ways = contactWays(contact);
    return (
      "I still couldn't find a request with that reference number and ZIP code, so let's stop here for now. " +
      (ways ? `A person on our porting team can look it up for you: please ${ways}.` : 'Our customer support can look it up for you.')
    );
  },
  /** Wrong guesses locked the look-up (see src/submission/events/guardedStatusLookup.ts); `waitMs` until it opens again. */
  locked: (contact: SupportContact, waitMs: number) => {
    const ways = contactWays(contact);
    return (
      "For your security, I've paused status checks for now: there were too many tries with details that didn't " +
      `match. Please try again ${inAbout(waitMs)}, or ` +
      (ways ? `${ways} and a person on our porting team can look it up for you.` : 'contact our customer support.')
    );
  },
  /** The reference of a port split by account: each of its requests follows, one paragraph each. */
  linkedPort: (parentReference: string, count: number) =>
    `Your port ${parentReference} is moving your numbers in ${count} requests, one for each account:`,
  result: {
    received: ({ referenceNumber }) => `Your port request ${referenceNumber} has been received and is on its way to our porting team.`,
    sent: ({ referenceNumber, carrier }) =>
      `Your port request ${referenceNumber} is with our porting team, who send it on to ${carrier}. The date of the ` +
      "move isn't set yet.",
    failed: ({ referenceNumber }) => `Your port request ${referenceNumber} couldn't be passed on to our porting team.`,
    submitted: ({ referenceNumber, carrier }) =>
      `Your port request ${referenceNumber} has been submitted to ${carrier}, who is checking it against your ` +
      "account. The date of the move isn't set yet.",
    pending: ({ referenceNumber, carrier }) =>
      `${carrier} is working on your port request ${referenceNumber}. The date of the move isn't set yet.`,
    foc_confirmed: ({ referenceNumber, focDate }) =>
      `Your port request ${referenceNumber} has a date: the move happens on ` +
      `${focDate === undefined ? 'the agreed day' : formatFocDate(focDate)}. Please keep your current service active until then.`,
    completed: ({ referenceNumber }) =>
      `Your port request ${referenceNumber} is complete: the move is done. Texts can take a few hours longer than ` +
      'calls to start arriving.',
    rejected: ({ referenceNumber, carrier, reason }) =>
      `${carrier} couldn't accept your port request ${referenceNumber}.` + (reason === undefined ? '' : ` ${rejectionReason(reason.code).words}`),
    cancelled: ({ referenceNumber, carrier }) =>
      `Your port request ${referenceNumber} was cancelled, so your number stays with ${carrier}.`,
  } satisfies Record<PortProgress, (view: PortStatusView) => string>,
  fixOffer: 'Say **fix my request** to correct it and sign again.',
} as const;

export const statusText = localized({ en: statusTextEn, es: statusTextEs });
