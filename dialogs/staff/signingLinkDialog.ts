/**
 * "Resend link PA-…" and "Withdraw link PA-…" (StaffDialogIds.signingLink), as the look-up's buttons send them for an
 * assisted port still waiting for the customer: a resend emails a new link and the old one stops working; a withdrawal
 * stops the link and deletes the prepared details. Both are audited (dialogs/assistedPorts.ts).
 */
import { ComponentDialog, type DialogTurnResult, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { normalizeReferenceNumber } from '../../src/domain/referenceNumber';
import type { AssistedPorts } from '../assistedPorts';
import { assistedText } from '../text/assistedText';
import { staffText } from '../text/staffText';
import { StaffDialogIds, type StaffFeatureOptions } from './staffDeps';

const LINK_WATERFALL = 'signingLink.waterfall';

export class SigningLinkDialog extends ComponentDialog {
  constructor(private readonly ports: AssistedPorts) {
    super(StaffDialogIds.signingLink);
    this.addDialog(new WaterfallDialog(LINK_WATERFALL, [this.changeLinkStep.bind(this)]));
    this.initialDialogId = LINK_WATERFALL;
  }

  private async changeLinkStep(step: WaterfallStepContext<StaffFeatureOptions>): Promise<DialogTurnResult> {
    const asked = assistedText.linkCommand.exec(step.options.opening.trim());
    const referenceNumber = asked ? normalizeReferenceNumber(asked[2] ?? '') : undefined;
    if (!asked || referenceNumber === undefined) {
      await step.context.sendActivity(`${staffText.notUnderstood} ${staffText.menu.help}`);
      return step.endDialog();
    }
    const resend = (asked[1] ?? '').toLowerCase() === 'resend';
    const change = resend ? await this.ports.resend(step.context, referenceNumber) : await this.ports.withdraw(step.context, referenceNumber);
    switch (change.kind) {
      case 'notFound':
        await step.context.sendActivity(assistedText.notFound(referenceNumber));
        break;
      case 'closed':
        await step.context.sendActivity(assistedText.closed(change.port, this.ports.stateOf(change.port)));
        break;
      case 'done':
        await step.context.sendActivity(resend ? assistedText.resent(change.port) : assistedText.withdrawn(referenceNumber));
        break;
    }
    return step.endDialog();
  }
}
