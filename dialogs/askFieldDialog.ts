import type { Activity, TurnContext } from 'botbuilder';
import {
  type DialogTurnResult,
  type FoundChoice,
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
  type RuleQuestion,
  carrierRules,
  formatPhoneNumber,
  isSecretField,
  looksLikeCsrPaste,
  matchCarrier,
  pinExpiryNotice,
} from '../src/domain';
import { FIELD_ANSWER_PROMPT, billTakenThisTurn } from './billAttachment';
import { buttonChoice, isButtonClick, labelledChoice, questionActivity } from './choices';
import type { ConversationDeps } from './conversationDeps';
import { DialogIds } from './dialogIds';
import { FlowDialog } from './flowDialog';
import { type AnswerValue, type AskableField, fieldsToAsk, validateAnswer } from './draftFields';
import { fieldOptions, hasNotPortableNotice, saveAndReport, shownValue, takePastedValues } from './draftUpdates';
import { IntentChoicePrompt, chosenIntent, saidYes, yesNoPrompt } from './intentChoicePrompt';
import { type Intent, recognizeIntent } from './intents';
import { type RuleCheckedField, forgetUnconfirmed } from './portingSession';
import { NOT_PORTABLE_CODE, checkPortability } from './portabilityCheck';
import { markSecretAnswer } from './secretAnswer';
import { setStepHelp } from './stepHelp';
import { askFieldText, type QuestionContext } from './text/askFieldText';
import { carrierRulesText } from './text/carrierRulesText';
import { useNumberLabel } from './text/buttonLabels';
import { promptText } from './text/promptText';
import type { TipsDialog } from './tipsDialog';

export interface AskFieldOptions {
  readonly field: AskableField;
  /**
   * 'collect': one question of the step-by-step collection (pasted records and "form" are welcome). 'edit': the
   * customer changes an answer from the review; any answer the change invalidates is asked again before ending.
   */
  readonly mode: 'collect' | 'edit';
  /** Offer the one-card form as a button on this question. */
  readonly offerForm?: boolean;
  /** Why the detail is asked again, said with the question instead of its current value (a PIN that has expired). */
  readonly reason?: string;
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

/** What the waterfall remembers between its steps: the confirmation asked for, if any. */
interface AskFieldValues {
  carrierCandidate?: CarrierCandidate;
  /** The answer breaks an unconfirmed carrier rule, and the customer was asked about it (RULE_WATERFALL). */
  ruleAsked?: boolean;
  /** The answer named numbers that cannot move: a person is offered with the next question. */
  offerPerson?: boolean;
}

/** The question about a value that breaks an unconfirmed carrier rule (RULE_WATERFALL); the value waits in the session. */
interface RuleOptions {
  readonly field: RuleCheckedField;
  readonly mode: AskFieldOptions['mode'];
  readonly question: RuleQuestion;
}

/** How the question ended: the value was saved (as typed, or a new one typed instead), or it is to be typed again. */
type RuleResult = { readonly saved: true } | { readonly typeAgain: true };

/** What the rule question's validator needs to know (PromptOptions.validations). */
interface RuleValidations {
  readonly field: RuleCheckedField;
  readonly mode: AskFieldOptions['mode'];
}

/** How an answer to a field's question is taken. */
type Answer =
  | { readonly kind: 'keepTrying' }
  | { readonly kind: 'form' }
  | { readonly kind: 'paste' }
  /** A copy of the bill arrived instead (taken by billAttachment.ts): on to the next detail still missing. */
  | { readonly kind: 'bill' }
  | { readonly kind: 'confirmCarrier'; readonly candidate: CarrierCandidate; readonly question: string }
  /** Breaks an unconfirmed rule of the carrier's: asked about before it is taken (see RuleQuestion). */
  | { readonly kind: 'askAboutRule'; readonly field: RuleCheckedField; readonly question: RuleQuestion }
  | { readonly kind: 'accepted'; readonly value: unknown; readonly warnings: readonly FieldNotice[] }
  | { readonly kind: 'refused'; readonly error: FieldNotice };

const ANSWER_PROMPT = FIELD_ANSWER_PROMPT;
const CARRIER_CONFIRM_PROMPT = 'askField.confirmCarrier';
const RULE_WATERFALL = 'askField.ruleQuestion';
const RULE_PROMPT = 'askField.ruleAnswer';
/** Answers to the rule question besides its buttons: the value stands, or it is to be typed again. */
const KEEPS_AS_TYPED: ReadonlySet<Intent> = new Set<Intent>(['thatsIt', 'yes']);
const TYPES_AGAIN: ReadonlySet<Intent> = new Set<Intent>(['typeAgain', 'no', 'keepTrying']);
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
 * its spelling is confirmed. An account number or PIN that breaks a carrier rule we haven't confirmed is asked about
 * once ("Is the PIN you typed exactly what T-Mobile gave you?") and saved only on "Yes, that's it"; nothing is said to be
 * saved before that. In collection, a pasted record fills every field it can, and "form" switches to the form.
 */
export class AskFieldDialog extends FlowDialog<AskFieldOptions> {
  constructor(
    private readonly deps: ConversationDeps,
    tips: TipsDialog,
  ) {
    super(DialogIds.askField);
    this.addDialog(new TextPrompt(ANSWER_PROMPT, this.checkAnswer.bind(this)));
    this.addDialog(yesNoPrompt(CARRIER_CONFIRM_PROMPT));
    this.addDialog(
      new IntentChoicePrompt(RULE_PROMPT, ['thatsIt', 'typeAgain'], {
        alsoAccepts: [...KEEPS_AS_TYPED, ...TYPES_AGAIN],
        keeps: ['cancel'],
        validator: this.checkRuleAnswer.bind(this),
      }),
    );
    this.addDialog(tips);
    this.addDialog(new WaterfallDialog(RULE_WATERFALL, [this.askRuleStep.bind(this), this.ruleAnsweredStep.bind(this)]));
    this.addStep(this.carrierGuidanceStep.bind(this));
    this.addStep(this.askStep.bind(this));
    this.addStep(this.answerStep.bind(this));
    this.addStep(this.confirmedStep.bind(this));
    this.addStep(this.followUpStep.bind(this));
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
    const { field, mode, offerForm, reason, offerPerson } = step.options;
    const { draft } = await this.deps.sessions.get(step.context);
    const ctx = questionContext(draft);
    const current = mode === 'edit' && reason === undefined ? shownValue(draft, field) : undefined;
    const lead = reason ?? (current === undefined ? '' : askFieldText.current(current));
    const question = [lead, askFieldText.question[field](ctx)]
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
    if (result.ok) return { kind: 'accepted', value: result.value, warnings: result.warnings };
    if (result.question !== undefined && isRuleChecked(field)) return { kind: 'askAboutRule', field, question: result.question };
    return { kind: 'refused', error: result.error };
  }

