import { type CsrDraft, billingNumberAsked, billingNumberOf, buildPortRequest, maskedDraftSummary, missingFields } from '../../src/domain';
import { completeAttDraft, draftFrom } from '../support/drafts';

/** A complete AT&T draft for one number, with no billing number given. */
function oneNumber(changes: Partial<Record<'carrier', string>> = {}): CsrDraft {
  const { billingNumber: _btn, ...rest } = completeAttDraft();
  return { ...rest, ...draftFrom({ numbers: '415-555-0123', ...changes }, rest) };
}

describe('the billing telephone number', () => {
  it('is not asked for one mobile number: that number is the billing number, on the review and in the request', () => {
    const draft = oneNumber();

    expect(billingNumberAsked(draft)).toBe(false);
    expect(missingFields(draft)).toEqual([]);
    expect(billingNumberOf(draft)).toBe('+14155550123');
    expect(maskedDraftSummary(draft)).toContainEqual({ field: 'billingNumber', label: 'Billing telephone number', value: '(415) 555-0123' });
    const built = buildPortRequest(draft);
    expect(built.ok && built.request.billingNumber).toBe('+14155550123');
  });

  it('is asked for several numbers: the billing number may be any of them, or another', () => {
    const { billingNumber: _btn, ...draft } = completeAttDraft();

    expect(draft.numbers?.numbers).toHaveLength(2);
    expect(billingNumberAsked(draft)).toBe(true);
    expect(missingFields(draft)).toEqual(['billingNumber']);
    expect(billingNumberOf(draft)).toBeUndefined();
  });

  it('is asked for a landline or VoIP carrier (the carrier directory), and not for an unknown carrier without a check', () => {
    expect(billingNumberAsked(oneNumber({ carrier: 'Xfinity Voice' }))).toBe(true);
    expect(billingNumberAsked(oneNumber({ carrier: 'Vonage' }))).toBe(true);
    expect(billingNumberAsked(oneNumber({ carrier: 'Foo Telecom' }))).toBe(false);
  });

  it("follows the portability check's number type where the provider gave one, over the carrier's kind", () => {
    const checked = (draft: CsrDraft, numberType: 'landline' | 'mobile'): CsrDraft => ({
      ...draft,
      numbers: { country: 'US', numbers: ['+14155550123'], portability: { '+14155550123': { portable: true, numberType } } },
    });

    expect(billingNumberAsked(checked(oneNumber(), 'landline'))).toBe(true);
    expect(billingNumberAsked(checked(oneNumber({ carrier: 'Xfinity Voice' }), 'mobile'))).toBe(false);
  });

  it('keeps one the customer gave (a pasted record), even where it is not asked', () => {
    const draft = { ...oneNumber(), ...draftFrom({ billingNumber: '415-555-0100' }) };

    expect(billingNumberOf(draft)).toBe('+14155550100');
  });
});
