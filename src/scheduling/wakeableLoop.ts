import { AsyncResource } from 'node:async_hooks';

/**
 * The schedule of a background worker that passes over stored work (the submission outbox, the mail queue): a pass
 * runs at start, when kicked (new work was stored), and when the last pass said the next work falls due. Never two
 * passes at once: a kick during a pass runs another right after it, so work stored meanwhile is not left waiting for
 * the timer. The timer does not keep the process alive, and stopping aborts the pass under way (`signal`) and waits
 * for it.
 *
 * A pass runs in the async context the loop was made in, not that of whoever kicked it: work a customer's turn stored
 * is not that turn's (its logger bindings, say, or what counts its storage calls).
 */

export class WakeableLoop {
  private readonly scope = new AsyncResource('WakeableLoop');
  private started = false;
  private stopping = new AbortController();
  private running: Promise<void> | undefined;
  private runAgain = false;
  private timer: NodeJS.Timeout | undefined;

  /** `pass` does the work, handling its own errors, and resolves with the milliseconds until the next pass is due. */
  constructor(private readonly pass: () => Promise<number>) {}

  /** Aborted by stop(): the pass under way gives up what it can and hands its work back. */
  get signal(): AbortSignal {
    return this.stopping.signal;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.stopping = new AbortController();
    this.kick();
  }

  /** Stops the timer, aborts the pass under way and waits for it. */
  async stop(): Promise<void> {
    this.started = false;
    clearTimeout(this.timer);
    this.stopping.abort();
    await this.running;
  }

  /** Runs a pass now, or right after the one in progress. */
  kick(): void {
    if (!this.started) return;
    if (this.running) {
      this.runAgain = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = this.scope.runInAsyncScope(() => this.loop());
  }

  private async loop(): Promise<void> {
    let nextDueMs: number;
    do {
      this.runAgain = false;
      nextDueMs = await this.pass();
    } while (this.runAgain && this.started);
    this.running = undefined;
    if (this.started) {
      this.timer = setTimeout(() => this.kick(), nextDueMs);
      this.timer.unref();
    }
  }
}
