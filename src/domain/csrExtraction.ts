/**
 * Reads the fields out of a pasted Customer Service Record or a "label: value" message ("Account: 123456789
 * PIN: 4321 Name: Jane Doe …"): labels in any order, on their own lines or inline. Every value still goes through
 * its field's validator, in collection order, so the carrier and the numbers give context to the fields after them.
 */
import { CSR_FIELDS, type CsrDraft, type CsrFieldName, validateCsrField } from './csrFields';
import type { FieldNotice } from './fieldResult';

type AddressPart = 'unit' | 'city' | 'region' | 'postalCode';
/** 'ignored' labels are recognised only so that their values don't run into the field before them. */
type LabelTarget = CsrFieldName | AddressPart | 'ignored';

/** Labels as customers and carriers write them; spaces also match '-', '.', '_' or nothing. Longest wins. */
const LABELS: Readonly<Record<LabelTarget, readonly string[]>> = {
  numbers: [
    'numbers to port', 'number to port', 'numbers to transfer', 'number to transfer', 'phone numbers', 'phone number',
    'phone', 'numbers', 'number', 'telephone number', 'telephone', 'mobile number', 'cell number', 'wireless number',
    'working telephone number', 'wtn', 'tel', 'mobile', 'cell', 'phone no', 'telephone no', 'tel no', 'cell no',
  ],
  carrier: [
    'current carrier', 'carrier', 'current provider', 'provider', 'service provider', 'wireless carrier',
    'losing carrier', 'old carrier', 'current company', 'phone company',
  ],
  accountNumber: [
    'account number', 'account no', 'account num', 'account #', 'account', 'acct number', 'acct no', 'acct num', 'acct #',
    'acct', 'a/c', 'billing account number', 'ban',
  ],
  pin: [
    'pin', 'transfer pin', 'port out pin', 'port pin', 'number transfer pin', 'nt pin', 'account pin', 'security pin',
    'pin code', 'passcode', 'pass code', 'account passcode', 'transfer code',
  ],
  holderName: [
    'name', 'account holder', 'account holder name', 'account name', 'customer name', 'customer', 'full name',
    'subscriber', 'subscriber name', 'business name', 'company name', 'account owner', 'owner',
  ],
  serviceAddress: ['address', 'service address', 'street address', 'service location', 'street', 'location'],
  billingNumber: [
    'btn', 'billing number', 'billing telephone number', 'billing phone number', 'billing phone', 'billing tn',
    'account telephone number', 'main number', 'main account number',
  ],
  contactEmail: ['email', 'e mail', 'email address', 'contact email', 'e mail address'],
  unit: ['apt', 'apartment', 'unit', 'suite'],
  city: ['city', 'town', 'city town'],
  region: ['state', 'province', 'prov', 'state province'],
  postalCode: ['zip', 'zip code', 'zipcode', 'postal code', 'postcode'],
  ignored: [
    'billing address', 'mailing address', 'date', 'account type', 'balance', 'plan', 'status', 'date of birth', 'dob',
    'ssn', 'tax id', 'device', 'imei', 'sim', 'iccid', 'authorized user', 'authorized users', 'authorized person',
  ],
};

/** Fields whose value may continue on the next lines (up to a blank line or the next label). */
const MULTI_LINE: ReadonlySet<LabelTarget> = new Set<LabelTarget>(['numbers', 'serviceAddress']);
const MAX_TEXT_LENGTH = 20_000;

/** Labels compare without case or separators, as the pattern lets them be written: "Port-Out PIN", "Acct. No.", "e-mail". */
const labelKey = (label: string) => label.toLowerCase().replace(/[\s\-_.]+/g, '');

const LABEL_ENTRIES = (Object.entries(LABELS) as [LabelTarget, readonly string[]][]).flatMap(([target, labels]) =>
  labels.map((label) => ({ label, target })),
);
const TARGET_BY_LABEL: ReadonlyMap<string, LabelTarget> = new Map(LABEL_ENTRIES.map(({ label, target }) => [labelKey(label), target]));

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const LABEL_SOURCE = LABEL_ENTRIES.map(({ label }) => label)
  .sort((a, b) => b.length - a.length)
  .map((label) => label.split(' ').map(escape).join('[\\s\\-_.]*'))
  .join('|');
