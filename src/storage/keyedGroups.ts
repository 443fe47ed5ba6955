/**
 * Calls by key run in groups, one statement a group: the calls that arrive together (a turn reads, then saves, its
 * conversation and its user state at once) and those that arrive while a group is running run together next. SQLite
 * runs one statement at a time on a connection, and every commit is synced to disk: fifty conversations reading and
 * saving two items a turn would otherwise wait in one line of statements. Each call settles once a run that holds it
 * has. A failed group of writes runs each of its keys again on its own, so that a write fails only with its own error;
 * a failed group of reads fails whole, as one key cannot fail a select.
 */

/** Runs one group as one statement: the input of each key; resolves what each key gave (absent: nothing). */
export type RunGroup<Input, Output> = (inputs: ReadonlyMap<string, Input>) => Promise<ReadonlyMap<string, Output>>;

interface Waiting<Output> {
  readonly key: string;
  readonly resolve: (output: Output | undefined) => void;
  readonly reject: (error: unknown) => void;
}

interface Group<Input, Output> {
  /** Key → input; a key given twice keeps its last input, as running one call after the other would. */
  readonly inputs: Map<string, Input>;
  readonly waiting: Waiting<Output>[];
}

export interface KeyedGroupsOptions {
  /** The most keys one statement takes (a statement's parameters are bounded, and each size is prepared once). */
  readonly maxKeysPerGroup: number;
  /** Whether a failed group runs each of its keys again on its own (writes), or fails every call in it (reads). */
  readonly runKeysAloneOnFailure: boolean;
}

export class KeyedGroups<Input, Output> {
  private readonly groups: Group<Input, Output>[] = [];
  private running = false;

  constructor(
    private readonly run: RunGroup<Input, Output>,
    private readonly options: KeyedGroupsOptions,
  ) {
    if (!Number.isSafeInteger(options.maxKeysPerGroup) || options.maxKeysPerGroup < 1) {
      throw new RangeError(`Keyed groups need at least one key per group, got ${options.maxKeysPerGroup}.`);
    }
  }

  /** What `key` gave in the run of the group it joined. */
  add(key: string, input: Input): Promise<Output | undefined> {
    return new Promise((resolve, reject) => {
      let group = this.groups.at(-1);
      if (group === undefined || (group.inputs.size >= this.options.maxKeysPerGroup && !group.inputs.has(key))) {
        group = { inputs: new Map(), waiting: [] };
        this.groups.push(group);
      }
      group.inputs.set(key, input);
      group.waiting.push({ key, resolve, reject });
      if (!this.running) {
        this.running = true;
        void this.runAll();
      }
    });
  }

  private async runAll(): Promise<void> {
    // One microtask, so that the calls started in the same moment as this one join its group.
    await Promise.resolve();
    for (let group = this.groups.shift(); group !== undefined; group = this.groups.shift()) {
      try {
        const outputs = await this.run(group.inputs);
        group.waiting.forEach(({ key, resolve }) => resolve(outputs.get(key)));
      } catch (error) {
        if (this.options.runKeysAloneOnFailure && group.inputs.size > 1) await this.runEachAlone(group);
        else group.waiting.forEach(({ reject }) => reject(error));
      }
    }
    this.running = false;
  }

  private async runEachAlone(group: Group<Input, Output>): Promise<void> {
    for (const [key, input] of group.inputs) {
      const waiting = group.waiting.filter((call) => call.key === key);
      try {
        const outputs = await this.run(new Map([[key, input]]));
        waiting.forEach(({ resolve }) => resolve(outputs.get(key)));
      } catch (error) {
        waiting.forEach(({ reject }) => reject(error));
      }
    }
  }
}
