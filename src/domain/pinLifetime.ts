/**
 * How long a carrier's transfer PIN lasts, and so until when the PIN a customer gave is good. A PIN that expired
 * before the letter is sent gets the port rejected ("wrong or expired PIN" is among the commonest reasons), so the
 * customer is told the date when they give it and asked for a fresh one before signing once it has passed.
 */
import { type CarrierRef, carrierRules } from './carriers';
import type { HolderName } from './holderName';

const MS_PER_HOUR = 60 * 60 * 1000;

export interface PinValidity {
  /** The moment the PIN stops working, counted from when the customer gave it to us. */
  readonly until: Date;
  /** How long the carrier's PINs last, in hours. */
  readonly hours: number;
  /** false when only secondary sources state the lifetime: then the customer is told "about", and it is a likely expiry. */
  readonly confirmed: boolean;
}

/**
 * Until when a PIN given at `givenAt` is good; undefined when the carrier's PINs don't expire or we don't know how
 * long they last. A business account's lifetime applies once the holder is known to be a business; until then the
 * personal one, the shorter, so that the customer is never told a date later than the real one.
 */
export function pinValidity(
  carrier: CarrierRef | undefined,
  givenAt: Date,
  holder?: Pick<HolderName, 'kind'>,
): PinValidity | undefined {
  const lifetime = carrierRules(carrier).pin.lifetime;
  if (lifetime === undefined) return undefined;
  const hours = holder?.kind === 'business' ? (lifetime.businessHours ?? lifetime.hours) : lifetime.hours;
  return { until: new Date(givenAt.getTime() + hours * MS_PER_HOUR), hours, confirmed: lifetime.confirmed };
}

/** Whether a PIN given at `givenAt` has (probably, for an unconfirmed lifetime) stopped working by `now`. */
export function isPinExpired(
  carrier: CarrierRef | undefined,
  givenAt: Date,
  now: Date,
  holder?: Pick<HolderName, 'kind'>,
): boolean {
  const validity = pinValidity(carrier, givenAt, holder);
  return validity !== undefined && now.getTime() >= validity.until.getTime();
}
