import type { FieldResult } from '../../src/domain/fieldResult';
import { type CsrDraft, type CsrFieldName, type CsrValue, validateCsrField } from '../../src/domain/csrFields';

/** The accepted value, or a test failure that says which answer was refused and why. */
export function accepted<T>(result: FieldResult<T>): T {
  if (!result.ok) throw new Error(`refused: ${result.error.code} — ${result.error.message}`);
  return result.value;
}

/** Builds a draft the way the dialog does: each answer through its field's validator, in collection order. */
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
