import { ActivityTypes, type ConversationState, type TurnContext, type UserState } from 'botbuilder';
import { type DialogContext, type DialogInstance, type DialogState, DialogSet, DialogTurnStatus } from 'botbuilder-dialogs';
import type { AssistedPortStore } from '../src/assisted/assistedPortStore';
import type { SigningLinks } from '../src/hosting/signingLinks';
import { AssistedPorts } from './assistedPorts';
import { AssistedSigning } from './assistedSigning';
import type { NewCarrier, NumbersPolicy } from '../src/domain';
import { type Logger, loggerForTurn } from '../src/logging';
import type { MailQueue } from '../src/mail/mailQueue';
import type { PortabilityChecker } from '../src/portability/portabilityChecker';
import type { DialogRunner } from '../src/bot/portingBot';
import type { FailedTurnRepair } from '../src/bot/turnPipeline';
import type { CustomerForgetter } from '../src/privacy/forgetCustomer';
import type { LoaSubmitter } from '../src/submission/loaSubmitter';
import { type BillDeps, carriesFile, forgetBills, takeBillAttachment } from './billAttachment';
import { CardActions } from './cardActions';
import { CustomerEmails } from './customerEmails';
import { type ConversationDeps, type PortStatusFinder, type ReceiptLinkMaker, type SupportContact, formInTeams } from './conversationDeps';
import { beginsCorrection } from './correctionDialog';
import { DialogIds } from './dialogIds';
import { MainDialog, type MainOptions } from './mainDialog';
import type { NoticeTurn } from '../src/hosting/proactive';
import { noticeTurn } from './portNotices';
import { PortingSessionStore } from './sessionStore';
import { AgentDesk, AgentHub, CustomerHandoff, type HandoffOptions, TranscriptRecorder } from './handoff';
import { secretsOf } from './handoff/customerHandoff';
import { AssistedPortDialog } from './staff/assistedPortDialog';
import { SigningLinkDialog } from './staff/signingLinkDialog';
import type { StaffDeps, StaffFeature } from './staff/staffDeps';
import { StaffDesk, type StaffSettings } from './staff/staffDesk';
import { assistedText } from './text/assistedText';

/** What the conversation needs from the application's configuration and services. */
export interface ConversationOptions {
  readonly submitter: LoaSubmitter;
  /** "Delete my data" over the application's stores (src/privacy/forgetCustomer.ts). */
  readonly forgetCustomer: CustomerForgetter;
  readonly numbersPolicy: NumbersPolicy;
  readonly supportContact: SupportContact;
  /** The carrier customers move to (CARRIER_NAME), named in the greeting and on every letter. */
  readonly newCarrier: NewCarrier;
  /** How long an untouched draft is kept (STATE_TTL_DAYS): older ones are not offered for resuming. */
  readonly stateTtlDays: number;
  /** Where a stored session that could not be read is reported (without its values). */
  readonly logger: Logger;
  /** Default: the form in Teams, step by step elsewhere. */
  readonly prefersForm?: (channelId: string) => boolean;
  readonly clock?: () => Date;
  /** The status check's lookup of submitted requests (src/submission/events); without it, status tells what the session holds. */
  readonly portStatus?: PortStatusFinder;
  /** The porting provider's portability check of the numbers given (PORTABILITY_PROVIDER); without it, none is made. */
  readonly portability?: PortabilityChecker;
  /** Links to the customer's copy of a signed letter (src/hosting/receiptLinks.ts); without it, none is offered. */
  readonly receiptLink?: ReceiptLinkMaker;
  /** Where emails to customers are queued (src/mail); without it, email is off and none is promised. */
  readonly mail?: Pick<MailQueue, 'enqueue'>;
  /** The web page with the chat, for emails that send the customer back to it. */
  readonly chatLink?: () => string;
  /** Live hand-off to people (dialogs/handoff); without it, asking for a person gives the support contact. */
  readonly handoff?: HandoffOptions;
  /** Internal support staff in Teams (dialogs/staff): who they are and what they look up; without it, no one is staff. */
  readonly staff?: StaffSettings;
  /** Copies of bills customers attach (dialogs/billAttachment.ts); without it, an attachment is answered that files can't be taken. */
  readonly bills?: BillDeps;
  /**
   * Assisted ports: staff fill in a customer's details and the customer signs through an emailed link (dialogs/
   * assistedPorts.ts). Without it, or without email, staff have no such entry.
   */
  readonly assisted?: { readonly store: AssistedPortStore; readonly links: SigningLinks };
}

