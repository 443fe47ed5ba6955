import type { ConversationState, UserState } from 'botbuilder';
import { createConversation } from '../dialogs/conversation';
import { chosenLanguageIn } from '../dialogs/sessionStore';
import { PortingBot } from './bot/portingBot';
import { createTurnPipeline } from './bot/turnPipeline';
import { TurnConversationState, TurnUserState } from './bot/turnStates';
import type { Config } from './config';
import { BILL_LIMITS } from './domain/billDocument';
import { DEFAULT_NUMBERS_POLICY } from './domain/phoneNumbers';
import { AttachmentDownloader } from './documents/attachmentDownload';
import { DocumentStore } from './documents/documentStore';
import { createPdfReader } from './documents/pdfReader';
import { DocumentLinks, documentLinksRoute } from './hosting/documentLinks';
import { portingEventsRoute } from './hosting/portingEventsRoute';
import { createConversationOpener } from './hosting/conversationOpener';
import { createProactiveMessenger } from './hosting/proactive';
import { type HandoffOptions, teamsChannelReference } from '../dialogs/handoff';
import { EscalationStore } from './handoff/escalationStore';
import { customerBaseUrl, receiptLinksFor, receiptLinksRoute } from './hosting/receiptLinks';
import { SigningLinks } from './hosting/signingLinks';
import { AssistedPortStore } from './assisted/assistedPortStore';
import { startServer, type RouteRegistration, type RunningServer } from './hosting/server';
import type { Logger } from './logging';
import { type MailServiceDependencies, createMailService } from './mail/createMailService';
import { createPortabilityChecker } from './portability/portabilityChecker';
import { createTurnLock } from './reliability/createTurnLock';
import { startRepeating } from './scheduling/repeatingTask';
import type { DataKeyring } from './security/dataKeys';
import { customerForgetter } from './privacy/forgetCustomer';
import type { SweepableStorage } from './storage/createStorage';
import { startExpirySweep } from './storage/expirySweep';
import { createSubmissionService, type SubmissionServiceDependencies } from './submission/createSubmissionService';
import { createPortingEvents, createPortStatuses } from './submission/events';
import { RequestHistories } from './submission/events/requestHistory';
import { createLoaPdfRenderer } from './submission/pdf/pdfRenderer';

export interface ApplicationDependencies {
  /** The bot's state and the submission outbox (see createStorage); closed with the application. */
  readonly storage: SweepableStorage;
  readonly logger: Logger;
  /** The keys that encrypt storage; receipt links are signed with a key derived from them. No keys, no links. */
  readonly encryption?: DataKeyring;
  readonly clock?: () => Date;
  /** Outbox worker tuning that is not configuration (tests poll faster). */
  readonly submissionWorker?: SubmissionServiceDependencies['worker'];
  /** Mail worker tuning that is not configuration (tests retry sooner). */
  readonly mailWorker?: MailServiceDependencies['worker'];
  /** How often customers waiting for a person are checked for having waited too long; tests check sooner. */
  readonly waitCheckIntervalMs?: number;
  /** How often signing links are checked for a reminder or expiry; tests check sooner. */
  readonly signingLinkCheckIntervalMs?: number;
}

export interface RunningApplication extends RunningServer {
  readonly conversationState: ConversationState;
  readonly userState: UserState;
}

const MS_PER_MINUTE = 60_000;
/** How often waiting customers are checked for having waited too long (AGENT_MAX_WAIT_MINUTES is in minutes). */
const WAIT_CHECK_INTERVAL_MS = 30_000;
const MS_PER_HOUR = 60 * MS_PER_MINUTE;
/** How often signing links are checked: the reminder is a day after sending and links last hours, so minutes do. */
const SIGNING_LINK_CHECK_INTERVAL_MS = 5 * MS_PER_MINUTE;
/**
 * Threads that render signed letters. One is enough: a letter is rendered once per submission and once per receipt
 * opened, and the machines have 2 cores, so one rendering thread leaves the other to the main thread's chat turns.
 */
const LOA_PDF_THREADS = 1;
/** How long fetching a file the customer attached may take: 10 MB over a slow link, with room to spare. */
const ATTACHMENT_DOWNLOAD_TIMEOUT_MS = 30_000;

/**
 * The composition root: every part of the bot built from the configuration and wired together, the same way for
 * `npm start` and for the tests that run the whole application.
 */
