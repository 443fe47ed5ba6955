/**
 * The customer's side of an assisted port: the customer page opens Web Chat with the signing link's token in its join
 * event (public/assets/app.js), and the draft a staff member prepared becomes the customer's own session, with the
 * reference reserved for it and who prepared it. From there the customer goes through the port as if they had typed
 * everything themselves: the PIN question with its carrier rules, the review (masked), the letter and the signature.
 * A link opens once; a draft whose link staff replaced or withdrew, or that expired, can no longer be signed.
 */
import { ActivityTypes, type TurnContext } from 'botbuilder';
import { WEB_CHAT_JOIN_EVENT } from '../src/bot/portingBot';
import type { AssistedPorts } from './assistedPorts';
import type { SupportContact } from './conversationDeps';
import type { PortingSessionStore } from './sessionStore';
import { signingLinkText } from './text/signingLinkText';

/** How opening a link went: the draft is the customer's now; it was theirs already (the page reloaded); or refused. */
export type SigningLinkOpening = 'opened' | 'alreadyOpen' | 'refused';

export class AssistedSigning {
  constructor(
    private readonly ports: AssistedPorts,
    private readonly sessions: PortingSessionStore,
    private readonly supportContact: SupportContact,
  ) {}

  /** The signing link's token, when the turn is the page's join event with one. */
  tokenOf(context: TurnContext): unknown {
    const { type, name, value } = context.activity;
    if (type !== ActivityTypes.Event || name !== WEB_CHAT_JOIN_EVENT || typeof value !== 'object' || value === null) return undefined;
    return (value as { signingLink?: unknown }).signingLink;
  }

  /** Opens the link for this customer, telling them what happens next or why it doesn't work. */
  async open(context: TurnContext, token: unknown): Promise<SigningLinkOpening> {
    const held = (await this.sessions.find(context))?.assisted;
    if (held !== undefined && this.ports.linkIdOf(token) === held.linkId && (await this.ports.stillOpen(held.referenceNumber, held.linkId)).open) {
      return 'alreadyOpen';
    }
    const outcome = await this.ports.open(token);
    if (outcome.kind === 'refused') {
      const refused = signingLinkText.refused;
      const reason = outcome.reason === 'used' || outcome.reason === 'expired' ? outcome.reason : 'closed';
      await context.sendActivity(refused[reason](this.supportContact));
      return 'refused';
    }
    const { port, draft } = outcome;
    await this.sessions.startOver(context);
    await this.sessions.update(context, (session) => {
      session.draft = draft;
      session.assisted = { referenceNumber: port.referenceNumber, linkId: port.linkId, staffId: port.staffId };
    });
    await context.sendActivity(signingLinkText.opened(port));
    return 'opened';
  }

  /**
   * Before a customer's turn: a prepared draft whose link was replaced or withdrawn, or expired, is no longer theirs
   * to sign. They are told, and their session starts afresh; true when so (the dialogs on screen are for it no more).
   */
  async stopIfClosed(context: TurnContext): Promise<boolean> {
    const session = await this.sessions.find(context);
    const held = session?.assisted;
    if (held === undefined || session?.stage === 'signed') return false;
    if ((await this.ports.stillOpen(held.referenceNumber, held.linkId)).open) return false;
    await context.sendActivity(signingLinkText.stopped(this.supportContact));
    await this.sessions.startOver(context);
    return true;
  }

  /**
   * "Delete my data": the port prepared for the customer goes with their own requests. Resolves every reference to
   * forget, the prepared one included, so that the emails queued about it (its signing link, a reminder) go too.
   */
  async forget(context: TurnContext, referenceNumbers: readonly string[]): Promise<readonly string[]> {
    const held = (await this.sessions.find(context))?.assisted;
    const references = held === undefined ? referenceNumbers : [...referenceNumbers, held.referenceNumber];
    await this.ports.forget(references);
    return references;
  }

  /**
   * After a customer's turn: once they signed the prepared letter, the port is marked signed and its draft deleted.
   * Signed means handed over under its reference: the session's signed letter may already be gone by the turn's end
   * (the first account of a split port, whose next account's draft begins in the same turn).
   */
  async noteSigned(context: TurnContext): Promise<void> {
    const session = await this.sessions.find(context);
    const held = session?.assisted;
    if (held === undefined || !session?.submittedReferences.includes(held.referenceNumber)) return;
    await this.ports.signed(held.referenceNumber, held.linkId);
    await this.sessions.update(context, (current) => {
      delete current.assisted;
    });
  }
}
