/**
 * The signed LOA as the body of Twilio's port-in create request (Numbers v1, POST /Porting/PortIn), for a gateway
 * that files ports with Twilio directly. The field mapping follows Twilio's published OpenAPI schema
 * `numbers.v1.porting_port_in_create`; a contract test validates the body against it.
 */
import type { Loa } from '../domain';

export interface TwilioPortInOptions {
  /** The Twilio account (or subaccount) the numbers move to: AC followed by 32 hex digits. */
  readonly accountSid: string;
  /** Twilio document SIDs for the port; Twilio requires at least a utility bill. */
  readonly documentSids: readonly string[];
  /** The signer's email: Twilio sends the LOA it generates there for signature. */
  readonly representativeEmail: string;
  readonly notificationEmails?: readonly string[];
  /** ISO local date, at least 7 days ahead for US ports. */
  readonly targetPortInDate?: string;
}

export interface TwilioPortInCreate {
  account_sid: string;
  documents: string[];
  phone_numbers: Array<{ phone_number: string; pin?: string }>;
  losing_carrier_information: {
    customer_name: string;
    customer_type: 'Business' | 'Individual';
    account_number: string;
    account_telephone_number: string;
    authorized_representative: string;
    authorized_representative_email: string;
    address: { street: string; street_2?: string; city: string; state: string; zip: string; country: string };
  };
  notification_emails?: string[];
  target_port_in_date?: string;
}

export function toTwilioPortInCreate(loa: Loa, options: TwilioPortInOptions): TwilioPortInCreate {
  const { serviceAddress: address } = loa;
  return {
    account_sid: options.accountSid,
    documents: [...options.documentSids],
    // Twilio takes the PIN per number; one port order shares one account, so every number carries the same PIN.
    phone_numbers: loa.numbers.map((phoneNumber) => ({ phone_number: phoneNumber, ...(loa.pin !== undefined && { pin: loa.pin }) })),
    losing_carrier_information: {
      customer_name: loa.accountHolder.fullName,
      customer_type: loa.accountHolder.kind === 'business' ? 'Business' : 'Individual',
      account_number: loa.accountNumber,
      account_telephone_number: loa.billingNumber,
      authorized_representative: loa.authorizedPerson ?? loa.signature.signerName,
      authorized_representative_email: options.representativeEmail,
      address: {
        street: address.street,
        ...(address.unit !== undefined && { street_2: address.unit }),
        city: address.city,
        state: address.region,
        zip: address.postalCode,
        country: address.country,
      },
    },
    ...(options.notificationEmails !== undefined && { notification_emails: [...options.notificationEmails] }),
    ...(options.targetPortInDate !== undefined && { target_port_in_date: options.targetPortInDate }),
  };
}
