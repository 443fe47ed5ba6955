/**
 * The typed electronic signature on the Letter of Authorization: the signer's full name, which must be the account
 * holder (a personal account) or the named person authorized to act for the business (a business account).
 */
import { accept, refuse, type FieldResult } from './fieldResult';
import type { HolderName } from './holderName';
import { collapseWhitespace, foldForComparison, withoutInvisibles } from './text';
import { type Catalogue, localized } from '../i18n/language';

const messagesEn = {
  emptyPerson: (expected: string) => `To sign, please type the account holder's full name: ${expected}.`,
  emptyBusiness: (expected: string, business: string) =>
    `To sign for ${business}, please type the full name of the authorized person: ${expected}.`,
  authorizedPersonRequired: (business: string) =>
    `A transfer for a business is signed by a named person who is allowed to act for ${business}. Please tell me ` +
    "that person's first and last name first, then they can sign.",
  mismatchPerson: (expected: string) =>
    `The signature needs to be the account holder's name as you gave it earlier: ${expected}. If the account ` +
    "holder isn't you, please ask them to sign; if the name needs correcting, let me know.",
  mismatchBusiness: (expected: string, business: string) =>
    `The signature for ${business} needs to be the authorized person's name as you gave it earlier: ${expected}. ` +
    'If someone else is signing, please update the authorized person first.',
} as const;

const messagesEs: Catalogue<typeof messagesEn> = {
  emptyPerson: (expected: string) => `Para firmar, escriba el nombre completo del titular de la cuenta: ${expected}.`,
  emptyBusiness: (expected: string, business: string) =>
    `Para firmar en nombre de ${business}, escriba el nombre completo de la persona autorizada: ${expected}.`,
  authorizedPersonRequired: (business: string) =>
    `La transferencia de un negocio la firma una persona que puede actuar en nombre de ${business}. Primero dígame el ` +
    'nombre y apellido de esa persona; luego puede firmar.',
  mismatchPerson: (expected: string) =>
    `La firma debe ser el nombre del titular de la cuenta tal como me lo dio antes: ${expected}. Si el titular no es ` +
    'usted, pídale que firme; si hay que corregir el nombre, avíseme.',
  mismatchBusiness: (expected: string, business: string) =>
    `La firma de ${business} debe ser el nombre de la persona autorizada tal como me lo dio antes: ${expected}. ` +
    'Si firma otra persona, primero actualice la persona autorizada.',
};

const messages = localized({ en: messagesEn, es: messagesEs });

/**
 * Whether two names are the same name as a person would read them: case, accents, punctuation and spacing don't
 * matter ("José O'Brien-Smith" matches "jose obrien smith"). Empty names never match.
 */
export function namesMatch(a: string, b: string): boolean {
  const comparable = (name: string) =>
    foldForComparison(name)
      .replace(/['’ʼ`´.]/gu, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  const left = comparable(a);
  return left !== '' && left === comparable(b);
}

/**
 * Accepts the signature as typed when it is the expected signer's name: whitespace tidied, and characters that show
 * nothing (zero-width, control) dropped first, so that the name compared is the name stored and printed on the letter.
 */
export function validateSignature(
  raw: string,
  ctx: { holderName: HolderName; authorizedPerson?: string },
): FieldResult<string> {
  const signature = collapseWhitespace(withoutInvisibles(raw));
  if (ctx.holderName.kind === 'business') {
    const business = ctx.holderName.fullName;
    const authorized = collapseWhitespace(ctx.authorizedPerson ?? '');
    if (authorized === '') return refuse('signature.authorized_person_required', messages.authorizedPersonRequired(business));
    if (signature === '') return refuse('signature.empty', messages.emptyBusiness(authorized, business));
    if (!namesMatch(signature, authorized)) return refuse('signature.mismatch', messages.mismatchBusiness(authorized, business));
    return accept(signature);
  }
  const expected = ctx.holderName.fullName;
  if (signature === '') return refuse('signature.empty', messages.emptyPerson(expected));
  if (!namesMatch(signature, expected)) return refuse('signature.mismatch', messages.mismatchPerson(expected));
  return accept(signature);
}
