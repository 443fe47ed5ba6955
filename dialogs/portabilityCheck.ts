/**
 * The porting provider's portability check of the numbers a customer gives, wherever they give them: a question, the
 * form card, a pasted record, an agent's correction. It is the last step of checking the numbers, after their own
 * validator, and gives a FieldResult as every validator does: the numbers that can move (with the provider's verdicts,
 * which the draft keeps with them), refused numbers named with the reason in plain words, and a refusal when none can
 * move. With no provider configured it changes nothing and says nothing. A provider that is down, slow or refuses the
 * key is logged and passed over: the customer carries on without the check.
 */
import type { TurnContext } from 'botbuilder';
import {
  type CsrDraft,
  type CsrValue,
  type E164,
  type FieldResult,
  type NotPortableReason,
  type PortabilityVerdict,
  type RefusedNumber,
  accept,
  formatPhoneNumber,
  refuse,
  screenNumbers,
} from '../src/domain';
import { loggerForTurn } from '../src/logging';
import type { ConversationDeps, PortabilityCheckDeps } from './conversationDeps';
import { portabilityText, type RefusedGroups } from './text/portabilityText';

/** The code of the refusal (no number can move) and of the notice (some cannot), for the dialogs that offer a person. */
export const NOT_PORTABLE_CODE = 'numbers.not_portable';

type Numbers = CsrValue<'numbers'>;

/**
 * What the provider said during this turn. A question's validator and the step that saves the answer both check it;
 * the provider is asked once between them, and one that failed is not waited for a second time.
 */
interface TurnChecks {
  readonly verdicts: Map<E164, PortabilityVerdict>;
  readonly unavailable: Set<E164>;
}

const TURN_CHECKS = Symbol('portabilityChecks');

function turnChecks(context: TurnContext): TurnChecks {
  const existing = context.turnState.get(TURN_CHECKS) as TurnChecks | undefined;
  if (existing) return existing;
  const checks: TurnChecks = { verdicts: new Map(), unavailable: new Set() };
  context.turnState.set(TURN_CHECKS, checks);
  return checks;
}

/**
 * Checks numbers the numbers' validator accepted (`result`) with the provider, given the draft as saved before this
 * answer. Numbers already in that draft are not asked about again: they were checked when given (their verdicts are
 * kept with them), or the check was unavailable then and the customer went on without it.
 */
export async function checkPortability(
  context: TurnContext,
  deps: ConversationDeps,
  result: FieldResult<Numbers>,
  saved: CsrDraft,
): Promise<FieldResult<Numbers>> {
  const check = deps.portabilityCheck;
  if (!result.ok || !check) return result;
  const known = saved.numbers?.portability ?? {};
  const turn = turnChecks(context);
  const verdictOf = (number: E164) => turn.verdicts.get(number) ?? (Object.hasOwn(known, number) ? known[number] : undefined);
  const carried = new Set(saved.numbers?.numbers ?? []);
  const unasked = result.value.numbers.filter((number) => verdictOf(number) === undefined && !turn.unavailable.has(number) && !carried.has(number));
  if (unasked.length > 0) await ask(context, check, unasked, turn);

  const screen = screenNumbers(result.value, verdictOf);
  if (screen.refused.length === 0) return accept(screen.kept ?? result.value, result.warnings);
  const groups = groupByReason(screen.refused);
  if (screen.kept === undefined) return refuse(NOT_PORTABLE_CODE, portabilityText.noneCanMove(groups));
  const notice = { code: NOT_PORTABLE_CODE, message: portabilityText.someCannotMove(groups, screen.kept.numbers.length) };
  return accept(screen.kept, [...result.warnings, notice]);
}

async function ask(context: TurnContext, check: PortabilityCheckDeps, numbers: readonly E164[], turn: TurnChecks): Promise<void> {
  const log = loggerForTurn(check.logger, context);
  const provider = check.checker.provider;
  const outcome = await check.checker.check(numbers);
  if (!outcome.ok) {
    for (const number of numbers) turn.unavailable.add(number);
    // The failure's kind and status only: never the numbers, the request or its credentials.
    log.warn({ provider, failure: outcome.failure.kind, status: outcome.failure.status, numbers: numbers.length }, 'portability check unavailable: carrying on without it');
    return;
  }
  for (const [number, verdict] of outcome.verdicts) turn.verdicts.set(number, verdict);
  const verdicts = [...outcome.verdicts.values()];
  const notPortable = verdicts.filter((verdict) => !verdict.portable).map((verdict) => verdict.reason ?? 'unspecified');
  log.info(
    {
      provider,
      numbers: numbers.length,
      answered: verdicts.length,
      notPortable,
      ...(outcome.unmappedReasons.length > 0 && { unmappedReasons: outcome.unmappedReasons }),
    },
    'portability check made',
  );
}

function groupByReason(refused: readonly RefusedNumber[]): RefusedGroups {
  const groups = new Map<NotPortableReason, string[]>();
  for (const { number, reason } of refused) groups.set(reason, [...(groups.get(reason) ?? []), formatPhoneNumber(number)]);
  return groups;
}
