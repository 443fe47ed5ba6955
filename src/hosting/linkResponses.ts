import type { Request, Response } from 'restify';

/** The token of a signed link (`?token=…`), as the customer's browser or the porting backend sends it. */
export function linkTokenOf(req: Request): string | undefined {
  return new URL(req.url ?? '', 'http://localhost').searchParams.get('token') ?? undefined;
}

/** A link's refusal, in plain words for the person who opened it; never cached. */
export function sendText(res: Response, status: number, body: string): void {
  res.sendRaw(status, body, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
}
