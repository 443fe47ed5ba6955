/**
 * The account number at the losing carrier. It is a secret: messages describe what is expected and never repeat
 * what the customer typed.
 */
import { carrierPossessive, carrierRules, type Carrier, type CarrierRef } from './carriers';
import { accept, askAbout, refuse, type FieldResult, type RuleQuestion } from './fieldResult';
import { toE164, type E164 } from './phoneNumbers';
import { collapseWhitespace, normalizeTyped } from './text';
import { type Catalogue, localized } from '../i18n/language';

/** Bounds for any carrier, after removing spaces and dashes. */
const MIN_LENGTH = 4;
const MAX_LENGTH = 20;
/** "Account number:", "Acct # ", "my account number is " typed or copied from the bill along with the number. */
const LABEL = /^(?:(?:my|the)\s+)?(?:acct|account)(?:[\s.]*(?:number|num|nbr|no))?(?:\s+is\b)?[\s.:#]+/i;
/** Characters a written phone number has and an account number never does: "(415) 555-0123", "+1 …", "415.555.0123". */
const PHONE_PUNCTUATION = /[()+.]/;

const your = (ref: CarrierRef | undefined): string => (ref ? `your ${ref.name}` : 'your');

/** The one question an account number that breaks an unconfirmed rule raises (see RuleQuestion). */
const question = (ref: CarrierRef | undefined, rule: string): RuleQuestion => ({
  code: 'account_number.unconfirmed_rule',
  rule,
  question: `Is the account number you typed exactly what ${ref?.name ?? 'your current carrier'} gave you?`,
});

const messagesEn = {
  empty: (ref: CarrierRef | undefined, carrier: Carrier) =>
    `Please enter ${your(ref)} account number. ${carrier.instructions.accountNumber}`,
  invalidCharacters: (carrier: Carrier) =>
    'An account number has only letters and digits (spaces and dashes are fine). Please copy it from your bill. ' +
    carrier.instructions.accountNumber,
  tooShort: (carrier: Carrier) =>
    `That's too short for an account number: they have at least ${MIN_LENGTH} letters or digits. ` +
    carrier.instructions.accountNumber,
  tooLong: (carrier: Carrier) =>
    `That's too long for an account number: they have at most ${MAX_LENGTH} letters or digits. ` +
    carrier.instructions.accountNumber,
  wrongFormat: (ref: CarrierRef | undefined, carrier: Carrier) =>
    `That doesn't look right: ${your(ref)} account number is ${carrier.accountNumber.description}. ` +
    carrier.instructions.accountNumber,
  isPhoneNumber: (carrier: Carrier) =>
    `That looks like a phone number rather than an account number. ${carrier.instructions.accountNumber}`,
  unusualFormat: (ref: CarrierRef | undefined, carrier: Carrier): RuleQuestion =>
    question(ref, `${carrierPossessive(ref)} account number is ${carrier.accountNumber.description}.`),
  looksLikePhoneNumber: (ref: CarrierRef | undefined, carrier: Carrier): RuleQuestion =>
    question(
      ref,
      carrier.accountNumber.pattern === undefined
        ? 'That looks like a phone number rather than an account number.'
        : `That looks like a phone number, and ${carrierPossessive(ref)} account number is ${carrier.accountNumber.description}.`,
    ),
  prepaidPhoneNumber: (ref: CarrierRef | undefined, carrier: Carrier): RuleQuestion =>
    question(
      ref,
      `That's a phone number. On ${carrier.name} prepaid plans the phone number is usually the account number; on a ` +
        `monthly plan it's ${carrier.accountNumber.description}.`,
    ),
  check: (ref: CarrierRef | undefined) => `Please check it against your ${ref ? `${ref.name} ` : ''}bill.`,
  suffixRemoved: (keptLength: number) =>
    `I've kept the first ${keptLength} characters, which are your account number; the extra digits after them ` +
    "aren't needed for the transfer.",
} as const;

/** "su número de cuenta de Verizon", "su número de cuenta". */
const suCuenta = (ref: CarrierRef | undefined): string => (ref ? `su número de cuenta de ${ref.name}` : 'su número de cuenta');

const preguntaEs = (ref: CarrierRef | undefined, rule: string): RuleQuestion => ({
  code: 'account_number.unconfirmed_rule',
  rule,
  question: `¿El número de cuenta que escribió es exactamente el que le dio ${ref?.name ?? 'su compañía actual'}?`,
});

const messagesEs: Catalogue<typeof messagesEn> = {
  empty: (ref, carrier) => `Escriba ${suCuenta(ref)}. ${carrier.instructions.accountNumber}`,
  invalidCharacters: (carrier) =>
    'Un número de cuenta solo tiene letras y números (los espacios y guiones no importan). Cópielo de su factura. ' +
    carrier.instructions.accountNumber,
  tooShort: (carrier) =>
    `Es muy corto para ser un número de cuenta: tienen al menos ${MIN_LENGTH} letras o números. ` +
    carrier.instructions.accountNumber,
  tooLong: (carrier) =>
    `Es muy largo para ser un número de cuenta: tienen como máximo ${MAX_LENGTH} letras o números. ` +
    carrier.instructions.accountNumber,
  wrongFormat: (ref, carrier) =>
    `Eso no parece correcto: ${suCuenta(ref)} es ${carrier.accountNumber.description}. ` + carrier.instructions.accountNumber,
  isPhoneNumber: (carrier) =>
    `Eso parece un número de teléfono, no un número de cuenta. ${carrier.instructions.accountNumber}`,
  unusualFormat: (ref, carrier) =>
    preguntaEs(ref, `El número de cuenta de ${ref?.name ?? 'su compañía actual'} es ${carrier.accountNumber.description}.`),
  looksLikePhoneNumber: (ref, carrier) =>
    preguntaEs(
      ref,
      carrier.accountNumber.pattern === undefined
        ? 'Eso parece un número de teléfono, no un número de cuenta.'
        : `Eso parece un número de teléfono, y el número de cuenta de ${ref?.name ?? 'su compañía actual'} es ${carrier.accountNumber.description}.`,
    ),
  prepaidPhoneNumber: (ref, carrier) =>
    preguntaEs(
      ref,
      `Eso es un número de teléfono. En los planes prepagados de ${carrier.name}, el número de teléfono suele ser el número ` +
        `de cuenta; en un plan mensual es ${carrier.accountNumber.description}.`,
    ),
  check: (ref) => `Compárelo con su factura${ref ? ` de ${ref.name}` : ''}.`,
  suffixRemoved: (keptLength: number) =>
    `Guardé los primeros ${keptLength} caracteres, que son su número de cuenta; los dígitos adicionales que siguen no ` +
    'hacen falta para la transferencia.',
};

const messages = localized({ en: messagesEn, es: messagesEs });

function matchesCarrierFormat(carrier: Carrier, value: string): RegExpExecArray | null | 'no_rule' {
  const { pattern } = carrier.accountNumber;
  return pattern === undefined ? 'no_rule' : new RegExp(pattern).exec(value);
}

/**
 * Letters and digits, 4 to 20 of them, in the carrier's format. A confirmed format refuses a number that breaks it; an
 * unconfirmed one, a number that looks like a phone number, or a phone number where the carrier's prepaid plans may use
 * it, raise one question (see RuleQuestion), and the number is taken as typed once the customer has said it is exactly
 * what the carrier gave (`asTyped`).
 */
export function validateAccountNumber(
  raw: string,
  ctx: { carrier?: CarrierRef; numbers?: readonly E164[]; asTyped?: boolean },
): FieldResult<string> {
  const carrier = carrierRules(ctx.carrier);
  const rule = carrier.accountNumber;
  const text = collapseWhitespace(normalizeTyped(raw)).replace(LABEL, '').replace(/^#\s*/, '');
  if (text === '') return refuse('account_number.empty', messages.empty(ctx.carrier, carrier));
  const asked = (question: RuleQuestion) => askAbout<string>(question, messages.check(ctx.carrier));

  /** What the number raises to ask about; the first thing found is the one asked (never two for one value). */
  let doubt: RuleQuestion | undefined;
  const phone = toE164(text);
  if (phone !== undefined) {
    const national = phone.startsWith('+1') ? phone.slice(2) : undefined;
    if (rule.phoneNumberIsAccount && national !== undefined) {
      const fits = matchesCarrierFormat(carrier, national) !== null;
      return fits || rule.phoneNumberIsAccount.confirmed || ctx.asTyped
        ? accept(national)
        : asked(messages.prepaidPhoneNumber(ctx.carrier, carrier));
    }
    const certainlyPhone =
      (ctx.numbers ?? []).includes(phone) ||
      PHONE_PUNCTUATION.test(text) ||
      (rule.confirmed && matchesCarrierFormat(carrier, text.replace(/[\s-]/g, '')) === null);
    if (certainlyPhone) return refuse('account_number.is_phone_number', messages.isPhoneNumber(carrier));
    doubt = messages.looksLikePhoneNumber(ctx.carrier, carrier);
  }

  const compact = text.replace(/[\s-]/g, '').toUpperCase();
  if (/[^A-Z0-9]/.test(compact)) return refuse('account_number.invalid_characters', messages.invalidCharacters(carrier));
  if (compact.length < MIN_LENGTH) return refuse('account_number.too_short', messages.tooShort(carrier));
  if (compact.length > MAX_LENGTH) return refuse('account_number.too_long', messages.tooLong(carrier));

  const format = matchesCarrierFormat(carrier, compact);
  if (format === null) {
    if (rule.confirmed) return refuse('account_number.format', messages.wrongFormat(ctx.carrier, carrier));
    doubt ??= messages.unusualFormat(ctx.carrier, carrier);
  }
  if (doubt !== undefined && !ctx.asTyped) return asked(doubt);
  const account = format === null || format === 'no_rule' ? undefined : format.groups?.account;
  if (account !== undefined && account !== compact) {
    return accept(account, [{ code: 'account_number.suffix_removed', message: messages.suffixRemoved(account.length) }]);
  }
  return accept(compact);
}