  /**
   * interpret, then, for numbers it accepted, the porting provider's portability check. The validator and the step
   * after it both come here in one turn; the provider is asked once (see portabilityCheck.ts).
   */
  private async interpretChecked(context: TurnContext, field: AskableField, mode: AskFieldOptions['mode'], text: string, draft: CsrDraft): Promise<Answer> {
    if (mode === 'collect' && billTakenThisTurn(context)) return { kind: 'bill' };
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
      case 'bill':
        return step.endDialog({ saved: true } satisfies AskFieldResult);
      case 'paste': {
        const pasted = await takePastedValues(step.context, this.deps, text);
        return step.endDialog({ saved: true, ...(pasted.notPortable && { offerPerson: true }) } satisfies AskFieldResult);
      }
      case 'confirmCarrier':
        (step.values as AskFieldValues).carrierCandidate = answer.candidate;
        setStepHelp(step, askFieldText.carrier.confirmHelp);
        return step.prompt(CARRIER_CONFIRM_PROMPT, { prompt: answer.question });
      case 'askAboutRule':
        (step.values as AskFieldValues).ruleAsked = true;
        return this.beginRuleQuestion(step, answer.field, answer.question, text);
      case 'accepted':
        await saveAndReport(step.context, this.deps, field, answer.value as AnswerValue<typeof field>, answer.warnings);
        if (hasNotPortableNotice(answer.warnings)) (step.values as AskFieldValues).offerPerson = true;
        return step.next();
      default:
        // The validator let through only answers that are taken; the draft can't have changed since, but ask again rather than guess.
        return step.replaceDialog(DialogIds.askField, step.options);
    }
  }

  /** After a confirmation: a carrier taken or typed again, or a value kept as typed, replaced or to be typed again. */
  private async confirmedStep(step: WaterfallStepContext<AskFieldOptions>): Promise<DialogTurnResult> {
    const values = step.values as AskFieldValues;
    if (values.ruleAsked) {
      if ('typeAgain' in (step.result as RuleResult)) return step.replaceDialog(DialogIds.askField, step.options);
      return step.next();
    }
    const candidate = values.carrierCandidate;
    if (!candidate) return step.next();
    if (!saidYes(step.result)) {
      await step.context.sendActivity(askFieldText.carrier.retype);
      return step.replaceDialog(DialogIds.askField, step.options);
    }
    const { draft } = await this.deps.sessions.get(step.context);
    const result = validateAnswer('carrier', candidate.name, draft, fieldOptions(this.deps, { confirmedUnknownCarrier: candidate.unknown }));
    if (!result.ok) {
      await step.context.sendActivity(result.error.message);
      return step.replaceDialog(DialogIds.askField, step.options);
    }
    await saveAndReport(step.context, this.deps, 'carrier', result.value, result.warnings);
    return step.next();
  }

  private async beginRuleQuestion(
    step: WaterfallStepContext<AskFieldOptions>,
    field: RuleCheckedField,
    question: RuleQuestion,
    typed: string,
  ): Promise<DialogTurnResult> {
    await this.keepUnconfirmed(step, field, typed);
    return step.beginDialog(RULE_WATERFALL, { field, mode: step.options.mode, question } satisfies RuleOptions);
  }

