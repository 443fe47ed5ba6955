import type { Logger } from '../../logging';
import type { BotStorage } from '../../storage/createStorage';
import type { ProactiveMessenger } from '../notifications/proactiveMessenger';
import { PortNotifier, type PortNotifierOptions } from '../notifications/portNotifier';
import type { OutboxStore } from '../outbox/outboxStore';
import { GuardedStatusLookup } from './guardedStatusLookup';
import { PortingEventsHandler } from './portingEventsHandler';
import { PortStatusLookup } from './portStatus';
import { PortStatusStore } from './statusStore';

/** What the status check needs; made before the conversation, which uses it. */
export interface PortStatuses {
  readonly store: PortStatusStore;
  /** The status check customers use, with its limits on wrong guesses. */
  readonly lookup: GuardedStatusLookup;
}

/** `logger` records failed look-ups; `clock` times the locks of the limits on them. */
export function createPortStatuses(storage: BotStorage, outbox: OutboxStore, options: { logger: Logger; clock: () => Date }): PortStatuses {
  const store = new PortStatusStore(storage);
  return { store, lookup: new GuardedStatusLookup(new PortStatusLookup(outbox, store), { storage, ...options }) };
}

export interface PortingEventsOptions {
  /** PORTING_WEBHOOK_SECRET: the porting backend signs its events with the secret the bot signs submissions with. */
  readonly secret: string;
  readonly statuses: PortStatuses;
  readonly outbox: OutboxStore;
  /** How the customer is told, in their own conversation (src/hosting/proactive.ts). */
  readonly messenger: ProactiveMessenger;
  readonly logger: Logger;
  readonly clock?: () => Date;
  readonly notifier?: PortNotifierOptions;
}

/** The handler behind `POST /api/porting/events`. */
export function createPortingEvents(options: PortingEventsOptions): PortingEventsHandler {
  const clock = options.clock ?? (() => new Date());
  const logger = options.logger.child({ component: 'porting-events' });
  const notifier = new PortNotifier(options.statuses.store, options.outbox, options.messenger, clock, logger, options.notifier);
  return new PortingEventsHandler({ secret: options.secret, outbox: options.outbox, statuses: options.statuses.store, notifier, logger, clock });
}
