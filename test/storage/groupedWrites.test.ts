import { GroupedWrites } from '../../src/storage/groupedWrites';

/** A commit that waits to be let go, recording what each commit held. */
function heldCommits() {
  const commits: Array<ReadonlyMap<string, string>> = [];
  const releases: Array<(error?: Error) => void> = [];
  const commit = (records: ReadonlyMap<string, string>) =>
    new Promise<void>((resolve, reject) => {
      commits.push(new Map(records));
      releases.push((error) => (error ? reject(error) : resolve()));
    });
  /** Lets the oldest commit still waiting finish, with `error` if given. */
  const release = async (error?: Error) => {
    await settle();
    releases.shift()?.(error);
    await settle();
  };
  return { commits, commit, release };
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('GroupedWrites', () => {
  it('commits the writes started in the same moment together, in one commit', async () => {
    const { commits, commit, release } = heldCommits();
    const writes = new GroupedWrites(commit, 16);

    const both = Promise.all([writes.write('conversation', 'c1'), writes.write('user', 'u1')]);
    await release();

    await expect(both).resolves.toBeDefined();
    expect(commits).toEqual([new Map([['conversation', 'c1'], ['user', 'u1']])]);
  });

  it('commits the writes that arrive during a commit together next, and resolves each only once its own commit is done', async () => {
    const { commits, commit, release } = heldCommits();
    const writes = new GroupedWrites(commit, 16);
    const done: string[] = [];
    const track = (name: string, written: Promise<void>) => written.then(() => done.push(name));

    const first = track('a', writes.write('a', '1'));
    await settle();
    const later = [track('b', writes.write('b', '1')), track('c', writes.write('c', '1'))];
    await settle();
    expect(done).toEqual([]);

    await release();
    await first;
    expect(done).toEqual(['a']);
    await release();
    await Promise.all(later);

    expect(commits).toEqual([new Map([['a', '1']]), new Map([['b', '1'], ['c', '1']])]);
  });

  it('keeps the last record of a key written twice in one group, as writing them in turn would', async () => {
    const { commits, commit, release } = heldCommits();
    const writes = new GroupedWrites(commit, 16);

    const both = Promise.all([writes.write('a', 'old'), writes.write('a', 'new')]);
    await release();
    await both;

    expect(commits).toEqual([new Map([['a', 'new']])]);
  });

  it('starts a new group once one holds the most keys a commit may', async () => {
    const { commits, commit, release } = heldCommits();
    const writes = new GroupedWrites(commit, 2);

    const all = Promise.all(['a', 'b', 'c'].map((key) => writes.write(key, '1')));
    await release();
    await release();
    await all;

    expect(commits.map((records) => [...records.keys()])).toEqual([['a', 'b'], ['c']]);
  });

  it('commits a key written again while its group is being committed in the next group, with the newer record', async () => {
    const { commits, commit, release } = heldCommits();
    const writes = new GroupedWrites(commit, 16);

    const first = writes.write('a', 'old');
    await settle();
    const again = writes.write('a', 'new');
    await release();
    await release();
    await Promise.all([first, again]);

    expect(commits).toEqual([new Map([['a', 'old']]), new Map([['a', 'new']])]);
  });

  it('commits each key of a failed group on its own, so that a write fails only with its own error', async () => {
    const { commits, commit, release } = heldCommits();
    const writes = new GroupedWrites(commit, 16);

    const outcomes = [writes.write('a', '1'), writes.write('b', '1')].map((written) => written.then(() => 'written', (error: Error) => error.message));
    await release(new Error('b is too big'));
    await release();
    await release(new Error('b is too big'));

    await expect(Promise.all(outcomes)).resolves.toEqual(['written', 'b is too big']);
    expect(commits).toEqual([new Map([['a', '1'], ['b', '1']]), new Map([['a', '1']]), new Map([['b', '1']])]);
  });

  it('rejects a lone write with its commit\'s error, and still commits the next group', async () => {
    const { commit, release } = heldCommits();
    const writes = new GroupedWrites(commit, 16);

    const failed = writes.write('a', '1').catch((error: Error) => error.message);
    await settle();
    const next = writes.write('b', '1');
    await release(new Error('disk full'));
    await release();

    await expect(failed).resolves.toBe('disk full');
    await expect(next).resolves.toBeUndefined();
  });

  it('refuses fewer than one key per commit', () => {
    expect(() => new GroupedWrites(async () => undefined, 0)).toThrow(RangeError);
  });
});
