/**
 * The signature (DialogIds.sign): the Letter of Authorization to read, with what signing does said on it, and the
 * customer's full name typed as the signature. Pressing **Sign** (or typing the name as a message) signs and sends:
 * it creates the LOA, hands it to the submitter and stores it in the session. However often the signature arrives for
 * one signing (a double click, a retried turn), it makes the same LOA (reference number reserved when signing began,
 * version from the last signed one), so at most one is submitted. A correction (SignOptions.previous) signs a new
 * version under the rejected letter's reference even when no detail changed: the carrier may have been wrong, or a
 * lock has been lifted since.
 */
import { TurnContext } from 'botbuilder';
import type { DialogContext, DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import {
  type Loa,
  type PortRequestProblem,
  buildPortRequest,
  createLoa,
  createReferenceNumber,
  noteTakenAsTyped,
  validateSignature,
} from '../src/domain';
import type { AdaptiveCardJson } from '../src/cards/cardTemplate';
import { keepTurnChanges } from '../src/bot/turnPipeline';
import { signedLoaSubmission } from '../src/submission/loaSubmitter';
import type { AskFieldDialog } from './askFieldDialog';
import { billDocuments } from './billAttachment';
import { SIGNATURE_INPUT_ID, loaCard } from '../src/cards/signCards';
import type { CardActions, CardHolder } from './cardActions';
import { CardDialog, stateOf } from './cardDialog';
import type { ConversationDeps } from './conversationDeps';
import { DialogIds } from './dialogIds';
import { FlowDialog } from './flowDialog';
import { type PortingSession, noteSubmitted } from './portingSession';
import { recognizeIntent } from './intents';
import { ReadyToSignDialog } from './readyToSignDialog';
import { loaCardData } from './signView';
import { portScopeText } from './text/portScopeText';
import { signText } from './text/signText';
import { currentLanguage } from '../src/i18n/language';

export type SignResult = { readonly signed: true; readonly referenceNumber: string } | { readonly signed: false };

export interface SignOptions {
  /** The rejected letter this signing replaces (the session's signed LOA): a new version is sent whatever changed. */
  readonly previous?: Loa;
}

const SIGN_CARD_DIALOG = 'sign.card';

type SignState = CardHolder & {
  /** Reserved when signing begins: every signature of this signing makes an LOA under this number. */
  referenceNumber: string;
  /** For a correction: the version being replaced. Only a signed letter with a higher version counts as sent. */
  replacing?: number;
};

/**
 * Whether this signing was already sent: the session holds a signed letter that nothing has reopened since (a
 * rejection moves the stage on), and, for a correction, one newer than the rejected version. The session's letter
 * keeps no PIN, so this is decided from the session rather than by rebuilding the request.
 */
function alreadySent(session: PortingSession, replacing: number | undefined): session is PortingSession & { signedLoa: Loa } {
  const signed = session.signedLoa;
  return signed !== undefined && session.stage === 'signed' && (replacing === undefined || signed.version > replacing);
}

class SignCardDialog extends CardDialog<SignState> {
  constructor(
    private readonly deps: ConversationDeps,
    cards: CardActions,
  ) {
    super(SIGN_CARD_DIALOG, cards);
  }

  override async beginDialog(dc: DialogContext, options?: SignOptions): Promise<DialogTurnResult> {
    const session = await this.deps.sessions.get(dc.context);
    const replacing = options?.previous?.version;
    if (alreadySent(session, replacing)) return this.alreadySent(dc, session.signedLoa);
    const built = buildPortRequest(session.draft);
    if (!built.ok) return this.needsChanges(dc, built.problems);
    const state = stateOf<SignState>(dc);
    Object.assign(state, {
      referenceNumber:
        options?.previous?.referenceNumber ?? session.signedLoa?.referenceNumber ?? session.assisted?.referenceNumber ?? createReferenceNumber(),
      ...(replacing !== undefined && { replacing }),
    });
    await this.showNewCard(dc.context, state);
    return CardDialog.EndOfTurn;
  }

  override stepHelp(): string {
    return signText.help.letter;
  }

  protected override async drawCard(context: TurnContext, _state: SignState, cardId: string): Promise<AdaptiveCardJson> {
    const { draft } = await this.deps.sessions.get(context);
    return loaCard.expand(loaCardData(draft, this.deps.newCarrier, cardId));
  }

  /** The letter card has one button, **Sign**: its signature signs and sends. */
  protected override async onAction(
    dc: DialogContext,
    state: SignState,
    _action: string,
    values: Readonly<Record<string, string>>,
  ): Promise<DialogTurnResult> {
    return this.signAndSend(dc, state, values[SIGNATURE_INPUT_ID] ?? '');
  }

  protected override async onText(dc: DialogContext, state: SignState, text: string): Promise<DialogTurnResult> {
    if (recognizeIntent(text) === 'no' || signText.notYetWords.test(text)) return this.notYet(dc, state);
    return this.signAndSend(dc, state, text);
  }

  /**
   * A signature that isn't the expected name gets the reason, and the letter stays on screen to sign again. A good one
   * signs the letter and sends it on at once: the card said so above the Sign button.
   */
  private async signAndSend(dc: DialogContext, state: SignState, typed: string): Promise<DialogTurnResult> {
    const { context } = dc;
    const session = await this.deps.sessions.get(context);
    if (alreadySent(session, state.replacing)) return this.alreadySent(dc, session.signedLoa);
    const built = buildPortRequest(session.draft);
    if (!built.ok) return this.needsChanges(dc, built.problems);
    const { holderName, authorizedPerson } = built.request;
    const signature = validateSignature(typed, { holderName, authorizedPerson });
    if (!signature.ok) {
      await context.sendActivity(signature.error.message);
      return CardDialog.EndOfTurn;
    }
    const previous = session.signedLoa;

    const loa = createLoa(
      built.request,
      { signerName: signature.value, signedAt: this.deps.clock(), channel: context.activity.channelId },
      {
        newCarrier: this.deps.newCarrier,
        referenceNumber: state.referenceNumber,
        previous,
        language: currentLanguage(),
        parentReference: session.linkedPort?.parentReference,
        // An assisted port's letter says who prepared it (see dialogs/assistedSigning.ts).
        ...(session.assisted && { preparedBy: { staffId: session.assisted.staffId } }),
      },
    );
    // Handed over before it is stored: if the hand-over fails, nothing says "signed", and trying again makes the same LOA.
    const receipt = await this.deps.submitter.submit(
      signedLoaSubmission(loa, built.request, TurnContext.getConversationReference(context.activity), billDocuments(session)),
    );
    await this.deps.sessions.update(context, (current) => {
      // The PIN now travels with the submission alone (purged there once delivered): the session keeps no copy,
      // and a correction asks for it again.
      const { pin, ...withoutPin } = loa;
      current.signedLoa = withoutPin;
      noteSubmitted(current, loa.referenceNumber);
      const linked = current.linkedPort;
      if (linked !== undefined && !linked.children.includes(loa.referenceNumber)) linked.children = [...linked.children, loa.referenceNumber];
      delete current.draft.pin;
      noteTakenAsTyped(current.draft, 'pin', false);
      // The lock is asked about again before a corrected letter: a lock left on is a reason carriers reject.
      delete current.portOutLockOffFor;
      current.stage = 'signed';
      // A corrected letter is sent: nothing is left to fix until the carrier answers again.
      delete current.correction;
    });
    // Handed over and noted: should anything after this fail (the email, the reply), the session still says sent.
    keepTurnChanges(context);
    // Email is promised only when email is on. A retried turn queues the same message again: it is still sent once.
    const { emails } = this.deps;
    if (emails) await emails.signed(loa, built.request.contactEmail);
    const details = { referenceNumber: receipt.referenceNumber, carrier: loa.currentCarrier.name, contactEmail: emails && built.request.contactEmail };
    const link = this.deps.receiptLink?.(loa.referenceNumber, loa.version);
    const receiptLines = [
      state.replacing === undefined ? signText.sent(details) : signText.resent(details),
      ...(loa.parentReference ? [portScopeText.partOfPort(loa.parentReference)] : []),
      ...(link ? [signText.letterLink(link)] : []),
    ];
    await context.sendActivity(receiptLines.join('\n\n'));
    return this.finish(dc, state, { signed: true, referenceNumber: receipt.referenceNumber } satisfies SignResult);
  }

  private async notYet(dc: DialogContext, state: SignState): Promise<DialogTurnResult> {
    await dc.context.sendActivity(signText.notYet);
    return this.finish(dc, state, { signed: false } satisfies SignResult);
  }

  private async needsChanges(dc: DialogContext, problems: readonly PortRequestProblem[]): Promise<DialogTurnResult> {
    await dc.context.sendActivity([signText.needsChanges, ...problems.map((problem) => `- ${problem.message}`)].join('\n'));
    return this.finish(dc, stateOf<SignState>(dc), { signed: false } satisfies SignResult);
  }

  private async alreadySent(dc: DialogContext, loa: Loa): Promise<DialogTurnResult> {
    await dc.context.sendActivity(signText.alreadySent(loa.referenceNumber));
    return this.finish(dc, stateOf<SignState>(dc), { signed: true, referenceNumber: loa.referenceNumber } satisfies SignResult);
  }
}

/** The checks before signing (a fresh PIN, the port-out lock: ReadyToSignDialog), then the letter to sign and send. */
export class SignDialog extends FlowDialog<SignOptions> {
  constructor(
    private readonly deps: ConversationDeps,
    cards: CardActions,
    askField: AskFieldDialog,
  ) {
    super(DialogIds.sign);
    this.addDialog(new ReadyToSignDialog(deps, askField));
    this.addDialog(new SignCardDialog(deps, cards));
    this.addStep(this.readyStep.bind(this));
    this.addStep(this.letterStep.bind(this));
  }

  /** A letter already sent needs no checks: the card says it was sent. */
  private async readyStep(step: WaterfallStepContext<SignOptions>): Promise<DialogTurnResult> {
    const session = await this.deps.sessions.get(step.context);
    if (alreadySent(session, step.options.previous?.version)) return step.next();
    return step.beginDialog(DialogIds.readyToSign);
  }

  private async letterStep(step: WaterfallStepContext<SignOptions>): Promise<DialogTurnResult> {
    return step.beginDialog(SIGN_CARD_DIALOG, step.options);
  }
}
