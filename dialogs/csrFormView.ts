/**
 * The data the form card is drawn from: the draft's values pre-filled (secrets never), and after a round, the
 * refused inputs as typed with their messages under them.
 */
import {
  CSR_FIELD_LABELS,
  type CsrDraft,
  type CsrFieldName,
  type CsrValue,
  type PortRequestField,
  billingNumberAsked,
  csrFieldText,
  formatPhoneNumber,
  isSecretField,
} from '../src/domain';
import { type AddressInputId, type CsrFormCardData, type FormInputId, type FormInputView } from '../src/cards/csrFormCard';
import type { FormRound } from './csrFormCheck';
import { assistedText } from './text/assistedText';
import { formText } from './text/formText';

/** What the form card's buttons submit. */
export const FORM_ACTIONS = { submit: 'csrForm.submit', stepByStep: 'csrForm.stepByStep' } as const;

const text = formText.card;
const NO_ROUND: FormRound = { errors: {}, notes: {}, entered: {}, carrierUnknown: false, ruleQuestions: [] };

/** Inputs the channel insists on before it submits; the rest may be blank (optional, defaulted or kept). */
const REQUIRED: ReadonlySet<FormInputId> = new Set<FormInputId>([
  'numbers', 'carrier', 'holderName', 'street', 'city', 'region', 'postalCode', 'contactEmail',
]);

function draftText(field: CsrFieldName, draft: CsrDraft): string {
  const value = draft[field];
  return value === undefined || isSecretField(field) ? '' : csrFieldText(field, value as CsrValue<typeof field>);
}

function addressPartText(part: AddressInputId, draft: CsrDraft): string {
  return draft.serviceAddress?.[part] ?? '';
}

class FormViewBuilder {
  constructor(
    private readonly draft: CsrDraft,
    private readonly round: FormRound,
  ) {}

  input(id: FormInputId, label: string, placeholder: string, saved: string, slot?: PortRequestField): FormInputView {
    return {
      label,
      placeholder,
      value: this.round.entered[id] ?? saved,
      isRequired: REQUIRED.has(id),
      requiredMessage: text.required(label),
      error: slot === undefined ? '' : (this.round.errors[slot] ?? ''),
      note: slot === undefined ? '' : (this.round.notes[slot] ?? []).join(' '),
    };
  }

  field(field: Exclude<CsrFieldName, 'serviceAddress'>, placeholder: string): FormInputView {
    return this.input(field, CSR_FIELD_LABELS[field], placeholder, draftText(field, this.draft), field);
  }

  /**
   * Never pre-filled; once saved, a blank input keeps it (and a saved account number is no longer required), and so it
   * does what was typed while the card asks whether it is exactly what the carrier gave.
   */
  secret(field: 'accountNumber' | 'pin', placeholder: string): FormInputView {
    const saved = this.draft[field] !== undefined && this.draft[field] !== '';
    const asked = this.round.ruleQuestions.includes(field);
    const shown = asked ? text.askedSecret : saved ? text.savedSecret : placeholder;
    const view = this.input(field, CSR_FIELD_LABELS[field], shown, '', field);
    return { ...view, value: '', isRequired: field === 'accountNumber' && !saved && !asked };
  }

  /** Required, and named after the business, once the holder is known to be one. */
  authorizedPerson(): FormInputView {
    const holder = this.draft.holderName;
    const business = holder?.kind === 'business' ? holder.fullName : undefined;
    const label = business === undefined ? text.authorizedPersonLabel : text.businessAuthorizedPersonLabel(business);
    const saved = this.draft.authorizedPerson ?? '';
    const view = this.input('authorizedPerson', label, text.placeholders.authorizedPerson, saved, 'authorizedPerson');
    return { ...view, isRequired: business !== undefined };
  }

  addressPart(part: AddressInputId): FormInputView {
    return this.input(part, text.addressLabels[part], text.placeholders[part], addressPartText(part, this.draft));
  }
}

/** Blank where the billing number isn't asked (billingNumberAsked): the number moved is then the billing number. */
function billingPlaceholder(draft: CsrDraft): string {
  const numbers = draft.numbers?.numbers ?? [];
  const [only] = numbers;
  if (only === undefined) return text.billingNumber.beforeNumbers;
  return billingNumberAsked(draft) ? text.billingNumber.asked : text.billingNumber.notAsked(formatPhoneNumber(only));
}

/**
 * Who fills the form in: the customer, or a support staff member for a customer on the phone, whose card has its own
 * words and neither the PIN (the customer gives it when signing) nor the way to questions one at a time.
 */
export type FormAudience = 'customer' | 'staff';

export function csrFormCardData(draft: CsrDraft, round: FormRound | undefined, cardId: string, audience: FormAudience = 'customer'): CsrFormCardData {
  const current = round ?? NO_ROUND;
  const build = new FormViewBuilder(draft, current);
  const problemCount = Object.keys(current.errors).length;
  return {
    cardId,
    text: {
      heading: audience === 'staff' ? assistedText.card.heading : text.heading,
      intro: audience === 'staff' ? assistedText.card.intro : text.intro,
      fixSummary: text.fixSummary(problemCount),
      addressHeading: text.addressHeading,
      addressHint: text.addressHint,
      submit: audience === 'staff' ? assistedText.card.submit : text.submit,
      stepByStep: text.stepByStep,
      fallback: text.fallback,
    },
    hasProblems: problemCount > 0,
    inputs: {
      numbers: build.field('numbers', text.placeholders.numbers),
      carrier: build.field('carrier', text.placeholders.carrier),
      accountNumber: build.secret('accountNumber', text.placeholders.accountNumber),
      pin: build.secret('pin', text.placeholders.pin),
      holderName: build.field('holderName', text.placeholders.holderName),
      authorizedPerson: build.authorizedPerson(),
      street: build.addressPart('street'),
      unit: build.addressPart('unit'),
      city: build.addressPart('city'),
      region: build.addressPart('region'),
      postalCode: build.addressPart('postalCode'),
      billingNumber: build.field('billingNumber', billingPlaceholder(draft)),
      contactEmail: build.field('contactEmail', text.placeholders.contactEmail),
    },
    address: {
      error: current.errors.serviceAddress ?? '',
      note: (current.notes.serviceAddress ?? []).join(' '),
    },
    carrierCheck: { show: current.carrierUnknown, label: text.carrierCheckLabel, title: text.carrierCheckTitle },
    ruleChecks: {
      accountNumber: { show: current.ruleQuestions.includes('accountNumber'), title: text.ruleCheckTitle },
      pin: { show: current.ruleQuestions.includes('pin'), title: text.ruleCheckTitle },
    },
    actions: FORM_ACTIONS,
    asksPin: audience === 'customer',
    offersStepByStep: audience === 'customer',
  };
}
