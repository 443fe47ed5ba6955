/**
 * The correction (DialogIds.correction): the carrier rejected a signed request for a reason the customer can fix.
 * Only the details the reason points to are asked again (AskFieldDialog in edit mode, which also asks again for any
 * answer a change makes invalid), then the customer signs the corrected letter (SignDialog with the rejected one as
 * `previous`), which goes out as a new version under the same reference number.
 */
import { type DialogTurnResult, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { rejectionReason } from '../src/domain/rejectionReasons';
import { type Intent, recognizeIntent } from './intents';
import type { AskFieldOptions } from './askFieldDialog';
import type { ConversationDeps } from './conversationDeps';
import { DialogIds } from './dialogIds';
import { type AskableField, fieldLabel, fieldsToAsk } from './draftFields';
import { FlowDialog } from './flowDialog';
import type { PortingSession } from './portingSession';
import type { SharedDialogs } from './sharedDialogs';
import type { SignOptions, SignResult } from './signDialog';
import { correctionText } from './text/correctionText';

export interface CorrectionResult {
  /** The corrected letter was signed and sent. */
  readonly resent: boolean;
}

interface FieldLoopOptions {
  readonly fields: readonly AskableField[];
  /**
   * The details missing from the draft when the correction began (the PIN, not kept once a letter is sent). Absent
   * from a correction under way in a dialog stack saved before it was kept.
   */
  readonly missing?: readonly AskableField[];
}

const FIELD_LOOP = 'correction.fields';

/** Answers to the offer to fix that mean "go ahead". */
const GO_AHEAD: ReadonlySet<Intent> = new Set<Intent>(['fixNow', 'yes', 'resume']);

/**
 * Whether this message begins the correction: the customer asks to fix their request, or, until the correction has
 * begun once, the next message when nothing is in progress (the news of the rejection clears the dialog stack) and
 * it is not a request of its own: a status check, an agent, the tips… get what they asked for, and the correction
 * keeps waiting.
 */
export function beginsCorrection(session: PortingSession | undefined, text: string | undefined, idle: boolean): boolean {
  const correction = session?.correction;
  if (correction === undefined) return false;
  const intent = recognizeIntent(text);
  if (intent === 'fixNow') return true;
  return idle && !correction.begun && (intent === undefined || GO_AHEAD.has(intent));
}

export class CorrectionDialog extends FlowDialog {
  constructor(
    private readonly deps: ConversationDeps,
    { askField, sign }: SharedDialogs,
  ) {
    super(DialogIds.correction);
    this.addDialog(askField);
    this.addDialog(sign);
    this.addDialog(new WaterfallDialog(FIELD_LOOP, [this.askStep.bind(this), this.nextFieldStep.bind(this)]));
    this.addStep(this.introStep.bind(this));
    this.addStep(this.signStep.bind(this));
    this.addStep(this.finishStep.bind(this));
  }

  private async introStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const session = await this.deps.sessions.find(step.context);
    const correction = session?.correction;
    const rejected = session?.signedLoa;
    if (!correction || rejected?.referenceNumber !== correction.referenceNumber || rejected.version !== correction.version) {
      await step.context.sendActivity(correctionText.nothingToFix);
      return step.endDialog({ resent: false } satisfies CorrectionResult);
    }
    await this.deps.sessions.update(step.context, (current) => {
      if (current.correction) current.correction.begun = true;
    });
    const labels = correction.fields.map(fieldLabel);
    await step.context.sendActivity(correctionText.intro(correction.referenceNumber, rejectionReason(correction.reasonCode).words, labels));
    return step.beginDialog(FIELD_LOOP, { fields: correction.fields, missing: fieldsToAsk(session.draft) } satisfies FieldLoopOptions);
  }

  private async askStep(step: WaterfallStepContext<FieldLoopOptions>): Promise<DialogTurnResult> {
    const [field] = step.options.fields;
    if (field === undefined) return step.endDialog();
    return step.beginDialog(DialogIds.askField, { field, mode: 'edit' } satisfies AskFieldOptions);
  }

  /**
   * A detail listed because it was missing may have been asked already: after each change, AskFieldDialog asks for
   * whatever the draft still lacks (so the PIN comes right after a new address). It is not asked a second time.
   */
  private async nextFieldStep(step: WaterfallStepContext<FieldLoopOptions>): Promise<DialogTurnResult> {
    const { fields, missing = [] } = step.options;
    const { draft } = await this.deps.sessions.get(step.context);
    const stillMissing = fieldsToAsk(draft);
    const rest = fields.slice(1).filter((field) => !missing.includes(field) || stillMissing.includes(field));
    return rest.length > 0 ? step.replaceDialog(FIELD_LOOP, { fields: rest, missing } satisfies FieldLoopOptions) : step.endDialog();
  }

  private async signStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { signedLoa } = await this.deps.sessions.get(step.context);
    await step.context.sendActivity(correctionText.readyToSign);
    return step.beginDialog(DialogIds.sign, { previous: signedLoa } satisfies SignOptions);
  }

  private async finishStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { signed } = step.result as SignResult;
    if (!signed) await step.context.sendActivity(correctionText.notSent);
    return step.endDialog({ resent: signed } satisfies CorrectionResult);
  }
}
