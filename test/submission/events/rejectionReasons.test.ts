import { KNOWN_REJECTION_CODES, fieldsToCorrect, rejectionReason } from '../../../src/domain';
import { draftFrom } from '../../support/drafts';

/** The provider codes in the shared facts ("Why ports are rejected"). */
const TWILIO = [
  'INVALID_ADDRESS',
  'INVALID_END_USER_NAME',
  'INVALID_PIN',
  'INVALID_ACCOUNT_NUMBER',
  'PHONE_NUMBER_INACTIVE_OR_DISCONNECTED',
  'PHONE_NUMBER_WITH_CARRIER_RESTRICTION',
  'CONTACT_SUPPORT_REQUIRED',
];
const TELNYX = [
  'ACCOUNT_NUMBER_MISMATCH',
  'AUTH_PERSON_MISMATCH',
  'BTN_ATN_MISMATCH',
  'ENTITY_NAME_MISMATCH',
  'LOCATION_MISMATCH',
  'POSTAL_CODE_MISMATCH',
  'PASSCODE_PIN_INVALID',
  'PHONE_NUMBER_MISMATCH',
  'PHONE_NUMBER_NOT_PORTABLE',
  'PHONE_NUMBER_HAS_SPECIAL_FEATURE',
  'LSR_PENDING',
  'FOC_EXPIRED',
  'FOC_REJECTED',
  'OSP_IRRESPONSIVE',
  'PORT_TYPE_INCORRECT',
  'RATE_CENTER_NOT_PORTABLE',
  'OTHER',
];

describe('rejection reasons', () => {
  it('knows every Twilio and Telnyx code, and our own billing dispute', () => {
    expect([...KNOWN_REJECTION_CODES].sort()).toEqual([...TWILIO, ...TELNYX, 'BILLING_DISPUTE'].sort());
  });

  it.each([
    ['INVALID_ADDRESS', ['serviceAddress']],
    ['LOCATION_MISMATCH', ['serviceAddress']],
    ['POSTAL_CODE_MISMATCH', ['serviceAddress']],
    ['INVALID_END_USER_NAME', ['holderName']],
    ['ENTITY_NAME_MISMATCH', ['holderName']],
    ['INVALID_ACCOUNT_NUMBER', ['accountNumber']],
    ['ACCOUNT_NUMBER_MISMATCH', ['accountNumber']],
    ['INVALID_PIN', ['pin']],
    ['PASSCODE_PIN_INVALID', ['pin']],
    ['PHONE_NUMBER_WITH_CARRIER_RESTRICTION', ['pin']],
    ['BTN_ATN_MISMATCH', ['billingNumber']],
    ['PHONE_NUMBER_MISMATCH', ['numbers']],
    ['AUTH_PERSON_MISMATCH', ['authorizedPerson']],
  ])('%s is fixed by asking again for %j', (code, fields) => {
    expect(rejectionReason(code)).toMatchObject({ code, known: true, fields, needsPerson: false });
  });

  it.each(['BILLING_DISPUTE', 'CONTACT_SUPPORT_REQUIRED', 'PHONE_NUMBER_NOT_PORTABLE', 'LSR_PENDING', 'FOC_EXPIRED', 'OTHER'])(
    '%s needs a person and asks nothing again',
    (code) => {
      expect(rejectionReason(code)).toMatchObject({ known: true, fields: [], needsPerson: true });
    },
  );

  it('sends a code it does not know to a person, in the same plain words as OTHER', () => {
    expect(rejectionReason('SOMETHING_NEW')).toEqual({ code: 'SOMETHING_NEW', known: false, words: rejectionReason('OTHER').words, fields: [], needsPerson: true });
    // Inherited object keys are not reasons.
    expect(rejectionReason('constructor').known).toBe(false);
  });

  it('reads codes in any case', () => {
    expect(rejectionReason(' invalid_pin ')).toMatchObject({ code: 'INVALID_PIN', known: true, fields: ['pin'] });
  });

  it('says what went wrong in plain words, without provider jargon', () => {
    for (const code of KNOWN_REJECTION_CODES) {
      const { words } = rejectionReason(code);
      expect(words).toMatch(/^[A-Z].*\.$/);
      expect(words).not.toMatch(/[A-Z]{2,}_|\bLSR\b|\bFOC\b|\bOSP\b|\bBTN\b|\bATN\b/);
    }
  });

  it("asks a personal account's holder name when the authorizing person is questioned, and a business's authorized person", () => {
    const reason = rejectionReason('AUTH_PERSON_MISMATCH');
    const person = draftFrom({ holderName: 'Maria Lopez' });
    const business = { ...draftFrom({ holderName: 'Lopez Plumbing LLC' }), authorizedPerson: 'Maria Lopez' };

    expect(fieldsToCorrect(reason, person)).toEqual(['holderName']);
    expect(fieldsToCorrect(reason, business)).toEqual(['authorizedPerson']);
    expect(fieldsToCorrect(rejectionReason('OTHER'), person)).toEqual([]);
  });

  it('asks for the PIN again where the carrier requires one, since the bot keeps none after sending', () => {
    const sent = draftFrom({ numbers: '(415) 555-0123', carrier: 'AT&T', serviceAddress: '123 Main St, Springfield, IL 62704' });
    const withPin = { ...sent, ...draftFrom({ pin: '918273' }, sent) };

    expect(fieldsToCorrect(rejectionReason('POSTAL_CODE_MISMATCH'), sent)).toEqual(['serviceAddress', 'pin']);
    expect(fieldsToCorrect(rejectionReason('POSTAL_CODE_MISMATCH'), withPin)).toEqual(['serviceAddress']);
  });
});
