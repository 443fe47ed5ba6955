import type { Logger } from '../logging';

export interface ShutdownOptions {
  readonly logger: Logger;
  /** After this long, exit even if the shutdown has not finished. */
  readonly timeoutMs: number;
  /** Where the signals come from, and how to exit: the real process, or a stand-in in tests. */
  readonly process: {
    on(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
    exit(code: number): void;
  };
  readonly signals?: readonly NodeJS.Signals[];
}

/**
 * On the first SIGTERM or SIGINT, runs `shutdown` (stop taking requests, finish turns, close storage) and exits 0,
 * or 1 if it fails. A second signal, or the timeout, exits 1 at once: an operator pressing Ctrl+C twice, or an
 * orchestrator that has run out of patience, gets its way.
 */
export function exitGracefullyOnSignals(shutdown: () => Promise<void>, options: ShutdownOptions): void {
  const { logger, timeoutMs, process: proc, signals = ['SIGTERM', 'SIGINT'] } = options;
  let stopping = false;

  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      proc.exit(1);
      return;
    }
    stopping = true;
    logger.info({ signal, timeoutMs }, 'signal received: shutting down');
    const deadline = setTimeout(() => {
      logger.error({ timeoutMs }, 'shutdown took too long: exiting now');
      proc.exit(1);
    }, timeoutMs);
    deadline.unref();
    shutdown().then(
      () => {
        clearTimeout(deadline);
        logger.info('shutdown complete');
        proc.exit(0);
      },
      (error: unknown) => {
        clearTimeout(deadline);
        logger.error({ err: error }, 'shutdown failed');
        proc.exit(1);
      },
    );
  };

  for (const signal of signals) proc.on(signal, onSignal);
}
