/**
 * What a support staff member's message asks for (dialogs/staff): a port look-up, a carrier how-to, the menu, one of
 * the menu's other entries, or nothing the bot knows. Staff type freely ("status (312) 555-0147", "verizon pin", "how
 * do I port from AT&T", "what is a CSR"); the words recognized are in the staff text catalogue.
 */
import { type CarrierRef, carrierRef, matchCarrier, toE164, unknownCarrierRef } from '../../src/domain';
import { normalizeReferenceNumber } from '../../src/domain/referenceNumber';
import { type HowToTopic, staffText } from '../text/staffText';

/** A carrier named in a question: one in the directory, one it only suggests ("sprint": T-Mobile now), or one it lacks. */
export type NamedCarrier =
  | { readonly kind: 'known'; readonly ref: CarrierRef }
  | { readonly kind: 'suggestion'; readonly ref: CarrierRef; readonly question: string }
  | { readonly kind: 'unknown'; readonly ref: CarrierRef };

export interface HowToQuestion {
  readonly carrier?: NamedCarrier;
  readonly topic?: HowToTopic;
}

export type StaffRequest<F> =
  /** `query` is what to look up, as typed; empty when the staff member is still to say. */
  | { readonly kind: 'lookup'; readonly query: string }
  | { readonly kind: 'howTo'; readonly question: string }
  | { readonly kind: 'feature'; readonly feature: F }
  | { readonly kind: 'menu' }
  | { readonly kind: 'unknown' };

/** What the message asks for; `features` are the menu's further entries, each recognized by its own words. */
export function readStaffRequest<F extends { readonly asks: RegExp }>(text: string, features: readonly F[] = []): StaffRequest<F> {
  const message = text.trim();
  const { commands } = staffText;
  if (message === '' || commands.menu.test(message)) return { kind: 'menu' };
  // A reference or a number on its own is a look-up: a list's buttons send just the reference.
  if (normalizeReferenceNumber(message) !== undefined || toE164(message) !== undefined) return { kind: 'lookup', query: message };
  const lookup = commands.lookup.exec(message);
  if (lookup) return { kind: 'lookup', query: (lookup[1] ?? '').trim() };
  const feature = features.find((candidate) => candidate.asks.test(message));
  if (feature) return { kind: 'feature', feature };
  const howTo = commands.howTo.exec(message);
  if (howTo) return { kind: 'howTo', question: (howTo[1] ?? '').trim() };
  // A name the directory lacks counts only in a question ("how do I port from Acme", "acme pin"), not on its own.
  const { carrier, topic } = readHowTo(message);
  if (topic !== undefined || commands.asksHow.test(message) || (carrier !== undefined && carrier.kind !== 'unknown')) {
    return { kind: 'howTo', question: message };
  }
  return { kind: 'unknown' };
}

/** The carrier and the topic of a how-to question; either may be missing. */
export function readHowTo(question: string): HowToQuestion {
  const topic = (Object.keys(staffText.topics) as HowToTopic[]).find((candidate) => staffText.topics[candidate].test(question));
  const carrier = carrierNamedIn(question);
  return { ...(carrier !== undefined && { carrier }), ...(topic !== undefined && { topic }) };
}

/** The carrier the question names: what is left once the words of the question are taken away. */
function carrierNamedIn(question: string): NamedCarrier | undefined {
  const words = question
    .split(/\s+/)
    .map((word) => word.replace(/^[("'“‘]+|[)"'”’?!.,;:]+$/g, ''))
    .filter((word) => word !== '' && !staffText.questionWords.has(word.toLowerCase()));
  if (words.length === 0) return undefined;
  const match = matchCarrier(words.join(' '));
  switch (match.kind) {
    case 'known':
      return { kind: 'known', ref: carrierRef(match.carrier) };
    case 'suggestion':
      return { kind: 'suggestion', ref: carrierRef(match.carrier), question: match.message };
    case 'unknown':
      return { kind: 'unknown', ref: unknownCarrierRef(match.name) };
    case 'invalid':
      return undefined;
  }
}
