/**
 * Files the visitor attaches (their bill), as the Direct Line service takes them: Web Chat posts the message as
 * multipart/form-data to `POST /v3/directline/conversations/{id}/upload?userId=…`, an `activity` part (the message,
 * its attachments without their links) and a `file` part for each file. The bridge keeps each file in memory under an
 * id no one can guess, gives the message the link to it (`contentUrl`, as the service does), and hands it to the bot,
 * which fetches the file from that link (src/documents/attachmentDownload.ts). Web Chat shows the file from it too.
 *
 * Bounded: a file is kept up to one byte past the bot's limit for a bill (the bot then tells the visitor it is too
 * big, in the chat), a request past a few times that is refused with 413, and the files of every conversation
 * together are capped, the oldest given up first. They are needed only until the bot has fetched them.
 */
import { randomBytes } from 'node:crypto';
import busboy from 'busboy';
import { LRUCache } from 'lru-cache';
import type restify from 'restify';
import type { Request, Response } from 'restify';
import { z } from 'zod';
import { BILL_LIMITS } from '../../domain/billDocument';
import { sendError } from '../activityBody';
import { DIRECT_LINE_PATH, type BridgeContext } from './bridgeContext';
import { authorize, postVisitorActivity } from './clientRoutes';

export const ATTACHMENTS_PATH = `${DIRECT_LINE_PATH}/attachments`;

export const UPLOAD_LIMITS = {
  /** Kept of each file: one byte past what the bot takes, so that it can tell the visitor the file is too big. */
  fileBytes: BILL_LIMITS.maxBytes + 1,
  /** A whole upload request; past it the visitor's browser is answered 413. */
  requestBytes: 3 * BILL_LIMITS.maxBytes,
  files: 5,
  /** The activity part: a message's text and its attachments' names, as posted without files (clientRoutes.ts). */
  activityBytes: 32 * 1024,
  /** Every conversation's files together. */
  keptBytes: 64 * 1024 * 1024,
  /** The bot fetches a file as soon as its message arrives; Web Chat shows it from the link a while longer. */
  keptMs: 30 * 60_000,
} as const;

interface UploadedFile {
  readonly contentType: string;
  readonly name: string;
  readonly bytes: Buffer;
}

/** An upload refused, with what the client is told. */
class UploadRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const refusals = {
  tooLarge: () => new UploadRefused(413, 'UploadTooLarge', `Files of up to ${BILL_LIMITS.maxBytes / (1024 * 1024)} MB can be sent.`),
  tooMany: () => new UploadRefused(413, 'TooManyFiles', `Send at most ${UPLOAD_LIMITS.files} files at once.`),
  malformed: () => new UploadRefused(400, 'InvalidUpload', 'The upload is not valid multipart/form-data with an activity part.'),
} as const;

const uploadedActivity = z.looseObject({ attachments: z.array(z.looseObject({ contentType: z.string().max(256).optional() })).optional() });

/** The files uploaded to the bridge, by id. */
export class BridgeUploads {
  private readonly files = new LRUCache<string, UploadedFile>({
    maxSize: UPLOAD_LIMITS.keptBytes,
    sizeCalculation: (file) => Math.max(1, file.bytes.byteLength),
    ttl: UPLOAD_LIMITS.keptMs,
  });

  add(file: UploadedFile): string {
    const id = randomBytes(24).toString('base64url');
    this.files.set(id, file);
    return id;
  }

  get(id: string): UploadedFile | undefined {
    return this.files.get(id);
  }
}

interface ParsedUpload {
  readonly activity: Record<string, unknown>;
  readonly files: UploadedFile[];
}

/** Reads the multipart body: the activity part and the files, each kept up to UPLOAD_LIMITS.fileBytes. */
function readUpload(req: Request): Promise<ParsedUpload> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { files: UPLOAD_LIMITS.files + 1, fileSize: UPLOAD_LIMITS.fileBytes, fields: 5, fieldSize: UPLOAD_LIMITS.activityBytes, parts: 10 },
      });
    } catch {
      return reject(refusals.malformed());
    }
    let activityText: string | undefined;
    const files: UploadedFile[] = [];
    let received = 0;
    // The rest of the body is left unread: Node closes the connection once the refusal is sent.
    const fail = (refusal: UploadRefused) => {
      req.unpipe(parser);
      reject(refusal);
    };
    req.on('data', (chunk: Buffer) => {
      received += chunk.byteLength;
      if (received > UPLOAD_LIMITS.requestBytes) fail(refusals.tooLarge());
    });
    parser.on('field', (name, value) => {
      if (name === 'activity') activityText = value;
    });
    parser.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const bytes = Buffer.concat(chunks);
        if (name === 'activity') {
          activityText = bytes.byteLength <= UPLOAD_LIMITS.activityBytes ? bytes.toString('utf8') : undefined;
        } else {
          files.push({ contentType: info.mimeType || 'application/octet-stream', name: info.filename ?? 'file', bytes });
        }
      });
    });
    parser.on('filesLimit', () => fail(refusals.tooMany()));
    parser.on('partsLimit', () => fail(refusals.malformed()));
    parser.on('error', () => fail(refusals.malformed()));
    parser.on('close', () => {
      const activity = parseActivityPart(activityText);
      if (activity === undefined) return reject(refusals.malformed());
      resolve({ activity, files });
    });
    req.pipe(parser);
  });
}

function parseActivityPart(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed = uploadedActivity.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function registerUploadRoutes(server: restify.Server, bridge: BridgeContext, uploads: BridgeUploads): void {
  server.post(`${DIRECT_LINE_PATH}/conversations/:conversationId/upload`, async (req: Request, res: Response) => {
    const conversation = authorize(bridge, req, res, req.params.conversationId);
    if (!conversation) return;
    if (!/^multipart\/form-data\s*;/i.test(req.header('content-type') ?? '')) {
      return sendError(res, 415, 'UnsupportedMediaType', 'Send the files as multipart/form-data.');
    }
    let upload: ParsedUpload;
    try {
      upload = await readUpload(req);
    } catch (error) {
      const refusal = error instanceof UploadRefused ? error : refusals.malformed();
      return sendError(res, refusal.status, refusal.code, refusal.message);
    }
    const described = (upload.activity.attachments ?? []) as { contentType?: string }[];
    const attachments = upload.files.map((file, index) => ({
      contentType: described[index]?.contentType || file.contentType,
      name: file.name,
      contentUrl: `${bridge.selfUrl()}${ATTACHMENTS_PATH}?${new URLSearchParams({ id: uploads.add(file) })}`,
    }));
    await postVisitorActivity(bridge, conversation, { ...upload.activity, attachments }, res);
  });

  // The link is the credential, as with the Direct Line service's own attachment links: Web Chat shows the file from
  // it without a token, and the bot fetches it. The id is in the query, which the request log leaves out.
  server.get(ATTACHMENTS_PATH, async (req: Request, res: Response) => {
    const file = uploads.get(new URLSearchParams(req.getQuery()).get('id') ?? '');
    if (file === undefined) return sendError(res, 404, 'AttachmentNotFound', 'The file is no longer kept.');
    res.sendRaw(200, file.bytes, {
      'Content-Type': file.contentType,
      'Content-Disposition': 'attachment',
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    });
  });
}
