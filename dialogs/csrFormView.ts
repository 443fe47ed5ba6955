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
      requiredMessage: formText.card.required(label),
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
    const shown = asked ? formText.card.askedSecret : saved ? formText.card.savedSecret : placeholder;
    const view = this.input(field, CSR_FIELD_LABELS[field], shown, '', field);
    return { ...view, value: '', isRequired: field === 'accountNumber' && !saved && !asked };
  }

  /** Required, and named after the business, once the holder is known to be one. */
  authorizedPerson(): FormInputView {
    const holder = this.draft.holderName;
    const business = holder?.kind === 'business' ? holder.fullName : undefined;
    const label = business === undefined ? formText.card.authorizedPersonLabel : formText.card.businessAuthorizedPersonLabel(business);
    const saved = this.draft.authorizedPerson ?? '';
    const view = this.input('authorizedPerson', label, formText.card.placeholders.authorizedPerson, saved, 'authorizedPerson');
    return { ...view, isRequired: business !== undefined };
  }

  addressPart(part: AddressInputId): FormInputView {
    return this.input(part, formText.card.addressLabels[part], formText.card.placeholders[part], addressPartText(part, this.draft));
  }
}

/** Blank where the billing number isn't asked (billingNumberAsked): the number moved is then the billing number. */
function billingPlaceholder(draft: CsrDraft): string {
  const numbers = draft.numbers?.numbers ?? [];
  const [only] = numbers;
  if (only === undefined) return formText.card.billingNumber.beforeNumbers;
  return billingNumberAsked(draft) ? formText.card.billingNumber.asked : formText.card.billingNumber.notAsked(formatPhoneNumber(only));
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
      heading: audience === 'staff' ? assistedText.card.heading : formText.card.heading,
      intro: audience === 'staff' ? assistedText.card.intro : formText.card.intro,
      fixSummary: formText.card.fixSummary(problemCount),
      addressHeading: formText.card.addressHeading,
      addressHint: formText.card.addressHint,
      submit: audience === 'staff' ? assistedText.card.submit : formText.card.submit,
      stepByStep: formText.card.stepByStep,
      fallback: formText.card.fallback,
    },
    hasProblems: problemCount > 0,
    inputs: {
      numbers: build.field('numbers', formText.card.placeholders.numbers),
      carrier: build.field('carrier', formText.card.placeholders.carrier),
      accountNumber: build.secret('accountNumber', formText.card.placeholders.accountNumber),
      pin: build.secret('pin', formText.card.placeholders.pin),
      holderName: build.field('holderName', formText.card.placeholders.holderName),
      authorizedPerson: build.authorizedPerson(),
      street: build.addressPart('street'),
      unit: build.addressPart('unit'),
      city: build.addressPart('city'),
      region: build.addressPart('region'),
      postalCode: build.addressPart('postalCode'),
      billingNumber: build.field('billingNumber', billingPlaceholder(draft)),
      contactEmail: build.field('contactEmail', formText.card.placeholders.contactEmail),
    },
    address: {
      error: current.errors.serviceAddress ?? '',
      note: (current.notes.serviceAddress ?? []).join(' '),
    },
    carrierCheck: { show: current.carrierUnknown, label: formText.card.carrierCheckLabel, title: formText.card.carrierCheckTitle },
    ruleChecks: {
      accountNumber: { show: current.ruleQuestions.includes('accountNumber'), title: formText.card.ruleCheckTitle },
      pin: { show: current.ruleQuestions.includes('pin'), title: formText.card.ruleCheckTitle },
    },
    actions: FORM_ACTIONS,
    asksPin: audience === 'customer',
    offersStepByStep: audience === 'customer',
  };
}
