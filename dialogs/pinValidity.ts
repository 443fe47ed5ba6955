/**
 * The transfer PIN's lifetime in the conversation: until when the PIN the customer gave is good, in their own time
 * zone, and whether a saved one has expired (asked again before signing: see ReadyToSignDialog).
 */
import type { Activity } from 'botbuilder';
import { type CsrDraft, carrierRules, isPinExpired, pinOf, pinValidity } from '../src/domain';
import type { PortingSession } from './portingSession';
import { carrierRulesText, momentText } from './text/carrierRulesText';

/**
 * Where the customer's channel doesn't say: the US Pacific zone. Customers are in the US and Canada, nearly all at or
 * east of it, so a day shown in it is never later than the customer's own day for the same moment.
 */
const FALLBACK_TIME_ZONE = 'America/Los_Angeles';

/** The customer's time zone as their channel sends it (Web Chat and Teams do), if it is a real one. */
export function customerTimeZone(activity: Partial<Activity>): string {
  const zone = activity.localTimezone;
  if (!zone) return FALLBACK_TIME_ZONE;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone;
  } catch {
    return FALLBACK_TIME_ZONE;
  }
}

/** "Your Verizon Number Transfer PIN" */
function pinSubject(draft: CsrDraft): string {
  const carrier = draft.carrier;
  return carrierRulesText.pin.subject(carrier?.name, carrierRules(carrier).pin.name);
}

/** "Your Verizon Number Transfer PIN is good until Monday, December 14.", for a PIN in the draft given at `givenAt`. */
export function pinGoodUntilLine(draft: CsrDraft, givenAt: Date, timeZone: string): string | undefined {
  if (pinOf(draft) === undefined) return undefined;
  const validity = pinValidity(draft.carrier, givenAt, draft.holderName);
  if (validity === undefined) return undefined;
  return carrierRulesText.pin.goodUntil(pinSubject(draft), momentText(validity.until, validity.hours, timeZone), validity.confirmed);
}

/** Why the saved PIN must be given again before signing, when it has outlived the carrier's PINs; undefined while it is good. */
export function expiredPinNotice(session: PortingSession, now: Date, timeZone: string): string | undefined {
  const { draft, pinGivenAt } = session;
  if (pinOf(draft) === undefined || pinGivenAt === undefined) return undefined;
  const givenAt = new Date(pinGivenAt);
  if (!isPinExpired(draft.carrier, givenAt, now, draft.holderName)) return undefined;
  const validity = pinValidity(draft.carrier, givenAt, draft.holderName);
  const rules = carrierRules(draft.carrier);
  return carrierRulesText.pin.expired(
    pinSubject(draft),
    momentText(givenAt, validity?.hours ?? Infinity, timeZone),
    validity?.confirmed ?? false,
    rules.instructions.pin,
  );
}
