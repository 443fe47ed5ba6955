/**
 * What the bot says when the porting provider's check finds that a number cannot move to us: which numbers, why in
 * plain words (never the provider's code), and that a person can look into it. The provider's own reasons are mapped
 * to ours in src/portability/.
 */
import type { NotPortableReason } from '../../src/domain';
import { joinAsList } from '../../src/domain/text';
import { localized } from '../../src/i18n/language';
import { portabilityTextEs } from './es/portabilityText';

/** The numbers (formatted) that cannot move, grouped by reason. */
export type RefusedGroups = ReadonlyMap<NotPortableReason, readonly string[]>;

/** The reasons' sentences, one line per reason (in the turn's language). */
export function refusedLines(groups: RefusedGroups): string {
  return [...groups].map(([reason, numbers]) => portabilityText.reasons[reason](joinAsList(numbers), numbers.length > 1)).join('\n');
}

/** One sentence per reason, about one number or several (`numbers` already formatted and joined). */
const reasons: Readonly<Record<NotPortableReason, (numbers: string, many: boolean) => string>> = {
  notCovered: (numbers, many) => `${numbers} can't move to us yet: we don't serve ${many ? 'those areas' : 'that area'}.`,
  alreadyWithUs: (numbers, many) => `${numbers} ${many ? 'are' : 'is'} already with us, so there's nothing to move.`,
  portInProgress: (numbers, many) => `${numbers} ${many ? 'are' : 'is'} already being moved to us by another request.`,
  heldElsewhere: (numbers, many) =>
    `${numbers} ${many ? 'are' : 'is'} already on our network under another account, so ${many ? 'they' : 'it'} can't move this way.`,
  manualOnly: (numbers, many) => `${numbers} can't be moved in this chat, but our porting team can move ${many ? 'them' : 'it'} for you.`,
  tollFree: (numbers, many) => `${numbers} ${many ? 'are toll-free numbers, which move' : 'is a toll-free number, which moves'} by a separate process.`,
  unspecified: (numbers) => `Our check says ${numbers} can't move to us right now.`,
};

export const portabilityTextEn = {
  reasons,
  /** None of the numbers can move: the numbers question is asked again, with a person offered. */
  noneCanMove: (groups: RefusedGroups) =>
    `${refusedLines(groups)}\n\nIf you have other numbers to move, please send them. Or talk to a person on our team, who can look into it with you.`,
  /** Some can: the others are kept (`kept` of them) and the port goes on. */
  someCannotMove: (groups: RefusedGroups, kept: number) =>
    `${refusedLines(groups)} I've kept ${kept === 1 ? 'the other number' : 'the other numbers'}. ` +
    "If you'd like a person on our team to look into it, just ask for an agent.",
  /** Under the form card, whose numbers input shows why: the person, as a button. */
  formPersonOffer: "A person on our team can look into the numbers that can't move with you.",
} as const;

export const portabilityText = localized({ en: portabilityTextEn, es: portabilityTextEs });
