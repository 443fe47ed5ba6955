/**
 * The porting providers' published OpenAPI specs (../shared/porting-apis, beside the repository), as validators for
 * what the local stand-in answers and what our clients send. Each operation's schema is picked from the spec by its
 * JSON pointer and compiled with the whole spec added to ajv, so that its $refs resolve as the provider wrote them.
 * Besides the schema, every property the stand-in sends must be one the spec names: the specs allow extra properties,
 * and a stand-in inventing one would drift from the contract unnoticed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/** CI copies the shared folder beside the repository, read-only; so does a developer's checkout. */
export const PORTING_APIS_DIR = resolve(__dirname, '../../../..', 'shared/porting-apis');

const TELNYX_SPEC = 'telnyx_porting_subset.json';
const TWILIO_SPEC = 'twilio_numbers_v1.json';

const TELNYX_OPERATION = '#/paths/~1portability_checks/post';
const TWILIO_OPERATION = '#/paths/~1v1~1Porting~1Portability~1PhoneNumber~1{PhoneNumber}/get';

type Spec = Record<string, unknown>;

function readSpec(file: string): Spec {
  const path = resolve(PORTING_APIS_DIR, file);
  if (!existsSync(path)) {
    throw new Error(
      `The providers' published API specs are missing: ${path} does not exist. The contract tests read them from ` +
        '../shared/porting-apis beside the repository (CI copies the shared folder there).',
    );
  }
  return JSON.parse(readFileSync(path, 'utf8')) as Spec;
}

/** The value at a JSON pointer ("#/a/b~1c") in `document`. */
function at(document: Spec, pointer: string): unknown {
  return pointer
    .replace(/^#\//, '')
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => {
      if (node === null || typeof node !== 'object' || !(key in node)) throw new Error(`No ${pointer} in the spec.`);
      return (node as Record<string, unknown>)[key];
    }, document);
}

function compiled(ajv: Ajv | Ajv2020, id: string, pointer: string): ValidateFunction {
  const validate = ajv.getSchema(`${id}${pointer}`);
  if (!validate) throw new Error(`The spec ${id} has no schema at ${pointer}.`);
  return validate;
}

function propertyNames(document: Spec, pointer: string): ReadonlySet<string> {
  return new Set(Object.keys(at(document, `${pointer}/properties`) as Record<string, unknown>));
}

/** Why `value` breaks the schema, or where it has properties the spec does not name; empty when it keeps to both. */
function problems(validate: ValidateFunction, value: unknown, known?: { names: ReadonlySet<string>; items: unknown[] }): string[] {
  const found = validate(value) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '(root)'} ${error.message ?? ''}`);
  for (const item of known?.items ?? []) {
    if (item === null || typeof item !== 'object') continue;
    for (const key of Object.keys(item)) if (!known?.names.has(key)) found.push(`property "${key}" is not in the spec`);
  }
  return found;
}

export class ProviderContracts {
  private readonly telnyxResponse: ValidateFunction;
  private readonly telnyxRequest: ValidateFunction;
  private readonly telnyxResultNames: ReadonlySet<string>;
  private readonly twilioResponse: ValidateFunction;
  private readonly twilioPhoneNumber: ValidateFunction;
  private readonly twilioNames: ReadonlySet<string>;

  constructor() {
    // Telnyx publishes OpenAPI 3.1, whose schemas are JSON Schema 2020-12.
    const telnyx = readSpec(TELNYX_SPEC);
    // strict: false, for the specs' own annotations (example, readOnly, x-twilio), which are not JSON Schema keywords.
    const telnyxAjv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(telnyxAjv);
    telnyxAjv.addSchema(telnyx, 'telnyx');
    this.telnyxResponse = compiled(telnyxAjv, 'telnyx', `${TELNYX_OPERATION}/responses/201/content/application~1json/schema`);
    this.telnyxRequest = compiled(telnyxAjv, 'telnyx', `${TELNYX_OPERATION}/requestBody/content/application~1json/schema`);
    this.telnyxResultNames = propertyNames(telnyx, '#/components/schemas/PortabilityCheckDetails');

    // Twilio publishes OpenAPI 3.0 (nullable, which ajv knows), with formats of its own.
    const twilio = readSpec(TWILIO_SPEC);
    const twilioAjv = new Ajv({ strict: false, allErrors: true });
    addFormats(twilioAjv);
    twilioAjv.addFormat('phone-number', /^\+[1-9]\d{1,14}$/);
    twilioAjv.addFormat('iso-country-code', /^[A-Z]{2}$/);
    twilioAjv.addSchema(twilio, 'twilio');
    this.twilioResponse = compiled(twilioAjv, 'twilio', `${TWILIO_OPERATION}/responses/200/content/application~1json/schema`);
    const parameters = at(twilio, `${TWILIO_OPERATION}/parameters`) as { name: string }[];
    const index = parameters.findIndex((parameter) => parameter.name === 'PhoneNumber');
    this.twilioPhoneNumber = compiled(twilioAjv, 'twilio', `${TWILIO_OPERATION}/parameters/${index}/schema`);
    this.twilioNames = propertyNames(twilio, '#/components/schemas/numbers.v1.porting_portability');
  }

  /** POST /portability_checks, 201: `{ data: [PortabilityCheckDetails] }`. */
  telnyxResponseProblems(body: unknown): string[] {
    const items = (body as { data?: unknown[] } | null)?.data ?? [];
    return problems(this.telnyxResponse, body, { names: this.telnyxResultNames, items });
  }

  /** The request body our Telnyx client sends. */
  telnyxRequestProblems(body: unknown): string[] {
    return problems(this.telnyxRequest, body);
  }

  /** GET /v1/Porting/Portability/PhoneNumber/{PhoneNumber}, 200: numbers.v1.porting_portability. */
  twilioResponseProblems(body: unknown): string[] {
    return problems(this.twilioResponse, body, { names: this.twilioNames, items: [body] });
  }

  /** The {PhoneNumber} path parameter our Twilio client sends (format phone-number: E.164). */
  twilioPhoneNumberProblems(phoneNumber: string): string[] {
    return problems(this.twilioPhoneNumber, phoneNumber);
  }
}
