/**
 * Runs tasks one after another, in the order given, so that a conversation's activities reach the bot in the
 * order the visitor sent them and each turn sees the state the previous one saved. At most `capacity` wait.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  constructor(private readonly capacity: number) {}

  get full(): boolean {
    return this.waiting >= this.capacity;
  }

  /** Queues `task`, which starts once every task queued before it has settled. Check `full` first. */
  run<T>(task: () => Promise<T>): Promise<T> {
    if (this.full) throw new Error('SerialQueue is full: check `full` before queueing.');
    this.waiting += 1;
    const result = this.tail.then(task).finally(() => {
      this.waiting -= 1;
    });
    this.tail = result.catch(() => undefined);
    return result;
  }
}
