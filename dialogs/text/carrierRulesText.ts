/**
 * What the bot says about the current carrier's own rules: the question about a value that breaks a rule we haven't
 * confirmed, until when the transfer PIN is good (and that it has expired), and the port-out lock to turn off before
 * signing. The PIN itself is never repeated.
 */
import type { PortOutLock } from '../../src/domain';
import { currentLocale, localized } from '../../src/i18n/language';
import { carrierRulesTextEs } from './es/carrierRulesText';

/** Lifetimes shorter than this are told to the minute, longer ones to the day. */
const HOURS_TOLD_TO_THE_MINUTE = 48;

const STYLES = {
  day: { weekday: 'long', month: 'long', day: 'numeric' },
  time: { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

/**
 * A formatter takes about 75 µs to build (the locale's and the zone's data are looked up) and 1 µs to use, and a PIN's
 * date is told in most turns of the collection: one per style, language and time zone is kept (there are a few
 * hundred zones).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(style: keyof typeof STYLES, timeZone: string): Intl.DateTimeFormat {
  const locale = currentLocale();
  const key = `${style} ${locale} ${timeZone}`;
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat(locale, { ...STYLES[style], timeZone });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** "Monday, December 14", or for a PIN that lasts hours, "3:40 PM PST on Tuesday, December 8" (in the turn's language). */
export function momentText(moment: Date, lifetimeHours: number, timeZone: string): string {
  const date = formatterFor('day', timeZone).format(moment);
  return lifetimeHours < HOURS_TOLD_TO_THE_MINUTE ? carrierRulesText.timeOnDay(formatterFor('time', timeZone).format(moment), date) : date;
}

export const carrierRulesTextEn = {
  /** "3:40 PM PST on Tuesday, December 8". */
  timeOnDay: (time: string, day: string) => `${time} on ${day}`,
  ruleQuestion: {
    /** Who gave the value, before the carrier is known. */
    yourCarrier: 'your carrier',
    help: (carrier: string) =>
      `Carriers sometimes use a different format from the one I know. Choose **Yes, that's it** if it's exactly what ` +
      `${carrier} gave you, and I'll use it as you typed it; or **Let me type it again** to correct it. You can also ` +
      'just type it again.',
    typeAgain: 'No problem, please type it again.',
  },

  pin: {
    /** "Your Verizon Number Transfer PIN"; "Your transfer PIN or passcode" before the carrier is known. */
    subject: (carrier: string | undefined, pinName: string) => `Your ${carrier ? `${carrier} ` : ''}${pinName}`,
    /** Said when the PIN is saved. `subject`: "Your Verizon Number Transfer PIN". */
    goodUntil: (subject: string, until: string, confirmed: boolean) =>
      confirmed ? `${subject} is good until ${until}.` : `${subject} should be good until about ${until}.`,
    /** Said before asking for a fresh PIN, when the one in a resumed draft has outlived the carrier's PINs. */
    expired: (subject: string, givenOn: string, confirmed: boolean, instructions: string) =>
      `${subject} was given on ${givenOn}, and ${confirmed ? 'has expired' : 'has most likely expired'} by now. ` +
      `Please get a new one before you sign: ${instructions}`,
  },

  lock: {
    question: (lock: PortOutLock, carrier: string) =>
      `One last check before you sign: is ${lock.name} turned off on your ${carrier} account? While it's on, ` +
      `${carrier} turns down every transfer.`,
    help: (lock: PortOutLock, carrier: string) =>
      `${lock.name} is ${carrier}'s protection against numbers being moved without the owner's say-so. Choose **Yes** ` +
      `if it's off (or you never turned it on), or **No** if it's on, and I'll tell you how to turn it off.`,
    /** After "no": how to turn it off, and the question again. */
    turnOff: (lock: PortOutLock) =>
      `Please turn off ${lock.name} ${lock.where}. It only takes a moment, and your details stay saved here while you do.`,
    waiting: (lock: PortOutLock) => `Let me know once it's done: is ${lock.name} off now?`,
  },
} as const;

export const carrierRulesText = localized({ en: carrierRulesTextEn, es: carrierRulesTextEs });
