/**
 * What the person at the terminal can choose, whatever it came from: a suggested action, a hero card button or an
 * Adaptive Card action. Every choice in the bot's last replies gets a number.
 */

export interface CardInput {
  readonly id: string;
  readonly type: 'Input.Text' | 'Input.Number' | 'Input.Date' | 'Input.Time' | 'Input.Toggle' | 'Input.ChoiceSet';
  readonly label: string;
  /** The value the card shows now, as the string an Adaptive Card submits. */
  readonly value: string;
  readonly isRequired: boolean;
  /** Whether the current value may be shown: password-style text inputs hide it. */
  readonly isSecret: boolean;
  readonly choices: readonly { readonly title: string; readonly value: string }[];
  readonly isMultiSelect: boolean;
  readonly valueOn: string;
  readonly valueOff: string;
  readonly hint: string;
}

export type ChatAction =
  /** Sends a message: `text` for imBack and messageBack, `value` for postBack and messageBack. */
  | { readonly kind: 'message'; readonly title: string; readonly text?: string; readonly value?: unknown }
  /** Action.Submit: prompts for `inputs`, then sends a message whose value is `data` merged with them. */
  | { readonly kind: 'submit'; readonly title: string; readonly data: unknown; readonly inputs: readonly CardInput[] }
  /** Action.Execute: prompts for `inputs`, then sends an `adaptiveCard/action` invoke. */
  | {
      readonly kind: 'execute';
      readonly title: string;
      readonly verb: string | undefined;
      readonly data: unknown;
      readonly inputs: readonly CardInput[];
    }
  | { readonly kind: 'openUrl'; readonly title: string; readonly url: string }
  /** Action.ShowCard: shows the nested card, whose own actions also collect the inputs of the card around it. */
  | { readonly kind: 'showCard'; readonly title: string; readonly card: unknown; readonly inputs: readonly CardInput[] };

/** Numbers the choices in the order they are shown. */
export class ActionList {
  private readonly actions: ChatAction[] = [];

  /** Adds `action` and returns its label, e.g. `[3] Submit`. */
  add(action: ChatAction): string {
    this.actions.push(action);
    return `[${this.actions.length}] ${action.title}`;
  }

  /** The action numbered `n` (from 1), if there is one. */
  get(n: number): ChatAction | undefined {
    return Number.isInteger(n) && n >= 1 ? this.actions[n - 1] : undefined;
  }

  get count(): number {
    return this.actions.length;
  }
}
