import { maskSecret, maskedDraftSummary } from '../../src/domain/masking';
import { VERIZON_ANSWERS, completeVerizonDraft, draftFrom } from '../support/drafts';

describe('maskSecret', () => {
  it.each<[string, string]>([
    ['987654321', '••••4321'],
    ['987654321-00001', '••••0001'],
    ['12345', '••••2345'],
    ['1234', '••••'],
    ['12', '••••'],
    ['', '••••'],
    ['  987654321  ', '••••4321'],
  ])('%j → %j', (value, masked) => {
    expect(maskSecret(value)).toBe(masked);
  });
});

describe('maskedDraftSummary', () => {
  it('lists the fields collected so far in order, with display values and the secrets masked', () => {
    expect(maskedDraftSummary(completeVerizonDraft())).toEqual([
      { field: 'numbers', label: 'Numbers to move', value: '(415) 555-0123, (415) 555-0124' },
      { field: 'carrier', label: 'Current carrier', value: 'Verizon' },
      { field: 'accountNumber', label: 'Account number', value: '••••4321' },
      { field: 'pin', label: 'Transfer PIN', value: '••••' },
      { field: 'holderName', label: 'Account holder', value: 'Jane Doe' },
      { field: 'serviceAddress', label: 'Service address', value: '1 Main St, Apt 2, San Francisco, CA 94105' },
      { field: 'billingNumber', label: 'Billing telephone number', value: '(415) 555-0123' },
      { field: 'contactEmail', label: 'Contact email', value: 'jane@example.com' },
    ]);
  });

  it('never contains the PIN or the full account number, even when the PIN is four digits or less', () => {
    const draft = draftFrom({ ...VERIZON_ANSWERS, carrier: 'Verizon Fios', pin: '4321', accountNumber: '55554321' });
    const shown = JSON.stringify(maskedDraftSummary(draft));
    expect(shown).not.toContain('55554321');
    expect(maskedDraftSummary(draft).find((row) => row.field === 'pin')?.value).toBe('••••');
  });

  it('says "None" for a customer who has no PIN', () => {
    const draft = draftFrom({ carrier: 'Verizon Fios', pin: 'none' });
    expect(maskedDraftSummary(draft)).toEqual([
      { field: 'carrier', label: 'Current carrier', value: 'Verizon Fios Home Phone' },
      { field: 'pin', label: 'Transfer PIN', value: 'None' },
    ]);
  });

  it('shows the authorizing person of a business account after the holder', () => {
    const rows = maskedDraftSummary({ holderName: { kind: 'business', fullName: 'Acme Plumbing LLC' }, authorizedPerson: 'Jane Doe' });
    expect(rows).toEqual([
      { field: 'holderName', label: 'Account holder', value: 'Acme Plumbing LLC' },
      { field: 'authorizedPerson', label: 'Authorized person', value: 'Jane Doe' },
    ]);
  });

  it('is empty for an empty draft', () => {
    expect(maskedDraftSummary({})).toEqual([]);
  });
});
