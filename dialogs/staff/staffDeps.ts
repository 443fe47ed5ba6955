import type { Dialog } from 'botbuilder-dialogs';
import type { Logger } from '../../src/logging';
import type { RequestHistories } from '../../src/submission/events/requestHistory';
import type { AssistedPorts } from '../assistedPorts';
import type { ReceiptLinkMaker } from '../conversationDeps';

/** The staff dialogs' ids. One ComponentDialog per file uses each. */
export const StaffDialogIds = {
  menu: 'staffMenuDialog',
  lookup: 'staffLookupDialog',
  howTo: 'carrierHowToDialog',
  assistedPort: 'assistedPortDialog',
  signingLink: 'signingLinkDialog',
} as const;

/**
 * A further entry of the staff menu (such as "Port a number for a customer"): its button, the words that ask for it
 * (the button's label among them), and the dialog it begins.
 */
export interface StaffFeature {
  /** The menu's button; none for an entry reached only by its words (or another card's buttons). */
  readonly button?: string;
  readonly asks: RegExp;
  readonly dialog: Dialog;
}

/** What a feature's dialog begins with: the message that asked for it ("resend link PA-…"). */
export interface StaffFeatureOptions {
  readonly opening: string;
}

/** What every staff dialog is built with. */
export interface StaffDeps {
  /** Submitted requests, by reference number or phone number. */
  readonly histories: RequestHistories;
  /** Links to the signed letter (masked); without it (no PUBLIC_BASE_URL in a deployment), none is shown. */
  readonly receiptLink?: ReceiptLinkMaker;
  /** Where each look-up is recorded for the audit. */
  readonly logger: Logger;
  readonly clock: () => Date;
  readonly features: readonly StaffFeature[];
  /** Assisted ports, shown in look-ups; without them (email or customer links not set up), none. */
  readonly assisted?: AssistedPorts;
}

/**
 * How a staff dialog ends: with the message that answered its question with another request ("verizon pin" typed
 * where a reference was asked for), for the menu to route; or with nothing more to do.
 */
export interface StaffDialogResult {
  readonly followUp?: string;
}
