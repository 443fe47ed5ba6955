import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/logging';

export interface CapturedLogs {
  readonly logger: Logger;
  /** Everything written so far, exactly as pino wrote it. */
  text(): string;
  /** The log entries written so far, parsed. */
  entries(): Record<string, unknown>[];
}

/** A real application logger (same redaction and serializers) whose output is kept in memory. */
export function captureLogs(level: 'trace' | 'info' | 'silent' = 'trace'): CapturedLogs {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const text = () => chunks.join('');
  return {
    logger: createLogger({ level }, stream),
    text,
    entries: () =>
      text()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
