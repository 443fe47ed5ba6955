/** What the customer is told when their port request changes state: the news itself, in their own conversation. */
import { formatPhoneNumber } from '../../domain/phoneNumbers';
import { joinAsList } from '../../domain/text';
import type { PortState } from '../events/portingEvent';
import type { PortNotice } from './portNotice';

const movingDay = new Intl.DateTimeFormat('en-US', { dateStyle: 'full', timeZone: 'UTC' });

/** 'Tuesday, March 10, 2026' for '2026-03-10'. */
export function formatFocDate(focDate: string): string {
  return movingDay.format(new Date(`${focDate}T00:00:00Z`));
}

/** 'your number (415) 555-0123' or 'your numbers (415) 555-0123 and (415) 555-0124'. */
function yourNumbers(numbers: readonly string[]): string {
  const list = joinAsList(numbers.map(formatPhoneNumber));
  return numbers.length === 1 ? `your number ${list}` : `your numbers ${list}`;
}

export const noticeText: { readonly [S in PortState]: (notice: PortNotice) => string } = {
  submitted: ({ referenceNumber, carrier }) =>
    `Your port request ${referenceNumber} is now with ${carrier}, who will check it against your account. ` +
    "I'll tell you here as soon as the date of the move is confirmed.",
  pending: ({ referenceNumber, carrier }) =>
    `${carrier} is working on your port request ${referenceNumber}. There's nothing you need to do: I'll tell you ` +
    'here as soon as the date of the move is confirmed.',
  foc_confirmed: ({ referenceNumber, numbers, focDate }) =>
    `Good news: the date is set. ${capitalized(yourNumbers(numbers))} will move to us on ` +
    `${focDate === undefined ? 'the agreed day' : formatFocDate(focDate)} (reference ${referenceNumber}). ` +
    'Please keep your current service active until then.',
  completed: ({ referenceNumber, numbers }) =>
    `Your move is complete: ${yourNumbers(numbers)} ${numbers.length === 1 ? 'is' : 'are'} now with us ` +
    `(reference ${referenceNumber}).\n\nPlease test it now: make a call and receive one, then send a text and ` +
    'receive one. Texts can take a few hours longer than calls to start arriving.',
  rejected: ({ referenceNumber, carrier, reason }) =>
    `${carrier} couldn't accept your port request ${referenceNumber}.` + (reason === undefined ? '' : ` ${reason.words}`),
  cancelled: ({ referenceNumber, carrier }) =>
    `Your port request ${referenceNumber} has been cancelled, so your number stays with ${carrier} for now. ` +
    'Please keep your current service as it is.',
};

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
