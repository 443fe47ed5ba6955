/**
 * Assisted ports (dialogs/staff/assistedPortDialog.ts, dialogs/assistedSigning.ts): what support staff read while they
 * fill in a customer's details and manage the signing link. What the customer reads on opening it is in
 * signingLinkText.ts, the emails with the others (emailText.ts).
 */
import type { AssistedPort, AssistedPortState } from '../../src/assisted/assistedPortStore';
import { formatPhoneNumberList } from '../../src/domain/phoneNumbers';

const utc = (at: Date | string) => `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

const STATE_NAMES: Readonly<Record<AssistedPortState, string>> = {
  sent: 'Signing link sent, not opened yet',
  opened: 'Signing link opened by the customer, not signed yet',
  signed: 'Signed by the customer',
  expired: 'Signing link expired before it was signed',
  withdrawn: 'Withdrawn by staff',
};

export const assistedText = {
  /** The staff menu's entry, and what asks for it. */
  button: 'Port a number for a customer',
  asks: /^(?:port a number for (?:a|the) customer|assisted port|prepare (?:a )?port)\b/i,
  /** Resend or withdraw a signing link: the look-up's buttons send these words. */
  resend: (referenceNumber: string) => `Resend link ${referenceNumber}`,
  withdraw: (referenceNumber: string) => `Withdraw link ${referenceNumber}`,
  linkCommand: /^(resend|withdraw)\s+(?:the\s+)?(?:signing\s+)?link\s+(\S+)\s*$/i,

  card: {
    heading: "The customer's port details",
    intro:
      'Fill in what the customer reads out, including their email. There is no PIN here: we email the customer a ' +
      'signing link, and they check the details, give their PIN and sign in the chat themselves.',
    submit: 'Email the signing link',
  },
  formWaiting: `The form is waiting for the customer's details. Type **cancel** to leave it.`,
  cancelled: 'Left the form: nothing was sent.',
  sent: (port: AssistedPort, expiresAt: Date) =>
    `I've emailed the signing link to ${port.contactEmail}. The reference is **${port.referenceNumber}**: ` +
    `${formatPhoneNumberList(port.numbers)} from ${port.carrierName}, account ${port.maskedAccount}.\n\n` +
    `The customer opens the link, checks the details, gives their PIN and signs in the chat. The link works once, until ` +
    `${utc(expiresAt)}; they get a reminder after a day. Type \`status ${port.referenceNumber}\` to see where it stands.`,
  /** The look-up's lines about an assisted port. */
  lookup: (port: AssistedPort, state: AssistedPortState) =>
    [
      `**${port.referenceNumber}**: prepared by staff (${port.staffName ?? port.staffId}) for ${port.holderName}, ` +
        `${formatPhoneNumberList(port.numbers)} from ${port.carrierName}, account ${port.maskedAccount}.`,
      `- Signing link: ${STATE_NAMES[state]}`,
      `- Sent to ${port.contactEmail} at ${utc(port.sentAt)}${port.linksSent > 1 ? ` (link ${port.linksSent})` : ''}, ` +
        `working until ${utc(port.linkExpiresAt)}`,
      ...(port.remindedAt ? [`- Reminder sent at ${utc(port.remindedAt)}`] : []),
      ...(port.openedAt ? [`- Opened at ${utc(port.openedAt)}`] : []),
      ...(port.closedAt ? [`- ${state === 'withdrawn' ? 'Withdrawn' : state === 'signed' ? 'Signed' : 'Closed'} at ${utc(port.closedAt)}`] : []),
    ].join('\n'),
  /** A line of the list of a number's ports, for one prepared by staff and not signed yet. */
  listed: (port: AssistedPort) => `- ${port.referenceNumber}: prepared by staff, waiting for the customer's signature`,
  resent: (port: AssistedPort) =>
    `I've emailed a new signing link for ${port.referenceNumber} to ${port.contactEmail}; the old one no longer works. ` +
    `The new one works until ${utc(port.linkExpiresAt)}.`,
  withdrawn: (referenceNumber: string) => `Withdrawn: the signing link for ${referenceNumber} no longer works, and the prepared details are deleted.`,
  notFound: (referenceNumber: string) => `I have no assisted port ${referenceNumber}.`,
  closed: (port: AssistedPort, state: AssistedPortState) =>
    `${port.referenceNumber} is no longer waiting for the customer (${STATE_NAMES[state].toLowerCase()}), so there is nothing to ` +
    `resend or withdraw.${state === 'expired' ? ' Start a new one with "Port a number for a customer".' : ''}`,

} as const;