export interface Conversation {
  /**
   * Runs one turn of the conversation. Messages continue the dialog under way, or open a new one. Any other
   * activity it is given means someone joined (conversationUpdate, Web Chat's `webchat/join` event): they are greeted,
   * once per conversation, and offered the menu (or, coming back with a draft, to continue it).
   */
  readonly runDialog: DialogRunner;
  /**
   * After a failed turn: drops the dialog stack, so that the customer's next message starts from a usable state. The
   * draft lives in user state and is kept.
   */
  readonly dropDialogStack: FailedTurnRepair;
  /** The work of a proactive turn telling the customer their port request changed state (see portNotices.ts). */
  readonly tellCustomer: NoticeTurn;
  /** An agent's turn (or a turn asking to act as one): handled, true; a customer's, false. */
  readonly runAgentTurn: (context: TurnContext) => Promise<boolean>;
  /** Tells customers who have waited too long for a person what else they can do; resolves with how many were told. */
  readonly remindLongWaits: () => Promise<number>;
  /** A support staff member's turn: handled with the staff menu, true; anyone else's, false. */
  readonly runStaffTurn: (context: TurnContext) => Promise<boolean>;
  /** Reminds customers of signing links unopened for a day and expires links past their time; resolves how many were reminded. */
  readonly remindSigningLinks: () => Promise<number>;
}

/** Remembers that this conversation has been greeted, so a join event after conversationUpdate doesn't greet again. */
const WELCOMED_PROPERTY = 'welcomed';
/** The conversation-state property that holds the dialog stack. */
const DIALOG_STATE_PROPERTY = 'dialogState';

/** The stack a component dialog keeps in its instance's state. */
const innerStackOf = (instance: DialogInstance): DialogInstance[] | undefined =>
  (instance.state as { dialogs?: Partial<DialogState> } | undefined)?.dialogs?.dialogStack;

/**
 * Whether the dialog stack was saved by a release whose dialogs were nested components: an entry on the root's stack
 * holds a stack of its own. Only the root is a component now (see FlowDialog), so such an entry would be continued as
 * the waterfall it has become, from a state it cannot read. Conversation state expires (STATE_TTL_DAYS): once none
 * saved before the dialogs were flat can remain, this check can go.
 */
function savedWithNestedDialogs(state: DialogState | undefined): boolean {
  return (state?.dialogStack ?? []).some((root) => innerStackOf(root)?.some((entry) => innerStackOf(entry) !== undefined) ?? false);
}

