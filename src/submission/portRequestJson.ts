/**
 * The port request as it leaves the bot: a versioned JSON document (schemaVersion 1) for the porting backend. The
 * zod schema below is the contract; schemas/port-request.v1.schema.json is generated from it (a test keeps the
 * two equal), so receivers can validate what they get without reading TypeScript.
 */
import { z } from 'zod';
import { BILL_CONTENT_TYPES, type DocumentFacts, type Loa, ServiceAddressSchema } from '../domain';
import { LANGUAGES } from '../i18n/language';

export const PORT_REQUEST_SCHEMA_ID = 'https://porting-assistant.example/schemas/port-request.v1.schema.json';

const E164 = z
  .string()
  .regex(/^\+1[2-9]\d{2}[2-9]\d{6}$/)
  .meta({ description: 'A US or Canadian number in E.164 form, e.g. +14155550123.' });

export const PortRequestV1Schema = z
  .strictObject({
    schemaVersion: z.literal(1).meta({ description: 'The version of this document format.' }),
    referenceNumber: z
      .string()
      .regex(/^PA-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{3}$/)
      .meta({ description: 'The port reference the customer was given, e.g. PA-7KX4-M9Q2-TDX.' }),
    version: z
      .int()
      .min(1)
      .meta({ description: 'The LOA version: 1 for the first signed letter, one more for each corrected one.' }),
    idempotencyKey: z
      .string()
      .min(1)
      .meta({ description: '"<referenceNumber>-v<version>". The same for every delivery of this version: deduplicate on it.' }),
    country: z.enum(['US', 'CA']).meta({ description: 'The country of the numbers and the service address.' }),
    numbers: z.array(E164).min(1).meta({ description: 'Every number to port.' }),
    carrier: z
      .strictObject({
        id: z.string().min(1).meta({ description: "The bot's carrier id, e.g. verizon; the same id for every carrier outside its directory." }),
        name: z.string().min(1).meta({ description: 'The current (losing) carrier as the customer named it.' }),
        known: z.boolean().meta({ description: "Whether the carrier is in the bot's carrier directory." }),
      })
      .meta({ description: 'The current (losing) carrier.' }),
    // Added to version 1 as optional: letters signed before it was recorded (some still in outboxes) have none, and a
    // required field would break every receiver of version 1. authorizationStatement names the same carrier in words.
    newCarrier: z
      .strictObject({
        name: z.string().min(1).meta({ description: 'The new (gaining) carrier the numbers move to, as the letter names it.' }),
      })
      .optional()
      .meta({
        description:
          'The new (gaining) carrier the customer authorized. Present for every letter signed since it was added; absent ' +
          'from requests signed before.',
      }),
    // Added to version 1 as optional, as newCarrier was: a request that is not part of a split port, or not asked
    // about the rest of its account, has none of the three, and receivers of version 1 need not change.
    parentReference: z
      .string()
      .regex(/^PA-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{3}$/)
      .optional()
      .meta({
        description:
          'For numbers on several accounts or carriers: the reference the customer was given for the whole port, which ' +
          'links its requests (one per account, each with its own referenceNumber). Absent for a port that is one request.',
      }),
    wholeAccount: z
      .boolean()
      .optional()
      .meta({
        description:
          'Whether the port moves every number on the account (false: a partial port, some lines stay with the current ' +
          'carrier). Present where the customer was asked: several numbers, or a landline or VoIP number.',
      }),
    remainingBillingNumber: E164.optional().meta({
      description:
        'For a partial port that moves the billing number: the new billing telephone number of the lines that stay with ' +
        'the current carrier.',
    }),
    account: z
      .strictObject({
        number: z.string().min(1).meta({ description: 'The account number with the current carrier, in full.' }),
        pin: z.string().min(1).optional().meta({ description: 'The transfer PIN, when the customer has one. A secret.' }),
      })
      .meta({ description: 'The account with the current carrier. Secrets: never log or display them.' }),
    holder: z
      .strictObject({
        kind: z.enum(['person', 'business']),
        fullName: z.string().min(1).meta({ description: "The holder's name exactly as on the current carrier's account." }),
        firstName: z.string().min(1).optional(),
        lastName: z.string().min(1).optional(),
      })
      .meta({ description: 'The account holder: a person or a business.' }),
    authorizedPerson: z
      .string()
      .min(1)
      .optional()
      .meta({ description: 'For a business account: the person who authorized the port for it.' }),
    serviceAddress: z
      .strictObject(ServiceAddressSchema.shape)
      .meta({ description: 'Where the service is (not the billing address). region is the two-letter state or province.' }),
    billingNumber: E164.meta({ description: "The account's billing telephone number (BTN)." }),
    contactEmail: z.email().optional().meta({ description: 'Where the customer wants updates about the port.' }),
    authorizationStatement: z
      .string()
      .min(1)
      .meta({ description: 'The authorization in English, word for word: what the customer signed when language is "en".' }),
    // Added to version 1 as optional, as newCarrier was: receivers of version 1 that don't know it are unaffected.
    language: z
      .enum(LANGUAGES)
      .optional()
      .meta({
        description:
          'The language the customer read and signed the letter in ("en" or "es"). Requests made before it was added have none: they were signed in English.',
      }),
    signedStatement: z
      .string()
      .min(1)
      .optional()
      .meta({ description: 'When language is not "en": the authorization the customer signed, word for word, in that language.' }),
    signature: z
      .strictObject({
        signerName: z.string().min(1).meta({ description: 'The full name the signer typed.' }),
        signedAt: z.iso.datetime().meta({ description: 'When the LOA was signed (UTC).' }),
        channel: z.string().min(1).meta({ description: "Where it was signed, e.g. 'webchat' or 'msteams'." }),
      })
      .meta({ description: 'The typed electronic signature on the LOA.' }),
    submittedAt: z.iso.datetime().meta({ description: 'When the bot accepted the signed LOA for submission (UTC).' }),
    // Added to version 1 as optional, as newCarrier was: a request without documents has none.
    documents: z
      .array(
        z.strictObject({
          kind: z.literal('bill').meta({ description: "What the document is: 'bill', a copy of the customer's latest bill." }),
          contentType: z.enum(BILL_CONTENT_TYPES).meta({ description: 'The media type, read from the file itself.' }),
          size: z.int().min(1).meta({ description: 'The size in bytes.' }),
          sha256: z
            .string()
            .regex(/^[0-9a-f]{64}$/)
            .meta({ description: "Hex SHA-256 of the file's bytes: check the file you fetch against it." }),
          fileName: z
            .string()
            .min(1)
            .meta({ description: 'The file\'s name where the request is delivered as a folder: beside request.json.' }),
        }),
      )
      .min(1)
      .optional()
      .meta({
        description:
          'Documents the customer attached (a copy of their latest bill), delivered with the request: as files beside ' +
          'request.json, or as signed links in the webhook body (see docs/submission.md). Absent when there are none.',
      }),
    preparedBy: z
      .strictObject({ staffId: z.string().min(1).meta({ description: "The staff member's Teams user id (AAD object id)." }) })
      .optional()
      .meta({
        description:
          'Present when a support staff member filled in the details with the customer on the phone (an assisted port); ' +
          'the customer reviewed, gave the PIN and signed themselves.',
      }),
  })
  .meta({
    $id: PORT_REQUEST_SCHEMA_ID,
    title: 'Port request, version 1',
    description:
      'A signed request to port telephone numbers, sent by Porting Assistant. The signed Letter of Authorization ' +
      'travels with it as a PDF (see docs/submission.md).',
  });

