/**
 * How the secrets of a port request are shown to customers and agents: the account number as its last four
 * characters only, the PIN never.
 */
import {
  FIELD_LABELS,
  CSR_FIELDS,
  CSR_FIELD_LABELS,
  type CsrDraft,
  type CsrFieldName,
  type CsrValue,
  csrFieldText,
  isSecretField,
} from './csrFields';
import { billingNumberOf } from './billingNumber';

const BULLETS = '••••';

/** '••••6789'; a value of four characters or fewer shows nothing but the bullets. */
export function maskSecret(value: string): string {
  const characters = Array.from(value.trim());
  return characters.length <= 4 ? BULLETS : BULLETS + characters.slice(-4).join('');
}

/** What the review card shows for a PIN: that there is one, never its digits. */
export const MASKED_PIN = BULLETS;
/** What it shows when the customer said they have no PIN. */
const NO_PIN = 'None';

export interface DraftSummaryRow {
  field: CsrFieldName | 'authorizedPerson';
  label: string;
  value: string;
}

/**
 * One row per field collected so far, in collection order, with the secrets masked. The billing number shows where it
 * is the number moved without being asked (billingNumberOf): the letter carries it all the same.
 */
export function maskedDraftSummary(draft: CsrDraft): DraftSummaryRow[] {
  const rows: DraftSummaryRow[] = [];
  for (const field of CSR_FIELDS) {
    const value = field === 'billingNumber' ? billingNumberOf(draft) : draft[field];
    if (value === undefined) continue;
    rows.push({ field, label: CSR_FIELD_LABELS[field], value: displayValue(field, value) });
    if (field === 'holderName' && draft.authorizedPerson !== undefined) {
      rows.push({ field: 'authorizedPerson', label: FIELD_LABELS.authorizedPerson, value: draft.authorizedPerson });
    }
  }
  return rows;
}

function displayValue<F extends CsrFieldName>(field: F, value: CsrValue<F>): string {
  if (!isSecretField(field)) return csrFieldText(field, value);
  if (field === 'pin') return value === '' ? NO_PIN : MASKED_PIN;
  return maskSecret(csrFieldText(field, value));
}
