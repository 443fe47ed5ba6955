/**
 * Unconditional writes committed in groups, one statement each: the writes that arrive together (a turn saves its
 * conversation and its user state at once) and those that arrive while a commit is under way are committed together
 * next. On SQLite every commit is a synced write to disk, and commits happen one at a time: fifty conversations
 * saving two items a turn would otherwise wait in one line of syncs. Each write resolves once a commit that holds it
 * has succeeded. When a group fails, each of its keys is committed again on its own, so that a write fails only with
 * its own error, not with another's.
 */

/** Commits records by key, all or none, as one statement. */
export type CommitRecords = (records: ReadonlyMap<string, string>) => Promise<void>;

interface Group {
  /** Key → record; a key written twice keeps its last record, as writing one after the other would. */
  readonly records: Map<string, string>;
  readonly waiting: Array<{ readonly key: string; readonly resolve: () => void; readonly reject: (error: unknown) => void }>;
}

export class GroupedWrites {
  private readonly groups: Group[] = [];
  private committing = false;

  constructor(
    private readonly commit: CommitRecords,
    /** The most keys one statement commits (a statement's parameters are bounded, and each size is prepared once). */
    private readonly maxKeysPerCommit: number,
  ) {
    if (!Number.isSafeInteger(maxKeysPerCommit) || maxKeysPerCommit < 1) {
      throw new RangeError(`Grouped writes need at least one key per commit, got ${maxKeysPerCommit}.`);
    }
  }

  write(key: string, record: string): Promise<void> {
    return new Promise((resolve, reject) => {
      let group = this.groups.at(-1);
      if (group === undefined || (group.records.size >= this.maxKeysPerCommit && !group.records.has(key))) {
        group = { records: new Map(), waiting: [] };
        this.groups.push(group);
      }
      group.records.set(key, record);
      group.waiting.push({ key, resolve, reject });
      if (!this.committing) {
        this.committing = true;
        void this.commitAll();
      }
    });
  }

  private async commitAll(): Promise<void> {
    // One microtask, so that the writes started in the same moment as this one join its group.
    await Promise.resolve();
    for (let group = this.groups.shift(); group !== undefined; group = this.groups.shift()) {
      try {
        await this.commit(group.records);
        group.waiting.forEach(({ resolve }) => resolve());
      } catch (error) {
        if (group.records.size === 1) group.waiting.forEach(({ reject }) => reject(error));
        else await this.commitEachAlone(group);
      }
    }
    this.committing = false;
  }

  private async commitEachAlone(group: Group): Promise<void> {
    for (const [key, record] of group.records) {
      const waiting = group.waiting.filter((writer) => writer.key === key);
      try {
        await this.commit(new Map([[key, record]]));
        waiting.forEach(({ resolve }) => resolve());
      } catch (error) {
        waiting.forEach(({ reject }) => reject(error));
      }
    }
  }
}
