/** The data the letter card is drawn from: the letter with its details masked, and what signing it does. */
import { type CsrDraft, type NewCarrier, authorizationStatement, maskedDraftSummary } from '../src/domain';
import type { LoaCardData } from '../src/cards/signCards';
import { signText } from './text/signText';
import { currentLanguage } from '../src/i18n/language';

/** What the letter card's button submits. */
export const SIGN_ACTIONS = { sign: 'sign.sign' } as const;

/** The contact email is how we reach the customer, not part of the authorization. */
const NOT_ON_THE_LETTER = new Set(['contactEmail']);

/**
 * The letter as it will be signed: the statement naming the new carrier, the details with the new carrier after the
 * current one, and, above the Sign button, that signing sends the letter on to the current carrier.
 */
export function loaCardData(draft: CsrDraft, newCarrier: NewCarrier, cardId: string): LoaCardData {
  const { loaCard } = signText;
  const holder = draft.holderName;
  const currentCarrier = draft.carrier?.name;
  return {
    cardId,
    text: {
      heading: loaCard.heading,
      intro: loaCard.intro,
      statementHeading: loaCard.statementHeading,
      detailsHeading: loaCard.detailsHeading,
      signatureLabel: holder?.kind === 'business' ? loaCard.businessSignatureLabel(holder.fullName) : loaCard.signatureLabel,
      signaturePlaceholder: loaCard.signaturePlaceholder,
      signatureRequired: loaCard.signatureRequired,
      consent: loaCard.consent(currentCarrier),
      sign: loaCard.sign,
      fallback: loaCard.fallback,
    },
    statement: authorizationStatement(newCarrier.name, currentLanguage()),
    rows: maskedDraftSummary(draft)
      .filter((row) => !NOT_ON_THE_LETTER.has(row.field))
      .flatMap(({ field, label, value }) => [
        { label, value },
        ...(field === 'carrier' ? [{ label: loaCard.newCarrierLabel, value: newCarrier.name }] : []),
      ]),
    actions: { sign: SIGN_ACTIONS.sign },
  };
}
