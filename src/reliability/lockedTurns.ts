import { ActivityTypes, MessageFactory, type TurnContext } from 'botbuilder';
import type { TurnErrorRecovery } from '../bot/turnErrorRecovery';
import type { TurnHandler } from '../hosting/server';
import { loggerForTurn, type Logger } from '../logging';
import { text } from './text';
import { TurnLockTimeoutError, withTurnLock, type TurnLock } from './turnLock';

/** A BotState (UserState, ConversationState): where it keeps the turn's state. */
export interface StateKeySource {
  getStorageKey(context: TurnContext): string | undefined;
}

/** The states a turn may write (e.g. [conversationState, userState]): the turn holds each one's storage key. */
export type LockedStates = readonly StateKeySource[];

export interface LockedTurnsOptions {
  states: LockedStates;
  logger: Logger;
}

// An invoke (an Adaptive Card action) is answered in its HTTP response, which the client shows as a failed action.
const SERVICE_UNAVAILABLE = 503;

/**
 * `bot` with its turns run one at a time per conversation and per customer, across instances (see TurnLock).
 * Locking the user's key as well matters because the porting session lives in user state, which one customer's
 * conversations share. A turn that waited too long is not run at all; the customer is told, truthfully, that the
 * message was not taken and to send it again (channels do not reliably retry a refused request, and silence would
 * look like a lost message); a card action is refused with 503, which the client shows as an action that failed.
 */
export function lockedTurns(bot: TurnHandler, lock: TurnLock, options: LockedTurnsOptions): TurnHandler {
  return {
    async run(context: TurnContext): Promise<void> {
      try {
        await withTurnLock(lock, stateKeys(options.states, context), () => bot.run(context));
      } catch (error) {
        if (!(error instanceof TurnLockTimeoutError)) throw error;
        loggerForTurn(options.logger, context).warn({ err: error, waitMs: lock.waitMs }, 'turn not run: the conversation was busy');
        await context.sendActivity(
          context.activity.type === ActivityTypes.Invoke
            ? { type: ActivityTypes.InvokeResponse, value: { status: SERVICE_UNAVAILABLE } }
            : MessageFactory.text(text.busy),
        );
      }
    },
  };
}

/**
 * The turn error recovery (which rewrites conversation state after a failed turn) under the same lock: the failed
 * turn has already let go of it, and another turn of the conversation may be running by now.
 */
export function lockedRecovery(recover: TurnErrorRecovery, lock: TurnLock, states: LockedStates): TurnErrorRecovery {
  return underTurnLock(recover, lock, states);
}

/** `work` on a turn (a recovery, a proactive message) run under the lock of that turn's states, as turns are. */
export function underTurnLock<A extends unknown[], R = void>(
  work: (context: TurnContext, ...args: A) => Promise<R>,
  lock: TurnLock,
  states: LockedStates,
): (context: TurnContext, ...args: A) => Promise<R> {
  return (context, ...args) => withTurnLock(lock, stateKeys(states, context), () => work(context, ...args));
}

function stateKeys(states: LockedStates, context: TurnContext): string[] {
  return states.flatMap((state) => storageKeyOf(state, context) ?? []);
}

/** Where `state` keeps this turn's state; undefined when it cannot name a key (UserState without a sender, say). */
export function storageKeyOf(state: StateKeySource, context: TurnContext): string | undefined {
  try {
    return state.getStorageKey(context);
  } catch {
    return undefined;
  }
}
