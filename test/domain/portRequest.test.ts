import { validateServiceAddress } from '../../src/domain/address';
import type { CsrDraft } from '../../src/domain/csrFields';
import { type PortRequest, PortRequestSchema, buildPortRequest } from '../../src/domain/portRequest';
import { inLanguage } from '../../src/i18n/language';
import { VERIZON_ANSWERS, accepted, completeVerizonDraft, draftFrom } from '../support/drafts';

function requestFrom(draft: CsrDraft): PortRequest {
  const built = buildPortRequest(draft);
  if (!built.ok) throw new Error(JSON.stringify(built.problems));
  return built.request;
}

function problemsOf(draft: CsrDraft) {
  const built = buildPortRequest(draft);
  return built.ok ? [] : built.problems.map(({ field, code }) => ({ field, code }));
}

describe('buildPortRequest', () => {
  it('assembles a complete draft into a request', () => {
    expect(requestFrom(completeVerizonDraft())).toEqual({
      country: 'US',
      numbers: ['+14155550123', '+14155550124'],
      carrier: { id: 'verizon', name: 'Verizon', known: true },
      accountNumber: '987654321',
      pin: '246810',
      holderName: { kind: 'person', fullName: 'Jane Doe', firstName: 'Jane', lastName: 'Doe' },
      serviceAddress: { street: '1 Main St', unit: 'Apt 2', city: 'San Francisco', region: 'CA', postalCode: '94105', country: 'US' },
      billingNumber: '+14155550123',
      contactEmail: 'jane@example.com',
    });
  });

  it('lists every missing field in collection order, with a message naming it', () => {
    const built = buildPortRequest(draftFrom({ numbers: VERIZON_ANSWERS.numbers, carrier: 'Verizon', contactEmail: 'jane@example.com' }));
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.problems.map((problem) => problem.field)).toEqual(['accountNumber', 'pin', 'holderName', 'serviceAddress', 'billingNumber']);
    expect(built.problems.every((problem) => problem.code === 'request.missing')).toBe(true);
    expect(built.problems[1]?.message).toBe('We still need the transfer PIN.');
  });

  it('builds a draft once until it changes, and again in another language', () => {
    const draft = draftFrom({ numbers: VERIZON_ANSWERS.numbers, carrier: 'Verizon' });
    const first = buildPortRequest(draft);
    expect(buildPortRequest(draft)).toBe(first);

    draft.contactEmail = 'jane@example.com';
    const changed = buildPortRequest(draft);
    expect(changed).not.toBe(first);
    expect(changed.ok ? [] : changed.problems.map((problem) => problem.field)).not.toContain('contactEmail');

    const inSpanish = inLanguage('es', () => buildPortRequest(draft));
    expect(inSpanish.ok ? '' : inSpanish.problems[0]?.message).not.toBe(changed.ok ? '' : changed.problems[0]?.message);
    expect(buildPortRequest(draft)).toEqual(changed);
  });

  it('leaves the PIN out when the customer has none and the carrier does not require one', () => {
    const draft = draftFrom({ ...VERIZON_ANSWERS, carrier: 'Verizon Fios', pin: 'none' });
    expect(draft.pin).toBe('');
    expect(requestFrom(draft).pin).toBeUndefined();
  });

  describe('cross-field rules', () => {
    const complete = completeVerizonDraft();
    const canadianAddress = accepted(validateServiceAddress('1 Yonge St, Toronto, ON M5E 1E5'));

    it.each<[string, CsrDraft, { field: string; code: string }[]]>([
      ['an address in another country', { ...complete, serviceAddress: canadianAddress }, [{ field: 'serviceAddress', code: 'request.address_country_mismatch' }]],
      ['a BTN in another country', { ...complete, billingNumber: '+14165550123' }, [{ field: 'billingNumber', code: 'btn.wrong_country' }]],
      ['a toll-free BTN', { ...complete, billingNumber: '+18005550123' }, [{ field: 'billingNumber', code: 'btn.toll_free' }]],
      ['a toll-free number among the numbers', { ...complete, numbers: { country: 'US', numbers: ['+14155550123', '+18005550123'] } }, [{ field: 'numbers', code: 'request.number_country_mismatch' }]],
      ['a Canadian number among US numbers', { ...complete, numbers: { country: 'US', numbers: ['+14155550123', '+14165550123'] } }, [{ field: 'numbers', code: 'request.number_country_mismatch' }]],
      ['a business account with no one authorizing', { ...complete, holderName: { kind: 'business', fullName: 'Acme Plumbing LLC' } }, [{ field: 'authorizedPerson', code: 'request.authorized_person_required' }]],
      ['an email that is not one', { ...complete, contactEmail: 'not an email' }, [{ field: 'contactEmail', code: 'request.invalid' }]],
    ])('refuses %s', (_what, draft, problems) => {
      expect(problemsOf(draft)).toEqual(problems);
    });

    it('reports several inconsistencies at once', () => {
      const problems = problemsOf({ ...complete, serviceAddress: canadianAddress, billingNumber: '+14165550123' });
      expect(problems.map((problem) => problem.field)).toEqual(['serviceAddress', 'billingNumber']);
    });

    it('accepts a business account with the person who authorizes it', () => {
      const request = requestFrom({ ...complete, holderName: { kind: 'business', fullName: 'Acme Plumbing LLC' }, authorizedPerson: 'Jane Doe' });
      expect(request.authorizedPerson).toBe('Jane Doe');
    });
  });

  describe('PortRequestSchema on its own (e.g. a request built by an API client)', () => {
    const request = requestFrom(completeVerizonDraft());

    it('requires the PIN where the carrier requires one', () => {
      const withoutPin = { ...request, pin: undefined };
      const parsed = PortRequestSchema.safeParse(withoutPin);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.map((issue) => issue.path)).toEqual([['pin']]);
      expect(parsed.error?.issues[0]?.message).toBe('Verizon asks for a transfer PIN to move a number. Please get one from Verizon and add it.');
    });

    it.each<[string, Record<string, unknown>]>([
      ['a holder name', { holderName: undefined }],
      ['a service address', { serviceAddress: undefined }],
      ['a BTN', { billingNumber: undefined }],
      ['numbers', { numbers: [] }],
      ['a carrier name', { carrier: { id: 'x', name: '', known: false } }],
      ['an account number', { accountNumber: '' }],
      ['a number in E.164 form', { numbers: ['4155550123'] }],
    ])('requires every LOA element: %s', (_what, change) => {
      expect(PortRequestSchema.safeParse({ ...request, ...change }).success).toBe(false);
    });
  });
});
