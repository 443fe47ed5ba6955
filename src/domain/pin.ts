/**
 * The transfer PIN or passcode for the losing carrier. It is a secret: no message ever repeats it, or even its length.
 */
import { carrierRules, type Carrier, type CarrierRef } from './carriers';
import { accept, askAbout, refuse, type FieldResult, type RuleQuestion } from './fieldResult';
import { foldForComparison, normalizeTyped } from './text';
import { type Catalogue, localized } from '../i18n/language';

/** Lengths worth asking about when a carrier's own length rule is unconfirmed; shorter or longer is no transfer PIN. */
const PLAUSIBLE_MIN_LENGTH = 4;
const PLAUSIBLE_MAX_LENGTH = 10;
/** "PIN:", "my PIN is ", "passcode = " typed along with the PIN. */
const LABEL = /^(?:(?:my|the)\s+)?(?:transfer\s+)?(?:pin|passcode|pass\s+code|code)(?:\s+(?:number|no\.?))?(?:\s+is\s+|\s*[=:#]\s*|\s+)/i;
/** Answers meaning "there is no PIN", for accounts where a PIN is optional. */
const NO_PIN_ANSWERS = new Set([
  'none', 'no', 'nope', 'na', 'n/a', 'no pin', 'no passcode', 'not set', 'never set one', 'dont have one',
  'i dont have one', 'dont have a pin', 'i dont have a pin', 'i have no pin',
  'ninguno', 'ninguna', 'nada', 'sin pin', 'no tengo', 'no tengo pin', 'no tengo uno', 'no tengo ninguno', 'no hay',
  'no tiene', 'no tiene pin', 'nunca puse uno', 'nunca lo configure',
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

const carrierName = (ref: CarrierRef | undefined): string => ref?.name ?? 'your current carrier';

/**
 * The rule a PIN breaks, for the question: the carrier's own ("T-Mobile's Temporary Port Out PIN has 6 digits."), or,
 * for a carrier we don't know, what transfer PINs usually look like.
 */
function ruleStatement(ref: CarrierRef | undefined, carrier: Carrier): string {
  return ref?.known
    ? `${ref.name}'s ${carrier.pin.name} has ${lengthText(carrier)}.`
    : `A ${carrier.pin.name} usually has ${lengthText(carrier)}.`;
}

/** "Su PIN de transferencia de número de Verizon", "Su PIN de transferencia o código de acceso". */
const sujeto = (ref: CarrierRef | undefined, carrier: Carrier): string =>
  `Su ${carrier.pin.name}${ref ? ` de ${ref.name}` : ''}`;

function longitudEs(carrier: Carrier): string {
  const { minLength, maxLength, digitsOnly } = carrier.pin;
  const count = minLength === maxLength ? `${minLength}` : `de ${minLength} a ${maxLength}`;
  return `${count} ${digitsOnly ? 'dígitos' : 'letras o números'}`;
}

/** "Su PIN de transferencia de número de Verizon suele tener 6 dígitos". */
const reglaEs = (ref: CarrierRef | undefined, carrier: Carrier): string =>
  `${sujeto(ref, carrier)} ${carrier.pin.confirmed ? 'tiene' : 'suele tener'} ${longitudEs(carrier)}`;

function duracionEs(hours: number): string {
  if (hours < 48) return `unas ${hours} horas`;
  return `unos ${Math.round(hours / 24)} días`;
}

const messagesEn = {
  required: (ref: CarrierRef | undefined, carrier: Carrier) =>
    `${subject(ref, carrier)} is needed to move a mobile number. ${carrier.instructions.pin}`,
  invalidCharacters: (ref: CarrierRef | undefined, carrier: Carrier) =>
    `${subject(ref, carrier)} is made of ${carrier.pin.digitsOnly ? 'digits only' : 'letters and digits only'}, ` +
    `with no other symbols. Please check it. ${carrier.instructions.pin}`,
  digitsOnly: (ref: CarrierRef | undefined, carrier: Carrier) =>
    `${subject(ref, carrier)} is made of digits only. Please check it. ${carrier.instructions.pin}`,
  tooShort: (ref: CarrierRef | undefined, carrier: Carrier) =>
    `${ruleText(ref, carrier)}, and that's too short. Please check it, or get a new one: ${carrier.instructions.pin}`,
  tooLong: (ref: CarrierRef | undefined, carrier: Carrier) =>
    `${ruleText(ref, carrier)}, and that's too long. Please check it, or get a new one: ${carrier.instructions.pin}`,
  unconfirmedRule: (ref: CarrierRef | undefined, carrier: Carrier): RuleQuestion => ({
    code: 'pin.unconfirmed_rule',
    rule: ruleStatement(ref, carrier),
    question: `Is the PIN you typed exactly what ${carrierName(ref)} gave you?`,
  }),
  check: (ref: CarrierRef | undefined) => `Please check it against what ${carrierName(ref)} gave you.`,
  expiry: (ref: CarrierRef | undefined, carrier: Carrier, hours: number, businessHours: number | undefined) =>
    `${subject(ref, carrier)} ${carrier.pin.lifetime?.confirmed ? 'lasts' : 'usually lasts'} about ${durationText(hours)}` +
    `${businessHours === undefined ? '' : ` (${durationText(businessHours)} on a business account)`}, so it's best to ` +
    `finish this request soon. If it expires, you can get a new one: ${carrier.instructions.pin}`,
} as const;

const messagesEs: Catalogue<typeof messagesEn> = {
  required: (ref, carrier) => `${sujeto(ref, carrier)} es necesario para transferir un número de celular. ${carrier.instructions.pin}`,
  invalidCharacters: (ref, carrier) =>
    `${sujeto(ref, carrier)} tiene ${carrier.pin.digitsOnly ? 'solo números' : 'solo letras y números'}, sin ningún ` +
    `otro símbolo. Revíselo. ${carrier.instructions.pin}`,
  digitsOnly: (ref, carrier) => `${sujeto(ref, carrier)} tiene solo números. Revíselo. ${carrier.instructions.pin}`,
  tooShort: (ref, carrier) =>
    `${reglaEs(ref, carrier)}, y ese es muy corto. Revíselo u obtenga uno nuevo: ${carrier.instructions.pin}`,
  tooLong: (ref, carrier) =>
    `${reglaEs(ref, carrier)}, y ese es muy largo. Revíselo u obtenga uno nuevo: ${carrier.instructions.pin}`,
  unconfirmedRule: (ref, carrier) => ({
    code: 'pin.unconfirmed_rule',
    rule: ref?.known
      ? `El ${carrier.pin.name} de ${ref.name} tiene ${longitudEs(carrier)}.`
      : `Un ${carrier.pin.name} suele tener ${longitudEs(carrier)}.`,
    question: `¿El PIN que escribió es exactamente el que le dio ${ref?.name ?? 'su compañía actual'}?`,
  }),
  check: (ref) => `Compárelo con el que le dio ${ref?.name ?? 'su compañía actual'}.`,
  expiry: (ref, carrier, hours: number, businessHours: number | undefined) =>
    `${sujeto(ref, carrier)} ${carrier.pin.lifetime?.confirmed ? 'dura' : 'suele durar'} ${duracionEs(hours)}` +
    `${businessHours === undefined ? '' : ` (${duracionEs(businessHours)} en una cuenta de negocios)`}, así que conviene ` +
    `terminar esta solicitud pronto. Si vence, puede obtener uno nuevo: ${carrier.instructions.pin}`,
};

const messages = localized({ en: messagesEn, es: messagesEs });

function isNoPinAnswer(raw: string): boolean {
  const answer = foldForComparison(raw).replace(/['’.!]/g, '').replace(/\s+/g, ' ').trim();
  return answer === '' || NO_PIN_ANSWERS.has(answer);
}

/**
 * Digits only unless the carrier allows letters; length per the carrier's rule. A confirmed rule refuses a PIN that
 * breaks it; an unconfirmed one asks about it (see RuleQuestion) while the PIN is still plausible (4–10 characters),
 * and takes it as typed once the customer has said it is exactly what the carrier gave (`asTyped`).
 */
export function validatePin(raw: string, ctx: { carrier?: CarrierRef; asTyped?: boolean }): FieldResult<string> {
  const carrier = carrierRules(ctx.carrier);
  const rule = carrier.pin;
  if (isNoPinAnswer(raw)) {
    return rule.required ? refuse('pin.required', messages.required(ctx.carrier, carrier)) : accept('');
  }
  const pin = normalizeTyped(raw).trim().replace(LABEL, '').replace(/[\s-]/g, '');
  if (!/^[A-Za-z0-9]+$/.test(pin)) return refuse('pin.invalid_characters', messages.invalidCharacters(ctx.carrier, carrier));

  const breaksCharacters = rule.digitsOnly && /\D/.test(pin);
  const breaksLength = pin.length < rule.minLength || pin.length > rule.maxLength;
  if (!breaksCharacters && !breaksLength) return accept(pin);
  if (rule.confirmed) {
    if (breaksCharacters) return refuse('pin.digits_only', messages.digitsOnly(ctx.carrier, carrier));
    return pin.length < rule.minLength
      ? refuse('pin.too_short', messages.tooShort(ctx.carrier, carrier))
      : refuse('pin.too_long', messages.tooLong(ctx.carrier, carrier));
  }
  if (pin.length < Math.min(rule.minLength, PLAUSIBLE_MIN_LENGTH)) return refuse('pin.too_short', messages.tooShort(ctx.carrier, carrier));
  if (pin.length > Math.max(rule.maxLength, PLAUSIBLE_MAX_LENGTH)) return refuse('pin.too_long', messages.tooLong(ctx.carrier, carrier));
  // One question for the whole rule, however many parts of it the PIN breaks.
  return ctx.asTyped ? accept(pin) : askAbout(messages.unconfirmedRule(ctx.carrier, carrier), messages.check(ctx.carrier));
}

/** How long the carrier's transfer PIN lasts, as advice to finish soon; undefined when the carrier's PINs don't expire or it isn't known. */
export function pinExpiryNotice(ref: CarrierRef | undefined): string | undefined {
  const carrier = carrierRules(ref);
  const lifetime = carrier.pin.lifetime;
  return lifetime === undefined ? undefined : messages.expiry(ref, carrier, lifetime.hours, lifetime.businessHours);
}
