import { Template } from 'adaptivecards-templating';

/** An expanded Adaptive Card, as the JSON a channel renders. */
export type AdaptiveCardJson = Record<string, unknown>;

/**
 * Every card the bot sends identifies itself, so that a submit from an older card or a second click on a handled
 * one can be told apart from the card the conversation is waiting on.
 */
export interface CardIdentity {
  readonly cardId: string;
}

/**
 * An Adaptive Card template (a JSON file in `cards/`), parsed once and expanded with adaptivecards-templating for
 * each card sent. `TData` is the data the template binds to: typing it makes the caller supply every field the
 * template uses, because the templating engine leaves a missing field's `${…}` in the card instead of failing.
 */
export class CardTemplate<TData extends CardIdentity> {
  private readonly template: Template;

  constructor(payload: unknown) {
    this.template = new Template(payload);
  }

  expand(data: TData): AdaptiveCardJson {
    return this.template.expand({ $root: data }) as AdaptiveCardJson;
  }
}
