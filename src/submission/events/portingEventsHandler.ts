/**
 * `POST /api/porting/events`, without the HTTP server: takes the raw body and its signature, and answers with a
 * status and a small JSON body. In order:
 * - the signature is checked over the exact bytes received, before anything is parsed (401 when missing or wrong);
 * - the body must be a valid event (400) about a reference (404) and version (409) this bot submitted;
 * - the event is applied if it is newer than the status (see PortStatusStore): a replay or a late event changes nothing;
 * - the customer is told about a state they have not been told about yet. If that fails for now, the answer is 503
 *   so that the backend sends the event again, which is then a repeat that changes nothing but tries telling again.
 */
import { z } from 'zod';
import type { Logger } from '../../logging';
import type { NoticeOutcome, PortNotifier } from '../notifications/portNotifier';
import type { OutboxStore } from '../outbox/outboxStore';
import { SIGNATURE_HEADER, verifySignature } from '../webhookSignature';
import { PortingEventSchema } from './portingEvent';
import type { EventOutcome, PortStatusStore } from './statusStore';

export interface EventsAnswer {
  readonly status: number;
  readonly body: {
    readonly code: string;
    readonly message: string;
    /** For a refused event: where it is wrong (paths and messages, never the values sent). */
    readonly issues?: readonly { readonly path: string; readonly message: string }[];
  };
}

export interface PortingEventsDependencies {
  /** Shared with the porting backend (PORTING_WEBHOOK_SECRET): it signs events as the bot signs submissions. */
  readonly secret: string;
  readonly outbox: OutboxStore;
  readonly statuses: PortStatusStore;
  readonly notifier: PortNotifier;
  readonly logger: Logger;
  readonly clock?: () => Date;
}

const messages = {
  badSignature: `The ${SIGNATURE_HEADER} header is missing or is not the signature of this body.`,
  invalidJson: 'The body is not valid JSON.',
  invalidEvent: 'The body is not a porting event; see docs/porting-events.md.',
  unknownReference: 'No port request with this reference number was submitted by this bot (or it has expired).',
  unknownVersion: 'This version of the request was never submitted by this bot.',
  tellLater: 'The event is stored, but the customer could not be told yet. Send the event again later.',
  outcome: {
    applied: 'The event changed the status.',
    duplicate: 'The event was received before; nothing changed.',
    outOfOrder: 'The status is already newer than this event; nothing changed.',
    superseded: 'The customer has signed a newer version since; nothing changed.',
  } satisfies Record<EventOutcome, string>,
} as const;

export class PortingEventsHandler {
  private readonly clock: () => Date;

  constructor(private readonly deps: PortingEventsDependencies) {
    this.clock = deps.clock ?? (() => new Date());
  }

  async handle(rawBody: Buffer, signature: string | undefined): Promise<EventsAnswer> {
    if (!verifySignature(rawBody, signature, this.deps.secret)) return answer(401, 'InvalidSignature', messages.badSignature);
    let json: unknown;
    try {
      json = JSON.parse(rawBody.toString('utf8'));
    } catch {
      return answer(400, 'InvalidJson', messages.invalidJson);
    }
    const parsed = PortingEventSchema.safeParse(json);
    if (!parsed.success) {
      return { status: 400, body: { code: 'InvalidEvent', message: messages.invalidEvent, issues: parsed.error.issues.map(describeIssue) } };
    }
    const event = parsed.data;
    const latestVersion = await this.deps.outbox.latestVersion(event.referenceNumber);
    if (latestVersion === undefined) return answer(404, 'UnknownReference', messages.unknownReference);
    if (event.version > latestVersion) return answer(409, 'UnknownVersion', messages.unknownVersion);

    const outcome = await this.deps.statuses.apply(event, latestVersion, this.clock());
    this.deps.logger.info(
      { referenceNumber: event.referenceNumber, version: event.version, sequence: event.sequence, state: event.state, outcome },
      'porting event received',
    );
    const told: NoticeOutcome = await this.deps.notifier.tellCustomer(event.referenceNumber);
    if (told === 'retryLater') return answer(503, 'CustomerNotToldYet', messages.tellLater);
    return answer(200, outcome, messages.outcome[outcome]);
  }
}

function answer(status: number, code: string, message: string): EventsAnswer {
  return { status, body: { code, message } };
}

function describeIssue(issue: z.core.$ZodIssue): { path: string; message: string } {
  return { path: issue.path.map(String).join('.'), message: issue.message };
}
