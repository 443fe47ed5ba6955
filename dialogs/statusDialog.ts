/**
 * The status check (DialogIds.status): the reference number, then the service ZIP as a check, then where the request
 * stands (with the moving date once confirmed) and a fresh link to the signed letter. A wrong ZIP gets the same answer
 * as a reference that doesn't exist; after three misses the customer is pointed to a person. A customer whose only
 * request is a draft not yet signed hears how far the draft is instead.
 *
 * Guessing is stopped by the finder, not here (src/submission/events/guardedStatusLookup.ts): wrong guesses per
 * reference and per client address are counted in storage, across conversations. While either is locked the customer
 * is told to wait or reach a person, as soon as they name a locked reference, and nothing is looked up.
 */
import { type DialogTurnResult, type PromptValidatorContext, TextPrompt, type WaterfallStepContext } from 'botbuilder-dialogs';
import { normalizeReferenceNumber } from '../src/domain/referenceNumber';
import { parsePostalCode } from '../src/domain/address/postalCodes';
import { clientAddressOf } from '../src/hosting/turnClient';
import type { PortStatusView } from '../src/submission/events/portStatus';
import { labelledChoice, questionActivity } from './choices';
import type { ConversationDeps, PortStatusFinder } from './conversationDeps';
import { DialogIds } from './dialogIds';
import { hasAnyAnswer } from './draftFields';
import { FlowDialog } from './flowDialog';
import type { PortingSession } from './portingSession';
import { portStatusText } from './portStatus';
import { setStepHelp } from './stepHelp';
import { correctionText } from './text/correctionText';
import { signText } from './text/signText';
import { statusText } from './text/statusText';

export interface StatusOptions {
  /** Lookups that found nothing so far in this check. */
  readonly misses?: number;
}

interface StatusValues {
  referenceNumber?: string;
}

const REFERENCE_PROMPT = 'status.reference';
const POSTAL_CODE_PROMPT = 'status.postalCode';
/** Enough for a typo or two; a customer still missing after that is stuck, and better off with a person. */
const MAX_MISSES = 3;

const isReference = async (prompt: PromptValidatorContext<string>) => normalizeReferenceNumber(prompt.recognized.value ?? '') !== undefined;
const isPostalCode = async (prompt: PromptValidatorContext<string>) => parsePostalCode(prompt.recognized.value ?? '')?.kind === 'valid';

export class StatusDialog extends FlowDialog<StatusOptions> {
  constructor(
    private readonly deps: ConversationDeps,
    private readonly finder: PortStatusFinder,
  ) {
    super(DialogIds.status);
    this.addDialog(new TextPrompt(REFERENCE_PROMPT, isReference));
    this.addDialog(new TextPrompt(POSTAL_CODE_PROMPT, isPostalCode));
    this.addStep(this.referenceStep.bind(this));
    this.addStep(this.postalCodeStep.bind(this));
    this.addStep(this.resultStep.bind(this));
  }

  private async referenceStep(step: WaterfallStepContext<StatusOptions>): Promise<DialogTurnResult> {
    const session = await this.deps.sessions.find(step.context);
    if (session && !session.signedLoa && hasAnyAnswer(session.draft)) {
      await step.context.sendActivity(portStatusText(session));
      return step.endDialog();
    }
    // Their own last request (and the port that links it, if split) is one press away; any other needs its reference typed.
    const own = [session?.linkedPort?.parentReference, session?.signedLoa?.referenceNumber].filter((reference) => reference !== undefined);
    const choices = own.map((reference) => labelledChoice(reference, reference));
    const channelId = step.context.activity.channelId;
    setStepHelp(step, statusText.referenceHelp);
    return step.prompt(REFERENCE_PROMPT, {
      prompt: questionActivity(channelId, statusText.askReference, choices),
      retryPrompt: questionActivity(channelId, statusText.referenceInvalid, choices),
    });
  }

