/**
 * The one shape every field validator returns, so that the step-by-step dialog, the form card and any API
 * can treat all fields alike. `code` is stable and machine-readable (for tests, analytics and translation);
 * `message` is the friendly text shown to the customer, saying what is wrong and how to fix it.
 */
export interface FieldNotice {
  readonly code: string;
  readonly message: string;
}

export type FieldResult<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly FieldNotice[] }
  | { readonly ok: false; readonly error: FieldNotice };

export function accept<T>(value: T, warnings: readonly FieldNotice[] = []): FieldResult<T> {
  return { ok: true, value, warnings };
}

export function refuse<T = never>(code: string, message: string): FieldResult<T> {
  return { ok: false, error: { code, message } };
}
