/**
 * The transfer PIN or passcode for the losing carrier. It is a secret: no message ever repeats it, or even its length.
 */
import { carrierRules, type Carrier, type CarrierRef } from './carriers';
import { accept, refuse, type FieldNotice, type FieldResult } from './fieldResult';
import { foldForComparison, normalizeTyped } from './text';

/** Lengths worth accepting (with a warning) when a carrier's own length rule is unconfirmed. */
const PLAUSIBLE_MIN_LENGTH = 4;
const PLAUSIBLE_MAX_LENGTH = 10;
/** "PIN:", "my PIN is ", "passcode = " typed along with the PIN. */
const LABEL = /^(?:(?:my|the)\s+)?(?:transfer\s+)?(?:pin|passcode|pass\s+code|code)(?:\s+(?:number|no\.?))?(?:\s+is\s+|\s*[=:#]\s*|\s+)/i;
/** Answers meaning "there is no PIN", for accounts where a PIN is optional. */
const NO_PIN_ANSWERS = new Set([
  'none', 'no', 'nope', 'na', 'n/a', 'no pin', 'no passcode', 'not set', 'never set one', 'dont have one',
  'i dont have one', 'dont have a pin', 'i dont have a pin', 'i have no pin',
]);

/** "Your Verizon Number Transfer PIN", "Your Foo Telecom transfer PIN or passcode", "Your transfer PIN or passcode". */
const subject = (ref: CarrierRef | undefined, carrier: Carrier): string =>
  `Your ${ref ? `${ref.name} ` : ''}${carrier.pin.name}`;

function lengthText(carrier: Carrier): string {
  const { minLength, maxLength, digitsOnly } = carrier.pin;
  const count = minLength === maxLength ? `${minLength}` : `${minLength} to ${maxLength}`;
  return `${count} ${digitsOnly ? 'digits' : 'letters or digits'}`;
}

/** "Your Verizon Number Transfer PIN usually has 6 digits" — the rule, hedged when it is unconfirmed. */
const ruleText = (ref: CarrierRef | undefined, carrier: Carrier): string =>
  `${subject(ref, carrier)} ${carrier.pin.confirmed ? 'has' : 'usually has'} ${lengthText(carrier)}`;

function durationText(hours: number): string {
  if (hours < 48) return `${hours} hours`;
  return `${Math.round(hours / 24)} days`;
}

const messages = {
  required: (ref: CarrierRef | undefined, carrier: Carrier) =>
    `${subject(ref, carrier)} is needed to move a mobile number. ${carrier.instructions.pin}`,
  invalidCharacters: (ref: CarrierRef | undefined, carrier: Carrier) =>
    `${subject(ref, carrier)} is made of ${carrier.pin.digitsOnly ? 'digits only' : 'letters and digits only'}, ` +
    `with no other symbols. Please check it. ${carrier.instructions.pin}`,
  digitsOnly: (ref: CarrierRef | undefined, carrier: Carrier) =>
    `${subject(ref, carrier)} is made of digits only. Please check it. ${carrier.instructions.pin}`,
  unusualCharacters: (ref: CarrierRef | undefined, carrier: Carrier) =>
    `${subject(ref, carrier)} is usually digits only. Please double-check it; if it's right, carry on.`,
  tooShort: (ref: CarrierRef | undefined, carrier: Carrier) =>
    `${ruleText(ref, carrier)}, and that's too short. Please check it, or get a new one: ${carrier.instructions.pin}`,
  tooLong: (ref: CarrierRef | undefined, carrier: Carrier) =>
    `${ruleText(ref, carrier)}, and that's too long. Please check it, or get a new one: ${carrier.instructions.pin}`,
  unusualLength: (ref: CarrierRef | undefined, carrier: Carrier) =>
    `${ruleText(ref, carrier)}, so please double-check this one; if it's right, carry on.`,
  expiry: (ref: CarrierRef | undefined, carrier: Carrier, hours: number) =>
    `${subject(ref, carrier)} ${carrier.pin.confirmed ? 'lasts' : 'usually lasts'} about ${durationText(hours)}, so ` +
    `it's best to finish this request soon. If it expires, you can get a new one: ${carrier.instructions.pin}`,
} as const;

function isNoPinAnswer(raw: string): boolean {
  const answer = foldForComparison(raw).replace(/['’.!]/g, '').replace(/\s+/g, ' ').trim();
  return answer === '' || NO_PIN_ANSWERS.has(answer);
}

/**
 * Digits only unless the carrier allows letters; length per the carrier's rule. An unconfirmed rule only warns
 * while the PIN is still plausible (4–10 characters).
 */
export function validatePin(raw: string, ctx: { carrier?: CarrierRef }): FieldResult<string> {
  const carrier = carrierRules(ctx.carrier);
  const rule = carrier.pin;
  if (isNoPinAnswer(raw)) {
    return rule.required ? refuse('pin.required', messages.required(ctx.carrier, carrier)) : accept('');
  }
  const pin = normalizeTyped(raw).trim().replace(LABEL, '').replace(/[\s-]/g, '');
  if (!/^[A-Za-z0-9]+$/.test(pin)) return refuse('pin.invalid_characters', messages.invalidCharacters(ctx.carrier, carrier));

  const warnings: FieldNotice[] = [];
  if (rule.digitsOnly && /\D/.test(pin)) {
    if (rule.confirmed) return refuse('pin.digits_only', messages.digitsOnly(ctx.carrier, carrier));
    warnings.push({ code: 'pin.unusual_characters', message: messages.unusualCharacters(ctx.carrier, carrier) });
  }

  const minimum = rule.confirmed ? rule.minLength : Math.min(rule.minLength, PLAUSIBLE_MIN_LENGTH);
  const maximum = rule.confirmed ? rule.maxLength : Math.max(rule.maxLength, PLAUSIBLE_MAX_LENGTH);
  if (pin.length < minimum) return refuse('pin.too_short', messages.tooShort(ctx.carrier, carrier));
  if (pin.length > maximum) return refuse('pin.too_long', messages.tooLong(ctx.carrier, carrier));
  if (pin.length < rule.minLength || pin.length > rule.maxLength) {
    warnings.push({ code: 'pin.unusual_length', message: messages.unusualLength(ctx.carrier, carrier) });
  }
  return accept(pin, warnings);
}

/** How long the carrier's transfer PIN lasts, as advice to finish soon; undefined when the carrier's PINs don't expire or it isn't known. */
export function pinExpiryNotice(ref: CarrierRef | undefined): string | undefined {
  const carrier = carrierRules(ref);
  const hours = carrier.pin.validityHours;
  return hours === undefined ? undefined : messages.expiry(ref, carrier, hours);
}
