import loaTemplate from '../../cards/loa.json';
import { type CardIdentity, CardTemplate } from './cardTemplate';

/** The input the LOA card's sign action submits: the typed signature. */
export const SIGNATURE_INPUT_ID = 'signature';

/** The Letter of Authorization to read, with the field to type the signature in and the button that signs and sends. */
export interface LoaCardData extends CardIdentity {
  text: {
    heading: string;
    intro: string;
    statementHeading: string;
    detailsHeading: string;
    signatureLabel: string;
    signaturePlaceholder: string;
    signatureRequired: string;
    /** What pressing Sign does: it signs the letter and sends it on. */
    consent: string;
    sign: string;
    fallback: string;
  };
  statement: string;
  /** The letter's details, secrets masked. */
  rows: { label: string; value: string }[];
  actions: { sign: string };
}

export const loaCard = new CardTemplate<LoaCardData>(loaTemplate);
