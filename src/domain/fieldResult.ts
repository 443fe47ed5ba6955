/**
 * The one shape every field validator returns, so that the step-by-step dialog, the form card and any API
 * can treat all fields alike. `code` is stable and machine-readable (for tests, analytics and translation);
 * `message` is the friendly text shown to the customer, saying what is wrong and how to fix it.
 */
export interface FieldNotice {
  readonly code: string;
  readonly message: string;
}

/**
 * A value that breaks a carrier rule only secondary sources state (an unconfirmed rule): it is neither refused for that
 * alone nor taken with a warning. The customer is asked, once, whether it is exactly what the carrier gave; it is taken
 * as typed (the validator's `asTyped`) when they say it is, and asked for again when they say it isn't.
 */
export interface RuleQuestion {
  readonly code: string;
  /** The rule the value breaks: "T-Mobile's Temporary Port Out PIN has 6 digits." */
  readonly rule: string;
  /** "Is the PIN you typed exactly what T-Mobile gave you?" (never repeating a secret) */
  readonly question: string;
}

export type FieldResult<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly FieldNotice[] }
  /**
   * Not taken. With `question`, only because of an unconfirmed rule: where the customer can be asked, ask it (see
   * RuleQuestion); anywhere else (a pasted record) `error` says to check the value, and it is asked for again.
   */
  | { readonly ok: false; readonly error: FieldNotice; readonly question?: RuleQuestion };

export function accept<T>(value: T, warnings: readonly FieldNotice[] = []): FieldResult<T> {
  return { ok: true, value, warnings };
}

export function refuse<T = never>(code: string, message: string): FieldResult<T> {
  return { ok: false, error: { code, message } };
}

/** Not taken until the customer confirms it: see RuleQuestion. `check` is what to do where nobody can be asked. */
export function askAbout<T = never>(question: RuleQuestion, check: string): FieldResult<T> {
  return { ok: false, error: { code: question.code, message: `${question.rule} ${check}` }, question };
}
