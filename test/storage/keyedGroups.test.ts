import { KeyedGroups } from '../../src/storage/keyedGroups';

/** A run that waits to be let go, recording what each run held; each key gives "<key>=<input>". */
function heldCommits() {
  const commits: Array<ReadonlyMap<string, string>> = [];
  const releases: Array<(error?: Error) => void> = [];
  const commit = (inputs: ReadonlyMap<string, string>) =>
    new Promise<ReadonlyMap<string, string>>((resolve, reject) => {
      commits.push(new Map(inputs));
      const outputs = new Map([...inputs].map(([key, input]) => [key, `${key}=${input}`]));
      releases.push((error) => (error ? reject(error) : resolve(outputs)));
    });
  /** Lets the oldest run still waiting finish, with `error` if given. */
  const release = async (error?: Error) => {
    await settle();
    releases.shift()?.(error);
    await settle();
  };
  return { commits, commit, release };
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** As writes are grouped: up to `maxKeysPerGroup` keys, and each key of a failed group run again on its own. */
const asWrites = (maxKeysPerGroup = 16) => ({ maxKeysPerGroup, runKeysAloneOnFailure: true });

describe('KeyedGroups', () => {
  it('commits the writes started in the same moment together, in one commit', async () => {
    const { commits, commit, release } = heldCommits();
    const groups = new KeyedGroups(commit, asWrites());

    const both = Promise.all([groups.add('conversation', 'c1'), groups.add('user', 'u1')]);
    await release();

    await expect(both).resolves.toEqual(['conversation=c1', 'user=u1']);
    expect(commits).toEqual([new Map([['conversation', 'c1'], ['user', 'u1']])]);
  });

  it('commits the writes that arrive during a commit together next, and resolves each only once its own commit is done', async () => {
    const { commits, commit, release } = heldCommits();
    const groups = new KeyedGroups(commit, asWrites());
    const done: string[] = [];
    const track = (name: string, written: Promise<unknown>) => written.then(() => done.push(name));

    const first = track('a', groups.add('a', '1'));
    await settle();
    const later = [track('b', groups.add('b', '1')), track('c', groups.add('c', '1'))];
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
    const groups = new KeyedGroups(commit, asWrites());

    const both = Promise.all([groups.add('a', 'old'), groups.add('a', 'new')]);
    await release();
    await both;

    expect(commits).toEqual([new Map([['a', 'new']])]);
  });

  it('starts a new group once one holds the most keys a commit may', async () => {
    const { commits, commit, release } = heldCommits();
    const groups = new KeyedGroups(commit, asWrites(2));

    const all = Promise.all(['a', 'b', 'c'].map((key) => groups.add(key, '1')));
    await release();
    await release();
    await all;

    expect(commits.map((records) => [...records.keys()])).toEqual([['a', 'b'], ['c']]);
  });

  it('commits a key written again while its group is being committed in the next group, with the newer record', async () => {
    const { commits, commit, release } = heldCommits();
    const groups = new KeyedGroups(commit, asWrites());

    const first = groups.add('a', 'old');
    await settle();
    const again = groups.add('a', 'new');
    await release();
    await release();
    await Promise.all([first, again]);

    expect(commits).toEqual([new Map([['a', 'old']]), new Map([['a', 'new']])]);
  });

  it('commits each key of a failed group on its own, so that a write fails only with its own error', async () => {
    const { commits, commit, release } = heldCommits();
    const groups = new KeyedGroups(commit, asWrites());

    const outcomes = [groups.add('a', '1'), groups.add('b', '1')].map((written) => written.then(() => 'written', (error: Error) => error.message));
    await release(new Error('b is too big'));
    await release();
    await release(new Error('b is too big'));

    await expect(Promise.all(outcomes)).resolves.toEqual(['written', 'b is too big']);
    expect(commits).toEqual([new Map([['a', '1'], ['b', '1']]), new Map([['a', '1']]), new Map([['b', '1']])]);
  });

  it('rejects a lone write with its commit\'s error, and still commits the next group', async () => {
    const { commit, release } = heldCommits();
    const groups = new KeyedGroups(commit, asWrites());

    const failed = groups.add('a', '1').catch((error: Error) => error.message);
    await settle();
    const next = groups.add('b', '1');
    await release(new Error('disk full'));
    await release();

    await expect(failed).resolves.toBe('disk full');
    await expect(next).resolves.toBe('b=1');
  });

  it('gives every call of a key what that key gave, and nothing for a key the run left out', async () => {
    const groups = new KeyedGroups(async (inputs: ReadonlyMap<string, undefined>) => new Map([...inputs.keys()].filter((key) => key !== 'absent').map((key) => [key, `record of ${key}`])), asWrites());

    const read = await Promise.all([groups.add('a', undefined), groups.add('absent', undefined), groups.add('a', undefined)]);

    expect(read).toEqual(['record of a', undefined, 'record of a']);
  });

  it('fails every call of a failed group of reads at once, running none again', async () => {
    const { commits, commit, release } = heldCommits();
    const groups = new KeyedGroups(commit, { maxKeysPerGroup: 16, runKeysAloneOnFailure: false });

    const outcomes = [groups.add('a', '1'), groups.add('b', '1')].map((read) => read.then(() => 'read', (error: Error) => error.message));
    await release(new Error('database is locked'));

    await expect(Promise.all(outcomes)).resolves.toEqual(['database is locked', 'database is locked']);
    expect(commits).toHaveLength(1);
  });

  it('adds a key to a full group that already holds it rather than starting another', async () => {
    const { commits, commit, release } = heldCommits();
    const groups = new KeyedGroups(commit, asWrites(2));

    const all = Promise.all([groups.add('a', '1'), groups.add('b', '1'), groups.add('a', '2')]);
    await release();

    await expect(all).resolves.toEqual(['a=2', 'b=1', 'a=2']);
    expect(commits).toEqual([new Map([['a', '2'], ['b', '1']])]);
  });

  it('refuses fewer than one key per commit', () => {
    expect(() => new KeyedGroups(async () => new Map(), asWrites(0))).toThrow(RangeError);
  });
});
