/**
 * What the acceptance customers know about their own accounts: what they type, and, written out by hand beside it,
 * what the porting backend should receive for it (numbers in E.164, the address in its parts). The expected values
 * are not computed with the bot's own validators, so that a validator that changed a value would be caught.
 */
import type { PortRequestJson } from '../../../src/submission/portRequestJson';

export interface AddressDetails {
  readonly street: string;
  /** As the request carries it: USPS abbreviations ("Ste 210"). */
  readonly unit?: string;
  /** The unit as the customer types it, where that differs ("Suite 210"). */
  readonly typedUnit?: string;
  readonly city: string;
  readonly region: string;
  readonly postalCode: string;
  readonly country: 'US' | 'CA';
}

export interface CustomerDetails {
  /** The numbers to move as the customer types them, and as E.164. */
  readonly numbers: { readonly typed: string; readonly e164: readonly string[] };
  readonly carrier: { readonly typed: string; readonly id: string; readonly name: string };
  readonly accountNumber: string;
  readonly pin: string;
  readonly holder: PortRequestJson['holder'];
  /** For a business account: the person who signs for it. */
  readonly authorizedPerson?: string;
  readonly serviceAddress: AddressDetails;
  readonly billingNumber: { readonly typed: string; readonly e164: string };
  readonly contactEmail: string;
  /** The name typed to sign the letter. */
  readonly signerName: string;
  /**
   * For numbers on several accounts: the numbers of the first account, as typed when asked which go first (the
   * customer says they are not all on one account). Unset: they are.
   */
  readonly firstAccountNumbers?: string;
  /**
   * The answer to "Are you moving every number on this account?" where it is asked (several numbers, a landline), and
   * what the request then carries; unset where it is not asked.
   */
  readonly wholeAccount?: boolean;
  /** A partial port moving the billing number: the new billing number of the lines that stay. */
  readonly remainingBillingNumber?: { readonly typed: string; readonly e164: string };
}

/**
 * The service address on one line, as a customer types it ("1 Main St, Suite 2, Springfield, IL 62704"), or as the
 * bot shows it back (with the unit as stored: "Ste 2").
 */
export function addressLine(address: AddressDetails, as: 'typed' | 'stored' = 'typed'): string {
  return [address.street, as === 'typed' ? (address.typedUnit ?? address.unit) : address.unit, address.city, `${address.region} ${address.postalCode}`].filter(Boolean).join(', ');
}

/** One person, one number, AT&T (12-digit account number, 6-digit Number Transfer PIN). */
export const MARIA: CustomerDetails = {
  numbers: { typed: '(415) 555-0142', e164: ['+14155550142'] },
  carrier: { typed: 'AT&T', id: 'att', name: 'AT&T' },
  accountNumber: '555444333222',
  pin: '918273',
  holder: { kind: 'person', fullName: 'Maria Lopez', firstName: 'Maria', lastName: 'Lopez' },
  serviceAddress: { street: '123 Main St', unit: 'Apt 4', city: 'Springfield', region: 'IL', postalCode: '62704', country: 'US' },
  billingNumber: { typed: '415-555-0142', e164: '+14155550142' },
  contactEmail: 'maria.lopez@example.com',
  signerName: 'Maria Lopez',
};

/**
 * One person, one Verizon mobile number, every detail at hand: the shortest port there is. Verizon has a port-out lock
 * (Number Lock), so she is asked whether it is off; her number is her billing number, so that is not asked.
 */
export const NGUYEN: CustomerDetails = {
  numbers: { typed: '(503) 555-0134', e164: ['+15035550134'] },
  carrier: { typed: 'Verizon', id: 'verizon', name: 'Verizon' },
  accountNumber: '456123789',
  pin: '135791',
  holder: { kind: 'person', fullName: 'Linh Nguyen', firstName: 'Linh', lastName: 'Nguyen' },
  serviceAddress: { street: '820 SW Oak St', city: 'Portland', region: 'OR', postalCode: '97205', country: 'US' },
  billingNumber: { typed: '(503) 555-0134', e164: '+15035550134' },
  contactEmail: 'linh.nguyen@example.com',
  signerName: 'Linh Nguyen',
};

