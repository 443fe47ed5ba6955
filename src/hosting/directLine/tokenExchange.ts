import { z } from 'zod';

/**
 * Trades a Direct Line secret for a token for one visitor, at the Direct Line service (the local bridge makes its
 * tokens itself). The token is for one new conversation and names the visitor's user id, so the page cannot pretend
 * to be someone else, and the secret stays on the server.
 */

export interface VisitorToken {
  readonly token: string;
  /** Seconds until the token expires; Web Chat refreshes it before then. */
  readonly expiresIn: number;
}

export class TokenExchangeError extends Error {
  override readonly name = 'TokenExchangeError';
}

/** No token for this visitor now, for a reason the visitor is told: `status`, `code` and `message` are the answer. */
export class VisitorTokenRefused extends Error {
  override readonly name = 'VisitorTokenRefused';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const generatedToken = z.object({ token: z.string().min(1), expires_in: z.number().int().positive() });

const EXCHANGE_TIMEOUT_MS = 10_000;

export async function generateVisitorToken(directLineUrl: string, secret: string, userId: string): Promise<VisitorToken> {
  let response: Response;
  try {
    response = await fetch(`${directLineUrl}/v3/directline/tokens/generate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ user: { id: userId } }),
      signal: AbortSignal.timeout(EXCHANGE_TIMEOUT_MS),
    });
  } catch (error) {
    throw new TokenExchangeError('Could not reach the Direct Line service.', { cause: error });
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new TokenExchangeError(`The Direct Line service answered ${response.status}.`);
  }
  const body = generatedToken.safeParse(await response.json().catch(() => undefined));
  if (!body.success) throw new TokenExchangeError('The Direct Line service answered without a token.');
  return { token: body.data.token, expiresIn: body.data.expires_in };
}
