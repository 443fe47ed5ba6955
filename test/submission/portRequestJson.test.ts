import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { portRequestJsonSchema, toPortRequestJson, toTwilioPortInCreate } from '../../src/submission';
import { VERIZON_CONTACT_EMAIL, VERIZON_PIN, multiScriptBusinessLoa, verizonLoa } from './support/loas';
import { NEW_CARRIER } from '../support/newCarrier';

const REPO_ROOT = join(__dirname, '..', '..');
const SCHEMA_FILE = join(REPO_ROOT, 'schemas', 'port-request.v1.schema.json');
const TWILIO_SPEC = join(REPO_ROOT, '..', 'shared', 'porting-apis', 'twilio_numbers_v1.json');

const SIGNED_AT = new Date('2025-11-25T17:04:05.000Z');
const SUBMITTED_AT = '2025-11-25T17:04:09.000Z';

function publishedSchemaValidator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object);
}

describe('the port request JSON', () => {
  it('is described by the published schema file, which is generated from the code', () => {
    const generated = `${JSON.stringify(portRequestJsonSchema(), null, 2)}\n`;
    // UPDATE_SCHEMAS=1 npx jest test/submission/portRequestJson rewrites the file after a deliberate change.
    if (process.env.UPDATE_SCHEMAS === '1') writeFileSync(SCHEMA_FILE, generated);

    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(generated);
  });

  it('validates against the published schema, with and without the optional parts', () => {
    const validate = publishedSchemaValidator();
    const bill = { kind: 'bill', contentType: 'application/pdf', size: 48_213, sha256: 'ab'.repeat(32), fileName: 'bill.pdf' } as const;
    const full = toPortRequestJson(verizonLoa(SIGNED_AT), { submittedAt: SUBMITTED_AT, contactEmail: VERIZON_CONTACT_EMAIL, documents: [bill] });
    const business = toPortRequestJson(multiScriptBusinessLoa(SIGNED_AT), { submittedAt: SUBMITTED_AT });

    expect(full.documents).toEqual([bill]);
    expect(JSON.parse(JSON.stringify(business))).not.toHaveProperty('documents');
    for (const request of [full, business]) {
      expect({ valid: validate(request), errors: validate.errors }).toEqual({ valid: true, errors: null });
    }
    expect(full).toMatchObject({
      schemaVersion: 1,
      idempotencyKey: `${full.referenceNumber}-v1`,
      account: { number: '987654321', pin: VERIZON_PIN },
      contactEmail: VERIZON_CONTACT_EMAIL,
      submittedAt: SUBMITTED_AT,
    });
    expect(business.authorizedPerson).toBe('דוד כהן');
    expect(JSON.parse(JSON.stringify(business))).not.toHaveProperty('contactEmail');
  });

  it('names the new carrier the customer authorized, as the signed statement does', () => {
    const request = toPortRequestJson(verizonLoa(SIGNED_AT), { submittedAt: SUBMITTED_AT });

    expect(request.newCarrier).toEqual({ name: NEW_CARRIER.name });
    expect(request.authorizationStatement).toContain(`I authorize ${NEW_CARRIER.name}, my new phone carrier`);
    // Right after the current carrier, so that a person reading the file sees from whom and to whom.
    expect(Object.keys(request).slice(Object.keys(request).indexOf('carrier'), Object.keys(request).indexOf('carrier') + 2)).toEqual([
      'carrier',
      'newCarrier',
    ]);
  });

  it('stays version 1: newCarrier is optional, so a request without it (signed before it was added) is still valid', () => {
    const validate = publishedSchemaValidator();
    const signedBefore = toPortRequestJson(multiScriptBusinessLoa(SIGNED_AT), { submittedAt: SUBMITTED_AT });
    const { newCarrier: _newCarrier, ...firstShape } = toPortRequestJson(verizonLoa(SIGNED_AT), { submittedAt: SUBMITTED_AT });

    expect(JSON.parse(JSON.stringify(signedBefore))).not.toHaveProperty('newCarrier');
    expect(signedBefore.schemaVersion).toBe(1);
    expect({ valid: validate(firstShape), errors: validate.errors }).toEqual({ valid: true, errors: null });
    expect(portRequestJsonSchema().required).not.toContain('newCarrier');
  });

  it('is refused by the schema when a required part is missing or malformed', () => {
    const validate = publishedSchemaValidator();
    const request = toPortRequestJson(verizonLoa(SIGNED_AT), { submittedAt: SUBMITTED_AT });

    expect(validate({ ...request, account: { pin: VERIZON_PIN } })).toBe(false);
    expect(validate({ ...request, numbers: ['415-555-0123'] })).toBe(false);
    expect(validate({ ...request, schemaVersion: 2 })).toBe(false);
    expect(validate({ ...request, unexpected: true })).toBe(false);
  });
});

describe("the Twilio port-in mapping, against Twilio's published schema", () => {
  if (!existsSync(TWILIO_SPEC)) {
    it.skip(`needs ${TWILIO_SPEC} (the shared porting API contracts folder is absent here)`, () => undefined);
    return;
  }
  const spec = JSON.parse(readFileSync(TWILIO_SPEC, 'utf8')) as object;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema(spec, 'twilio_numbers_v1');
  const validate = ajv.getSchema('twilio_numbers_v1#/components/schemas/numbers.v1.porting_port_in_create');
  const options = {
    accountSid: `AC${'0123456789abcdef'.repeat(2)}`,
    documentSids: [`RD${'0123456789abcdef'.repeat(2)}`],
    representativeEmail: VERIZON_CONTACT_EMAIL,
  };

  it('builds a valid body for a person with a PIN and for a business without one', () => {
    const person = toTwilioPortInCreate(verizonLoa(SIGNED_AT), { ...options, targetPortInDate: '2025-12-10', notificationEmails: ['ops@example.com'] });
    const business = toTwilioPortInCreate(multiScriptBusinessLoa(SIGNED_AT), options);

    for (const body of [person, business]) {
      expect({ valid: validate!(body), errors: validate!.errors }).toEqual({ valid: true, errors: null });
    }
    expect(person.phone_numbers).toEqual([
      { phone_number: '+14155550123', pin: VERIZON_PIN },
      { phone_number: '+14155550124', pin: VERIZON_PIN },
    ]);
    expect(person.losing_carrier_information).toMatchObject({
      customer_name: 'Jane Doe',
      customer_type: 'Individual',
      account_number: '987654321',
      account_telephone_number: '+14155550123',
      authorized_representative: 'Jane Doe',
      address: { street: '1 Main St', street_2: 'Apt 2', city: 'San Francisco', state: 'CA', zip: '94105', country: 'US' },
    });
    expect(business.losing_carrier_information).toMatchObject({ customer_type: 'Business', authorized_representative: 'דוד כהן' });
    expect(business.phone_numbers.every((number) => !('pin' in number))).toBe(true);
  });

  it('is caught by the schema when a required field is missing', () => {
    const body = toTwilioPortInCreate(verizonLoa(SIGNED_AT), options);
    const withoutEmail: Partial<typeof body.losing_carrier_information> = { ...body.losing_carrier_information };
    delete withoutEmail.authorized_representative_email;

    expect(validate!({ ...body, losing_carrier_information: withoutEmail })).toBe(false);
  });
});