/**
 * Three numbers on two accounts: two on her T-Mobile account (the first of them its billing number), one on her own
 * Verizon account. She says they are not on one account, and the port is split into two requests.
 */
export const RIVERA_TMOBILE: CustomerDetails = {
  numbers: { typed: '(312) 555-0120, (312) 555-0121, (773) 555-0130', e164: ['+13125550120', '+13125550121'] },
  firstAccountNumbers: '312-555-0120, 312-555-0121',
  carrier: { typed: 'T-Mobile', id: 'tmobile', name: 'T-Mobile' },
  accountNumber: '961234500',
  pin: '271828',
  holder: { kind: 'person', fullName: 'Sam Rivera', firstName: 'Sam', lastName: 'Rivera' },
  serviceAddress: { street: '1500 N Halsted St', city: 'Chicago', region: 'IL', postalCode: '60642', country: 'US' },
  billingNumber: { typed: '(312) 555-0120', e164: '+13125550120' },
  contactEmail: 'sam.rivera@example.com',
  signerName: 'Sam Rivera',
  wholeAccount: true,
};

/** Her Verizon account, the second request: one mobile number, the holder, address and email as on the first. */
export const RIVERA_VERIZON: CustomerDetails = {
  ...RIVERA_TMOBILE,
  numbers: { typed: '(773) 555-0130', e164: ['+17735550130'] },
  firstAccountNumbers: undefined,
  carrier: { typed: 'Verizon', id: 'verizon', name: 'Verizon' },
  accountNumber: '456123700',
  pin: '161803',
  billingNumber: { typed: '(773) 555-0130', e164: '+17735550130' },
  wholeAccount: undefined,
};

/**
 * A home phone on Xfinity Voice (a cable line: no PIN asked) that moves while the account's other line stays: a
 * partial port that takes the billing number, so the line that stays needs a new one.
 */
export const OSEI: CustomerDetails = {
  numbers: { typed: '(206) 555-0150', e164: ['+12065550150'] },
  carrier: { typed: 'Xfinity Voice', id: 'xfinity-voice', name: 'Xfinity Voice' },
  accountNumber: '84973011',
  pin: '',
  holder: { kind: 'person', fullName: 'Kwame Osei', firstName: 'Kwame', lastName: 'Osei' },
  serviceAddress: { street: '410 Pine St', city: 'Seattle', region: 'WA', postalCode: '98101', country: 'US' },
  billingNumber: { typed: '(206) 555-0150', e164: '+12065550150' },
  contactEmail: 'kwame.osei@example.com',
  signerName: 'Kwame Osei',
  wholeAccount: false,
  remainingBillingNumber: { typed: '206-555-0151', e164: '+12065550151' },
};

/** A business on Verizon, signed for by its office manager; its suite is stored as USPS abbreviates it. */
export const ACME: CustomerDetails = {
  numbers: { typed: '212-555-0187', e164: ['+12125550187'] },
  carrier: { typed: 'Verizon', id: 'verizon', name: 'Verizon' },
  accountNumber: '987654321',
  pin: '246810',
  holder: { kind: 'business', fullName: 'Acme Plumbing LLC' },
  authorizedPerson: 'Dana Whitfield',
  serviceAddress: { street: '500 Market St', unit: 'Ste 210', typedUnit: 'Suite 210', city: 'Philadelphia', region: 'PA', postalCode: '19106', country: 'US' },
  billingNumber: { typed: '(212) 555-0187', e164: '+12125550187' },
  contactEmail: 'office@acme-plumbing.example',
  signerName: 'Dana Whitfield',
};

