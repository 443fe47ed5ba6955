/**
 * An error and the errors it wraps: botbuilder-dialogs wraps whatever a dialog throws in a DialogContextError
 * (`error`), and standard errors carry theirs in `cause`. What a turn failed of is found by walking the chain.
 */
export function causesOf(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let current = error; current !== undefined && current !== null && !chain.includes(current); ) {
    chain.push(current);
    const wrapped = current as { error?: unknown; cause?: unknown };
    current = wrapped.error ?? wrapped.cause;
  }
  return chain;
}