  /** What the customer typed waits for their answer in the session, with the draft (it is a secret: never in dialog state). */
  private async keepUnconfirmed(step: WaterfallStepContext, field: RuleCheckedField, typed: string): Promise<void> {
    await this.deps.sessions.update(step.context, (session) => {
      session.unconfirmedAnswers = { ...session.unconfirmedAnswers, [field]: typed };
    });
  }

  private async askRuleStep(step: WaterfallStepContext<RuleOptions>): Promise<DialogTurnResult> {
    const { field, mode, question } = step.options;
    const { draft } = await this.deps.sessions.get(step.context);
    setStepHelp(step, carrierRulesText.ruleQuestion.help(draft.carrier?.name ?? carrierRulesText.ruleQuestion.yourCarrier));
    const validations: RuleValidations = { field, mode };
    return step.prompt(RULE_PROMPT, { prompt: `${question.rule} ${question.question}`, validations });
  }

  /**
   * The validator beside RULE_PROMPT: its buttons, yes and no answer it; so does a new value typed instead of pressing
   * a button, when it is one the field's validator would take or ask about. Anything else (a stale button, words that
   * are no answer) gets the question again.
   */
  private async checkRuleAnswer(prompt: PromptValidatorContext<FoundChoice>): Promise<boolean> {
    if (prompt.recognized.succeeded) return true;
    const { context } = prompt;
    const text = context.activity.text ?? '';
    if (isButtonClick(context.activity) || text.trim() === '' || recognizeIntent(text) !== undefined) return false;
    markSecretAnswer(context);
    const { field, mode } = prompt.options.validations as RuleValidations;
    const { draft } = await this.deps.sessions.get(context);
    const answer = this.interpret(field, mode, text, draft);
    return answer.kind === 'accepted' || answer.kind === 'askAboutRule';
  }

  /**
   * "Yes, that's it" takes the value as typed, with no warning; "Let me type it again" asks the question again; a new
   * value typed instead is taken like any answer, or asked about in turn.
   */
  private async ruleAnsweredStep(step: WaterfallStepContext<RuleOptions>): Promise<DialogTurnResult> {
    const { field, mode } = step.options;
    const intent = chosenIntent(step.result);
    const session = await this.deps.sessions.get(step.context);
    if (intent !== undefined && KEEPS_AS_TYPED.has(intent)) {
      const typed = session.unconfirmedAnswers?.[field];
      const result = typed === undefined ? undefined : validateAnswer(field, typed, session.draft, fieldOptions(this.deps, { asTyped: true }));
      if (result?.ok) {
        await saveAndReport(step.context, this.deps, field, result.value as AnswerValue<typeof field>, result.warnings, { asTyped: true });
        return step.endDialog({ saved: true } satisfies RuleResult);
      }
      // Kept no longer (the draft changed meanwhile): the question for the detail comes again.
      return this.typeAgain(step, field);
    }
    if (intent !== undefined && TYPES_AGAIN.has(intent)) {
      await step.context.sendActivity(carrierRulesText.ruleQuestion.typeAgain);
      return this.typeAgain(step, field);
    }
    const typed = step.context.activity.text ?? '';
    const answer = this.interpret(field, mode, typed, session.draft);
    if (answer.kind === 'askAboutRule') {
      await this.keepUnconfirmed(step, field, typed);
      return step.replaceDialog(RULE_WATERFALL, { field, mode, question: answer.question } satisfies RuleOptions);
    }
    if (answer.kind === 'accepted') {
      await saveAndReport(step.context, this.deps, field, answer.value as AnswerValue<typeof field>, answer.warnings);
      return step.endDialog({ saved: true } satisfies RuleResult);
    }
    return this.typeAgain(step, field);
  }

  private async typeAgain(step: WaterfallStepContext<RuleOptions>, field: RuleCheckedField): Promise<DialogTurnResult> {
    await this.deps.sessions.update(step.context, (session) => forgetUnconfirmed(session, field));
    return step.endDialog({ typeAgain: true } satisfies RuleResult);
  }

  /** In edit mode, the answers the change made invalid (or a newly needed authorized person) are asked next. */
  private async followUpStep(step: WaterfallStepContext<AskFieldOptions>): Promise<DialogTurnResult> {
    const offerPerson = (step.values as AskFieldValues).offerPerson === true;
    if (step.options.mode === 'edit') {
      const { draft } = await this.deps.sessions.get(step.context);
      const [next] = fieldsToAsk(draft);
      if (next !== undefined) return step.replaceDialog(DialogIds.askField, { field: next, mode: 'edit', offerPerson } satisfies AskFieldOptions);
    }
    return step.endDialog({ saved: true, ...(offerPerson && { offerPerson: true }) } satisfies AskFieldResult);
  }
}

/** The fields whose values can break a carrier rule we haven't confirmed: the account number and PIN. */
function isRuleChecked(field: AskableField): field is RuleCheckedField {
  return field === 'accountNumber' || field === 'pin';
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
