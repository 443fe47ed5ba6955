/**
 * A support staff member looks up port requests (StaffDialogIds.lookup): by reference number or by a phone number in
 * any format, with no service ZIP asked. Staff are recognized by Teams, not by what they know of the request, which is
 * why each look-up is written to the audit log: who looked, what they looked up, when, and which requests they saw.
 * One request is shown whole; several, as a list whose buttons look each one up.
 */
import type { TurnContext } from 'botbuilder';
import { ComponentDialog, type DialogTurnResult, TextPrompt, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { formatPhoneNumber, toE164 } from '../../src/domain';
import { normalizeReferenceNumber } from '../../src/domain/referenceNumber';
import { loggerForTurn } from '../../src/logging';
import type { RequestHistory } from '../../src/submission/events/requestHistory';
import { labelledChoice, questionActivity } from '../choices';
import { staffText } from '../text/staffText';
import { type StaffDeps, StaffDialogIds, type StaffDialogResult } from './staffDeps';
import { readStaffRequest } from './staffRequests';

export interface StaffLookupOptions {
  /** What to look up, as typed; without it, the staff member is asked. */
  readonly query?: string;
}

/** The audit log's message for a look-up: one stable line to search for. */
export const STAFF_LOOKUP_AUDIT = 'staff port look-up';

const LOOKUP_WATERFALL = 'staffLookup.waterfall';
const QUERY_PROMPT = 'staffLookup.query';

export class StaffLookupDialog extends ComponentDialog {
  constructor(private readonly deps: StaffDeps) {
    super(StaffDialogIds.lookup);
    this.addDialog(new TextPrompt(QUERY_PROMPT));
    this.addDialog(new WaterfallDialog(LOOKUP_WATERFALL, [this.askWhatToFindStep.bind(this), this.showRequestsStep.bind(this)]));
    this.initialDialogId = LOOKUP_WATERFALL;
  }

  private async askWhatToFindStep(step: WaterfallStepContext<StaffLookupOptions>): Promise<DialogTurnResult> {
    if (step.options.query) return step.next(step.options.query);
    return step.prompt(QUERY_PROMPT, { prompt: staffText.lookup.ask });
  }

  private async showRequestsStep(step: WaterfallStepContext<StaffLookupOptions>): Promise<DialogTurnResult> {
    const query = String(step.result ?? '').trim();
    const referenceNumber = normalizeReferenceNumber(query);
    if (referenceNumber !== undefined) return this.showReference(step, referenceNumber);
    const number = toE164(query);
    if (number !== undefined) return this.showNumber(step, number);
    // Asked "which port?", the staff member may have moved on to something else: the menu takes it from here.
    const asked = !step.options.query;
    const request = readStaffRequest(query, this.deps.features);
    if (asked && request.kind !== 'unknown') return step.endDialog({ followUp: query } satisfies StaffDialogResult);
    await step.context.sendActivity(`${staffText.lookup.unreadable(query)}\n\n${staffText.menu.help}`);
    return step.endDialog();
  }

  private async showReference(step: WaterfallStepContext, referenceNumber: string): Promise<DialogTurnResult> {
    const request = await this.deps.histories.ofReference(referenceNumber);
    this.audit(step.context, 'reference', referenceNumber, request === undefined ? [] : [request]);
    await step.context.sendActivity(request === undefined ? staffText.lookup.noReference(referenceNumber) : this.requestText(request));
    return step.endDialog();
  }

  private async showNumber(step: WaterfallStepContext, number: string): Promise<DialogTurnResult> {
    const requests = await this.deps.histories.ofNumber(number);
    this.audit(step.context, 'number', number, requests);
    const { context } = step;
    if (requests.length === 0) await context.sendActivity(staffText.lookup.noNumber(formatPhoneNumber(number)));
    else if (requests.length === 1) await context.sendActivity(this.requestText(requests[0]));
    else {
      // Each button sends its reference, a look-up of its own (and audited as one).
      const choices = requests.map(({ status }) => labelledChoice(status.referenceNumber, status.referenceNumber));
      await context.sendActivity(questionActivity(context.activity.channelId, staffText.lookup.several(formatPhoneNumber(number), requests), choices));
    }
    return step.endDialog();
  }

  private requestText(request: RequestHistory): string {
    const { referenceNumber, version } = request.status;
    return staffText.lookup.request(request, this.deps.receiptLink?.(referenceNumber, version).url);
  }

  /** The audit line: who looked, what, when, and which requests it showed. Never a secret: none is shown to staff. */
  private audit(context: TurnContext, by: 'reference' | 'number', lookedUp: string, found: readonly RequestHistory[]): void {
    const from = context.activity.from;
    loggerForTurn(this.deps.logger, context).info(
      {
        audit: 'staffLookup',
        staffId: from?.aadObjectId ?? from?.id,
        channelId: context.activity.channelId,
        by,
        lookedUp,
        found: found.map(({ status }) => status.referenceNumber),
        at: this.deps.clock().toISOString(),
      },
      STAFF_LOOKUP_AUDIT,
    );
  }
}
