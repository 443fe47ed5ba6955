import {
  CSR_FIELDS,
  CSR_FIELD_LABELS,
  type CsrDraft,
  type CsrFieldName,
  type CsrValue,
  csrFieldText,
  draftCountry,
  fieldsInvalidatedBy,
  isPinRequired,
  isSecretField,
  missingFields,
  pinOf,
  recheckDependents,
  validateCsrField,
} from '../../src/domain/csrFields';
import { VERIZON_ANSWERS, accepted, completeVerizonDraft, draftFrom } from '../support/drafts';

const verizon = accepted(validateCsrField('carrier', 'Verizon', {}));
const fios = accepted(validateCsrField('carrier', 'Verizon Fios', {}));
const usNumbers = accepted(validateCsrField('numbers', '(415) 555-0123', {}));
const caNumbers = accepted(validateCsrField('numbers', '(416) 555-0123', {}));

describe('validateCsrField: one validator per field, with context from the draft', () => {
  it.each<[CsrFieldName, string, CsrDraft, unknown]>([
    ['numbers', '415.555.0123 and 415-555-0124', {}, { country: 'US', numbers: ['+14155550123', '+14155550124'] }],
    ['carrier', 'verizon wireless', {}, { id: 'verizon', name: 'Verizon', known: true }],
    ['accountNumber', '987654321-00001', { carrier: verizon }, '987654321'],
    ['pin', '246 810', { carrier: verizon }, '246810'],
    ['holderName', '  Jane   Doe ', {}, { kind: 'person', fullName: 'Jane Doe', firstName: 'Jane', lastName: 'Doe' }],
    ['serviceAddress', '1 Main St, Springfield, IL 62704', { numbers: usNumbers }, { street: '1 Main St', city: 'Springfield', region: 'IL', postalCode: '62704', country: 'US' }],
    ['billingNumber', '416 555 0123', { numbers: caNumbers }, '+14165550123'],
    ['contactEmail', 'jane@example.com', {}, 'jane@example.com'],
  ])('%s accepts %j', (field, raw, draft, value) => {
    expect(accepted(validateCsrField(field, raw, draft))).toEqual(value);
  });

  it.each<[string, CsrFieldName, string, CsrDraft, string]>([
    ["the PIN is required by the carrier's rule", 'pin', 'none', { carrier: verizon }, 'pin.required'],
    ['the address must be in the numbers’ country', 'serviceAddress', '1 Yonge St, Toronto, ON M5E 1E5', { numbers: usNumbers }, 'address.country_mismatch'],
    ['the BTN must be in the numbers’ country', 'billingNumber', '(416) 555-0123', { numbers: usNumbers }, 'btn.wrong_country'],
    ['an unknown carrier needs confirming', 'carrier', 'Acme Telephone Cooperative', {}, 'carrier.unknown'],
    ['the address ZIP must match its state', 'serviceAddress', '1 Main St, Springfield, IL 10001', {}, 'address.zip_state_mismatch'],
  ])('%s', (_why, field, raw, draft, code) => {
    const result = validateCsrField(field, raw, draft);
    expect(!result.ok && result.error.code).toBe(code);
  });

  it('takes no PIN as an answer where the carrier does not require one', () => {
    expect(accepted(validateCsrField('pin', 'none', { carrier: fios }))).toBe('');
    expect(pinOf({ pin: '' })).toBeUndefined();
    expect(pinOf({ pin: '1234' })).toBe('1234');
  });

  it('accepts a BTN from either country before the numbers are known', () => {
    expect(accepted(validateCsrField('billingNumber', '(416) 555-0123', {}))).toBe('+14165550123');
    expect(accepted(validateCsrField('billingNumber', '(415) 555-0123', {}))).toBe('+14155550123');
  });

  it('passes the confirmation and the numbers policy through', () => {
    const carrier = accepted(validateCsrField('carrier', 'Acme Telephone Cooperative', {}, { confirmedUnknownCarrier: true }));
    expect(carrier.known).toBe(false);
    const tooMany = validateCsrField('numbers', '415-555-0123, 415-555-0124', {}, { policy: { countries: ['US'], maxNumbersPerRequest: 1 } });
    expect(!tooMany.ok && tooMany.error.code).toBe('numbers.too_many');
  });

  it('never throws, whatever the text, for any field', () => {
    for (const field of CSR_FIELDS) {
      for (const raw of ['', ' ', '\u0000', '😀'.repeat(500), 'a'.repeat(10_000), 'PO Box 1', '+1', '@@']) {
        expect(() => validateCsrField(field, raw, completeVerizonDraft())).not.toThrow();
      }
    }
  });
});