export async function startApplication(config: Config, deps: ApplicationDependencies): Promise<RunningApplication> {
  const { storage, logger } = deps;
  const clock = deps.clock ?? (() => new Date());
  const conversationState = new TurnConversationState(storage);
  const userState = new TurnUserState(storage);

  const pdfRenderer = createLoaPdfRenderer({ threads: LOA_PDF_THREADS });
  // Receipt and document links name this server's own address on a local run, known only once it listens.
  let serverUrl = '';
  const documents = new DocumentStore(storage, clock);
  const documentsBaseUrl = customerBaseUrl(config, () => serverUrl);
  const documentLinks = deps.encryption && documentsBaseUrl && new DocumentLinks(deps.encryption, documentsBaseUrl, clock);
  const pdfReader = createPdfReader();
  const submission = createSubmissionService(config.submission, {
    documents,
    documentLink: documentLinks && ((id) => documentLinks.linkFor(id)),
    storage,
    logger,
    pdfRenderer,
    clock,
    retentionDays: config.storage.ttlDays,
    worker: deps.submissionWorker,
    onPermanentFailure: (report) => logger.error({ report }, 'the porting backend refused a submission for good'),
  });
  const statuses = createPortStatuses(storage, submission.store, { logger, clock });
  const links = deps.encryption && receiptLinksFor(config, { keyring: deps.encryption, clock, serverUrl: () => serverUrl });
  const chatPage = customerBaseUrl(config, () => serverUrl);
  // Assisted ports' signing links lead to the same page, signed as the receipt links are.
  const signingLinks = deps.encryption && chatPage && new SigningLinks(deps.encryption, chatPage, clock);
  // Customers' replies to an email reach people (SUPPORT_EMAIL), not the sending address.
  const mail = createMailService(config.mail, { storage, logger, clock, replyTo: config.support.email, worker: deps.mailWorker });
  const turnLock = createTurnLock(config.storage.url, {
    waitMs: config.turnLock.waitMs,
    onError: (error) => logger.warn({ err: error }, 'turn lock error'),
  });
  const openConversation = createConversationOpener(config.bot);
  // Every turn, the customer's and those opened from outside, passes through one pipeline (src/bot/turnPipeline.ts).
  const turns = createTurnPipeline({
    conversationState,
    userState,
    lock: turnLock,
    open: openConversation,
    logger,
    chosenLanguage: chosenLanguageIn(userState),
  });
  const teamsChannel = teamsChannelReference(config);
  // Without an agents' channel or a console token no one can ever take a chat: asking for a person gives the support
  // contact, and no turn pays for keeping a transcript for one.
  const handoff: HandoffOptions | undefined =
    teamsChannel || config.agents.consoleToken
      ? {
          store: new EscalationStore(storage, clock),
          open: openConversation,
          customerTurn: turns.proactive,
          teamsChannel,
          agents: config.agents,
          reportError: (error, what) => logger.warn({ err: error }, what),
        }
      : undefined;
  const conversation = createConversation(
    {
      submitter: submission.submitter,
      forgetCustomer: customerForgetter({ storage, outbox: submission.store, mail: mail?.store, conversationState, userState, clock }),
      numbersPolicy: { ...DEFAULT_NUMBERS_POLICY, countries: config.porting.countries },
      supportContact: config.support,
      newCarrier: config.newCarrier,
      stateTtlDays: config.storage.ttlDays,
      logger,
      portStatus: statuses.lookup,
      receiptLink: links && ((reference, version) => links.linkFor(reference, version)),
      mail: mail?.queue,
      chatLink: chatPage && (() => `${chatPage()}/`),
      portability: createPortabilityChecker(config.portability),
      clock,
      handoff,
      staff: { members: config.staff, histories: new RequestHistories(submission.store, statuses.store) },
      bills: {
        store: documents,
        pdfReader,
        logger,
        downloader: new AttachmentDownloader({
          maxBytes: BILL_LIMITS.maxBytes,
          timeoutMs: ATTACHMENT_DOWNLOAD_TIMEOUT_MS,
          // On a local run Web Chat's files come through the Direct Line bridge in this server, over plain http.
          localOrigin: config.bot.authEnabled ? undefined : () => serverUrl,
        }),
      },
      assisted: signingLinks && {
        store: new AssistedPortStore(storage, clock, config.staff.signingLinkHours * MS_PER_HOUR),
        links: signingLinks,
      },
    },
    conversationState,
    userState,
  );
  const router = new PortingBot(conversation.runDialog, conversation.runAgentTurn, conversation.runStaffTurn);
  const sweep = startExpirySweep(storage, { intervalMs: config.storage.sweepIntervalMinutes * MS_PER_MINUTE, logger });
  submission.worker.start();
  mail?.worker.start();
  /** A round repeated every `intervalMs`; one that fails is logged as `failure`, and the next runs all the same. */
  const repeatRound = (round: () => Promise<unknown>, failure: string, intervalMs: number) =>
    startRepeating(async () => {
      try {
        await round();
      } catch (error) {
        logger.warn({ err: error }, failure);
      }
    }, intervalMs);
  const waitReminders =
    handoff &&
    repeatRound(conversation.remindLongWaits, 'could not remind customers waiting for a person', deps.waitCheckIntervalMs ?? WAIT_CHECK_INTERVAL_MS);
  const signingLinkRounds =
    signingLinks &&
    mail &&
    repeatRound(
      conversation.remindSigningLinks,
      'could not remind customers of their signing links',
      deps.signingLinkCheckIntervalMs ?? SIGNING_LINK_CHECK_INTERVAL_MS,
    );

  const routes: RouteRegistration[] = [];
  // The porting backend signs its events with the secret we sign submissions with: without one, no events endpoint.
  const eventsSecret = config.submission.webhookSecret;
  if (eventsSecret !== undefined) {
    const messenger = createProactiveMessenger(turns.proactive, conversation.tellCustomer);
    const events = createPortingEvents({ secret: eventsSecret, statuses, outbox: submission.store, messenger, logger, clock });
    routes.push(portingEventsRoute(events, config.server.maxBodyBytes));
  }
  if (links) routes.push(receiptLinksRoute(links, submission.store, pdfRenderer, logger));
  if (documentLinks) routes.push(documentLinksRoute(documentLinks, documents, logger));

  const server = await startServer(config, {
    bot: turns.inbound({ route: (context) => router.run(context), repairFailedTurn: conversation.dropDialogStack }),
    storage,
    logger,
    routes,
  });
  serverUrl = server.url;

  let closing: Promise<void> | undefined;
  const closeAll = async () => {
    await server.close();
    await submission.worker.stop();
    await mail?.close();
    await pdfRenderer.close();
    await pdfReader.close();
    await sweep.stop();
    await waitReminders?.stop();
    await signingLinkRounds?.stop();
    await turnLock.close();
    await storage.close();
  };
  return {
    url: server.url,
    conversationState,
    userState,
    close: () => (closing ??= closeAll()),
  };
}
