/**
 * One HTTP call to a porting provider, with a deadline, and every way it can fail sorted into what the log needs to
 * say: too slow, out of reach, the key refused, another error status, or an answer we cannot read. Nothing here keeps
 * or repeats the request's credentials: a failure names its kind and status only.
 */

export type ProviderFailureKind = 'timeout' | 'unreachable' | 'unauthorized' | 'httpError' | 'unreadable';

export interface ProviderFailure {
  readonly kind: ProviderFailureKind;
  /** The HTTP status, when the provider answered. */
  readonly status?: number;
}

export type ProviderResponse =
  | { readonly ok: true; readonly status: number; readonly body: unknown }
  | { readonly ok: false; readonly failure: ProviderFailure };

function failed(kind: ProviderFailureKind, status?: number): ProviderResponse {
  return { ok: false, failure: status === undefined ? { kind } : { kind, status } };
}

/**
 * Sends the request and reads its JSON body, all before `signal` gives up. Never throws: a fetch that fails is a
 * failure like any other, so a provider that is down never turns into a failed turn.
 */
export async function callProvider(url: string, init: RequestInit, signal: AbortSignal): Promise<ProviderResponse> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal, redirect: 'error' });
  } catch {
    return failed(signal.aborted ? 'timeout' : 'unreachable');
  }
  // 403 too: Twilio answers it for a key without the rights to the Numbers API.
  if (response.status === 401 || response.status === 403) {
    await response.body?.cancel().catch(() => undefined);
    return failed('unauthorized', response.status);
  }
  let text: string;
  try {
    text = await response.text();
  } catch {
    return failed(signal.aborted ? 'timeout' : 'unreachable', response.status);
  }
  try {
    return { ok: true, status: response.status, body: JSON.parse(text) as unknown };
  } catch {
    return failed(response.ok ? 'unreadable' : 'httpError', response.status);
  }
}
