/**
 * The assembled port request: every field the LOA and the carrier's port order need, checked as a whole
 * (one country throughout, a PIN where the carrier requires one, an authorizing person for a business account).
 */
import { z } from 'zod';
import { ServiceAddressSchema } from './address';
import {
  CSR_FIELD_LABELS,
  FIELD_LABELS,
  type CsrDraft,
  type CsrFieldName,
  draftCountry,
  isPinRequired,
  missingFields,
  pinOf,
} from './csrFields';
import { billingNumberOf } from './billingNumber';
import { pinWaivedByCheck } from './portability';
import { isPartialPortMovingBillingNumber } from './portScope';
import { type PortingCountry, formatPhoneNumber, validateBillingNumber } from './phoneNumbers';
import { CarrierRefSchema, HolderNameSchema, NanpE164Schema, PortingCountrySchema } from './sharedSchemas';
import { inSentence } from './text';
import { type Catalogue, currentLanguage, localized } from '../i18n/language';

const COUNTRY_NAMES: Readonly<Record<PortingCountry, string>> = { US: 'the United States', CA: 'Canada' };
const COUNTRY_NAMES_ES: Readonly<Record<PortingCountry, string>> = { US: 'Estados Unidos', CA: 'Canadá' };

const messagesEn = {
  missing: (label: string) => `We still need the ${inSentence(label)}.`,
  numberCountry: (number: string, country: PortingCountry) =>
    `${number} isn't a number we can move in ${COUNTRY_NAMES[country]}. All the numbers in one port must be in the same country.`,
  addressCountry: (address: PortingCountry, numbers: PortingCountry) =>
    `The service address is in ${COUNTRY_NAMES[address]}, but the numbers are in ${COUNTRY_NAMES[numbers]}. ` +
    'A port stays within one country: please check the address.',
  pinRequired: (carrier: string) =>
    `${carrier} asks for a transfer PIN to move a number. Please get one from ${carrier} and add it.`,
  authorizedPersonRequired:
    'This is a business account, so we need the name of the person who authorizes the port on its behalf.',
  invalid: (label: string) => `The ${inSentence(label)} needs another look. Please give it again.`,
} as const;

const messagesEs: Catalogue<typeof messagesEn> = {
  missing: (label: string) => `Todavía falta este dato: ${inSentence(label)}.`,
  numberCountry: (number: string, country) =>
    `${number} no es un número que podamos transferir en ${COUNTRY_NAMES_ES[country]}. Todos los números de una portabilidad deben ser del mismo país.`,
  addressCountry: (address, numbers) =>
    `La dirección de servicio está en ${COUNTRY_NAMES_ES[address]}, pero los números son de ${COUNTRY_NAMES_ES[numbers]}. ` +
    'Una portabilidad debe hacerse dentro de un mismo país: revise la dirección.',
  pinRequired: (carrier: string) =>
    `${carrier} pide un PIN de transferencia para transferir un número. Obtenga uno de ${carrier} y agréguelo.`,
  authorizedPersonRequired:
    'Esta es una cuenta de negocios, así que necesitamos el nombre de la persona que autoriza la portabilidad en su nombre.',
  invalid: (label: string) => `Hay que revisar otra vez este dato: ${inSentence(label)}. Escríbalo de nuevo, por favor.`,
};

const messages = localized({ en: messagesEn, es: messagesEs });