/** Three numbers on one T-Mobile account; the billing number is the second of them. */
export const KOWALSKI: CustomerDetails = {
  numbers: { typed: '312-555-0110, (312) 555-0111, 312.555.0112', e164: ['+13125550110', '+13125550111', '+13125550112'] },
  carrier: { typed: 'T-Mobile', id: 'tmobile', name: 'T-Mobile' },
  accountNumber: '961234587',
  pin: '314159',
  holder: { kind: 'person', fullName: 'Anna Kowalski', firstName: 'Anna', lastName: 'Kowalski' },
  serviceAddress: { street: '77 Lake Shore Dr', city: 'Chicago', region: 'IL', postalCode: '60611', country: 'US' },
  billingNumber: { typed: '312-555-0111', e164: '+13125550111' },
  contactEmail: 'anna.kowalski@example.org',
  signerName: 'Anna Kowalski',
  wholeAccount: true,
};

/**
 * One person on Metro by T-Mobile, whose account number (9 digits) would also pass as a transfer PIN (4 to 10
 * digits): an answer taken twice would be saved twice, as the account number and then as the PIN.
 */
export const OKAFOR: CustomerDetails = {
  numbers: { typed: '(646) 555-0163', e164: ['+16465550163'] },
  carrier: { typed: 'Metro by T-Mobile', id: 'metro', name: 'Metro by T-Mobile' },
  accountNumber: '987654321',
  pin: '2468',
  holder: { kind: 'person', fullName: 'Chidi Okafor', firstName: 'Chidi', lastName: 'Okafor' },
  serviceAddress: { street: '40 Bleecker St', unit: 'Apt 3B', city: 'New York', region: 'NY', postalCode: '10012', country: 'US' },
  billingNumber: { typed: '(646) 555-0163', e164: '+16465550163' },
  contactEmail: 'chidi.okafor@example.net',
  signerName: 'Chidi Okafor',
};

/** A Canadian on Rogers (no PIN required, but she has one), with an accent in her name: she pastes her CSR. */
export const TREMBLAY: CustomerDetails = {
  numbers: { typed: '416-555-0178', e164: ['+14165550178'] },
  carrier: { typed: 'Rogers', id: 'rogers', name: 'Rogers' },
  accountNumber: '840221667',
  pin: '5521',
  holder: { kind: 'person', fullName: 'Émilie Tremblay', firstName: 'Émilie', lastName: 'Tremblay' },
  serviceAddress: { street: '290 Bremner Blvd', unit: 'Unit 1204', city: 'Toronto', region: 'ON', postalCode: 'M5V 3L9', country: 'CA' },
  billingNumber: { typed: '416-555-0178', e164: '+14165550178' },
  contactEmail: 'emilie.tremblay@example.ca',
  signerName: 'Émilie Tremblay',
};

/** A number as the bot and the letter show it: (415) 555-0123. */
export function formatted(e164: string): string {
  const digits = e164.slice(2);
  return `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`;
}

/** The address as the request carries it. */
export function requestAddress({ typedUnit: _typed, ...address }: AddressDetails): Omit<AddressDetails, 'typedUnit'> {
  return address;
}

/** A copy of `details` with some values changed: the same customer at a later moment, or another customer. */
export function withChanges(details: CustomerDetails, changes: Partial<CustomerDetails>): CustomerDetails {
  return { ...details, ...changes };
}

/** A Spanish-speaking customer on T-Mobile in Miami, who types her unit the Spanish way ("Apto 12"). */
export const HERNANDEZ: CustomerDetails = {
  numbers: { typed: '(305) 555-0163', e164: ['+13055550163'] },
  carrier: { typed: 'T-Mobile', id: 'tmobile', name: 'T-Mobile' },
  accountNumber: '964512378',
  pin: '271828',
  holder: { kind: 'person', fullName: 'José Hernández', firstName: 'José', lastName: 'Hernández' },
  serviceAddress: { street: '742 SW 8th St', unit: 'Apt 12', typedUnit: 'Apto 12', city: 'Miami', region: 'FL', postalCode: '33135', country: 'US' },
  billingNumber: { typed: '305-555-0163', e164: '+13055550163' },
  contactEmail: 'jose.hernandez@example.com',
  signerName: 'José Hernández',
};
