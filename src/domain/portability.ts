/**
 * What a porting provider's portability check said about each number, as the draft keeps it beside the numbers, and
 * what follows from it: which numbers can go on, and whether the transfer PIN is needed. Plain data and rules, no I/O:
 * the provider clients (src/portability/) turn each provider's answer into these verdicts, and the conversation says
 * the reasons in plain words (dialogs/text/portabilityText.ts).
 */
import { z } from 'zod';
import type { E164, NumbersToPort } from './phoneNumbers';
import { NanpE164Schema } from './sharedSchemas';

/**
 * Why a provider says a number cannot move to us, in our own terms: each provider has its own codes (Twilio) or
 * free text (Telnyx), and the customer needs to hear what it means for them, not the code.
 */
export const NOT_PORTABLE_REASONS = [
  /** The provider does not serve the number's country or area (rate center). */
  'notCovered',
  /** The number is already ours: there is nothing to move. */
  'alreadyWithUs',
  /** A request to move the number to us is already under way. */
  'portInProgress',
  /** The number is already on the provider's network under another customer's account. */
  'heldElsewhere',
  /** The number can move, but only by our porting team by hand, not through this request. */
  'manualOnly',
  /** Toll-free numbers move by a separate process (a change of RespOrg). */
  'tollFree',
  /** The provider gave no reason we know. */
  'unspecified',
] as const;
export type NotPortableReason = (typeof NOT_PORTABLE_REASONS)[number];

export const PORTED_NUMBER_TYPES = ['landline', 'mobile', 'tollFree', 'unknown'] as const;
export type PortedNumberType = (typeof PORTED_NUMBER_TYPES)[number];

/** One number's check. Only `portable` is always known; the rest is kept where the provider tells it. */
export const PortabilityVerdictSchema = z.object({
  portable: z.boolean(),
  reason: z.enum(NOT_PORTABLE_REASONS).optional(),
  /** Whether the port needs the losing carrier's transfer PIN (Twilio tells; Telnyx does not). */
  pinRequired: z.boolean().optional(),
  /** Landline or mobile: libphonenumber cannot tell them apart for US and Canadian numbers, the provider can. */
  numberType: z.enum(PORTED_NUMBER_TYPES).optional(),
  /** Telnyx FastPort: the number can move within hours. */
  fastPortable: z.boolean().optional(),
});
export type PortabilityVerdict = z.infer<typeof PortabilityVerdictSchema>;

/** The verdicts by number, kept with the numbers they are about, so that new numbers never inherit old verdicts. */
export const PortabilityChecksSchema = z.record(NanpE164Schema, PortabilityVerdictSchema);
export type PortabilityChecks = z.infer<typeof PortabilityChecksSchema>;

/** The numbers to move, as the draft keeps them: with the provider's verdicts, once they were checked. */
export interface CheckedNumbers extends NumbersToPort {
  readonly portability?: PortabilityChecks;
}

export interface RefusedNumber {
  readonly number: E164;
  readonly reason: NotPortableReason;
}

export interface PortabilityScreen {
  /** The numbers that may go on, with the verdicts about them; undefined when none may. */
  readonly kept?: CheckedNumbers;
  /** The numbers the provider says cannot move, in the order given. */
  readonly refused: readonly RefusedNumber[];
}

/**
 * Splits the numbers given into those that may go on and those that cannot move. A number without a verdict (the
 * check was not made, or the provider did not answer for it) goes on: an unanswered check never blocks a customer.
 */
export function screenNumbers(numbers: NumbersToPort, verdicts: (number: E164) => PortabilityVerdict | undefined): PortabilityScreen {
  const refused: RefusedNumber[] = [];
  const kept: E164[] = [];
  const portability: PortabilityChecks = {};
  for (const number of numbers.numbers) {
    const verdict = verdicts(number);
    if (verdict?.portable === false) {
      refused.push({ number, reason: verdict.reason ?? 'unspecified' });
      continue;
    }
    kept.push(number);
    if (verdict !== undefined) portability[number] = verdict;
  }
  if (kept.length === 0) return { refused };
  const checked = Object.keys(portability).length > 0 ? { portability } : {};
  return { kept: { country: numbers.country, numbers: kept, ...checked }, refused };
}

/**
 * Whether the provider said that none of the numbers needs a transfer PIN. Every number must have said so: one
 * number without a verdict, or needing a PIN, leaves the carrier's own rule in force.
 */
export function pinWaivedByCheck(numbers: CheckedNumbers | undefined): boolean {
  if (numbers === undefined || numbers.numbers.length === 0) return false;
  return numbers.numbers.every((number) => numbers.portability?.[number]?.pinRequired === false);
}
