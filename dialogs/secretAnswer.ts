import type { TurnContext } from 'botbuilder';

/**
 * Marks the turn whose incoming message carries a secret (an account number or transfer PIN, typed as an answer or
 * inside a pasted record), so that transcript and logging layers can leave its text out. The logger never logs text
 * anyway; a transcript shown to agents reads this flag. Symbol.for keeps the key one value across module copies.
 */
export const SECRET_ANSWER_KEY = Symbol.for('portingAssistant.secretAnswer');

export function markSecretAnswer(context: TurnContext): void {
  context.turnState.set(SECRET_ANSWER_KEY, true);
}

export function isSecretAnswer(context: TurnContext): boolean {
  return context.turnState.get(SECRET_ANSWER_KEY) === true;
}
