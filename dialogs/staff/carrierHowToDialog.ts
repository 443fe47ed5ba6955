/**
 * Carrier how-to for support staff (StaffDialogIds.howTo): "verizon pin", "how do I port from AT&T", "what is a CSR".
 * Answers come from the carrier directory the customers' flow uses (src/domain/carriers.ts), and what staff read out
 * to a customer is the customers' own guidance (carrierGuidance.ts), so staff and bot never tell a customer different
 * things. A question naming neither a carrier nor a topic asks which carrier.
 */
import { ComponentDialog, type DialogTurnResult, TextPrompt, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { carrierRules, pinExpiryNotice } from '../../src/domain';
import { carrierGuidance } from '../carrierGuidance';
import { staffText } from '../text/staffText';
import { type StaffDeps, StaffDialogIds, type StaffDialogResult } from './staffDeps';
import { type HowToQuestion, type NamedCarrier, readHowTo, readStaffRequest } from './staffRequests';

export interface CarrierHowToOptions {
  /** The question as typed; empty when the staff member chose "Carrier how-to" and is still to say which carrier. */
  readonly question?: string;
}

const HOW_TO_WATERFALL = 'carrierHowTo.waterfall';
const CARRIER_PROMPT = 'carrierHowTo.carrier';

export class CarrierHowToDialog extends ComponentDialog {
  constructor(private readonly deps: StaffDeps) {
    super(StaffDialogIds.howTo);
    this.addDialog(new TextPrompt(CARRIER_PROMPT));
    this.addDialog(new WaterfallDialog(HOW_TO_WATERFALL, [this.askCarrierStep.bind(this), this.answerStep.bind(this)]));
    this.initialDialogId = HOW_TO_WATERFALL;
  }

  private async askCarrierStep(step: WaterfallStepContext<CarrierHowToOptions>): Promise<DialogTurnResult> {
    const asked = readHowTo(step.options.question ?? '');
    if (asked.carrier !== undefined || asked.topic !== undefined) return step.next(asked);
    return step.prompt(CARRIER_PROMPT, { prompt: staffText.howTo.askCarrier });
  }

  private async answerStep(step: WaterfallStepContext<CarrierHowToOptions>): Promise<DialogTurnResult> {
    let asked = step.result as HowToQuestion | string;
    if (typeof asked === 'string') {
      // The answer to "which carrier?": a look-up or the menu instead is the menu's to route.
      const request = readStaffRequest(asked, this.deps.features);
      if (request.kind !== 'howTo' && request.kind !== 'unknown') return step.endDialog({ followUp: asked } satisfies StaffDialogResult);
      asked = readHowTo(asked);
    }
    await step.context.sendActivity(answerTo(asked) ?? `${staffText.howTo.notACarrier}\n\n${staffText.menu.help}`);
    return step.endDialog();
  }
}

/** The answer: about the carrier (a topic of it, or a whole port), or the term alone; undefined when nothing was asked. */
function answerTo({ carrier, topic }: HowToQuestion): string | undefined {
  if (carrier === undefined) return topic === undefined ? undefined : staffText.howTo.glossary[topic];
  return [...preface(carrier), carrierAnswer(carrier, topic)].join('\n\n');
}

function carrierAnswer({ ref }: NamedCarrier, topic: HowToQuestion['topic']): string {
  const rules = carrierRules(ref);
  switch (topic) {
    case 'pin':
      return staffText.howTo.pin(ref, rules, pinExpiryNotice(ref) ?? rules.instructions.pin);
    case 'accountNumber':
      return staffText.howTo.accountNumber(ref, rules);
    case 'csr':
      return staffText.howTo.csr(ref, rules);
    default:
      // A whole port: the lock, the letter, the dates all come up in it.
      return staffText.howTo.port(ref, rules, carrierGuidance(ref));
  }
}

/** A name the directory only suggests, or lacks, is said so before the answer. */
function preface(carrier: NamedCarrier): string[] {
  if (carrier.kind === 'suggestion') return [staffText.howTo.tookAs(carrier.question, carrier.ref.name)];
  if (carrier.kind === 'unknown') return [staffText.howTo.unknownCarrier(carrier.ref.name)];
  return [];
}