export function createConversation(options: ConversationOptions, conversationState: ConversationState, userState: UserState): Conversation {
  const clock = options.clock ?? (() => new Date());
  const baseDeps: ConversationDeps = {
    sessions: new PortingSessionStore(userState, clock, options.stateTtlDays, options.logger),
    submitter: options.submitter,
    forgetCustomer: options.forgetCustomer,
    clock,
    numbersPolicy: options.numbersPolicy,
    prefersForm: options.prefersForm ?? formInTeams,
    supportContact: options.supportContact,
    newCarrier: options.newCarrier,
    portStatus: options.portStatus,
    receiptLink: options.receiptLink,
    emails:
      options.mail &&
      new CustomerEmails({
        queue: options.mail,
        letterLink: options.receiptLink,
        chatLink: options.chatLink,
        supportContact: options.supportContact,
        agentsInChat: options.handoff !== undefined,
      }),
    portabilityCheck: options.portability && { checker: options.portability, logger: options.logger },
    bills: options.bills,
  };
  const dialogState = conversationState.createProperty<DialogState>(DIALOG_STATE_PROPERTY);
  const dialogs = new DialogSet(dialogState);
  const assistedPorts =
    options.assisted &&
    baseDeps.emails &&
    new AssistedPorts({ ...options.assisted, emails: baseDeps.emails, logger: options.logger, clock });
  const assistedSigning = assistedPorts && new AssistedSigning(assistedPorts, baseDeps.sessions, options.supportContact);
  const staff = options.staff && buildStaffDesk(options.staff);
  function buildStaffDesk(settings: StaffSettings): StaffDesk {
    const features: StaffFeature[] = [...(settings.features ?? [])];
    const staffDeps: StaffDeps = { histories: settings.histories, receiptLink: options.receiptLink, logger: options.logger, clock, features, assisted: assistedPorts };
    if (assistedPorts) {
      const form = new AssistedPortDialog({ staff: staffDeps, cards: new CardActions(conversationState), ports: assistedPorts, numbersPolicy: options.numbersPolicy });
      features.push({ button: assistedText.button, asks: assistedText.asks, dialog: form });
      features.push({ asks: assistedText.linkCommand, dialog: new SigningLinkDialog(assistedPorts) });
    }
    return new StaffDesk(conversationState, settings.members, staffDeps);
  }
  const dropDialogStack: FailedTurnRepair = async (context) => {
    await dialogState.delete(context);
    await staff?.dropDialogStack(context);
  };
  const welcomed = conversationState.createProperty<boolean>(WELCOMED_PROPERTY);

  /**
   * The turn's dialog context. A stack saved with nested dialogs is dropped first, as after a failed turn: the
   * customer's next message gets the offer to continue their draft (it lives in user state, and is kept).
   */
  async function dialogContext(context: TurnContext): Promise<DialogContext> {
    if (savedWithNestedDialogs(await dialogState.get(context))) {
      loggerForTurn(options.logger, context).info('dialog stack saved with nested dialogs: dropped');
      await dialogState.delete(context);
    }
    return dialogs.createContext(context);
  }

  /** After a hand-off: the question on screen again, or, when an agent changed the details, on from the draft. */
  async function resumeDialog(context: TurnContext, corrected: boolean): Promise<void> {
    const dc = await dialogContext(context);
    const session = await deps.sessions.find(context);
    if (corrected && session && session.stage !== 'signed') {
      await dc.cancelAllDialogs();
      await dc.beginDialog(DialogIds.main, { route: session.stage === 'correcting' ? 'fixNow' : 'resume' } satisfies MainOptions);
    } else if (dc.activeDialog) {
      await dc.repromptDialog();
    } else {
      await dc.beginDialog(DialogIds.main, {} satisfies MainOptions);
    }
  }

  const handoff = options.handoff && buildHandoff(options.handoff);
  function buildHandoff(settings: HandoffOptions) {
    const hub = new AgentHub(settings.store, settings.open, settings.teamsChannel, settings.reportError);
    // Kept only where a person may take the chat: the escalation carries it to them.
    const transcript = new TranscriptRecorder(conversationState, clock);
    const customers = new CustomerHandoff(conversationState, baseDeps, settings.store, hub, transcript, settings.agents, resumeDialog);
    // Agents who are also staff get the staff desk for what is not an agent's business (no chat of theirs there).
    const alsoStaff = staff && ((context: TurnContext) => staff.recognizes(context));
    const desk = new AgentDesk(conversationState, settings.store, hub, customers, settings.customerTurn, settings.agents, clock, options.logger, alsoStaff);
    return { customers, desk, transcript };
  }
  // What staff prepared for the customer goes with the rest of their data.
  const forgetWithAssisted: CustomerForgetter = assistedSigning
    ? async (context, referenceNumbers) => {
        return baseDeps.forgetCustomer(context, await assistedSigning.forget(context, referenceNumbers));
      }
    : baseDeps.forgetCustomer;
  const deps: ConversationDeps = {
    ...baseDeps,
    handoff: handoff?.customers,
    // A callback left in the agents' queue holds the customer's email and words: "delete my data" withdraws it too; and
    // the bills the customer attached go before the session that names them.
    forgetCustomer: async (context, referenceNumbers) => {
      await handoff?.customers.forget(context);
      await forgetBills(context, baseDeps);
      return forgetWithAssisted(context, referenceNumbers);
    },
  };
  dialogs.add(new MainDialog(deps, new CardActions(conversationState)));

  async function runDialog(context: TurnContext): Promise<void> {
    if (!handoff) return runDialogs(context);
    if (await handoff.customers.handleTurn(context)) return;
    const recordTurn = handoff.transcript.capture(context);
    await runDialogs(context);
    await recordTurn(secretsOf(await deps.sessions.find(context)));
  }

  async function runDialogs(context: TurnContext): Promise<void> {
    const dc = await dialogContext(context);
    const greet = !(await welcomed.get(context, false));
    await welcomed.set(context, true);
    const signingLink = assistedSigning?.tokenOf(context);
    if (assistedSigning && signingLink !== undefined) return openSigningLink(dc, assistedSigning, signingLink, greet);
    if (await assistedSigning?.stopIfClosed(context)) {
      await dc.cancelAllDialogs();
      await dc.beginDialog(DialogIds.main, {} satisfies MainOptions);
      return;
    }
    await runCustomerDialogs(dc, greet);
    await assistedSigning?.noteSigned(context);
  }

  /** The page opened the chat with a signing link: the prepared port, from its first question; or the menu. */
  async function openSigningLink(dc: DialogContext, signing: AssistedSigning, token: unknown, greet: boolean): Promise<void> {
    const opening = await signing.open(dc.context, token);
    if (opening === 'opened') {
      await dc.cancelAllDialogs();
      await dc.beginDialog(DialogIds.main, { route: 'resume' } satisfies MainOptions);
    } else if (dc.activeDialog) {
      await dc.repromptDialog();
    } else {
      await dc.beginDialog(DialogIds.main, { greet, ...(opening === 'alreadyOpen' && { route: 'resume' }) } satisfies MainOptions);
    }
  }

  async function runCustomerDialogs(dc: DialogContext, greet: boolean): Promise<void> {
    const { context } = dc;
    if (context.activity.type === ActivityTypes.Message) {
      // A rejected request the customer can fix takes over from whatever was on screen (the menu, most likely).
      if (beginsCorrection(await deps.sessions.find(context), context.activity.text, dc.activeDialog === undefined)) {
        await dc.cancelAllDialogs();
        await dc.beginDialog(DialogIds.main, { greet, route: 'fixNow' } satisfies MainOptions);
        return;
      }
      const result = await dc.continueDialog();
      if (result.status === DialogTurnStatus.empty) {
        // A bill attached with nothing on screen is kept, and the conversation starts as it would.
        if (carriesFile(context)) await takeBillAttachment(context, deps);
        await dc.beginDialog(DialogIds.main, { greet, opening: context.activity.text ?? '' } satisfies MainOptions);
      }
    } else if (greet && !dc.activeDialog) {
      await dc.beginDialog(DialogIds.main, { greet } satisfies MainOptions);
    }
  }

  return {
    runDialog,
    dropDialogStack,
    tellCustomer: noticeTurn(deps, dropDialogStack),
    runAgentTurn: async (context) => (await handoff?.desk.handleTurn(context)) ?? false,
    remindLongWaits: async () => (await handoff?.desk.remindLongWaits()) ?? 0,
    runStaffTurn: async (context) => (await staff?.handleTurn(context)) ?? false,
    remindSigningLinks: async () => (await assistedPorts?.remindAndExpire()) ?? 0,
  };
}
