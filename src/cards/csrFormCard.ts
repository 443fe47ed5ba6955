import template from '../../cards/csrForm.json';
import { type CardIdentity, CardTemplate } from './cardTemplate';

/** The form's inputs, by the id each submits its value under: the CSR fields, with the address in its parts. */
export const FORM_INPUT_IDS = [
  'numbers',
  'carrier',
  'accountNumber',
  'pin',
  'holderName',
  'authorizedPerson',
  'street',
  'unit',
  'city',
  'region',
  'postalCode',
  'billingNumber',
  'contactEmail',
] as const;
export type FormInputId = (typeof FORM_INPUT_IDS)[number];

/** The address parts, as the form asks for them. */
export const ADDRESS_INPUT_IDS = ['street', 'unit', 'city', 'region', 'postalCode'] as const satisfies readonly FormInputId[];
export type AddressInputId = (typeof ADDRESS_INPUT_IDS)[number];

/** The toggle the form shows when the carrier isn't in our list: the customer confirms the name is right. */
export const CONFIRM_UNKNOWN_CARRIER_INPUT_ID = 'confirmedUnknownCarrier';

/**
 * The toggles the form shows under an account number or PIN that breaks a carrier rule we haven't confirmed: the
 * customer says it is exactly what the carrier gave ("Yes, that's it"), and it is taken as they typed it.
 */
export const AS_TYPED_INPUT_IDS = { accountNumber: 'accountNumberAsTyped', pin: 'pinAsTyped' } as const;
export type AsTypedInputId = (typeof AS_TYPED_INPUT_IDS)[keyof typeof AS_TYPED_INPUT_IDS];

export interface FormInputView {
  label: string;
  placeholder: string;
  /** Pre-filled text; always '' for the secrets, which are never sent back to the customer. */
  value: string;
  isRequired: boolean;
  /** Shown by the channel when a required input is left empty. */
  requiredMessage: string;
  /** Why the value was refused; '' when it wasn't. */
  error: string;
  /** Something to double-check about an accepted value; '' when there is nothing. */
  note: string;
}

export interface CsrFormCardData extends CardIdentity {
  text: {
    heading: string;
    intro: string;
    /** Shown above the inputs when some need another look. */
    fixSummary: string;
    addressHeading: string;
    addressHint: string;
    submit: string;
    stepByStep: string;
    fallback: string;
  };
  hasProblems: boolean;
  inputs: Record<FormInputId, FormInputView>;
  /** The address is checked as a whole, so its refusal and notes are shown once, under its parts. */
  address: { error: string; note: string };
  carrierCheck: { show: boolean; label: string; title: string };
  /** The "Yes, that's it" toggles of AS_TYPED_INPUT_IDS, shown under a secret the round asks about. */
  ruleChecks: Record<keyof typeof AS_TYPED_INPUT_IDS, { show: boolean; title: string }>;
  actions: { submit: string; stepByStep: string };
  /** Whether the card has the PIN input: not on the form support staff fill in, as the customer gives the PIN. */
  asksPin: boolean;
  /** Whether the card offers to go on one question at a time (the customer's form only). */
  offersStepByStep: boolean;
}

export const csrFormCard = new CardTemplate<CsrFormCardData>(template);
