import { type CsrDraft, type CsrFieldName, type CsrValue, type FieldResult, validateCsrField } from '../../src/domain';

/** Secrets no card, message or log may ever show in full: every test that renders something scans for them. */
export const CANARY_PIN = '918273';
export const CANARY_ACCOUNT_NUMBER = '555444333222';

/** The accepted value, or a test failure that says which answer was refused and why. */
export function accepted<T>(result: FieldResult<T>): T {
  if (!result.ok) throw new Error(`refused: ${result.error.code} — ${result.error.message}`);
  return result.value;
}

/** Builds a draft the way the conversation does: each answer through its field's validator, in collection order. */
export function draftFrom(answers: Partial<Record<CsrFieldName, string>>, base: CsrDraft = {}): CsrDraft {
  let draft: CsrDraft = { ...base };
  for (const [field, raw] of Object.entries(answers) as [CsrFieldName, string][]) {
    draft = { ...draft, [field]: accepted(validateCsrField(field, raw, draft, { confirmedUnknownCarrier: true })) as CsrValue<typeof field> };
  }
  return draft;
}

/** A complete Verizon draft for one person: every field, PIN included. */
export const VERIZON_ANSWERS = {
  numbers: '415-555-0123, 415-555-0124',
  carrier: 'Verizon',
  accountNumber: '987654321',
  pin: '246810',
  holderName: 'Jane Doe',
  serviceAddress: '1 Main St Apt 2, San Francisco, CA 94105',
  billingNumber: '(415) 555-0123',
  contactEmail: 'jane@example.com',
} as const satisfies Record<CsrFieldName, string>;

export const completeVerizonDraft = (): CsrDraft => draftFrom(VERIZON_ANSWERS);

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

export const completeAttDraft = (): CsrDraft => draftFrom(ATT_ANSWERS);

/** The AT&T answers' two numbers are on one account, moving whole: what the conversation adds once it has asked. */
export const ATT_SCOPE = { sameAccount: true, wholeAccount: true } as const satisfies Partial<CsrDraft>;

/** A draft as the conversation collects it, questions about the account included. */
export const collectedAttDraft = (): CsrDraft => ({ ...completeAttDraft(), ...ATT_SCOPE });

/** A draft without the answers about the account behind its numbers: for comparing the details alone. */
export function detailsOf(draft: CsrDraft | undefined): CsrDraft | undefined {
  if (draft === undefined) return undefined;
  const { sameAccount: _same, wholeAccount: _whole, remainingBillingNumber: _remaining, ...details } = draft;
  return details;
}

/** Fails when `shown` (a card, a message, anything serialisable) holds a secret in full. */
export function expectNoSecrets(shown: unknown): void {
  const text = JSON.stringify(shown);
  expect(text).not.toContain(CANARY_PIN);
  expect(text).not.toContain(CANARY_ACCOUNT_NUMBER);
}
