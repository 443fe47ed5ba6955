/**
 * The name and message of anything thrown. Errors raised inside Node (fetch's DOMException on a timeout, for one)
 * may come from another realm than the caller's, so `instanceof Error` can't be trusted to recognise them.
 */
export function errorName(error: unknown): string | undefined {
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? name : undefined;
}

export function errorMessage(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}
