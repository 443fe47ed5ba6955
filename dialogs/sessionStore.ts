import type { StatePropertyAccessor, TurnContext, UserState } from 'botbuilder';
import { type Language, isLanguage } from '../src/i18n/language';
import { loggerForTurn, type Logger } from '../src/logging';
import { pinOf } from '../src/domain';
import { type PortingSession, submittedReferencesIn, keepPinDated, newPortingSession, readPortingSession, restartedPortingSession } from './portingSession';
import { mainText } from './text/mainText';

const SESSION_PROPERTY = 'portingSession';
const MS_PER_DAY = 24 * 60 * 60 * 1000;

/**
 * Reads and changes the customer's porting session in user state. What storage gives back is parsed against the
 * session's schema (and migrated from an older version) the first time a turn reads it; a session that does not parse
 * (or was written by a newer version) is not trusted: it is logged without its values, the customer is told, and a new
 * session takes its place that keeps only the requests it names as handed over, so that "delete my data" still
 * reaches them. Every change goes through
 * `update`, which stamps `updatedAt`, so resume offers and draft expiry see the real time of the last change, and
 * dates a PIN new to the draft (keepPinDated), so its lifetime counts from when it was given.
 */
export class PortingSessionStore {
  private readonly accessor: StatePropertyAccessor<unknown>;
  /** Sessions already parsed (or made here): state hands a turn the same object each time it is read. */
  private readonly checked = new WeakSet<object>();

  constructor(
    userState: UserState,
    private readonly clock: () => Date,
    private readonly ttlDays: number,
    private readonly logger: Logger,
  ) {
    this.accessor = userState.createProperty<unknown>(SESSION_PROPERTY);
  }

  /** The current session, or undefined when there is none, it is older than the state TTL, or it could not be read. */
  async find(context: TurnContext): Promise<PortingSession | undefined> {
    const session = await this.read(context);
    if (!session) return undefined;
    const ageMs = this.clock().getTime() - Date.parse(session.updatedAt);
    if (ageMs > this.ttlDays * MS_PER_DAY) {
      await this.accessor.delete(context);
      return undefined;
    }
    return session;
  }

  /** The current session, starting a new one when there is none. */
  async get(context: TurnContext): Promise<PortingSession> {
    return (await this.find(context)) ?? newPortingSession(this.clock());
  }

  async update(context: TurnContext, change: (session: PortingSession) => void): Promise<PortingSession> {
    const session = await this.get(context);
    const pinBefore = pinOf(session.draft);
    change(session);
    const now = this.clock();
    keepPinDated(session, pinBefore, now);
    session.updatedAt = now.toISOString();
    await this.write(context, session);
    return session;
  }

  /** The customer chooses the language the bot speaks to them, from this turn on (see src/i18n/language.ts). */
  async chooseLanguage(context: TurnContext, language: Language): Promise<void> {
    await this.update(context, (session) => {
      session.language = language;
    });
  }

  /** Starts a new port: the draft, signature and progress are cleared; the tips already read are kept. */
  async startOver(context: TurnContext): Promise<PortingSession> {
    const session = restartedPortingSession(await this.get(context), this.clock());
    await this.write(context, session);
    return session;
  }

  private async write(context: TurnContext, session: PortingSession): Promise<void> {
    this.checked.add(session);
    await this.accessor.set(context, session);
  }

  private async read(context: TurnContext): Promise<PortingSession | undefined> {
    const stored = await this.accessor.get(context);
    if (stored === undefined || stored === null) return undefined;
    if (typeof stored === 'object' && this.checked.has(stored)) return stored as PortingSession;
    const read = readPortingSession(stored);
    if (!read.ok) {
      loggerForTurn(this.logger, context).warn({ problems: read.problems }, 'stored porting session could not be read: started afresh');
      await context.sendActivity(mainText.sessionNotRestored);
      const fresh: PortingSession = { ...newPortingSession(this.clock()), submittedReferences: submittedReferencesIn(stored) };
      await this.write(context, fresh);
      return fresh;
    }
    if (read.migratedFrom !== undefined) {
      loggerForTurn(this.logger, context).info({ from: read.migratedFrom }, 'stored porting session migrated');
    }
    await this.write(context, read.session);
    return read.session;
  }
}

/**
 * The language the customer chose, as the turn pipeline reads it before the turn runs: straight from user state,
 * without parsing the session (a session that cannot be read is dealt with, and the customer told, by the turn).
 */
export function chosenLanguageIn(userState: UserState): (context: TurnContext) => Promise<Language | undefined> {
  const accessor = userState.createProperty<unknown>(SESSION_PROPERTY);
  return async (context) => {
    const stored = await accessor.get(context);
    const language = typeof stored === 'object' && stored !== null ? (stored as { language?: unknown }).language : undefined;
    return isLanguage(language) ? language : undefined;
  };
}