describe('missingFields', () => {
  it('lists every field in collection order for an empty draft, without the PIN when no carrier requires one', () => {
    expect(missingFields({})).toEqual(['numbers', 'carrier', 'accountNumber', 'holderName', 'serviceAddress', 'billingNumber', 'contactEmail']);
  });

  it('asks for the PIN where the carrier requires one, and not for a carrier that does not', () => {
    expect(missingFields({ carrier: verizon })).toContain('pin');
    expect(missingFields({ carrier: fios })).not.toContain('pin');
    expect(isPinRequired(verizon)).toBe(true);
    expect(isPinRequired(undefined)).toBe(false);
  });

  it('asks for the PIN again when "no PIN" was the answer for a carrier that did not need one', () => {
    expect(missingFields({ carrier: fios, pin: '' })).not.toContain('pin');
    expect(missingFields({ carrier: verizon, pin: '' })).toContain('pin');
  });

  it('is empty for a complete draft', () => {
    expect(missingFields(completeVerizonDraft())).toEqual([]);
  });
});

describe('fieldsInvalidatedBy and recheckDependents', () => {
  const draft = completeVerizonDraft();

  it.each<[CsrFieldName, CsrFieldName[]]>([
    ['carrier', ['accountNumber', 'pin']],
    ['numbers', ['accountNumber', 'serviceAddress', 'billingNumber']],
    ['holderName', []],
    ['contactEmail', []],
  ])('changing %s re-checks %j', (field, expected) => {
    expect(fieldsInvalidatedBy(field, draft)).toEqual(expected);
  });

  it('only names fields already given', () => {
    expect(fieldsInvalidatedBy('carrier', { carrier: verizon })).toEqual([]);
    expect(fieldsInvalidatedBy('numbers', { numbers: usNumbers, billingNumber: '+14155550123' })).toEqual(['billingNumber']);
  });

  it('finds the address and BTN that no longer fit when the numbers move to Canada', () => {
    const changed = { ...draft, numbers: caNumbers };
    const results = recheckDependents('numbers', changed);
    const refused = Object.fromEntries(results.filter(({ result }) => !result.ok).map(({ field, result }) => [field, !result.ok && result.error.code]));
    expect(refused).toEqual({ serviceAddress: 'address.country_mismatch', billingNumber: 'btn.wrong_country' });
  });

  it('passes everything when nothing inconsistent changed', () => {
    expect(recheckDependents('carrier', draft).every(({ result }) => result.ok)).toBe(true);
  });
});

describe('csrFieldText', () => {
  it('gives text that validates back to the same value, for every field', () => {
    const draft = completeVerizonDraft();
    for (const field of CSR_FIELDS) {
      const value = draft[field] as CsrValue<typeof field>;
      expect(accepted(validateCsrField(field, csrFieldText(field, value), draft))).toEqual(value);
    }
  });

  it('shows numbers and the address as people write them', () => {
    const draft = completeVerizonDraft();
    expect(csrFieldText('numbers', draft.numbers as CsrValue<'numbers'>)).toBe('(415) 555-0123, (415) 555-0124');
    expect(csrFieldText('serviceAddress', draft.serviceAddress as CsrValue<'serviceAddress'>)).toBe('1 Main St, Apt 2, San Francisco, CA 94105');
  });
});

describe('labels, secrets and country', () => {
  it('labels every field', () => {
    expect(Object.keys(CSR_FIELD_LABELS).sort()).toEqual([...CSR_FIELDS].sort());
    expect(CSR_FIELD_LABELS.accountNumber).toBe('Account number');
  });

  it('treats the account number and PIN as secrets, and nothing else', () => {
    expect(CSR_FIELDS.filter(isSecretField)).toEqual(['accountNumber', 'pin']);
  });

  it('takes the country from the numbers, else from the address', () => {
    expect(draftCountry({})).toBeUndefined();
    expect(draftCountry(draftFrom({ serviceAddress: '1 Yonge St, Toronto, ON M5E 1E5' }))).toBe('CA');
    expect(draftCountry({ ...draftFrom({ serviceAddress: VERIZON_ANSWERS.serviceAddress }), numbers: caNumbers })).toBe('CA');
  });
});
