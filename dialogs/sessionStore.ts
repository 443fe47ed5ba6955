import type { StatePropertyAccessor, TurnContext, UserState } from 'botbuilder';
import { newPortingSession, restartedPortingSession, type PortingSession } from './portingSession';

const SESSION_PROPERTY = 'portingSession';

/**
 * Reads and changes the customer's porting session in user state. Every change goes through `update`, which
 * stamps `updatedAt`, so resume offers and draft expiry see the real time of the last change.
 */
export class PortingSessionStore {
  private readonly accessor: StatePropertyAccessor<PortingSession | undefined>;

  constructor(
    userState: UserState,
    private readonly clock: () => Date,
    private readonly ttlDays: number,
  ) {
    this.accessor = userState.createProperty<PortingSession | undefined>(SESSION_PROPERTY);
  }

  /** The current session, or undefined when there is none or it is older than the state TTL. */
  async find(context: TurnContext): Promise<PortingSession | undefined> {
    const session = await this.accessor.get(context);
    if (!session) return undefined;
    const ageMs = this.clock().getTime() - Date.parse(session.updatedAt);
    if (ageMs > this.ttlDays * 24 * 60 * 60 * 1000) {
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
    change(session);
    session.updatedAt = this.clock().toISOString();
    await this.accessor.set(context, session);
    return session;
  }

  /** Starts a new port: the draft, signature and progress are cleared; the tips already read are kept. */
  async startOver(context: TurnContext): Promise<PortingSession> {
    const session = restartedPortingSession(await this.get(context), this.clock());
    await this.accessor.set(context, session);
    return session;
  }
}
