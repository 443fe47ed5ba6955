/**
 * What comes out the other end: the folder gateway's `<SUBMISSIONS_DIR>/<reference>/v<version>/request.json` and
 * `loa-carrier.pdf` (docs/submission.md), read as the porting back office reads them, and the request a customer's
 * answers should have produced, written out field by field.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import { CARRIER_PDF_FILE, REQUEST_FILE } from '../../../src/submission/gateway/folderGateway';
import type { PortRequestJson } from '../../../src/submission/portRequestJson';
import { authorizationStatement } from '../../../src/domain/loa';
import type { Language } from '../../../src/i18n/language';
import { NEW_CARRIER } from '../../support/newCarrier';
import { readPdf } from '../../submission/support/readPdf';
import { type CustomerDetails, formatted, requestAddress } from './details';
import { textsOf } from './customer';

/** A reference number as customers are given it, e.g. PA-7KX4-M9Q2-TDX. */
const REFERENCE = /\bPA-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{3}\b/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;
/** How long the outbox worker may take to deliver a signed request (it is kicked at once; a letter renders in ms). */
const DELIVERY_TIMEOUT_MS = 15_000;
const POLL_MS = 25;

/** The reference number the bot gave the customer in its replies. */
export function referenceIn(replies: readonly Partial<Activity>[]): string {
  const found = textsOf(replies).map((text) => REFERENCE.exec(text)?.[0]).find(Boolean);
  if (found === undefined) throw new Error(`no reference number in the replies: ${JSON.stringify(textsOf(replies))}`);
  return found;
}

export interface Delivery {
  readonly folder: string;
  readonly request: PortRequestJson;
  /** The carrier copy of the letter, read back as a PDF reader reads it. */
  readonly pdfText: string;
}

