import { checkForm, type FormValues } from '../../dialogs/csrFormCheck';
import { type CsrDraft, billingNumberOf } from '../../src/domain';
import { ATT_ANSWERS, CANARY_ACCOUNT_NUMBER, CANARY_PIN, completeAttDraft, expectNoSecrets } from '../support/drafts';

/** The form as a customer fills it in for the AT&T answers, the address in its parts. */
const FILLED: FormValues = {
  numbers: ATT_ANSWERS.numbers,
  carrier: ATT_ANSWERS.carrier,
  accountNumber: ATT_ANSWERS.accountNumber,
  pin: ATT_ANSWERS.pin,
  holderName: ATT_ANSWERS.holderName,
  authorizedPerson: '',
  street: '123 Main St',
  unit: 'Apt 4',
  city: 'Springfield',
  region: 'IL',
  postalCode: '62704',
  billingNumber: ATT_ANSWERS.billingNumber,
  contactEmail: ATT_ANSWERS.contactEmail,
};

describe('checkForm', () => {
  it('accepts a correct form and builds the same draft as the step-by-step answers', () => {
    const check = checkForm(FILLED, {});

    expect(check.complete).toBe(true);
    expect(check.round.errors).toEqual({});
    expect(check.draft).toEqual(completeAttDraft());
  });

  it('saves the valid fields, refuses the invalid ones with their messages, and gives back what was typed', () => {
    const check = checkForm({ ...FILLED, contactEmail: 'maria@', holderName: 'M' }, {});

    expect(check.complete).toBe(false);
    expect(Object.keys(check.round.errors).sort()).toEqual(['contactEmail', 'holderName']);
    expect(check.round.errors.contactEmail).toMatch(/after the @/);
    expect(check.round.entered).toEqual({ contactEmail: 'maria@', holderName: 'M' });
    expect(check.draft.contactEmail).toBeUndefined();
    expect(check.draft.holderName).toBeUndefined();
    expect(check.draft.pin).toBe(CANARY_PIN);
    expect(check.draft.serviceAddress?.city).toBe('Springfield');
  });

  it('never gives a refused secret back, and keeps the previous valid value of a refused field', () => {
    const saved = completeAttDraft();
    const check = checkForm({ ...FILLED, accountNumber: '12', pin: '1', contactEmail: 'nope' }, saved);

    expect(check.round.errors).toEqual(expect.objectContaining({ accountNumber: expect.any(String), pin: expect.any(String) }));
    expect(check.round.entered).toEqual({ contactEmail: 'nope' });
    expect(check.draft.contactEmail).toBe(saved.contactEmail);
    expectNoSecrets(check.round);
  });

  it('keeps saved secrets when their inputs are left blank', () => {
    const check = checkForm({ ...FILLED, accountNumber: '', pin: '' }, completeAttDraft());

    expect(check.complete).toBe(true);
    expect(check.draft.accountNumber).toBe(CANARY_ACCOUNT_NUMBER);
    expect(check.draft.pin).toBe(CANARY_PIN);
  });

  it("checks a kept secret against a new carrier's rules and drops it when it no longer fits", () => {
    const check = checkForm({ ...FILLED, carrier: 'Verizon', accountNumber: '', pin: '' }, completeAttDraft());

    expect(check.draft.carrier?.id).toBe('verizon');
    expect(check.round.errors.accountNumber).toMatch(/Verizon account number is a 9-digit number/);
    expect(check.draft.accountNumber).toBeUndefined();
    expect(check.draft.pin).toBe(CANARY_PIN);
    expectNoSecrets(check.round);
  });

  it('takes one mobile number as its own billing number when that input is left blank', () => {
    const check = checkForm({ ...FILLED, numbers: '415-555-0123', billingNumber: '' }, {});

    expect(check.complete).toBe(true);
    expect(check.draft.billingNumber).toBeUndefined();
    expect(billingNumberOf(check.draft)).toBe('+14155550123');
  });

  it('asks for the billing number where it matters: several numbers, or a landline carrier', () => {
    for (const changes of [{ numbers: '415-555-0123, 415-555-0124' }, { numbers: '415-555-0123', carrier: 'Xfinity Voice', pin: '' }]) {
      const check = checkForm({ ...FILLED, ...changes, billingNumber: '' }, {});

      expect(check.complete).toBe(false);
      expect(Object.keys(check.round.errors)).toEqual(['billingNumber']);
      expect(check.round.errors.billingNumber).toMatch(/billing telephone number \(BTN\)/);
    }
  });

  it('asks to confirm a carrier it does not know, and accepts it once confirmed', () => {
    const unknown = { ...FILLED, carrier: 'Foo Telecom', pin: '' };

    const refused = checkForm(unknown, {});
    expect(refused.round.carrierUnknown).toBe(true);
    expect(refused.draft.carrier).toBeUndefined();

    const confirmed = checkForm({ ...unknown, confirmedUnknownCarrier: 'true' }, refused.draft);
    expect(confirmed.round.carrierUnknown).toBe(false);
    expect(confirmed.draft.carrier).toEqual({ id: 'other', name: 'Foo Telecom', known: false });

    // Sent again without the box ticked (the card no longer shows it), the saved name stays accepted.
    expect(checkForm(unknown, confirmed.draft).draft.carrier?.known).toBe(false);
  });

  it('checks the address against the country of the numbers given on the same form', () => {
    const check = checkForm({ ...FILLED, numbers: '416-555-0199', billingNumber: '' }, {});

    expect(check.draft.numbers?.country).toBe('CA');
    expect(check.round.errors.serviceAddress).toMatch(/numbers you're moving are in Canada/);
    expect(check.round.entered).toEqual(expect.objectContaining({ street: '123 Main St', postalCode: '62704' }));
  });

  it('asks for the authorized person of a business account, and saves one given', () => {
    const business = { ...FILLED, holderName: 'Acme Plumbing LLC' };

    const missing = checkForm(business, {});
    expect(missing.complete).toBe(false);
    expect(Object.keys(missing.round.errors)).toEqual(['authorizedPerson']);

    const given = checkForm({ ...business, authorizedPerson: 'Maria Lopez' }, missing.draft);
    expect(given.complete).toBe(true);
    expect(given.draft.authorizedPerson).toBe('Maria Lopez');
  });

  it('keeps no authorized person for a personal account, nor when the input is cleared', () => {
    const saved: CsrDraft = { ...completeAttDraft(), authorizedPerson: 'Ana Ruiz' };

    expect(checkForm(FILLED, saved).draft.authorizedPerson).toBeUndefined();
    expect(checkForm({ ...FILLED, authorizedPerson: 'Ana Ruiz' }, {}).draft.authorizedPerson).toBeUndefined();
  });
});
