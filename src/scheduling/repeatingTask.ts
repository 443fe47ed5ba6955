/**
 * A task run once at start and then again `intervalMs` after each run ends: never two runs at once, and a timer that
 * does not keep the process alive. The task handles its own errors.
 */
export interface RepeatingTask {
  /** Stops the timer and waits for a run under way. Safe to call more than once. */
  stop(): Promise<void>;
}

export function startRepeating(task: (isStopped: () => boolean) => Promise<void>, intervalMs: number): RepeatingTask {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const isStopped = () => stopped;

  const schedule = (): void => {
    running = task(isStopped).finally(() => {
      running = undefined;
      if (!stopped) {
        timer = setTimeout(schedule, intervalMs);
        timer.unref();
      }
    });
  };

  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
