import { type CsrDraft, type CsrFieldName, type CsrValue, validateCsrField } from '../../src/domain';

/** Secrets no card, message or log may ever show in full: every test that renders something scans for them. */
export const CANARY_PIN = '918273';
export const CANARY_ACCOUNT_NUMBER = '555444333222';

/** Answers that pass every check: an AT&T account (12-digit account number, 6-digit transfer PIN) for one person. */
export const ATT_ANSWERS = {
  numbers: '415-555-0123, 415-555-0124',
  carrier: 'AT&T',
  accountNumber: CANARY_ACCOUNT_NUMBER,
  pin: CANARY_PIN,
  holderName: 'Maria Lopez',
  serviceAddress: '123 Main St, Apt 4, Springfield, IL 62704',
  billingNumber: '(415) 555-0123',
  contactEmail: 'maria@example.com',
} as const satisfies Record<CsrFieldName, string>;

/** A draft built the way the conversation builds one: each answer through its field's validator, in order. */
export function draftFrom(answers: Partial<Record<CsrFieldName, string>>, base: CsrDraft = {}): CsrDraft {
  const draft: CsrDraft = { ...base };
  for (const [field, raw] of Object.entries(answers) as [CsrFieldName, string][]) {
    const result = validateCsrField(field, raw, draft);
    if (!result.ok) throw new Error(`${field} refused: ${result.error.code}`);
    Object.assign(draft, { [field]: result.value as CsrValue<typeof field> });
  }
  return draft;
}

export const completeAttDraft = (): CsrDraft => draftFrom(ATT_ANSWERS);

/** Fails when `shown` (a card, a message, anything serialisable) holds a secret in full. */
export function expectNoSecrets(shown: unknown): void {
  const text = JSON.stringify(shown);
  expect(text).not.toContain(CANARY_PIN);
  expect(text).not.toContain(CANARY_ACCOUNT_NUMBER);
}
