import { EventEmitter } from 'node:events';
import { exitGracefullyOnSignals } from '../../src/hosting/shutdown';
import { captureLogs } from '../support/captureLogs';

class FakeProcess extends EventEmitter {
  readonly exit = jest.fn<void, [number]>();
}

function deferred(): { promise: Promise<void>; resolve: () => void; reject: (error: Error) => void } {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

describe('exitGracefullyOnSignals', () => {
  const { logger } = captureLogs('silent');

  it.each(['SIGTERM', 'SIGINT'] as const)('on %s, shuts down and then exits 0', async (signal) => {
    const proc = new FakeProcess();
    const shutdown = deferred();
    const stop = jest.fn(() => shutdown.promise);
    exitGracefullyOnSignals(stop, { logger, timeoutMs: 10_000, process: proc });

    proc.emit(signal, signal);
    expect(stop).toHaveBeenCalledTimes(1);
    expect(proc.exit).not.toHaveBeenCalled();

    shutdown.resolve();
    await shutdown.promise;
    await Promise.resolve();
    expect(proc.exit).toHaveBeenCalledWith(0);
  });

  it('exits 1 at once on a second signal', () => {
    const proc = new FakeProcess();
    const stop = jest.fn(() => new Promise<void>(() => undefined));
    exitGracefullyOnSignals(stop, { logger, timeoutMs: 10_000, process: proc });

    proc.emit('SIGTERM', 'SIGTERM');
    proc.emit('SIGINT', 'SIGINT');

    expect(stop).toHaveBeenCalledTimes(1);
    expect(proc.exit).toHaveBeenCalledWith(1);
  });

  it('exits 1 when the shutdown fails', async () => {
    const proc = new FakeProcess();
    const shutdown = deferred();
    exitGracefullyOnSignals(() => shutdown.promise, { logger, timeoutMs: 10_000, process: proc });

    proc.emit('SIGTERM', 'SIGTERM');
    shutdown.reject(new Error('storage would not close'));
    await shutdown.promise.catch(() => undefined);
    await Promise.resolve();

    expect(proc.exit).toHaveBeenCalledWith(1);
  });

  it('exits 1 when the shutdown outlasts the timeout', () => {
    jest.useFakeTimers();
    try {
      const proc = new FakeProcess();
      exitGracefullyOnSignals(() => new Promise<void>(() => undefined), { logger, timeoutMs: 10_000, process: proc });

      proc.emit('SIGTERM', 'SIGTERM');
      jest.advanceTimersByTime(9_999);
      expect(proc.exit).not.toHaveBeenCalled();
      jest.advanceTimersByTime(1);

      expect(proc.exit).toHaveBeenCalledWith(1);
    } finally {
      jest.useRealTimers();
    }
  });
});
