import type { TurnContext } from 'botbuilder';
import pino, { type DestinationStream, type Logger } from 'pino';
import { maskDigitRuns } from '../domain/redaction';

/**
 * JSON logs that can never carry a customer's secrets. Three layers, because each catches what the others miss:
 * - activities are logged through a serializer that keeps their shape (ids, type, text *length*, value *keys*)
 *   and never their content, so the answer to a PIN prompt cannot reach a log;
 * - errors are logged through a serializer that keeps name, message and stack only, with digit runs and URL
 *   credentials scrubbed from the message (it may quote a customer's input or a connection string), and nothing
 *   else of the error object (such as a request body attached by an HTTP client);
 * - pino's `redact` blanks secret-named fields anywhere near the top of any logged object.
 */

export type { Logger };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const SECRET_FIELDS = ['pin', 'accountNumber', 'password', 'appPassword', 'MicrosoftAppPassword', 'authorization', 'cookie'];
const REDACT_PATHS = SECRET_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]);

/** The user and password in a URL such as redis://user:password@host. */
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi;

/**
 * Removes what may be a secret from free text, such as an error message quoting a customer's input: URL credentials,
 * and runs of four or more digits (PINs, account numbers, phone numbers) found as redaction towards agents finds them,
 * full-width or split by zero-width characters, underscores or any dash included.
 */
export function scrubSecrets(text: string): string {
  return maskDigitRuns(text.replace(URL_CREDENTIALS, '$1[credentials removed]@'), '[digits removed]');
}

interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  code?: string | number;
  statusCode?: number;
  cause?: SerializedError;
}

const MAX_CAUSE_DEPTH = 5;

/** Rebuilds the stack from its frames only: its first line repeats the unscrubbed message. */
function serializeError(error: unknown, depth = 0): SerializedError {
  if (!(error instanceof Error)) {
    return { name: typeof error, message: typeof error === 'string' ? scrubSecrets(error) : 'A non-Error value was thrown.' };
  }
  const { code, statusCode } = error as { code?: unknown; statusCode?: unknown };
  const message = scrubSecrets(error.message);
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  return {
    name: error.name,
    message,
    ...(frames.length > 0 && { stack: [`${error.name}: ${message}`, ...frames].join('\n') }),
    ...((typeof code === 'string' || typeof code === 'number') && { code }),
    ...(typeof statusCode === 'number' && { statusCode }),
    ...(error.cause !== undefined && depth < MAX_CAUSE_DEPTH && { cause: serializeError(error.cause, depth + 1) }),
  };
}

/** `holder[key]` when `holder` is an object whose `key` is a string; undefined for any other shape. */
function stringField(holder: unknown, key: string): string | undefined {
  const field: unknown = holder !== null && typeof holder === 'object' ? (holder as Record<string, unknown>)[key] : undefined;
  return typeof field === 'string' ? field : undefined;
}

/**
 * The activity's shape, for any JSON at all: the serializer must not throw, since a thrown serializer fails the log
 * call and whatever made it (an activity is logged as it arrived, odd fields and all).
 */
function serializeActivity(activity: unknown) {
  if (activity === null || typeof activity !== 'object') return {};
  const { conversation, from, text, value, attachments } = activity as Record<string, unknown>;
  return {
    id: stringField(activity, 'id'),
    type: stringField(activity, 'type'),
    name: stringField(activity, 'name'),
    channelId: stringField(activity, 'channelId'),
    conversationId: stringField(conversation, 'id'),
    fromRole: stringField(from, 'role'),
    deliveryMode: stringField(activity, 'deliveryMode'),
    textLength: typeof text === 'string' ? text.length : undefined,
    valueKeys: value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : undefined,
    attachmentTypes: Array.isArray(attachments) ? attachments.map((attachment) => stringField(attachment, 'contentType') ?? null) : undefined,
  };
}

interface LoggedRequest {
  method?: string;
  url?: string;
  headers?: Record<string, string | string[] | undefined>;
}

/** Only the request line and two harmless headers: never the body, credentials or cookies. */
function serializeRequest(req: LoggedRequest) {
  return {
    method: req.method,
    path: req.url?.split('?')[0],
    userAgent: req.headers?.['user-agent'],
    contentLength: req.headers?.['content-length'],
  };
}

export function createLogger(options: { level: LogLevel }, destination?: DestinationStream): Logger {
  return pino(
    {
      name: 'porting-assistant',
      level: options.level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers: { err: serializeError, error: serializeError, activity: serializeActivity, req: serializeRequest },
      hooks: {
        // `logger.error(err)` would otherwise copy the raw error message into `msg`.
        logMethod(args, method) {
          const [first, ...rest] = args as unknown[];
          if (first instanceof Error) {
            const message = typeof rest[0] === 'string' ? rest : [scrubSecrets(first.message), ...rest];
            return method.apply(this, [{ err: first }, ...message] as Parameters<typeof method>);
          }
          return method.apply(this, args);
        },
      },
    },
    // Synchronous, so that a fatal line written just before exiting is not lost.
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

const TURN_LOGGER = Symbol('turnLogger');

/**
 * The logger for the turn in `context`, carrying the conversation and activity ids. Made once per turn and kept
 * in turn state, so the bot, the dialogs and the error handler all log with the same bindings.
 */
export function loggerForTurn(base: Logger, context: TurnContext): Logger {
  const existing = context.turnState.get(TURN_LOGGER) as Logger | undefined;
  if (existing) return existing;
  const turnLogger = base.child({ conversationId: context.activity.conversation?.id, activityId: context.activity.id });
  context.turnState.set(TURN_LOGGER, turnLogger);
  return turnLogger;
}
