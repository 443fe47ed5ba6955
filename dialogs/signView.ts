/** The data the signing cards are drawn from: the letter with its details masked, and the last confirmation. */
import { type CsrDraft, type NewCarrier, authorizationStatement, maskedDraftSummary } from '../src/domain';
import type { LoaCardData, SignConfirmCardData } from '../src/cards/signCards';
import { signText } from './text/signText';
import { currentLanguage } from '../src/i18n/language';

/** What the signing cards' buttons submit. */
export const SIGN_ACTIONS = { sign: 'sign.sign', send: 'sign.send', notYet: 'sign.notYet' } as const;

/** The contact email is how we reach the customer, not part of the authorization. */
const NOT_ON_THE_LETTER = new Set(['contactEmail']);

/** The letter as it will be signed: the statement naming the new carrier, and the details with the new carrier after the current one. */
export function loaCardData(draft: CsrDraft, newCarrier: NewCarrier, cardId: string): LoaCardData {
  const { loaCard } = signText;
  const holder = draft.holderName;
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

export function signConfirmCardData(signer: string, carrier: string, cardId: string): SignConfirmCardData {
  const { confirmCard } = signText;
  return {
    cardId,
    text: {
      heading: confirmCard.heading,
      body: confirmCard.body(signer, carrier),
      send: confirmCard.send,
      notYet: confirmCard.notYet,
      fallback: confirmCard.fallback,
    },
    actions: { send: SIGN_ACTIONS.send, notYet: SIGN_ACTIONS.notYet },
  };
}
