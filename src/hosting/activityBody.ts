import type { Next, Request, Response } from 'restify';

/**
 * Request checks for the messages endpoint, so that the adapter only ever sees a parsed activity and a client's
 * mistake gets a clear JSON answer: the wrong media type (415), a compressed body (415: decompressing would let a
 * small request expand past the size limit), malformed JSON (400), or JSON that is not an activity (400).
 * The size limit itself (413) is restify's bodyReader, which runs between `requireJsonBody` and `parseActivity`.
 */

export function sendError(res: Response, status: number, code: string, message: string): void {
  res.send(status, { code, message });
}

export function requireJsonBody(req: Request, res: Response, next: Next): void {
  if (req.getContentType() !== 'application/json') {
    sendError(res, 415, 'UnsupportedMediaType', 'Send the activity as application/json.');
    return next(false);
  }
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && encoding !== 'identity') {
    sendError(res, 415, 'UnsupportedMediaType', 'Send the activity uncompressed.');
    return next(false);
  }
  return next();
}

function isActivityShaped(body: unknown): body is Record<string, unknown> & { type: string } {
  return (
    body !== null &&
    typeof body === 'object' &&
    !Array.isArray(body) &&
    typeof (body as { type?: unknown }).type === 'string' &&
    (body as { type: string }).type !== ''
  );
}

/** Parses the raw body. The JSON parser's own message is not passed on: it quotes the body, secrets and all. */
export function parseActivity(req: Request, res: Response, next: Next): void {
  let body: unknown;
  try {
    body = JSON.parse(typeof req.body === 'string' ? req.body : '');
  } catch {
    sendError(res, 400, 'InvalidJson', 'The request body is not valid JSON.');
    return next(false);
  }
  if (!isActivityShaped(body)) {
    sendError(res, 400, 'InvalidActivity', 'The request body must be an activity: a JSON object with a "type".');
    return next(false);
  }
  req.body = body;
  return next();
}
