import template from '../../cards/review.json';
import { type CardIdentity, CardTemplate } from './cardTemplate';

/** The input the review card's "change" action submits: which detail to change. */
export const REVIEW_FIELD_INPUT_ID = 'field';

export interface ReviewCardData extends CardIdentity {
  text: {
    heading: string;
    intro: string;
    problemsHeading: string;
    changeLabel: string;
    changePlaceholder: string;
    confirm: string;
    change: string;
    fallback: string;
  };
  /** Every detail collected, secrets masked. */
  rows: { label: string; value: string }[];
  /** What still stands in the way of signing; the card lists them when there are any. */
  hasProblems: boolean;
  problems: { message: string }[];
  /** The details the customer can change, `value` being what the change action submits. */
  choices: { title: string; value: string }[];
  actions: { confirm: string; change: string };
}

export const reviewCard = new CardTemplate<ReviewCardData>(template);
