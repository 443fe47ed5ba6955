import type { Request, Response } from 'restify';
import { z } from 'zod';
import { sendError } from '../activityBody';

/** The bearer credential of a request, or undefined when it has none. */
export function bearerCredential(req: Request): string | undefined {
  const match = /^Bearer (\S+)$/i.exec(req.header('authorization') ?? '');
  return match?.[1];
}

/** The raw body parsed as JSON and checked against `schema`; on failure answers 400 and returns undefined. */
export function parseJsonBody<S extends z.ZodType>(req: Request, res: Response, schema: S): z.infer<S> | undefined {
  let body: unknown;
  try {
    body = JSON.parse(typeof req.body === 'string' ? req.body : '');
  } catch {
    sendError(res, 400, 'InvalidJson', 'The request body is not valid JSON.');
    return undefined;
  }
  const result = schema.safeParse(body);
  if (!result.success) {
    sendError(res, 400, 'InvalidBody', 'The request body does not have the expected fields.');
    return undefined;
  }
  return result.data;
}

const watermark = z.union([z.literal(''), z.string().regex(/^\d{1,15}$/)]).transform((value) => Number(value || 0));

/** A `?watermark=` value as a number (none or empty: 0, everything); undefined when it is not a whole number. */
export function parseWatermark(value: string | null): number | undefined {
  const parsed = watermark.safeParse(value ?? '');
  return parsed.success ? parsed.data : undefined;
}