export type PortRequestJson = z.infer<typeof PortRequestV1Schema>;

/** The same for every delivery of one LOA version, so that receivers can deduplicate. */
export function idempotencyKeyOf(referenceNumber: string, version: number): string {
  return `${referenceNumber}-v${version}`;
}

export interface PortRequestContext {
  /** When the signed LOA was stored for submission: fixed per version, so every delivery is the same document. */
  readonly submittedAt: string;
  readonly contactEmail?: string;
  /** The documents delivered with the request, with the names of their files. */
  readonly documents?: readonly (DocumentFacts & { readonly fileName: string })[];
}

export function toPortRequestJson(loa: Loa, context: PortRequestContext): PortRequestJson {
  return PortRequestV1Schema.parse({
    schemaVersion: 1,
    referenceNumber: loa.referenceNumber,
    version: loa.version,
    idempotencyKey: idempotencyKeyOf(loa.referenceNumber, loa.version),
    country: loa.country,
    numbers: loa.numbers,
    carrier: loa.currentCarrier,
    newCarrier: loa.newCarrier,
    parentReference: loa.parentReference,
    wholeAccount: loa.wholeAccount,
    remainingBillingNumber: loa.remainingBillingNumber,
    account: { number: loa.accountNumber, pin: loa.pin },
    holder: loa.accountHolder,
    authorizedPerson: loa.authorizedPerson,
    serviceAddress: loa.serviceAddress,
    billingNumber: loa.billingNumber,
    contactEmail: context.contactEmail,
    authorizationStatement: loa.authorizationStatement,
    language: loa.signedIn ?? 'en',
    signedStatement: loa.signedStatement,
    signature: loa.signature,
    submittedAt: context.submittedAt,
    documents: context.documents?.length
      ? context.documents.map(({ kind, contentType, size, sha256, fileName }) => ({ kind, contentType, size, sha256, fileName }))
      : undefined,
    preparedBy: loa.preparedBy,
  });
}

/** The JSON Schema of the request, as published in schemas/port-request.v1.schema.json. */
export function portRequestJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(PortRequestV1Schema, { target: 'draft-2020-12' }) as Record<string, unknown>;
}
