/**
 * The checks before signing (DialogIds.readyToSign), on every way to the signature (a port, a resumed draft, a
 * correction): a transfer PIN that has outlived the carrier's PINs is asked for again, and where the carrier has a
 * port-out lock, the customer says it is off. Both are reasons carriers reject a port that no detail on the letter
 * shows, so they are settled before the letter is signed rather than after the carrier turns it down.
 */
import { type DialogTurnResult, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { type CarrierRef, type PortOutLock, portOutLockOf } from '../src/domain';
import type { AskFieldDialog, AskFieldOptions } from './askFieldDialog';
import type { ConversationDeps } from './conversationDeps';
import { DialogIds } from './dialogIds';
import { FlowDialog } from './flowDialog';
import { saidYes, yesNoPrompt } from './intentChoicePrompt';
import { customerTimeZone, expiredPinNotice } from './pinValidity';
import { setStepHelp } from './stepHelp';
import { carrierRulesText } from './text/carrierRulesText';

const LOCK_WATERFALL = 'readyToSign.lock';
const LOCK_PROMPT = 'readyToSign.lockOff';

interface LockOptions {
  readonly carrier: CarrierRef;
  readonly lock: PortOutLock;
  /** The customer said the lock is on and was told how to turn it off: the question now waits for it. */
  readonly waiting?: boolean;
}

export class ReadyToSignDialog extends FlowDialog {
  constructor(
    private readonly deps: ConversationDeps,
    askField: AskFieldDialog,
  ) {
    super(DialogIds.readyToSign);
    this.addDialog(askField);
    this.addDialog(yesNoPrompt(LOCK_PROMPT));
    this.addDialog(new WaterfallDialog(LOCK_WATERFALL, [this.askLockStep.bind(this), this.lockAnsweredStep.bind(this)]));
    this.addStep(this.freshPinStep.bind(this));
    this.addStep(this.lockStep.bind(this));
  }

  /** A PIN past its lifetime is asked for again, the reason said with the question (even the same PIN is taken as new). */
  private async freshPinStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const session = await this.deps.sessions.get(step.context);
    const reason = expiredPinNotice(session, this.deps.clock(), customerTimeZone(step.context.activity));
    if (reason === undefined) return step.next();
    return step.beginDialog(DialogIds.askField, { field: 'pin', mode: 'edit', reason } satisfies AskFieldOptions);
  }

  /** Asked once per letter (sending one clears the answer) and again for another carrier. */
  private async lockStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { draft, portOutLockOffFor } = await this.deps.sessions.get(step.context);
    const carrier = draft.carrier;
    const lock = portOutLockOf(carrier);
    if (carrier === undefined || lock === undefined || portOutLockOffFor === carrier.name) return step.next();
    return step.beginDialog(LOCK_WATERFALL, { carrier, lock } satisfies LockOptions);
  }

  private async askLockStep(step: WaterfallStepContext<LockOptions>): Promise<DialogTurnResult> {
    const { carrier, lock, waiting } = step.options;
    setStepHelp(step, carrierRulesText.lock.help(lock, carrier.name));
    const question = waiting ? carrierRulesText.lock.waiting(lock) : carrierRulesText.lock.question(lock, carrier.name);
    return step.prompt(LOCK_PROMPT, { prompt: question });
  }

  /** "Yes" is remembered for this letter; "no" says how to turn the lock off and waits for it, asking again. */
  private async lockAnsweredStep(step: WaterfallStepContext<LockOptions>): Promise<DialogTurnResult> {
    const { carrier, lock } = step.options;
    if (saidYes(step.result)) {
      await this.deps.sessions.update(step.context, (session) => {
        session.portOutLockOffFor = carrier.name;
      });
      return step.endDialog();
    }
    await step.context.sendActivity(carrierRulesText.lock.turnOff(lock));
    return step.replaceDialog(LOCK_WATERFALL, { carrier, lock, waiting: true } satisfies LockOptions);
  }
}
