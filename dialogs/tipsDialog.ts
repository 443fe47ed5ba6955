import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { carrierGuidance } from './carrierGuidance';
import type { ConversationDeps } from './conversationDeps';
import { DialogIds } from './dialogIds';
import { FlowDialog } from './flowDialog';
import { saidYes, yesNoPrompt } from './intentChoicePrompt';
import type { PortingSession, TipId } from './portingSession';
import { setStepHelp } from './stepHelp';
import { interruptionText } from './text/interruptionText';
import { tipsText } from './text/tipsText';

export interface TipsOptions {
  /** The tips to give, in the order of TIP_IDS. */
  readonly tips: readonly TipId[];
  /**
   * 'menu': the customer asked for the tips, so they are all given. 'port': woven into the port flow, so what the
   * customer already read (or answered) is not repeated.
   */
  readonly context: 'menu' | 'port';
}

export interface TipsResult {
  /** The customer's answer to tip 1, when it was asked: false means they already cancelled their service. */
  readonly serviceActive?: boolean;
}

const SERVICE_ACTIVE_PROMPT = 'tips.serviceActive';

/**
 * The three quick tips: keep your current service (with a yes/no check), get your CSR (with the current carrier's own
 * instructions once the carrier is known), fill in the LOA. Records what the customer has read in their session.
 */
export class TipsDialog extends FlowDialog<TipsOptions> {
  constructor(private readonly deps: ConversationDeps) {
    super(DialogIds.tips);
    this.addDialog(yesNoPrompt(SERVICE_ACTIVE_PROMPT));
    this.addStep(this.keepServiceStep.bind(this));
    this.addStep(this.serviceAnswerStep.bind(this));
    this.addStep(this.csrAndLoaStep.bind(this));
  }

  private async keepServiceStep(step: WaterfallStepContext<TipsOptions>): Promise<DialogTurnResult> {
    const { tips, context } = step.options;
    const session = await this.deps.sessions.get(step.context);
    const alreadyConfirmed = context === 'port' && session.serviceActiveConfirmed === true;
    if (!tips.includes('keepService') || alreadyConfirmed) return step.next();
    const intro = context === 'menu' ? tipsText.menuIntro : tipsText.portIntro;
    await step.context.sendActivity(`${intro}\n\n${tipsText.keepService.tip}`);
    setStepHelp(step, tipsText.keepService.help);
    return step.prompt(SERVICE_ACTIVE_PROMPT, { prompt: tipsText.keepService.question });
  }

  private async serviceAnswerStep(step: WaterfallStepContext<TipsOptions>): Promise<DialogTurnResult> {
    if (step.result === undefined) return step.next();
    const serviceActive = saidYes(step.result);
    await this.deps.sessions.update(step.context, (session) => {
      session.serviceActiveConfirmed = serviceActive;
      markSeen(session, 'keepService');
    });
    if (serviceActive) {
      await step.context.sendActivity(tipsText.keepService.active);
    } else {
      // With people on hand the port's next question offers one; without, the customer is told how to reach us.
      const reachUs = this.deps.handoff ? tipsText.keepService.personOffer : interruptionText.agent(this.deps.supportContact);
      await step.context.sendActivity(`${tipsText.keepService.cancelled}\n\n${reachUs}`);
    }
    return step.next(serviceActive);
  }

  private async csrAndLoaStep(step: WaterfallStepContext<TipsOptions>): Promise<DialogTurnResult> {
    const { tips, context } = step.options;
    const everything = context === 'menu';
    const messages: string[] = [];
    await this.deps.sessions.update(step.context, (session) => {
      const carrier = session.draft.carrier;
      if (tips.includes('getCsr')) {
        if (everything || !session.tipsSeen.includes('getCsr')) messages.push(tipsText.getCsr.tip);
        if (carrier && (everything || session.carrierGuidanceFor !== carrier.name)) {
          messages.push(carrierGuidance(carrier));
          session.carrierGuidanceFor = carrier.name;
        }
        markSeen(session, 'getCsr');
      }
      if (tips.includes('fillLoa') && (everything || !session.tipsSeen.includes('fillLoa'))) {
        messages.push(tipsText.fillLoa.tip);
        markSeen(session, 'fillLoa');
      }
    });
    if (everything) messages.push(tipsText.menuOutro);
    if (messages.length > 0) await step.context.sendActivities(messages.map((text) => ({ type: 'message', text })));
    const result: TipsResult = typeof step.result === 'boolean' ? { serviceActive: step.result } : {};
    return step.endDialog(result);
  }
}

function markSeen(session: PortingSession, tip: TipId): void {
  if (!session.tipsSeen.includes(tip)) session.tipsSeen.push(tip);
}
