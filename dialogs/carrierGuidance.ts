import { type CarrierRef, carrierRules, pinExpiryNotice } from '../src/domain';
import { tipsText } from './text/tipsText';

/**
 * The carrier's own instructions for getting the CSR, the account number and the transfer PIN (and turning off its
 * port-out lock), in the words customers read in the tips. Support staff get the same words in their how-to answers,
 * to read out to a customer on the phone: one composition, so that the two can never tell a customer different things.
 */
export function carrierGuidance(ref: CarrierRef): string {
  return tipsText.getCsr.carrier(ref, carrierRules(ref), pinExpiryNotice(ref));
}