/** Polls until `check` holds; fails with `describe()` after `timeoutMs`. */
export async function eventually(check: () => boolean | Promise<boolean>, describe: () => string, timeoutMs = DELIVERY_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`still not so after ${timeoutMs} ms: ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** The versions delivered under a reference, as folder names (v1, v2…). */
export function deliveredVersions(submissionsDir: string, referenceNumber: string): string[] {
  const folder = join(submissionsDir, referenceNumber);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => existsSync(join(folder, name, REQUEST_FILE)))
    .sort();
}

/** Every delivery (`<reference>/v<version>`) whose request moves `number`, whatever its reference. */
export function deliveriesMoving(submissionsDir: string, number: string): string[] {
  return readdirSync(submissionsDir)
    .flatMap((reference) => deliveredVersions(submissionsDir, reference).map((version) => join(reference, version)))
    .filter((delivery) => {
      const request = JSON.parse(readFileSync(join(submissionsDir, delivery, REQUEST_FILE), 'utf8')) as PortRequestJson;
      return request.numbers.includes(number);
    })
    .sort();
}

/**
 * Checks that `value()` stays as it is for `quietMs`: what a delivery that should never happen needs, as no
 * poll can see it not happen. The outbox worker was kicked before the bot answered, and polls every 50 ms.
 */
export async function staysTheSame<T>(value: () => T, quietMs = 500): Promise<T> {
  const first = value();
  const deadline = Date.now() + quietMs;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    expect(value()).toEqual(first);
  }
  return first;
}

/** Waits for the outbox worker to deliver one version (request.json is written last), then reads it. */
export async function awaitDelivery(submissionsDir: string, referenceNumber: string, version: number): Promise<Delivery> {
  const folder = join(submissionsDir, referenceNumber, `v${version}`);
  const requestFile = join(folder, REQUEST_FILE);
  await eventually(
    () => existsSync(requestFile),
    () => `no ${REQUEST_FILE} in ${folder}; delivered so far: ${JSON.stringify(deliveredVersions(submissionsDir, referenceNumber))}`,
  );
  const request = JSON.parse(await readFile(requestFile, 'utf8')) as PortRequestJson;
  const pdf = await readPdf(await readFile(join(folder, CARRIER_PDF_FILE)));
  return { folder, request, pdfText: pdf.text };
}

export interface ExpectedRequestOptions {
  readonly referenceNumber: string;
  readonly version: number;
  /** The language the customer signed in; English unless given. */
  readonly language?: Language;
  /** For a port split by account: the reference that links its requests. */
  readonly parentReference?: string;
}

/**
 * The request the customer's answers should produce, every field of it, for `toEqual` against request.json: a
 * missing, changed or extra field shows in the diff. Times are checked for their form here (and elsewhere for when).
 */
export function expectedRequest(details: CustomerDetails, options: ExpectedRequestOptions): Record<string, unknown> {
  const { referenceNumber, version, language = 'en' } = options;
  return {
    schemaVersion: 1,
    referenceNumber,
    version,
    idempotencyKey: `${referenceNumber}-v${version}`,
    country: details.serviceAddress.country,
    numbers: details.numbers.e164,
    carrier: { id: details.carrier.id, name: details.carrier.name, known: true },
    // The acceptance app's CARRIER_NAME: every version of the letter, corrected ones too, names the carrier moved to.
    newCarrier: { name: NEW_CARRIER.name },
    ...(options.parentReference === undefined ? {} : { parentReference: options.parentReference }),
    ...(details.wholeAccount === undefined ? {} : { wholeAccount: details.wholeAccount }),
    ...(details.remainingBillingNumber === undefined ? {} : { remainingBillingNumber: details.remainingBillingNumber.e164 }),
    account: { number: details.accountNumber, pin: details.pin },
    holder: details.holder,
    ...(details.authorizedPerson === undefined ? {} : { authorizedPerson: details.authorizedPerson }),
    serviceAddress: requestAddress(details.serviceAddress),
    billingNumber: details.billingNumber.e164,
    contactEmail: details.contactEmail,
    authorizationStatement: authorizationStatement(NEW_CARRIER.name),
    language,
    ...(language === 'en' ? {} : { signedStatement: authorizationStatement(NEW_CARRIER.name, language) }),
    signature: { signerName: details.signerName, signedAt: expect.stringMatching(ISO_INSTANT), channel: 'webchat' },
    submittedAt: expect.stringMatching(ISO_INSTANT),
  };
}

/**
 * What the carrier's copy of the letter must show, and must not: the holder, the authorized person, the service
 * address, the carrier, the new carrier and the statement naming it, the numbers, the full account number and the
 * reference, but never the PIN.
 */
export function letterFacts(details: CustomerDetails, pdfText: string, referenceNumber: string, language: Language = 'en'): Record<string, boolean> {
  // A PDF reader may break a line anywhere between words: compare with the spacing taken out.
  const text = pdfText.replace(/\s+/g, '');
  const shows = (value: string) => text.includes(value.replace(/\s+/g, ''));
  const { serviceAddress: address } = details;
  return {
    holder: shows(details.holder.fullName),
    authorizedPerson: details.authorizedPerson === undefined || shows(details.authorizedPerson),
    street: shows(address.street),
    unit: address.unit === undefined || shows(address.unit),
    city: shows(address.city),
    postalCode: shows(address.postalCode),
    carrier: shows(details.carrier.name),
    // The carrier reads the English statement; a customer who signed in another language, theirs too.
    newCarrier: shows(authorizationStatement(NEW_CARRIER.name)) && shows(authorizationStatement(NEW_CARRIER.name, language)),
    numbers: details.numbers.e164.every((number) => shows(formatted(number))),
    billingNumber: shows(formatted(details.billingNumber.e164)),
    accountNumber: shows(details.accountNumber),
    reference: shows(referenceNumber),
    pin: shows(details.pin),
  };
}

/** letterFacts as they should be: everything shown but the PIN. */
export function expectedLetterFacts(): Record<string, boolean> {
  return {
    holder: true,
    authorizedPerson: true,
    street: true,
    unit: true,
    city: true,
    postalCode: true,
    carrier: true,
    newCarrier: true,
    numbers: true,
    billingNumber: true,
    accountNumber: true,
    reference: true,
    pin: false,
  };
}

/** Times in the request fall within the test's own run: the signature, then the submission. */
export function timesWithin(request: PortRequestJson, startedAt: number): boolean {
  const signed = Date.parse(request.signature.signedAt);
  const submitted = Date.parse(request.submittedAt);
  return startedAt - 1_000 <= signed && signed <= submitted && submitted <= Date.now() + 1_000;
}
