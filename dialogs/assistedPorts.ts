/**
 * Assisted ports, between the dialogs and the stores: a draft staff prepared becomes a port with a signing link
 * emailed to the customer (src/assisted, src/hosting/signingLinks.ts, the mail queue); staff resend or withdraw it;
 * the customer's page opens it once; and a round, repeated by the application, reminds customers after a day and
 * expires links past their time. Every staff action is written to the audit log, as look-ups are.
 */
import type { TurnContext } from 'botbuilder';
import { type CsrDraft, maskSecret } from '../src/domain';
import { type AssistedPort, type AssistedPortStore, type OpenOutcome, type StaffChange, shownState } from '../src/assisted/assistedPortStore';
import type { SigningLinks } from '../src/hosting/signingLinks';
import { type Logger, loggerForTurn } from '../src/logging';
import type { CustomerEmails } from './customerEmails';
import type { SigningLinkEmailDetails } from './text/emailText';

/** The audit log's message for a staff action on an assisted port: one stable line to search for. */
export const ASSISTED_PORT_AUDIT = 'staff assisted port';

/** How long after the link is sent an unopened one gets a reminder. */
export const SIGNING_REMINDER_AFTER_MS = 24 * 60 * 60_000;

export interface AssistedPortsOptions {
  readonly store: AssistedPortStore;
  readonly links: SigningLinks;
  readonly emails: CustomerEmails;
  readonly logger: Logger;
  readonly clock: () => Date;
}

/** Who is acting in a Teams turn: the AAD object id where Teams gives one, as the look-ups' audit names staff. */
export function staffIdOf(context: TurnContext): string {
  const from = context.activity.from;
  return from?.aadObjectId ?? from?.id ?? 'unknown';
}

export class AssistedPorts {
  constructor(private readonly options: AssistedPortsOptions) {}

  /** The port a staff member prepared, stored under a new link and emailed to the customer. */
  async prepare(context: TurnContext, referenceNumber: string, draft: CsrDraft): Promise<AssistedPort> {
    const { numbers, carrier, holderName, accountNumber, contactEmail } = draft;
    if (!numbers || !carrier || !holderName || !accountNumber || !contactEmail) throw new Error('An assisted port was prepared from an incomplete form.');
    const staffName = context.activity.from?.name?.trim().split(/\s+/)[0] || undefined;
    const port = await this.options.store.prepare(
      {
        referenceNumber,
        staffId: staffIdOf(context),
        ...(staffName !== undefined && { staffName }),
        contactEmail,
        numbers: numbers.numbers,
        carrierName: carrier.name,
        holderName: holderName.fullName,
        maskedAccount: maskSecret(accountNumber),
      },
      draft,
    );
    await this.email(port);
    this.audit(context, 'prepared', port.referenceNumber);
    return port;
  }

  async resend(context: TurnContext, referenceNumber: string): Promise<StaffChange> {
    const change = await this.options.store.resend(referenceNumber);
    if (change.kind === 'done') await this.email(change.port);
    this.audit(context, 'resent', referenceNumber, change.kind);
    return change;
  }

  async withdraw(context: TurnContext, referenceNumber: string): Promise<StaffChange> {
    const change = await this.options.store.withdraw(referenceNumber, staffIdOf(context));
    this.audit(context, 'withdrawn', referenceNumber, change.kind);
    return change;
  }

  ofReference(referenceNumber: string): Promise<AssistedPort | undefined> {
    return this.options.store.ofReference(referenceNumber);
  }

  ofNumber(e164: string): Promise<AssistedPort[]> {
    return this.options.store.ofNumber(e164);
  }

  /** The state staff see now. */
  stateOf(port: AssistedPort): ReturnType<typeof shownState> {
    return shownState(port, this.options.clock());
  }

  /** The customer's page opened the chat with a signing link's token. */
  async open(token: unknown): Promise<OpenOutcome> {
    const checked = this.options.links.check(token);
    if (checked.kind === 'invalid') return { kind: 'refused', reason: 'unknown' };
    if (checked.kind === 'expired') return { kind: 'refused', reason: 'expired' };
    return this.options.store.open(checked.linkId);
  }

  /** The link a token names, when it is one of ours (expired or not). */
  linkIdOf(token: unknown): string | undefined {
    const checked = this.options.links.check(token);
    return checked.kind === 'invalid' ? undefined : checked.linkId;
  }

  stillOpen(referenceNumber: string, linkId: string): ReturnType<AssistedPortStore['stillOpen']> {
    return this.options.store.stillOpen(referenceNumber, linkId);
  }

  signed(referenceNumber: string, linkId: string): Promise<void> {
    return this.options.store.signed(referenceNumber, linkId);
  }

  /** "Delete my data": the assisted ports under these references, and what was prepared for them, go. */
  forget(referenceNumbers: readonly string[]): Promise<void> {
    return this.options.store.forget(referenceNumbers);
  }

  /**
   * The round: each port still waiting gets its reminder a day after its link was sent (once per link, while it is
   * unopened), and is expired once its link is past its time (its draft deleted). Resolves how many were reminded.
   */
  async remindAndExpire(): Promise<number> {
    const { store, clock, logger } = this.options;
    let reminded = 0;
    for (const referenceNumber of await store.waiting()) {
      const port = await store.ofReference(referenceNumber);
      if (port === undefined) continue;
      const now = clock().getTime();
      if (shownState(port, clock()) === 'expired') {
        await store.expire(referenceNumber);
        logger.info({ referenceNumber }, 'assisted port: signing link expired');
      } else if (port.state === 'sent' && port.remindedAt === undefined && now - Date.parse(port.sentAt) >= SIGNING_REMINDER_AFTER_MS) {
        // Noted first: a round that fails after queuing still never queues a second reminder for the link.
        if (await store.noteReminded(referenceNumber, port.linkId)) {
          await this.email(port, true);
          reminded += 1;
        }
      }
    }
    return reminded;
  }

  private async email(port: AssistedPort, reminder = false): Promise<void> {
    const details: SigningLinkEmailDetails = {
      referenceNumber: port.referenceNumber,
      holderName: port.holderName,
      staffName: port.staffName,
      carrier: port.carrierName,
      numbers: port.numbers,
      maskedAccount: port.maskedAccount,
      link: this.options.links.linkFor(port.linkId, new Date(port.linkExpiresAt)),
    };
    await this.options.emails.signingLink(details, port.linkId, port.contactEmail, reminder);
  }

  /** The audit line: who, what, which port, when. Never a secret: staff see none. */
  private audit(context: TurnContext, action: 'prepared' | 'resent' | 'withdrawn', referenceNumber: string, outcome: StaffChange['kind'] = 'done'): void {
    loggerForTurn(this.options.logger, context).info(
      {
        audit: 'assistedPort',
        staffId: staffIdOf(context),
        channelId: context.activity.channelId,
        action,
        referenceNumber,
        outcome,
        at: this.options.clock().toISOString(),
      },
      ASSISTED_PORT_AUDIT,
    );
  }
}
