/**
 * `POST /api/porting/events`: the porting backend's status events. The route hands the exact bytes received to the
 * handler, which checks their signature: no body parser runs first, because re-encoding a parsed body would change
 * the bytes the signature covers.
 */
import type { IncomingMessage } from 'node:http';
import type { Request, Response } from 'restify';
import type { PortingEventsHandler } from '../submission/events';
import { SIGNATURE_HEADER } from '../submission/webhookSignature';
import { sendError } from './activityBody';
import type { RouteRegistration } from './server';

export const PORTING_EVENTS_PATH = '/api/porting/events';

/** The body, unless it is larger than `maxBytes` (then undefined: reading stops there). */
async function readRawBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function portingEventsRoute(handler: PortingEventsHandler, maxBodyBytes: number): RouteRegistration {
  return (server, { track }) => {
    server.post(PORTING_EVENTS_PATH, async (req: Request, res: Response) => {
      const encoding = req.headers['content-encoding'];
      if (encoding !== undefined && encoding !== 'identity') {
        sendError(res, 415, 'UnsupportedMediaType', 'Send the event uncompressed: the signature covers the bytes as sent.');
        return;
      }
      const raw = await readRawBody(req, maxBodyBytes);
      if (raw === undefined) {
        res.header('Connection', 'close');
        sendError(res, 413, 'PayloadTooLarge', `The body is larger than ${maxBodyBytes} bytes.`);
        return;
      }
      const signature = req.headers[SIGNATURE_HEADER.toLowerCase()];
      const answer = await track(handler.handle(raw, typeof signature === 'string' ? signature : undefined));
      res.send(answer.status, answer.body);
    });
  };
}
