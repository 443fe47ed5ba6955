/**
 * The one way a turn happens. Every activity the bot receives passes through these steps, in this order:
 *
 *   0. at the HTTP door (src/hosting/server.ts): the client address's rate limit, body size and JSON, the activity's
 *      field limits, authentication, then the conversation's rate limit (counting only authenticated activities); an
 *      activity refused there never reaches a turn
 *   1. the turn lock: one turn at a time per conversation and per customer, across instances (src/reliability)
 *   2. the turn's state read: conversation and user state together
 *   3. de-duplication: an activity this conversation has already processed (the same `activity.id`, redelivered by
 *      the channel or sent in several copies at once) is not processed again, and no reply is sent for it
 *   4. the turn's language: the one the customer chose (remembered with their session), or else the activity's
 *      locale (src/i18n/language.ts); then routing: the router decides whose turn it is (an agent's, a customer's with a person, a customer's with the
 *      bot) and runs it (src/bot/portingBot.ts)
 *   5. a turn that failed has its dialog stack cleared, and its changes dropped unless what failed was a reply going
 *      out (the channel refused it or did not answer), or the turn had already done what cannot be undone (handed a
 *      signed letter over: see keepTurnChanges): then what it changed (the customer's answer in the draft, the sent
 *      letter in the session) is saved; the draft saved by earlier turns is kept either way
 *   6. one save of the turn's state, which notes the activity as processed (none after "delete my data")
 *   7. the lock released
 *
 * De-duplication comes after the lock so that copies sent at once wait for the first and then find it done. Turns
 * opened from outside the customer's traffic (status notices, an agent's words, wait reminders) enter at step 1
 * through `proactive` and pass through the same steps but de-duplication and routing: their work is given. One that
 * fails saves nothing, unless, as in step 5, only a reply failed or its work cannot be undone; its caller decides
 * what then (a status notice is told again when its event comes again).
 */
import { ActivityTypes, type ConversationState, MessageFactory, type TurnContext, type UserState } from 'botbuilder';
import { type Language, inLanguage, languageOfLocale } from '../i18n/language';
import { loggerForTurn, type Logger } from '../logging';
import { text as lockText } from '../reliability/text';
import { TurnLockTimeoutError, withTurnLock, type TurnLock } from '../reliability/turnLock';
import { customerForgotten } from '../privacy/forgetCustomer';
import { causesOf } from './errorCauses';
import { ProcessedActivities } from './processedActivities';

/** What the HTTP server runs for each activity it accepts. */
export interface TurnHandler {
  run(context: TurnContext): Promise<void>;
}

/** Runs `turn` in the conversation `reference` names; its failures (a channel's refusal, say) reach the caller. */
export type OpenConversation = (reference: Readonly<Record<string, unknown>>, turn: (context: TurnContext) => Promise<void>) => Promise<void>;

/** Decides whose turn an activity is and runs it (step 4). */
export type TurnRouter = (context: TurnContext) => Promise<void>;

/** Runs `work` in a turn of the conversation `reference` names, under its lock, with its state read and saved once. */
export type ProactiveTurn = <R>(reference: Readonly<Record<string, unknown>>, work: (context: TurnContext) => Promise<R>) => Promise<R>;

/** What is undone in conversation state after a failed turn, besides its own changes (the dialog stack, say). */
export type FailedTurnRepair = (context: TurnContext) => Promise<void>;

export interface TurnPipelineOptions {
  readonly conversationState: ConversationState;
  readonly userState: UserState;
  readonly lock: TurnLock;
  /** Opens proactive turns (src/hosting/conversationOpener.ts). */
  readonly open: OpenConversation;
  readonly logger: Logger;
  /** The language the customer chose, read from the turn's state once it is loaded; undefined when they chose none. */
  readonly chosenLanguage?: (context: TurnContext) => Promise<Language | undefined>;
}

/** What the inbound turns do that is the bot's own. */
export interface InboundTurns {
  /** Step 4. */
  readonly route: TurnRouter;
  /** Step 5: what else a failed turn leaves to undo, once its changes are dropped. */
  readonly repairFailedTurn?: FailedTurnRepair;
}

export interface TurnPipeline {
  /** The handler the server runs every inbound activity through. */
  inbound(turns: InboundTurns): TurnHandler;
  readonly proactive: ProactiveTurn;
}

/** The activities this bot answers, whose turns read state; typing, reactions and the like read none and take no lock. */
const STATEFUL_ACTIVITIES: ReadonlySet<string> = new Set([
  ActivityTypes.Message,
  ActivityTypes.ConversationUpdate,
  ActivityTypes.Event,
  ActivityTypes.Invoke,
]);

/** Turn state: the error with which a reply of this turn did not go out. */
const REPLY_FAILED = Symbol('replyFailed');
/** Turn state: the turn has done what cannot be undone (see keepTurnChanges). */
const KEEP_CHANGES = Symbol('keepTurnChanges');

/**
 * Called by a turn's work once it has done what cannot be undone, such as handing a signed letter over for
 * submission, and noted it in state: whatever fails after this, the turn's changes are saved, so that the session
 * says "sent" and nothing is handed over a second time.
 */
export function keepTurnChanges(context: TurnContext): void {
  context.turnState.set(KEEP_CHANGES, true);
}

/**
 * Whether a failed turn's changes are its finished work: it failed only in sending a reply (the turn ended with that
 * very error, perhaps wrapped by the dialogs), or it had already done what cannot be undone.
 */
function changesStand(context: TurnContext, error: unknown): boolean {
  if (context.turnState.get(KEEP_CHANGES) === true) return true;
  const replyError: unknown = context.turnState.get(REPLY_FAILED);
  return replyError !== undefined && causesOf(error).includes(replyError);
}

