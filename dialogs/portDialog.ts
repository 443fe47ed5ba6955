import type { TurnContext } from 'botbuilder';
import { type DialogTurnResult, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { formatPhoneNumber } from '../src/domain';
import type { CardActions } from './cardActions';
import { CollectCsrDialog, type CollectCsrResult } from './collectCsrDialog';
import type { ConversationDeps } from './conversationDeps';
import { CsrFormDialog, type CsrFormResult } from './csrFormDialog';
import { DialogIds } from './dialogIds';
import { takePastedValues } from './draftUpdates';
import { FlowDialog } from './flowDialog';
import { IntentChoicePrompt, chosenIntent } from './intentChoicePrompt';
import type { PortingStage } from './portingSession';
import { ReviewDialog } from './reviewDialog';
import type { SharedDialogs } from './sharedDialogs';
import type { SignResult } from './signDialog';
import { setStepHelp } from './stepHelp';
import { portScopeText } from './text/portScopeText';
import { portText } from './text/portText';
import type { TipsResult } from './tipsDialog';

export interface PortOptions {
  /** Text the customer volunteered when asking to port (a pasted CSR): its values are taken before any question. */
  readonly volunteered?: string;
  /** The customer asked for the one-card form. */
  readonly form?: boolean;
}

export interface PortResult {
  /** The customer signed; false when they stopped on the way (their details stay saved). */
  readonly signed: boolean;
}

type CollectMethod = 'steps' | 'form';

interface CollectLoopOptions {
  readonly method: CollectMethod;
}

const COLLECT_LOOP = 'port.collect';
const CARRY_ON_PROMPT = 'port.carryOn';

/**
 * The port from start to end: tip 1 (keep your service), the CSR (step by step, or the one-card form in Teams or
 * when asked; the customer may switch either way), tip 3 (the LOA), the review, and the signature. Tip 2's carrier
 * part comes during collection, once the carrier is known. A customer who comes back later goes through the same
 * flow, and everything already done is skipped.
 */
export class PortDialog extends FlowDialog<PortOptions> {
  constructor(
    private readonly deps: ConversationDeps,
    cards: CardActions,
    { tips, askField, portScope, sign }: SharedDialogs,
  ) {
    super(DialogIds.port);
    this.addDialog(tips);
    this.addDialog(new CollectCsrDialog(deps, askField, portScope));
    this.addDialog(new CsrFormDialog(deps, cards));
    this.addDialog(portScope);
    this.addDialog(new ReviewDialog(deps, cards, askField));
    this.addDialog(sign);
    // "Talk to an agent" is offered here: a customer whose line is cancelled may well need a person (see the tips).
    this.addDialog(new IntentChoicePrompt(CARRY_ON_PROMPT, ['yes', 'no'], { keeps: ['cancel'], offers: ['agent'] }));
    this.addDialog(new WaterfallDialog(COLLECT_LOOP, [this.collectStep.bind(this), this.switchMethodStep.bind(this)]));
    this.addStep(this.keepServiceTipStep.bind(this));
    this.addStep(this.serviceCancelledStep.bind(this));
    this.addStep(this.collectCsrStep.bind(this));
    this.addStep(this.portScopeStep.bind(this));
    this.addStep(this.loaTipStep.bind(this));
    this.addStep(this.reviewStep.bind(this));
    this.addStep(this.signStep.bind(this));
    this.addStep(this.finishStep.bind(this));
  }

  private async keepServiceTipStep(step: WaterfallStepContext<PortOptions>): Promise<DialogTurnResult> {
    if (step.options.volunteered) await takePastedValues(step.context, this.deps, step.options.volunteered);
    return step.beginDialog(DialogIds.tips, { tips: ['keepService'], context: 'port' });
  }

  /** A customer who already cancelled their service has heard the risk and how to reach us: do they go on? */
  private async serviceCancelledStep(step: WaterfallStepContext<PortOptions>): Promise<DialogTurnResult> {
    if ((step.result as TipsResult).serviceActive !== false) return step.next();
    setStepHelp(step, portText.carryOnHelp);
    return step.prompt(CARRY_ON_PROMPT, { prompt: portText.carryOnQuestion });
  }

  private async collectCsrStep(step: WaterfallStepContext<PortOptions>): Promise<DialogTurnResult> {
    if (chosenIntent(step.result) === 'no') {
      await step.context.sendActivity(portText.stoppedForService);
      return step.endDialog({ signed: false } satisfies PortResult);
    }
    await this.enterStage(step, 'collecting');
    const method: CollectMethod = step.options.form || this.deps.prefersForm(step.context.activity.channelId) ? 'form' : 'steps';
    return step.beginDialog(COLLECT_LOOP, { method } satisfies CollectLoopOptions);
  }

  private async collectStep(step: WaterfallStepContext<CollectLoopOptions>): Promise<DialogTurnResult> {
    return step.beginDialog(step.options.method === 'steps' ? DialogIds.collectCsr : DialogIds.csrForm);
  }

  /** The customer may leave the questions for the form, or the form for the questions, keeping everything given. */
  private async switchMethodStep(step: WaterfallStepContext<CollectLoopOptions>): Promise<DialogTurnResult> {
    const result = step.result as CollectCsrResult | CsrFormResult;
    if ('switchToForm' in result) return step.replaceDialog(COLLECT_LOOP, { method: 'form' } satisfies CollectLoopOptions);
    if ('outcome' in result && result.outcome === 'stepByStep') {
      return step.replaceDialog(COLLECT_LOOP, { method: 'steps' } satisfies CollectLoopOptions);
    }
    return step.endDialog();
  }

  /** The form card asks nothing about the accounts behind the numbers: asked here when still due. */
  private async portScopeStep(step: WaterfallStepContext<PortOptions>): Promise<DialogTurnResult> {
    return step.beginDialog(DialogIds.portScope);
  }

  private async loaTipStep(step: WaterfallStepContext<PortOptions>): Promise<DialogTurnResult> {
    return step.beginDialog(DialogIds.tips, { tips: ['fillLoa'], context: 'port' });
  }

  private async reviewStep(step: WaterfallStepContext<PortOptions>): Promise<DialogTurnResult> {
    await this.enterStage(step, 'reviewing');
    return step.beginDialog(DialogIds.review);
  }

  /** The review ends only once the customer confirms a complete request (see ReviewResult). */
  private async signStep(step: WaterfallStepContext<PortOptions>): Promise<DialogTurnResult> {
    await this.enterStage(step, 'signing');
    return step.beginDialog(DialogIds.sign);
  }

  private async finishStep(step: WaterfallStepContext<PortOptions>): Promise<DialogTurnResult> {
    const { signed } = step.result as SignResult;
    if (signed && (await this.beginNextAccount(step.context))) return step.replaceDialog(DialogIds.port, {} satisfies PortOptions);
    if (signed) await step.context.sendActivity(portText.afterSigned);
    return step.endDialog({ signed } satisfies PortResult);
  }

  /**
   * After one account's request of a split port: the next account's numbers become the draft, with the holder, the
   * service address and the email carried over to be checked on the review. The signed request stays among the
   * customer's submitted references (and the linked port's children); the new draft signs under a reference of its own.
   */
  private async beginNextAccount(context: TurnContext): Promise<boolean> {
    const session = await this.deps.sessions.get(context);
    const linked = session.linkedPort;
    const later = linked?.later;
    if (linked === undefined || later === undefined) return false;
    await this.deps.sessions.update(context, (current) => {
      const { holderName, authorizedPerson, serviceAddress, contactEmail } = current.draft;
      current.draft = { numbers: later, holderName, authorizedPerson, serviceAddress, contactEmail };
      if (later.numbers.length === 1) current.draft.sameAccount = true;
      current.linkedPort = { parentReference: linked.parentReference, children: linked.children };
      delete current.signedLoa;
      // The bill sent with the last request is that account's: this one gets its own, if the customer attaches one.
      delete current.bill;
      current.refusals = {};
      current.stage = 'collecting';
    });
    await context.sendActivity(portScopeText.nextAccount(later.numbers.map(formatPhoneNumber), linked.parentReference));
    return true;
  }

  private async enterStage(step: WaterfallStepContext, stage: PortingStage): Promise<void> {
    await this.deps.sessions.update(step.context, (session) => {
      session.stage = stage;
    });
  }
}
