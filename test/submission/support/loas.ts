import { type Loa, LoaSchema, buildPortRequest, createLoa, createReferenceNumber } from '../../../src/domain';
import { completeVerizonDraft } from '../../support/drafts';
import { NEW_CARRIER } from '../../support/newCarrier';
import type { Language } from '../../../src/i18n/language';

/** The Verizon draft of the domain tests (account 987654321, PIN 246810), signed by Jane Doe. */
export function verizonLoa(signedAt: Date, options: { previous?: Loa; language?: Language } = {}): Loa {
  const built = buildPortRequest(completeVerizonDraft());
  if (!built.ok) throw new Error(`the test draft is incomplete: ${JSON.stringify(built.problems)}`);
  return createLoa(built.request, { signerName: 'Jane Doe', signedAt, channel: 'webchat' }, { newCarrier: NEW_CARRIER, ...options });
}

export const VERIZON_ACCOUNT_NUMBER = '987654321';
export const VERIZON_PIN = '246810';
export const VERIZON_CONTACT_EMAIL = 'jane@example.com';

/** A business whose names are written in the scripts the letter must render, signed by its authorized person. */
export function multiScriptBusinessLoa(signedAt: Date): Loa {
  return LoaSchema.parse({
    referenceNumber: createReferenceNumber(),
    version: 1,
    country: 'US',
    accountHolder: { kind: 'business', fullName: 'Ñúñez & Ødegård 王小明 Дмитрий Ωμέγα 김민준 LLC' },
    authorizedPerson: 'דוד כהן',
    serviceAddress: { street: '1 Main St', unit: 'Apt 2', city: 'San Francisco', region: 'CA', postalCode: '94105', country: 'US' },
    billingNumber: '+14155550123',
    numbers: ['+14155550123', '+14155550124'],
    currentCarrier: { id: 'verizon', name: 'Verizon', known: true },
    accountNumber: '123456789-00001',
    authorizationStatement: 'I authorize محمد علي to port these numbers.',
    signature: { signerName: 'דוד כהן', signedAt: signedAt.toISOString(), channel: 'msteams' },
  });
}