/** Notes the error of any reply of the turn that does not go out (see changesStand). */
function watchReplies(context: TurnContext): void {
  context.onSendActivities(async (_context, _activities, next) => {
    try {
      return await next();
    } catch (error) {
      context.turnState.set(REPLY_FAILED, error);
      throw error;
    }
  });
}

const OK = 200;
// An invoke (an Adaptive Card action) is answered in its HTTP response, which the client shows as a failed action.
const SERVICE_UNAVAILABLE = 503;

export function createTurnPipeline(options: TurnPipelineOptions): TurnPipeline {
  const { lock, open, logger, chosenLanguage } = options;
  const states: readonly (ConversationState | UserState)[] = [options.conversationState, options.userState];
  const processed = new ProcessedActivities(options.conversationState);

  /** The storage keys of the states this turn can name; UserState names none without a sender. */
  const keysOf = (context: TurnContext) => states.flatMap((state) => storageKeyOf(state, context) ?? []);
  const statesOf = (context: TurnContext) => states.filter((state) => storageKeyOf(state, context) !== undefined);

  const load = async (context: TurnContext, force = false) => {
    await Promise.all(statesOf(context).map((state) => state.load(context, force)));
  };

  /** Step 6: what the turn changed in each state, written at once (one round trip to Redis, one queue on SQLite). */
  const save = async (context: TurnContext) => {
    if (customerForgotten(context)) return;
    await Promise.all(statesOf(context).map((state) => state.saveChanges(context, false)));
  };

  /**
   * Step 5: the failed turn's changes are read over, what it left broken is repaired, and the activity counts as
   * processed: it may have sent replies or handed over a letter, and the customer is asked to send it again. When what
   * failed was sending a reply, the changes are the turn's finished work, which a reply that did not reach the
   * customer does not undo: they are kept. Only the dialog's place is repaired, since the failure may have come
   * halfway through a step, and the customer picks up from the draft.
   */
  const dropFailedTurn = async (context: TurnContext, error: unknown, repair: FailedTurnRepair | undefined) => {
    if (!changesStand(context, error)) await load(context, true);
    await repair?.(context);
    await processed.add(context);
    await save(context);
  };

  /** Step 4's language: a proactive turn has no locale, and speaks the customer's chosen language or English. */
  const languageOf = async (context: TurnContext): Promise<Language> =>
    (await chosenLanguage?.(context)) ?? languageOfLocale(context.activity.locale);

  /** Steps 2 to 6, under the lock. */
  const statefulTurn = async (context: TurnContext, { route, repairFailedTurn }: InboundTurns, log: Logger) => {
    await load(context);
    if (await processed.includes(context)) {
      log.info('activity already processed: not run again');
      if (context.activity.type === ActivityTypes.Invoke) await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: OK } });
      return;
    }
    watchReplies(context);
    const language = await languageOf(context);
    try {
      await inLanguage(language, () => route(context));
    } catch (error) {
      // The adapter's turn error handler logs the failure and apologises; a repair that fails too is only logged here.
      await dropFailedTurn(context, error, repairFailedTurn).catch((repairError: unknown) => log.error({ err: repairError }, 'could not repair state after a failed turn'));
      throw error;
    }
    await processed.add(context);
    await save(context);
  };

  /**
   * A turn that waited too long for the lock is not run at all; the customer is told, truthfully, that the message was
   * not taken and to send it again (channels do not reliably retry a refused request, and silence would look like a
   * lost message); a card action is refused with 503, which the client shows as an action that failed.
   */
  const refuseBusy = async (context: TurnContext, error: TurnLockTimeoutError, log: Logger) => {
    log.warn({ err: error, waitMs: lock.waitMs }, 'turn not run: the conversation was busy');
    // The customer's chosen language is in state this turn could not read: the activity's locale speaks.
    await context.sendActivity(
      context.activity.type === ActivityTypes.Invoke
        ? { type: ActivityTypes.InvokeResponse, value: { status: SERVICE_UNAVAILABLE } }
        : MessageFactory.text(inLanguage(languageOfLocale(context.activity.locale), () => lockText.busy)),
    );
  };

  return {
    inbound(turns) {
      return {
        async run(context) {
          const log = loggerForTurn(logger, context);
          const startedAt = performance.now();
          log.info({ activity: context.activity }, 'turn started');
          if (!STATEFUL_ACTIVITIES.has(context.activity.type)) {
            await turns.route(context);
          } else {
            try {
              await withTurnLock(lock, keysOf(context), () => statefulTurn(context, turns, log));
            } catch (error) {
              if (!(error instanceof TurnLockTimeoutError)) throw error;
              await refuseBusy(context, error, log);
            }
          }
          log.info({ durationMs: Math.round(performance.now() - startedAt) }, 'turn ended');
        },
      };
    },

    async proactive<R>(reference: Readonly<Record<string, unknown>>, work: (context: TurnContext) => Promise<R>): Promise<R> {
      let result: { value: R } | undefined;
      await open(reference, async (context) => {
        const value = await withTurnLock(lock, keysOf(context), async () => {
          await load(context);
          watchReplies(context);
          let done: R;
          const language = await languageOf(context);
          try {
            done = await inLanguage(language, () => work(context));
          } catch (error) {
            if (changesStand(context, error)) await save(context);
            throw error;
          }
          await save(context);
          return done;
        });
        result = { value };
      });
      if (!result) throw new Error('The proactive turn did not run.');
      return result.value;
    },
  };
}

/** Where `state` keeps this turn's state; undefined when it cannot name a key (UserState without a sender, say). */
function storageKeyOf(state: ConversationState | UserState, context: TurnContext): string | undefined {
  try {
    return state.getStorageKey(context);
  } catch {
    return undefined;
  }
}
