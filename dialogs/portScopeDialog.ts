/**
 * The questions about the accounts behind the numbers (DialogIds.portScope), each asked once and only where it matters
 * (src/domain/portScope.ts): are several numbers on one account with one carrier, and if not, which of them go first
 * (the others wait for a request of their own, linked under one parent reference); does the port move every number
 * on the account; and, for a partial port that moves the billing number, the new billing number of the lines that
 * stay. It runs before each collection question and once after the form card, and ends at once when nothing is due.
 */
import type { Activity, TurnContext } from 'botbuilder';
import { type DialogTurnResult, type PromptValidatorContext, TextPrompt, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import {
  type CsrDraft,
  type E164,
  type FieldResult,
  accept,
  createReferenceNumber,
  formatPhoneNumber,
  refuse,
  remainingBillingNumberAsked,
  sameAccountAsked,
  validateBillingNumber,
  validateNumbersToPort,
  wholeAccountAsked,
} from '../src/domain';
import type { ConversationDeps } from './conversationDeps';
import { DialogIds } from './dialogIds';
import { FlowDialog } from './flowDialog';
import { saidYes, yesNoPrompt } from './intentChoicePrompt';
import { setStepHelp } from './stepHelp';
import { portScopeText } from './text/portScopeText';

type Question = 'sameAccount' | 'wholeAccount' | 'remainingBillingNumber';

const SPLIT_WATERFALL = 'portScope.split';
const SAME_ACCOUNT_PROMPT = 'portScope.sameAccount';
const WHOLE_ACCOUNT_PROMPT = 'portScope.wholeAccount';
const FIRST_ACCOUNT_PROMPT = 'portScope.firstAccount';
const REMAINING_BILLING_PROMPT = 'portScope.remainingBillingNumber';

function asMessage(message: string | Partial<Activity> | undefined): Partial<Activity> {
  return typeof message === 'object' ? message : { type: 'message', text: message ?? '' };
}

/** The question due for this draft, if any, in the order they depend on one another. */
export function dueQuestion(draft: CsrDraft): Question | undefined {
  if (sameAccountAsked(draft)) return 'sameAccount';
  if (wholeAccountAsked(draft)) return 'wholeAccount';
  if (remainingBillingNumberAsked(draft)) return 'remainingBillingNumber';
  return undefined;
}

const numbersOf = (draft: CsrDraft): readonly E164[] => draft.numbers?.numbers ?? [];
const carrierName = (draft: CsrDraft): string => draft.carrier?.name ?? 'your current carrier';

/** The numbers of one account, picked from those given: at least one, each among them. */
function pickFirstAccount(raw: string, draft: CsrDraft): FieldResult<E164[]> {
  const given = numbersOf(draft);
  const read = validateNumbersToPort(raw);
  if (!read.ok) return refuse('scope.unreadable', portScopeText.firstAccount.unreadable);
  const stranger = read.value.numbers.find((number) => !given.includes(number));
  if (stranger !== undefined) {
    return refuse('scope.not_given', portScopeText.firstAccount.notGiven(formatPhoneNumber(stranger), given.map(formatPhoneNumber)));
  }
  return accept(read.value.numbers);
}

/** The new billing number of the lines that stay: a number of the port's country that is not moving. */
function checkRemainingBillingNumber(raw: string, draft: CsrDraft): FieldResult<E164> {
  const country = draft.numbers?.country ?? 'US';
  const result = validateBillingNumber(raw, { country });
  if (!result.ok) return result;
  if (numbersOf(draft).includes(result.value)) return refuse('scope.moving', portScopeText.remainingBillingNumber.moving(formatPhoneNumber(result.value)));
  return result;
}

export class PortScopeDialog extends FlowDialog {
  constructor(private readonly deps: ConversationDeps) {
    super(DialogIds.portScope);
    this.addDialog(yesNoPrompt(SAME_ACCOUNT_PROMPT));
    this.addDialog(yesNoPrompt(WHOLE_ACCOUNT_PROMPT));
    this.addDialog(new TextPrompt(FIRST_ACCOUNT_PROMPT, (prompt) => this.validate(prompt, pickFirstAccount)));
    this.addDialog(new TextPrompt(REMAINING_BILLING_PROMPT, (prompt) => this.validate(prompt, checkRemainingBillingNumber)));
    this.addDialog(new WaterfallDialog(SPLIT_WATERFALL, [this.askFirstAccountStep.bind(this), this.splitStep.bind(this)]));
    this.addStep(this.askStep.bind(this));
    this.addStep(this.answeredStep.bind(this));
  }

  /** A refused answer gets its reason and the question again (a prompt that has answered asks nothing more itself). */
  private async validate<T>(prompt: PromptValidatorContext<string>, check: (raw: string, draft: CsrDraft) => FieldResult<T>): Promise<boolean> {
    if (!prompt.recognized.succeeded) return false;
    const { draft } = await this.deps.sessions.get(prompt.context);
    const result = check(prompt.recognized.value ?? '', draft);
    if (!result.ok) await prompt.context.sendActivities([result.error.message, prompt.options.prompt].map(asMessage));
    return result.ok;
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { draft } = await this.deps.sessions.get(step.context);
    const question = dueQuestion(draft);
    (step.values as { question?: Question }).question = question;
    switch (question) {
      case undefined:
        return step.endDialog();
      case 'sameAccount':
        setStepHelp(step, portScopeText.sameAccount.help);
        return step.prompt(SAME_ACCOUNT_PROMPT, { prompt: portScopeText.sameAccount.question(numbersOf(draft).length) });
      case 'wholeAccount':
        setStepHelp(step, portScopeText.wholeAccount.help(carrierName(draft)));
        return step.prompt(WHOLE_ACCOUNT_PROMPT, { prompt: portScopeText.wholeAccount.question(carrierName(draft)) });
      case 'remainingBillingNumber': {
        const text = portScopeText.remainingBillingNumber;
        const question = text.question(formatPhoneNumber(draft.billingNumber ?? ''), carrierName(draft));
        setStepHelp(step, text.help(carrierName(draft)));
        return step.prompt(REMAINING_BILLING_PROMPT, { prompt: question, retryPrompt: question });
      }
    }
  }

  private async answeredStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { question } = step.values as { question?: Question };
    const { context } = step;
    if (question === 'sameAccount') {
      if (!saidYes(step.result)) return step.replaceDialog(SPLIT_WATERFALL);
      await this.updateDraft(context, (draft) => (draft.sameAccount = true));
    } else if (question === 'wholeAccount') {
      const wholeAccount = saidYes(step.result);
      await this.updateDraft(context, (draft) => (draft.wholeAccount = wholeAccount));
    } else if (question === 'remainingBillingNumber') {
      const session = await this.deps.sessions.get(context);
      const checked = checkRemainingBillingNumber(step.result as string, session.draft);
      if (checked.ok) {
        await this.updateDraft(context, (draft) => (draft.remainingBillingNumber = checked.value));
        await context.sendActivity(portScopeText.remainingBillingNumber.saved(formatPhoneNumber(checked.value)));
      }
    }
    return step.replaceDialog(DialogIds.portScope);
  }

  private async askFirstAccountStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { draft } = await this.deps.sessions.get(step.context);
    const question = portScopeText.firstAccount.question(numbersOf(draft).map(formatPhoneNumber));
    setStepHelp(step, portScopeText.firstAccount.help);
    return step.prompt(FIRST_ACCOUNT_PROMPT, { prompt: question, retryPrompt: question });
  }

  /**
   * The numbers named go on in this request; the others wait in the session for requests of their own, with their
   * portability verdicts. Naming every number means one account after all.
   */
  private async splitStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { context } = step;
    const session = await this.deps.sessions.get(context);
    const picked = pickFirstAccount(step.result as string, session.draft);
    if (!picked.ok) return step.replaceDialog(SPLIT_WATERFALL);
    const given = numbersOf(session.draft);
    const first = given.filter((number) => picked.value.includes(number));
    const later = given.filter((number) => !picked.value.includes(number));
    if (later.length === 0) {
      await this.updateDraft(context, (draft) => (draft.sameAccount = true));
      await context.sendActivity(portScopeText.firstAccount.allOfThem);
      return step.replaceDialog(DialogIds.portScope);
    }
    const updated = await this.deps.sessions.update(context, (current) => {
      const numbers = current.draft.numbers;
      if (numbers === undefined) return;
      const verdicts = (kept: readonly E164[]) => {
        const portability = Object.fromEntries(Object.entries(numbers.portability ?? {}).filter(([number]) => kept.includes(number as E164)));
        return Object.keys(portability).length > 0 ? { portability } : {};
      };
      current.draft.numbers = { country: numbers.country, numbers: first, ...verdicts(first) };
      current.draft.sameAccount = true;
      // A billing number given for all the numbers may be on the other account.
      if (current.draft.billingNumber !== undefined && !first.includes(current.draft.billingNumber)) delete current.draft.billingNumber;
      current.linkedPort = {
        parentReference: current.linkedPort?.parentReference ?? createReferenceNumber(),
        children: current.linkedPort?.children ?? [],
        later: { country: numbers.country, numbers: later, ...verdicts(later) },
      };
    });
    const parent = updated.linkedPort?.parentReference ?? '';
    await context.sendActivity(portScopeText.firstAccount.split(first.map(formatPhoneNumber), later.map(formatPhoneNumber), parent));
    return step.replaceDialog(DialogIds.portScope);
  }

  private async updateDraft(context: TurnContext, change: (draft: CsrDraft) => void): Promise<void> {
    await this.deps.sessions.update(context, (session) => change(session.draft));
  }
}
