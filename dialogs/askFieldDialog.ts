import type { Activity, TurnContext } from 'botbuilder';
import {
  type DialogTurnResult,
  type PromptValidatorContext,
  TextPrompt,
  WaterfallDialog,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import {
  type CsrDraft,
  type CsrValue,
  type FieldNotice,
  accept,
  carrierRules,
  formatPhoneNumber,
  isSecretField,
  looksLikeCsrPaste,
  matchCarrier,
  pinExpiryNotice,
} from '../src/domain';
import { buttonChoice, isButtonClick, labelledChoice, questionActivity } from './choices';
import type { ConversationDeps } from './conversationDeps';
import { DialogIds } from './dialogIds';
import { type AnswerValue, type AskableField, fieldsToAsk, validateAnswer } from './draftFields';
import { fieldOptions, hasNotPortableNotice, saveAndReport, shownValue, takePastedValues } from './draftUpdates';
import { saidYes, yesNoPrompt } from './intentChoicePrompt';
import { recognizeIntent } from './intents';
import { InterruptibleDialog } from './interruptibleDialog';
import { NOT_PORTABLE_CODE, checkPortability } from './portabilityCheck';
import { markSecretAnswer } from './secretAnswer';
import { setStepHelp } from './stepHelp';
import { askFieldText, type QuestionContext } from './text/askFieldText';
import { useNumberLabel } from './text/buttonLabels';
import { promptText } from './text/promptText';
import { TipsDialog } from './tipsDialog';

export interface AskFieldOptions {
  readonly field: AskableField;
  /**
   * 'collect': one question of the step-by-step collection (pasted records and "form" are welcome). 'edit': the
   * customer changes an answer from the review; any answer the change invalidates is asked again before ending.
   */
  readonly mode: 'collect' | 'edit';
  /** Offer the one-card form as a button on this question. */
  readonly offerForm?: boolean;
  /** Offer a person as a button on this question: the answer before it named numbers that cannot move. */
  readonly offerPerson?: boolean;
}

/** `offerPerson`: the answer named numbers that cannot move; the next question offers a person. */
export type AskFieldResult = { readonly switchToForm: true } | { readonly saved: true; readonly offerPerson?: true };

/** What the validator needs to know about the question on screen (PromptOptions.validations). */
interface AnswerValidations {
  readonly field: AskableField;
  readonly mode: AskFieldOptions['mode'];
  readonly question: string;
}

/** A carrier the customer must confirm: a near match ("did you mean"), or a name we don't know. */
interface CarrierCandidate {
  readonly name: string;
  readonly unknown: boolean;
}

/** What the waterfall remembers between its steps. */
interface AskFieldValues {
  carrierCandidate?: CarrierCandidate;
  /** The answer named numbers that cannot move: a person is offered with the next question. */
  offerPerson?: boolean;
}

/** How an answer to a field's question is taken. */
type Answer =
  | { readonly kind: 'keepTrying' }
  | { readonly kind: 'form' }
  | { readonly kind: 'paste' }
  | { readonly kind: 'confirmCarrier'; readonly candidate: CarrierCandidate; readonly question: string }
  | { readonly kind: 'accepted'; readonly value: unknown; readonly warnings: readonly FieldNotice[] }
  | { readonly kind: 'refused'; readonly error: FieldNotice };

const ASK_WATERFALL = 'askField.waterfall';
const ANSWER_PROMPT = 'askField.answer';
const CARRIER_CONFIRM_PROMPT = 'askField.confirmCarrier';
/** Refused answers in a row after which help, an agent or another try are offered. */
const REFUSALS_BEFORE_OFFER = 3;
/** What a customer stuck on a question can do, besides answering it. */
const STUCK_BUTTONS = ['help', 'agent', 'keepTrying'] as const;
/** The fields whose questions need the current carrier's own instructions first (tip 2's carrier part). */
const NEEDS_CARRIER_GUIDANCE: ReadonlySet<AskableField> = new Set<AskableField>(['accountNumber', 'pin']);

/**
 * Asks for one detail of the CSR, checks the answer with the field's validator as it is given and saves it. A refused
 * answer gets the validator's message and the same question, with nothing else lost; after three refusals, help, an
 * agent or another try are offered. A near-miss carrier is confirmed ("Did you mean T-Mobile?"), an unknown one once
 * its spelling is confirmed. In collection, a pasted record fills every field it can, and "form" switches to the form.
 */
export class AskFieldDialog extends InterruptibleDialog<AskFieldOptions> {
  constructor(deps: ConversationDeps) {
    super(DialogIds.askField, deps, ASK_WATERFALL);
    this.addDialog(new TextPrompt(ANSWER_PROMPT, this.checkAnswer.bind(this)));
    this.addDialog(yesNoPrompt(CARRIER_CONFIRM_PROMPT));
    this.addDialog(new TipsDialog(deps));
    this.addDialog(
      new WaterfallDialog(ASK_WATERFALL, [
        this.carrierGuidanceStep.bind(this),
        this.askStep.bind(this),
        this.answerStep.bind(this),
        this.carrierConfirmedStep.bind(this),
        this.followUpStep.bind(this),
      ]),
    );
  }

  /** Before the account number or PIN: the current carrier's own instructions, unless already shown for this carrier. */
  private async carrierGuidanceStep(step: WaterfallStepContext<AskFieldOptions>): Promise<DialogTurnResult> {
    const session = await this.deps.sessions.get(step.context);
    const carrier = session.draft.carrier;
    if (!NEEDS_CARRIER_GUIDANCE.has(step.options.field) || !carrier || session.carrierGuidanceFor === carrier.name) {
      return step.next();
    }
    return step.beginDialog(DialogIds.tips, { tips: ['getCsr'], context: 'port' });
  }

  private async askStep(step: WaterfallStepContext<AskFieldOptions>): Promise<DialogTurnResult> {
    const { field, mode, offerForm, offerPerson } = step.options;
    const { draft } = await this.deps.sessions.get(step.context);
    const ctx = questionContext(draft);
    const current = mode === 'edit' ? shownValue(draft, field) : undefined;
    const question = [current === undefined ? '' : askFieldText.current(current), askFieldText.question[field](ctx)]
      .filter(Boolean)
      .join(' ');
    const choices = [
      ...(field === 'billingNumber' && ctx.firstNumber ? [labelledChoice(ctx.firstNumber, useNumberLabel(ctx.firstNumber))] : []),
      ...(offerForm ? [buttonChoice('form')] : []),
      ...(offerPerson ? [buttonChoice('agent')] : []),
    ];
    setStepHelp(step, askFieldText.help[field](ctx));
    const validations: AnswerValidations = { field, mode, question };
    return step.prompt(ANSWER_PROMPT, { prompt: questionActivity(step.context.activity.channelId, question, choices), validations });
  }

  /**
   * The validator beside ANSWER_PROMPT. Refusals are handled here, so that the prompt itself asks again: the
   * validator's message, then the same question (with the offer of help after three refusals). A click on a button
   * from an earlier question gets a gentle word instead, and doesn't count as a refusal. Every other answer goes on
   * to the next step.
   */
  private async checkAnswer(prompt: PromptValidatorContext<string>): Promise<boolean> {
    const { context } = prompt;
    const { field, mode, question } = prompt.options.validations as AnswerValidations;
    if (field !== 'authorizedPerson' && isSecretField(field)) markSecretAnswer(context);
    const text = prompt.recognized.value ?? '';
    const { draft } = await this.deps.sessions.get(context);
    const answer = await this.interpretChecked(context, field, mode, text, draft);
    if (answer.kind === 'keepTrying') {
      await this.deps.sessions.update(context, (session) => delete session.refusals[field]);
      return false;
    }
    if (answer.kind !== 'refused') return true;
    const channelId = context.activity.channelId;
    const askedAgain = prompt.options.prompt as Partial<Activity>;
    // Only a click: "yes" typed at the number question is an answer to it, and is refused as one.
    if (isButtonClick(context.activity)) {
      await context.sendActivities([{ type: 'message', text: promptText.staleButton }, askedAgain]);
      return false;
    }
    const session = await this.deps.sessions.update(context, (current) => {
      current.refusals[field] = (current.refusals[field] ?? 0) + 1;
    });
    const stuck = (session.refusals[field] ?? 0) >= REFUSALS_BEFORE_OFFER;
    // Numbers that cannot move are no typing mistake: a person is offered at once.
    const notPortable = answer.error.code === NOT_PORTABLE_CODE;
    await context.sendActivities([
      { type: 'message', text: answer.error.message },
      stuck
        ? questionActivity(channelId, `${askFieldText.stuck}\n\n${question}`, STUCK_BUTTONS.map(buttonChoice))
        : notPortable
          ? questionActivity(channelId, question, [buttonChoice('agent')])
          : askedAgain,
    ]);
    return false;
  }

  private interpret(field: AskableField, mode: AskFieldOptions['mode'], text: string, draft: CsrDraft): Answer {
    const intent = recognizeIntent(text);
    if (intent === 'keepTrying') return { kind: 'keepTrying' };
    if (mode === 'collect' && intent === 'form') return { kind: 'form' };
    if (mode === 'collect' && looksLikeCsrPaste(text)) return { kind: 'paste' };
    if (field === 'carrier') {
      const match = matchCarrier(text);
      if (match.kind === 'suggestion') {
        return { kind: 'confirmCarrier', candidate: { name: match.carrier.name, unknown: false }, question: match.message };
      }
      if (match.kind === 'unknown') {
        const question = `${match.message}\n\n${askFieldText.carrier.spelledRight(match.name)}`;
        return { kind: 'confirmCarrier', candidate: { name: match.name, unknown: true }, question };
      }
    }
    const result = validateAnswer(field, text, draft, fieldOptions(this.deps));
    return result.ok ? { kind: 'accepted', value: result.value, warnings: result.warnings } : { kind: 'refused', error: result.error };
  }

  /**
   * interpret, then, for numbers it accepted, the porting provider's portability check. The validator and the step
   * after it both come here in one turn; the provider is asked once (see portabilityCheck.ts).
   */
  private async interpretChecked(context: TurnContext, field: AskableField, mode: AskFieldOptions['mode'], text: string, draft: CsrDraft): Promise<Answer> {
    const answer = this.interpret(field, mode, text, draft);
    if (answer.kind !== 'accepted' || field !== 'numbers') return answer;
    const checked = await checkPortability(context, this.deps, accept(answer.value as CsrValue<'numbers'>, answer.warnings), draft);
    return checked.ok ? { kind: 'accepted', value: checked.value, warnings: checked.warnings } : { kind: 'refused', error: checked.error };
  }

  private async answerStep(step: WaterfallStepContext<AskFieldOptions>): Promise<DialogTurnResult> {
    const { field, mode } = step.options;
    const text = step.result as string;
    const { draft } = await this.deps.sessions.get(step.context);
    const answer = await this.interpretChecked(step.context, field, mode, text, draft);
    switch (answer.kind) {
      case 'form':
        return step.endDialog({ switchToForm: true } satisfies AskFieldResult);
      case 'paste': {
        const pasted = await takePastedValues(step.context, this.deps, text);
        return step.endDialog({ saved: true, ...(pasted.notPortable && { offerPerson: true }) } satisfies AskFieldResult);
      }
      case 'confirmCarrier':
        (step.values as AskFieldValues).carrierCandidate = answer.candidate;
        setStepHelp(step, askFieldText.carrier.confirmHelp);
        return step.prompt(CARRIER_CONFIRM_PROMPT, { prompt: answer.question });
      case 'accepted':
        await saveAndReport(step.context, this.deps, field, answer.value as AnswerValue<typeof field>, answer.warnings);
        if (hasNotPortableNotice(answer.warnings)) (step.values as AskFieldValues).offerPerson = true;
        return step.next();
      default:
        // The validator let through only answers that are taken; the draft can't have changed since, but ask again rather than guess.
        return step.replaceDialog(ASK_WATERFALL, step.options);
    }
  }

  private async carrierConfirmedStep(step: WaterfallStepContext<AskFieldOptions>): Promise<DialogTurnResult> {
    const candidate = (step.values as AskFieldValues).carrierCandidate;
    if (!candidate) return step.next();
    if (!saidYes(step.result)) {
      await step.context.sendActivity(askFieldText.carrier.retype);
      return step.replaceDialog(ASK_WATERFALL, step.options);
    }
    const { draft } = await this.deps.sessions.get(step.context);
    const result = validateAnswer('carrier', candidate.name, draft, fieldOptions(this.deps, { confirmedUnknownCarrier: candidate.unknown }));
    if (!result.ok) {
      await step.context.sendActivity(result.error.message);
      return step.replaceDialog(ASK_WATERFALL, step.options);
    }
    await saveAndReport(step.context, this.deps, 'carrier', result.value, result.warnings);
    return step.next();
  }

  /** In edit mode, the answers the change made invalid (or a newly needed authorized person) are asked next. */
  private async followUpStep(step: WaterfallStepContext<AskFieldOptions>): Promise<DialogTurnResult> {
    const offerPerson = (step.values as AskFieldValues).offerPerson === true;
    if (step.options.mode === 'edit') {
      const { draft } = await this.deps.sessions.get(step.context);
      const [next] = fieldsToAsk(draft);
      if (next !== undefined) return step.replaceDialog(ASK_WATERFALL, { field: next, mode: 'edit', offerPerson } satisfies AskFieldOptions);
    }
    return step.endDialog({ saved: true, ...(offerPerson && { offerPerson: true }) } satisfies AskFieldResult);
  }
}

function questionContext(draft: CsrDraft): QuestionContext {
  const first = draft.numbers?.numbers[0];
  return {
    carrier: draft.carrier,
    rules: carrierRules(draft.carrier),
    pinExpiry: pinExpiryNotice(draft.carrier),
    business: draft.holderName?.kind === 'business' ? draft.holderName.fullName : undefined,
    firstNumber: first === undefined ? undefined : formatPhoneNumber(first),
  };
}