/**
 * A label starts at a word boundary and is followed by ':' or '=', a spaced dash, a tab or two spaces (as in a
 * table); a label ending in '#' or "No." needs nothing more ("Acct# 123", "Account No. 123").
 */
const LABEL = new RegExp(
  `(?<![\\p{L}\\p{N}])(${LABEL_SOURCE})\\.?(?:(?<=#|no\\.)[ \\t]*:?|[ \\t]*[:=]|[ \\t]+[-–—](?=[ \\t])|[ \\t]*\\t|[ \\t]{2,})[ \\t]*`,
  'giu',
);

interface LabelledValue {
  target: LabelTarget;
  value: string;
}

function findLabelledValues(text: string): LabelledValue[] {
  const matches = [...text.slice(0, MAX_TEXT_LENGTH).matchAll(LABEL)];
  return matches.flatMap((match, index) => {
    const target = TARGET_BY_LABEL.get(labelKey(match[1] as string));
    if (target === undefined) return [];
    const start = (match.index as number) + match[0].length;
    const end = matches[index + 1]?.index ?? Math.min(text.length, MAX_TEXT_LENGTH);
    const value = cleanValue(text.slice(start, end), MULTI_LINE.has(target));
    return value === '' ? [] : [{ target, value }];
  });
}

function cleanValue(raw: string, multiLine: boolean): string {
  const lines = raw.replace(/^\s*\n/, '').split(/\r?\n/);
  const blank = lines.findIndex((line, index) => index > 0 && line.trim() === '');
  const kept = multiLine ? lines.slice(0, blank === -1 ? undefined : blank) : lines.slice(0, 1);
  return kept
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n')
    .replace(/^["'“‘]+|["'”’]+$/g, '')
    .replace(/[\s,;|/]+$/, '')
    .trim();
}

/** The address as one line: the "Address" value, then any unit, city, state and ZIP given under their own labels. */
function addressLine(values: readonly LabelledValue[]): string | undefined {
  const first = (target: LabelTarget) => values.find((entry) => entry.target === target)?.value;
  const regionAndPostal = [first('region'), first('postalCode')].filter((part) => part !== undefined).join(' ');
  const parts = [first('serviceAddress'), first('unit'), first('city'), regionAndPostal].filter(
    (part): part is string => part !== undefined && part !== '',
  );
  return parts.length === 0 ? undefined : parts.join(', ');
}

function targetField(target: LabelTarget): CsrFieldName | undefined {
  if (target === 'ignored') return undefined;
  return (CSR_FIELDS as readonly string[]).includes(target) ? (target as CsrFieldName) : 'serviceAddress';
}

export interface CsrExtraction {
  /** Values that passed their field's validator, ready to merge into the draft. */
  accepted: Partial<CsrDraft>;
  /** Values found but refused, with the validator's message (for the first refused value of each field). */
  refused: { field: CsrFieldName; error: FieldNotice }[];
  /** Every field a labelled value was found for, in collection order. */
  found: CsrFieldName[];
}

/** Pre-fills every recognisable field from pasted text. Never throws. */
export function extractCsrFields(text: string, draft: CsrDraft): CsrExtraction {
  const values = findLabelledValues(text);
  const candidates = new Map<CsrFieldName, string[]>();
  for (const { target, value } of values) {
    const field = targetField(target);
    if (field !== undefined && field !== 'serviceAddress') candidates.set(field, [...(candidates.get(field) ?? []), value]);
  }
  const address = addressLine(values);
  if (address !== undefined) candidates.set('serviceAddress', [address]);

  const result: CsrExtraction = { accepted: {}, refused: [], found: [] };
  for (const field of CSR_FIELDS) {
    const raws = candidates.get(field);
    if (raws === undefined) continue;
    result.found.push(field);
    const context: CsrDraft = { ...draft, ...result.accepted };
    const results = raws.map((raw) => validateCsrField(field, raw, context));
    const accepted = results.find((entry) => entry.ok);
    if (accepted?.ok) {
      result.accepted = { ...result.accepted, [field]: accepted.value };
    } else if (results[0] && !results[0].ok) {
      result.refused.push({ field, error: results[0].error });
    }
  }
  return result;
}

/** True when the message carries two or more labelled values: a paste to extract, rather than an answer to a question. */
export function looksLikeCsrPaste(text: string): boolean {
  const targets = new Set(findLabelledValues(text).map(({ target }) => target));
  targets.delete('ignored');
  return targets.size >= 2;
}
