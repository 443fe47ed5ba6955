/** What the bot asks about the accounts behind the numbers: one account or several, all of it or part of it. */
import { joinAsList } from '../../src/domain/text';
import { localized } from '../../src/i18n/language';
import { portScopeTextEs } from './es/portScopeText';

export const portScopeTextEn = {
  sameAccount: {
    question: (count: number) => `Are all ${count} numbers on one account with the same carrier?`,
    help:
      'Carriers move numbers one account at a time. Choose **Yes** if all the numbers are on one bill with one carrier. ' +
      'Choose **No** if they are with different carriers, or on separate accounts: I will make one request for each ' +
      'account, linked under one reference.',
  },
  firstAccount: {
    question: (numbers: readonly string[]) =>
      `Which of ${joinAsList(numbers)} are on one account? Send those numbers now: we'll do the others next, one account at a time.`,
    help: 'Send the numbers that are on the same bill with the same carrier. The others get a request of their own after this one.',
    notGiven: (number: string, numbers: readonly string[]) =>
      `${number} isn't one of the numbers you gave (${joinAsList(numbers)}). Please send only numbers from that list.`,
    unreadable: 'Please send the numbers that are on one account, like (415) 555-0123.',
    /** The customer named every number: they are on one account after all. */
    allOfThem: 'Those are all of them, so they are on one account: one request it is.',
    split: (first: readonly string[], later: readonly string[], parentReference: string) =>
      `Good: first ${joinAsList(first)}, then ${joinAsList(later)} in a request of ${later.length === 1 ? 'its' : 'their'} own. ` +
      `Your port's reference is ${parentReference}: it links the requests, and you can check them all with it.`,
  },
  wholeAccount: {
    question: (carrier: string) => `Are you moving every number on this ${carrier} account?`,
    help: (carrier: string) =>
      `Choose **No** if some lines on the account stay with ${carrier}. We tell ${carrier} so that those lines keep ` +
      'working, and if the billing number moves, they need a new one.',
  },
  remainingBillingNumber: {
    question: (billing: string, carrier: string) =>
      `${billing} is the account's billing number, and it's moving to us. Which number that stays with ${carrier} ` +
      'should become the billing number of the lines that stay?',
    help: (carrier: string) =>
      `A ${carrier} account needs a billing number. When it moves away, one of the lines that stay takes its place: ` +
      `usually the main line left on the bill. ${carrier} can tell you which.`,
    moving: (number: string) => `${number} is moving with this port. Please give one of the numbers that stay.`,
    saved: (number: string) => `Got it: ${number} becomes the billing number of the lines that stay.`,
  },
  /** After one account's request is signed, when numbers on other accounts are still to move. */
  nextAccount: (numbers: readonly string[], parentReference: string) =>
    `Now the next account: ${joinAsList(numbers)}. It gets a request of its own under your port ${parentReference}. ` +
    "I've kept the account holder, service address and email from the last one: check them on the review, and change " +
    'any that differ on this account.',
  /** In the receipt of a request that is part of a split port. */
  partOfPort: (parentReference: string) =>
    `This request is part of your port ${parentReference}, which links the requests for each of your accounts: you can check them all with that reference.`,
} as const;

export const portScopeText = localized({ en: portScopeTextEn, es: portScopeTextEs });
