import type { BotState, TurnContext } from 'botbuilder';

/**
 * Writes what the turn changed in each state (conversation, user) at once: they are separate items, so neither
 * waits for the other's write (one round trip to Redis instead of two, one queue on SQLite's writer).
 */
export async function saveStates(context: TurnContext, states: readonly BotState[]): Promise<void> {
  await Promise.all(states.map((state) => state.saveChanges(context, false)));
}
