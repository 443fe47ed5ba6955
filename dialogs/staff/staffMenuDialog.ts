/**
 * The support staff's root (StaffDialogIds.menu): the greeting and menu, and where each request leads. Staff mostly
 * type what they want ("status PA-…", "verizon pin"), so there is no standing menu question: each message is routed
 * afresh, and the menu is shown on arrival, on "help", and after anything not understood. The menu's entries are the
 * look-up, the carrier how-to, and any further ones given (StaffFeature).
 */
import { ComponentDialog, type DialogTurnResult, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { labelledChoice, questionActivity } from '../choices';
import { staffText } from '../text/staffText';
import { CarrierHowToDialog, type CarrierHowToOptions } from './carrierHowToDialog';
import { type StaffDeps, StaffDialogIds, type StaffDialogResult, type StaffFeatureOptions } from './staffDeps';
import { StaffLookupDialog, type StaffLookupOptions } from './staffLookupDialog';
import { readStaffRequest } from './staffRequests';

export interface StaffMenuOptions {
  /** The staff member has just opened the chat: say hello and show the menu. */
  readonly greet?: boolean;
  /** The message to act on. */
  readonly opening?: string;
}

const MENU_WATERFALL = 'staffMenu.waterfall';

export class StaffMenuDialog extends ComponentDialog {
  constructor(private readonly deps: StaffDeps) {
    super(StaffDialogIds.menu);
    this.addDialog(new StaffLookupDialog(deps));
    this.addDialog(new CarrierHowToDialog(deps));
    for (const { dialog } of deps.features) this.addDialog(dialog);
    this.addDialog(new WaterfallDialog(MENU_WATERFALL, [this.routeRequestStep.bind(this), this.followUpStep.bind(this)]));
    this.initialDialogId = MENU_WATERFALL;
  }

  private async routeRequestStep(step: WaterfallStepContext<StaffMenuOptions>): Promise<DialogTurnResult> {
    const { greet, opening = '' } = step.options;
    if (greet) return this.showMenu(step, staffText.greeting(step.context.activity.from?.name?.trim().split(/\s+/)[0]));
    const request = readStaffRequest(opening, this.deps.features);
    switch (request.kind) {
      case 'lookup':
        return step.beginDialog(StaffDialogIds.lookup, { query: request.query || undefined } satisfies StaffLookupOptions);
      case 'howTo':
        return step.beginDialog(StaffDialogIds.howTo, { question: request.question } satisfies CarrierHowToOptions);
      case 'feature':
        return step.beginDialog(request.feature.dialog.id, { opening } satisfies StaffFeatureOptions);
      case 'menu':
        return this.showMenu(step, staffText.menu.help);
      case 'unknown':
        return this.showMenu(step, `${staffText.notUnderstood} ${staffText.menu.help}`);
    }
  }

  /** A question answered with another request: route that one as if it had just been typed. */
  private async followUpStep(step: WaterfallStepContext<StaffMenuOptions>): Promise<DialogTurnResult> {
    const followUp = (step.result as StaffDialogResult | undefined)?.followUp;
    if (followUp === undefined) return step.endDialog();
    return step.replaceDialog(MENU_WATERFALL, { opening: followUp } satisfies StaffMenuOptions);
  }

  private async showMenu(step: WaterfallStepContext<StaffMenuOptions>, lead: string): Promise<DialogTurnResult> {
    const { buttons, prompt } = staffText.menu;
    // Each button stands for its own words (Teams' hero cards send a choice's value as typed text).
    const featureButtons = this.deps.features.flatMap(({ button }) => (button === undefined ? [] : [button]));
    const choices = [buttons.lookup, buttons.howTo, ...featureButtons].map((label) => labelledChoice(label, label));
    await step.context.sendActivity(questionActivity(step.context.activity.channelId, `${lead}\n\n${prompt}`, choices));
    return step.endDialog();
  }
}