export const PortRequestSchema = z
  .object({
    country: PortingCountrySchema,
    numbers: z.array(NanpE164Schema).min(1),
    carrier: CarrierRefSchema,
    accountNumber: z.string().min(1),
    /** The transfer PIN: carried on the port order, never printed on the customer's copy of the LOA. */
    pin: z.string().min(1).optional(),
    /** The porting provider's check said none of the numbers needs a PIN, whatever the carrier's usual rule. */
    pinWaivedByCheck: z.literal(true).optional(),
    holderName: HolderNameSchema,
    /** Who signs for a business account; for a person, the holder signs. */
    authorizedPerson: z.string().min(1).optional(),
    serviceAddress: ServiceAddressSchema,
    billingNumber: NanpE164Schema,
    contactEmail: z.email(),
    /** Whether the port moves every number on the account, where that was asked (see portScope.ts). */
    wholeAccount: z.boolean().optional(),
    /** A partial port moving the billing number: the new billing number of the lines that stay. */
    remainingBillingNumber: NanpE164Schema.optional(),
  })
  .superRefine((request, ctx) => {
    const problem = (path: PortRequestField, code: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message, params: { code } });

    for (const number of request.numbers) {
      if (!validateBillingNumber(number, { country: request.country }).ok) {
        problem('numbers', 'request.number_country_mismatch', messages.numberCountry(formatPhoneNumber(number), request.country));
      }
    }
    if (request.serviceAddress.country !== request.country) {
      problem('serviceAddress', 'request.address_country_mismatch', messages.addressCountry(request.serviceAddress.country, request.country));
    }
    const btn = validateBillingNumber(request.billingNumber, { country: request.country });
    if (!btn.ok) problem('billingNumber', btn.error.code, btn.error.message);
    if (request.pin === undefined && isPinRequired(request.carrier) && request.pinWaivedByCheck !== true) {
      problem('pin', 'request.pin_required', messages.pinRequired(request.carrier.name));
    }
    if (request.holderName.kind === 'business' && request.authorizedPerson === undefined) {
      problem('authorizedPerson', 'request.authorized_person_required', messages.authorizedPersonRequired);
    }
  });

export type PortRequest = z.infer<typeof PortRequestSchema>;

/** The draft fields a problem can point at: the CSR fields, and the authorizing person of a business account. */
export type PortRequestField = CsrFieldName | 'authorizedPerson';

export interface PortRequestProblem {
  field: PortRequestField;
  code: string;
  message: string;
}

export type PortRequestBuild = { ok: true; request: PortRequest } | { ok: false; problems: PortRequestProblem[] };

/** The request's own keys mapped back to the draft field the customer would change. */
function fieldOfPath(key: PropertyKey | undefined): PortRequestField {
  if (key === 'country') return 'numbers';
  return typeof key === 'string' && key in FIELD_LABELS ? (key as PortRequestField) : 'numbers';
}

/**
 * The last build of each draft, with what it was built from: the draft's JSON and the language of its messages. A turn
 * checks the same draft several times (the review's card and its confirmation; the letter and its signing), and each
 * build runs the request schema over every field. Kept by the draft object, so nothing outlives the turn's session.
 */
const lastBuilds = new WeakMap<CsrDraft, { readonly builtFrom: string; readonly build: PortRequestBuild }>();

/**
 * Assembles the request from the draft, or lists every field still missing or inconsistent, in collection order;
 * built once for each change of the draft. The build is shared: read it, never change it.
 */
export function buildPortRequest(draft: CsrDraft): PortRequestBuild {
  const builtFrom = `${currentLanguage()}:${JSON.stringify(draft)}`;
  const last = lastBuilds.get(draft);
  if (last?.builtFrom === builtFrom) return last.build;
  const build = assemblePortRequest(draft);
  lastBuilds.set(draft, { builtFrom, build });
  return build;
}

function assemblePortRequest(draft: CsrDraft): PortRequestBuild {
  const missing = missingFields(draft);
  if (missing.length > 0) {
    return {
      ok: false,
      problems: missing.map((field) => ({ field, code: 'request.missing', message: messages.missing(CSR_FIELD_LABELS[field]) })),
    };
  }
  const parsed = PortRequestSchema.safeParse({
    country: draftCountry(draft),
    numbers: draft.numbers?.numbers,
    carrier: draft.carrier,
    accountNumber: draft.accountNumber,
    pin: pinOf(draft),
    ...(pinWaivedByCheck(draft.numbers) && { pinWaivedByCheck: true }),
    holderName: draft.holderName,
    authorizedPerson: draft.authorizedPerson,
    serviceAddress: draft.serviceAddress,
    billingNumber: billingNumberOf(draft),
    contactEmail: draft.contactEmail,
    wholeAccount: draft.wholeAccount,
    remainingBillingNumber: isPartialPortMovingBillingNumber(draft) ? draft.remainingBillingNumber : undefined,
  });
  if (parsed.success) return { ok: true, request: parsed.data };
  return { ok: false, problems: parsed.error.issues.map(toProblem) };
}

function toProblem(issue: z.core.$ZodIssue): PortRequestProblem {
  const field = fieldOfPath(issue.path[0]);
  if (issue.code === 'custom' && typeof issue.params?.code === 'string') {
    return { field, code: issue.params.code, message: issue.message };
  }
  return { field, code: 'request.invalid', message: messages.invalid(FIELD_LABELS[field]) };
}