  private async postalCodeStep(step: WaterfallStepContext<StatusOptions>): Promise<DialogTurnResult> {
    const referenceNumber = normalizeReferenceNumber(step.result as string) ?? '';
    (step.values as StatusValues).referenceNumber = referenceNumber;
    // No point asking for a ZIP that would not be checked.
    const lockedUntil = await this.finder.lockedUntil(referenceNumber, clientAddressOf(step.context));
    if (lockedUntil !== undefined) return this.locked(step, lockedUntil);
    setStepHelp(step, statusText.postalCodeHelp);
    return step.prompt(POSTAL_CODE_PROMPT, { prompt: statusText.askPostalCode, retryPrompt: statusText.postalCodeInvalid });
  }

  private async resultStep(step: WaterfallStepContext<StatusOptions>): Promise<DialogTurnResult> {
    const { context } = step;
    const referenceNumber = (step.values as StatusValues).referenceNumber ?? '';
    const linked = (await this.deps.sessions.find(context))?.linkedPort;
    if (linked !== undefined && linked.parentReference === referenceNumber && linked.children.length > 0) {
      return this.linkedPortResult(step, linked.parentReference, linked.children);
    }
    const outcome = await this.finder.find(referenceNumber, step.result as string, clientAddressOf(context));
    if (outcome.kind === 'locked') return this.locked(step, outcome.until);
    if (outcome.kind === 'notFound') return this.notFound(step);
    const { view } = outcome;
    const session = await this.deps.sessions.find(context);
    const link = this.deps.receiptLink?.(view.referenceNumber, view.version);
    const lines = [statusText.result[view.progress](view), ...this.whatNext(view, session), ...(link ? [signText.letterLink(link)] : [])];
    await context.sendActivity(lines.join('\n\n'));
    return step.endDialog();
  }

  /**
   * The reference of the customer's own split port: each of its requests, looked up with the same ZIP check (and the
   * same limits) as a request's own reference. The port is found when any of them is.
   */
  private async linkedPortResult(step: WaterfallStepContext<StatusOptions>, parentReference: string, children: readonly string[]): Promise<DialogTurnResult> {
    const { context } = step;
    const paragraphs: string[] = [];
    for (const child of children) {
      const outcome = await this.finder.find(child, step.result as string, clientAddressOf(context));
      if (outcome.kind === 'locked') return this.locked(step, outcome.until);
      if (outcome.kind === 'found') paragraphs.push(statusText.result[outcome.view.progress](outcome.view));
    }
    if (paragraphs.length === 0) return this.notFound(step);
    await context.sendActivity([statusText.linkedPort(parentReference, children.length), ...paragraphs].join('\n\n'));
    return step.endDialog();
  }

  /** Nothing found: the reference and ZIP are asked again, until a person is the better way. */
  private async notFound(step: WaterfallStepContext<StatusOptions>): Promise<DialogTurnResult> {
    const misses = (step.options.misses ?? 0) + 1;
    if (misses >= MAX_MISSES) {
      await step.context.sendActivity(statusText.notFoundAgain(this.deps.supportContact));
      return step.endDialog();
    }
    await step.context.sendActivity(statusText.notFound);
    return step.replaceDialog(DialogIds.status, { misses } satisfies StatusOptions);
  }

  /** Look-ups are locked: the customer hears for about how long, and how to reach a person meanwhile. */
  private async locked(step: WaterfallStepContext<StatusOptions>, until: Date): Promise<DialogTurnResult> {
    await step.context.sendActivity(statusText.locked(this.deps.supportContact, until.getTime() - this.deps.clock().getTime()));
    return step.endDialog();
  }

  /** After a rejection or a refused hand-over: fix it here when the session can, otherwise reach a person. */
  private whatNext(view: PortStatusView, session: PortingSession | undefined): string[] {
    if (view.progress !== 'rejected' && view.progress !== 'failed') return [];
    if (view.progress === 'rejected' && session?.correction?.referenceNumber === view.referenceNumber) return [statusText.fixOffer];
    return [correctionText.personNeeded(this.deps.supportContact, view.referenceNumber)];
  }
}
