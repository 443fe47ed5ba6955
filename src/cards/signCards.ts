import loaTemplate from '../../cards/loa.json';
import confirmTemplate from '../../cards/signConfirm.json';
import { type CardIdentity, CardTemplate } from './cardTemplate';

/** The input the LOA card's sign action submits: the typed signature. */
export const SIGNATURE_INPUT_ID = 'signature';

/** The Letter of Authorization to read before signing, with the field to type the signature in. */
export interface LoaCardData extends CardIdentity {
  text: {
    heading: string;
    intro: string;
    statementHeading: string;
    detailsHeading: string;
    signatureLabel: string;
    signaturePlaceholder: string;
    signatureRequired: string;
    sign: string;
    fallback: string;
  };
  statement: string;
  /** The letter's details, secrets masked. */
  rows: { label: string; value: string }[];
  actions: { sign: string };
}

/** The last, explicit step: send the signed letter now, or not yet. */
export interface SignConfirmCardData extends CardIdentity {
  text: { heading: string; body: string; send: string; notYet: string; fallback: string };
  actions: { send: string; notYet: string };
}

export const loaCard = new CardTemplate<LoaCardData>(loaTemplate);
export const signConfirmCard = new CardTemplate<SignConfirmCardData>(confirmTemplate);
