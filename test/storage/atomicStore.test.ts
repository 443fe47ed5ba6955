import { BackendAtomicStore } from '../../src/storage/atomicStore';
import { MemoryBackend } from '../../src/storage/backends/memoryBackend';

const TTL_MS = 60_000;

/** A memory backend that counts the reads and swaps it is asked for. */
class CountingBackend extends MemoryBackend {
  reads = 0;
  swaps = 0;

  override async getMany(keys: readonly string[]): Promise<Array<string | undefined>> {
    this.reads++;
    return super.getMany(keys);
  }

  override async swap(key: string, current: string | undefined, record: string): Promise<boolean> {
    this.swaps++;
    return super.swap(key, current, record);
  }
}

/** Two stores on one backend, as two bot instances share one database, on a clock the test moves. */
function twoInstances() {
  const backend = new CountingBackend();
  const clock = { now: Date.now() };
  const store = () => new BackendAtomicStore(backend, { namespace: 'test', now: () => clock.now });
  return { backend, clock, first: store(), second: store() };
}

async function readETag(store: BackendAtomicStore, key: string): Promise<string> {
  const [item] = await store.get([key]);
  const eTag = item?.eTag;
  if (eTag === undefined) throw new Error(`no item at ${key}`);
  return eTag;
}

describe('BackendAtomicStore conditional writes', () => {
  it('swaps against the record it has just read, without reading it again', async () => {
    const { backend, first } = twoInstances();
    await first.putIfMatch('conversation', { eTag: 'a', turn: 1 }, undefined, TTL_MS);
    const eTag = await readETag(first, 'conversation');
    backend.reads = 0;

    await expect(first.putIfMatch('conversation', { eTag: 'b', turn: 2 }, eTag, TTL_MS)).resolves.toBe(true);

    expect(backend.reads).toBe(0);
    expect(backend.swaps).toBe(1);
    const [item] = await first.get(['conversation']);
    expect(item).toMatchObject({ turn: 2 });
  });

  it("keeps remembering other records after a large one (a bill's copy), which it does not remember", async () => {
    const { backend, first } = twoInstances();
    await first.putIfMatch('conversation', { eTag: 'a', turn: 1 }, undefined, TTL_MS);
    // Two copies of 2.5 MB: remembered, they would have filled the 4 MB held and pushed the conversation out.
    await first.putIfMatch('documents/old-bill', { eTag: 'c', content: 'w'.repeat(2.5 * 1024 * 1024) }, undefined, TTL_MS);
    await first.putIfMatch('documents/bill', { eTag: 'd', content: 'x'.repeat(2.5 * 1024 * 1024) }, undefined, TTL_MS);
    backend.reads = 0;

    await expect(first.putIfMatch('conversation', { eTag: 'b', turn: 2 }, 'a', TTL_MS)).resolves.toBe(true);
    expect(backend.reads).toBe(0);
    // Not remembered: its next conditional write reads it first, and still succeeds.
    await expect(first.putIfMatch('documents/bill', { eTag: 'e', content: 'y' }, 'd', TTL_MS)).resolves.toBe(true);
    expect(backend.reads).toBe(1);
  });

  it('writes again after its own write without reading, for a turn that saves twice', async () => {
    const { backend, first } = twoInstances();
    await first.putIfMatch('conversation', { eTag: 'a', turn: 1 }, undefined, TTL_MS);
    backend.reads = 0;

    await expect(first.putIfMatch('conversation', { eTag: 'b', turn: 2 }, 'a', TTL_MS)).resolves.toBe(true);
    expect(backend.reads).toBe(0);
  });

  it('creates a key it has just found empty without reading it again', async () => {
    const { backend, first } = twoInstances();
    await expect(first.get(['outbox-entry'])).resolves.toEqual([undefined]);
    backend.reads = 0;

    await expect(first.putIfMatch('outbox-entry', { eTag: 'new', n: 1 }, 'absent-1', TTL_MS)).resolves.toBe(true);

    expect(backend.reads).toBe(0);
    expect(backend.swaps).toBe(1);
  });

  it('does not create a key that another instance created since it was found empty', async () => {
    const { first, second } = twoInstances();
    await first.get(['outbox-entry']);
    await second.putIfMatch('outbox-entry', { eTag: 'new', by: 'second' }, 'absent-2', TTL_MS);

    await expect(first.putIfMatch('outbox-entry', { eTag: 'new', by: 'first' }, 'absent-1', TTL_MS)).resolves.toBe(false);
    const [item] = await first.get(['outbox-entry']);
    expect(item).toMatchObject({ by: 'second' });
  });

  it('refuses a stale eTag when another instance wrote since it read, and keeps that write', async () => {
    const { first, second } = twoInstances();
    await first.putIfMatch('conversation', { eTag: 'a', turn: 1 }, undefined, TTL_MS);
    const eTag = await readETag(first, 'conversation');
    const secondETag = await readETag(second, 'conversation');
    await expect(second.putIfMatch('conversation', { eTag: 'b', turn: 2, by: 'second' }, secondETag, TTL_MS)).resolves.toBe(true);

    await expect(first.putIfMatch('conversation', { eTag: 'c', turn: 2, by: 'first' }, eTag, TTL_MS)).resolves.toBe(false);
    const [item] = await first.get(['conversation']);
    expect(item).toMatchObject({ by: 'second' });
  });

  it('accepts an eTag that another instance read after this one last looked, by reading the record again', async () => {
    const { backend, first, second } = twoInstances();
    await first.putIfMatch('conversation', { eTag: 'a', turn: 1 }, undefined, TTL_MS);
    await first.get(['conversation']);
    await second.putIfMatch('conversation', { eTag: 'b', turn: 2 }, undefined, TTL_MS);
    const newer = await readETag(second, 'conversation');
    backend.reads = 0;

    await expect(first.putIfMatch('conversation', { eTag: 'c', turn: 3 }, newer, TTL_MS)).resolves.toBe(true);
    expect(backend.reads).toBe(1);
    const [item] = await second.get(['conversation']);
    expect(item).toMatchObject({ turn: 3 });
  });

  it('does not bring back an item that another instance deleted after it was read', async () => {
    const { first, second } = twoInstances();
    await first.putIfMatch('conversation', { eTag: 'a', turn: 1 }, undefined, TTL_MS);
    const eTag = await readETag(first, 'conversation');
    await second.delete(['conversation']);

    await expect(first.putIfMatch('conversation', { eTag: 'b', turn: 2 }, eTag, TTL_MS, true)).resolves.toBe(false);
    await expect(first.get(['conversation'])).resolves.toEqual([undefined]);
  });

  it('remembers what it deleted as gone: a write expecting the deleted item reads, finds nothing and conflicts', async () => {
    const { backend, first } = twoInstances();
    await first.putIfMatch('conversation', { eTag: 'a', turn: 1 }, undefined, TTL_MS);
    const eTag = await readETag(first, 'conversation');
    await first.delete(['conversation']);
    backend.reads = 0;

    await expect(first.putIfMatch('conversation', { eTag: 'b', turn: 2 }, eTag, TTL_MS, true)).resolves.toBe(false);
    expect(backend.reads).toBe(1);
    expect(backend.swaps).toBe(0);
  });

  it('creates again a key it deleted without reading it first', async () => {
    const { backend, first } = twoInstances();
    await first.putIfMatch('conversation', { eTag: 'a', turn: 1 }, undefined, TTL_MS);
    await first.delete(['conversation']);
    backend.reads = 0;

    await expect(first.putIfMatch('conversation', { eTag: 'b', turn: 2 }, 'absent-1', TTL_MS)).resolves.toBe(true);
    expect(backend.reads).toBe(0);
  });

  it('treats a remembered item that has since expired as gone: no write where it must exist, a new one otherwise', async () => {
    const { clock, first } = twoInstances();
    await first.putIfMatch('conversation', { eTag: 'a', turn: 1 }, undefined, TTL_MS);
    const eTag = await readETag(first, 'conversation');
    clock.now += TTL_MS + 1;

    await expect(first.putIfMatch('conversation', { eTag: 'b', turn: 2 }, eTag, TTL_MS, true)).resolves.toBe(false);
    await expect(first.get(['conversation'])).resolves.toEqual([undefined]);
    await expect(first.putIfMatch('conversation', { eTag: 'c', turn: 3 }, eTag, TTL_MS)).resolves.toBe(true);
    const [item] = await first.get(['conversation']);
    expect(item).toMatchObject({ turn: 3 });
  });
});
