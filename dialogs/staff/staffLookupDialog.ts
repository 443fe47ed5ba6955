/**
 * A support staff member looks up port requests (StaffDialogIds.lookup): by reference number or by a phone number in
 * any format, with no service ZIP asked. Staff are recognized by Teams, not by what they know of the request, which is
 * why each look-up is written to the audit log: who looked, what they looked up, when, and which requests they saw.
 * One request is shown whole; several, as a list whose buttons look each one up.
 */
import { type Activity, ActivityTypes, type TurnContext } from 'botbuilder';
import type { AssistedPort } from '../../src/assisted/assistedPortStore';
import { ComponentDialog, type DialogTurnResult, TextPrompt, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { formatPhoneNumber, toE164 } from '../../src/domain';
import { normalizeReferenceNumber } from '../../src/domain/referenceNumber';
import { loggerForTurn } from '../../src/logging';
import type { RequestHistory } from '../../src/submission/events/requestHistory';
import { staffIdOf } from '../assistedPorts';
import { labelledChoice, questionActivity } from '../choices';
import { assistedText } from '../text/assistedText';
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
    const assisted = await this.deps.assisted?.ofReference(referenceNumber);
    this.audit(step.context, 'reference', referenceNumber, request === undefined ? [] : [request], assisted === undefined ? [] : [assisted]);
    if (request === undefined && assisted === undefined) await step.context.sendActivity(staffText.lookup.noReference(referenceNumber));
    else await step.context.sendActivity(this.portActivity(step.context, request, assisted));
    return step.endDialog();
  }

  private async showNumber(step: WaterfallStepContext, number: string): Promise<DialogTurnResult> {
    const requests = await this.deps.histories.ofNumber(number);
    const submitted = new Set(requests.map(({ status }) => status.referenceNumber));
    // A prepared port the customer has not signed yet is not among the submitted requests: it is listed besides them.
    const unsigned = ((await this.deps.assisted?.ofNumber(number)) ?? []).filter((port) => !submitted.has(port.referenceNumber));
    this.audit(step.context, 'number', number, requests, unsigned);
    const { context } = step;
    const references = [...requests.map(({ status }) => status.referenceNumber), ...unsigned.map((port) => port.referenceNumber)];
    if (references.length === 0) await context.sendActivity(staffText.lookup.noNumber(formatPhoneNumber(number)));
    else if (references.length === 1) {
      const assisted = requests[0] === undefined ? unsigned[0] : await this.deps.assisted?.ofReference(references[0]);
      await context.sendActivity(this.portActivity(context, requests[0], assisted));
    } else {
      // Each button sends its reference, a look-up of its own (and audited as one).
      const choices = references.map((reference) => labelledChoice(reference, reference));
      const listed = [staffText.lookup.several(formatPhoneNumber(number), requests, unsigned.length), ...unsigned.map((port) => assistedText.listed(port))];
      await context.sendActivity(questionActivity(context.activity.channelId, listed.join('\n'), choices));
    }
    return step.endDialog();
  }

  /**
   * One port: its submitted request, if signed, and what staff did for it, if prepared by them; with buttons to resend
   * or withdraw a signing link still waiting for the customer.
   */
  private portActivity(context: TurnContext, request: RequestHistory | undefined, assisted: AssistedPort | undefined): Partial<Activity> {
    const state = assisted && this.deps.assisted?.stateOf(assisted);
    const parts = [...(request ? [this.requestText(request)] : []), ...(assisted && state ? [assistedText.lookup(assisted, state)] : [])];
    const text = parts.join('\n\n');
    if (assisted === undefined || (state !== 'sent' && state !== 'opened')) return { type: ActivityTypes.Message, text };
    const choices = [assistedText.resend(assisted.referenceNumber), assistedText.withdraw(assisted.referenceNumber)].map((words) => labelledChoice(words, words));
    return questionActivity(context.activity.channelId, text, choices);
  }

  private requestText(request: RequestHistory): string {
    const { referenceNumber, version } = request.status;
    return staffText.lookup.request(request, this.deps.receiptLink?.(referenceNumber, version).url);
  }

  /** The audit line: who looked, what, when, and which requests it showed. Never a secret: none is shown to staff. */
  private audit(
    context: TurnContext,
    by: 'reference' | 'number',
    lookedUp: string,
    found: readonly RequestHistory[],
    prepared: readonly AssistedPort[] = [],
  ): void {
    loggerForTurn(this.deps.logger, context).info(
      {
        audit: 'staffLookup',
        staffId: staffIdOf(context),
        channelId: context.activity.channelId,
        by,
        lookedUp,
        found: [...new Set([...found.map(({ status }) => status.referenceNumber), ...prepared.map((port) => port.referenceNumber)])],
        at: this.deps.clock().toISOString(),
      },
      STAFF_LOOKUP_AUDIT,
    );
  }
}
