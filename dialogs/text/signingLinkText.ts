/** What the customer reads on opening the signing link of a port support staff prepared (dialogs/assistedSigning.ts). */
import type { AssistedPort } from '../../src/assisted/assistedPortStore';
import { formatPhoneNumberList } from '../../src/domain/phoneNumbers';
import { localized } from '../../src/i18n/language';
import { contactWays } from './interruptionText';
import type { SupportContact } from '../conversationDeps';
import { signingLinkTextEs } from './es/signingLinkText';


/** How to reach us (contactWays), or a plain "call us" where no contact is configured. */
const contactLine = (contact: SupportContact): string => contactWays(contact) || 'call us';

export const signingLinkTextEn = {
  opened: (port: AssistedPort) =>
    `Hello ${port.holderName}! ${port.staffName ?? 'Our support team'} filled in your request to move ` +
    `${formatPhoneNumberList(port.numbers)} from ${port.carrierName} (account ${port.maskedAccount}) with you on the phone, under ` +
    `reference ${port.referenceNumber}.\n\nLet's finish it together: I'll ask for your transfer PIN, show you every ` +
    'detail to check, and then you sign the letter here.',
  refused: {
    used: (contact: SupportContact) =>
      `This signing link has been used already: each link opens once. If you didn't finish signing, ${contactLine(contact)} and we'll send you a new one.`,
    expired: (contact: SupportContact) =>
      `This signing link has expired. If you still want to move your number, ${contactLine(contact)} and we'll send you a new one.`,
    closed: (contact: SupportContact) =>
      "This signing link doesn't work any more: each link opens once, and it may have been replaced by a newer one or " +
      `withdrawn. If you haven't signed yet, please use the newest email we sent you, or ${contactLine(contact)}.`,
  },
  /** The customer was signing when staff withdrew the port, sent a new link, or it expired. */
  stopped: (contact: SupportContact) =>
    `The request our team prepared for you can't be signed here any more: its link was withdrawn, replaced by a newer one, ` +
    `or has expired. Nothing was sent. Please use the newest email we sent you, or ${contactLine(contact)}.`,
} as const;

export const signingLinkText = localized({ en: signingLinkTextEn, es: signingLinkTextEs });
