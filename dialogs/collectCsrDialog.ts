import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import type { AskFieldDialog, AskFieldOptions, AskFieldResult } from './askFieldDialog';
import type { ConversationDeps } from './conversationDeps';
import { DialogIds } from './dialogIds';
import { type AskableField, draftProgress, fieldLabel } from './draftFields';
import { FlowDialog } from './flowDialog';
import { type PortScopeDialog, dueQuestion } from './portScopeDialog';
import { collectCsrText } from './text/collectCsrText';

export interface CollectCsrOptions {
  /** Set when the collection loops back for its next question. */
  readonly continuing?: boolean;
  /** The last answer named numbers that cannot move: the next question offers a person. */
  readonly offerPerson?: boolean;
}

export type CollectCsrResult = { readonly switchToForm: true } | { readonly complete: true };

/** The details asked before the questions about the rest of the account: they are the same whatever its answer. */
const BEFORE_WHOLE_ACCOUNT: ReadonlySet<AskableField | undefined> = new Set<AskableField>([
  'numbers', 'carrier', 'accountNumber', 'pin', 'holderName', 'authorizedPerson', 'serviceAddress',
]);

/**
 * Whether a question about the accounts comes before the next detail. Whether the numbers are on one account comes at
 * once, as it decides which numbers go on; whether the port moves the whole account comes just before the billing
 * number, which it decides.
 */
function portScopeNow(due: ReturnType<typeof dueQuestion>, next: AskableField | undefined): boolean {
  if (due === undefined) return false;
  return due === 'sameAccount' || !BEFORE_WHOLE_ACCOUNT.has(next);
}

/**
 * Collects the CSR step by step: the next missing field, in CSR_FIELDS order, until none is missing. Values already
 * in the draft (answered earlier, pasted, or kept from a previous visit) are never asked again.
 */
export class CollectCsrDialog extends FlowDialog<CollectCsrOptions> {
  constructor(
    private readonly deps: ConversationDeps,
    askField: AskFieldDialog,
    portScope: PortScopeDialog,
  ) {
    super(DialogIds.collectCsr);
    this.addDialog(askField);
    this.addDialog(portScope);
    this.addStep(this.introStep.bind(this));
    this.addStep(this.askNextStep.bind(this));
    this.addStep(this.loopStep.bind(this));
  }

  private async introStep(step: WaterfallStepContext<CollectCsrOptions>): Promise<DialogTurnResult> {
    if (step.options.continuing) return step.next();
    const { draft } = await this.deps.sessions.get(step.context);
    const progress = draftProgress(draft);
    if (progress.next !== undefined) {
      await step.context.sendActivity(
        progress.done === 0 ? collectCsrText.intro : collectCsrText.resumed(progress.done, progress.total, fieldLabel(progress.next)),
      );
    }
    return step.next();
  }

  private async askNextStep(step: WaterfallStepContext<CollectCsrOptions>): Promise<DialogTurnResult> {
    const { draft } = await this.deps.sessions.get(step.context);
    const { next } = draftProgress(draft);
    if (portScopeNow(dueQuestion(draft), next)) return step.beginDialog(DialogIds.portScope);
    if (next === undefined) return step.endDialog({ complete: true } satisfies CollectCsrResult);
    const options: AskFieldOptions = { field: next, mode: 'collect', offerForm: !step.options.continuing, offerPerson: step.options.offerPerson };
    return step.beginDialog(DialogIds.askField, options);
  }

  private async loopStep(step: WaterfallStepContext<CollectCsrOptions>): Promise<DialogTurnResult> {
    // The questions about the accounts end with nothing to report: the next question follows.
    const result = step.result as AskFieldResult | undefined;
    if (result !== undefined && 'switchToForm' in result) return step.endDialog({ switchToForm: true } satisfies CollectCsrResult);
    return step.replaceDialog(DialogIds.collectCsr, { continuing: true, offerPerson: result?.offerPerson } satisfies CollectCsrOptions);
  }
}
