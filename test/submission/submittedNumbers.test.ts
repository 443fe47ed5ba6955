/** The index of phone numbers to the requests naming them: buckets that show no number, removal, retention. */
import { type SubmittedNumbers, numbersBucketKey } from '../../src/submission/outbox/submittedNumbers';
import { OutboxStore } from '../../src/submission/outbox/outboxStore';
import type { SweepableStorage } from '../../src/storage/createStorage';
import { memoryStorage } from '../support/testStorage';

const DAY = 86_400_000;
const START = new Date('2026-06-01T10:00:00.000Z');
const at = (days: number) => new Date(START.getTime() + days * DAY);

describe('the index of submitted phone numbers', () => {
  let storage: SweepableStorage;
  let numbers: SubmittedNumbers;

  beforeEach(async () => {
    storage = await memoryStorage();
    numbers = new OutboxStore(storage, { numberRetentionDays: 30 }).numbers;
  });
  afterEach(() => storage.close());

  it('finds every request under each of its numbers, the latest indexed first', async () => {
    await numbers.add('PA-AAAA-AAAA-AAA', ['+14155550123', '+14155550124'], at(0));
    await numbers.add('PA-BBBB-BBBB-BBB', ['+14155550123'], at(1));

    expect(await numbers.referencesFor('+14155550123')).toEqual(['PA-BBBB-BBBB-BBB', 'PA-AAAA-AAAA-AAA']);
    expect(await numbers.referencesFor('+14155550124')).toEqual(['PA-AAAA-AAAA-AAA']);
    expect(await numbers.referencesFor('+14155550199')).toEqual([]);
  });

  it('keys each number by a bucket of its hash, never by the number', () => {
    const key = numbersBucketKey('+14155550123');

    expect(key).toMatch(/^submission\/numbers\/[0-9a-f]{4}$/);
    expect(key).not.toMatch(/4155550123/);
  });

  it('takes a request out from under its numbers, and a number with no request left out of its bucket', async () => {
    await numbers.add('PA-AAAA-AAAA-AAA', ['+14155550123', '+14155550124'], at(0));
    await numbers.add('PA-BBBB-BBBB-BBB', ['+14155550123'], at(0));

    await numbers.remove('PA-AAAA-AAAA-AAA', ['+14155550123', '+14155550124'], at(1));

    expect(await numbers.referencesFor('+14155550123')).toEqual(['PA-BBBB-BBBB-BBB']);
    expect(await numbers.referencesFor('+14155550124')).toEqual([]);
    const key = numbersBucketKey('+14155550124');
    expect(JSON.stringify((await storage.read([key]))[key])).not.toContain('+14155550124');
  });

  it('drops what was indexed longer ago than the retention whenever its bucket changes, so no number outlives its requests', async () => {
    await numbers.add('PA-AAAA-AAAA-AAA', ['+14155550123'], at(0));
    await numbers.add('PA-BBBB-BBBB-BBB', ['+14155550123'], at(20));

    await numbers.add('PA-CCCC-CCCC-CCC', ['+14155550123'], at(31));

    expect(await numbers.referencesFor('+14155550123')).toEqual(['PA-CCCC-CCCC-CCC', 'PA-BBBB-BBBB-BBB']);
  });

  it('keeps many numbers added at once, from many requests, without losing one', async () => {
    const all = Array.from({ length: 40 }, (_, index) => `+1415555${String(1000 + index).padStart(4, '0')}`);
    await Promise.all(all.map((number, index) => numbers.add(`PA-${index}`, [number, '+14155550100'], at(0))));

    for (const [index, number] of all.entries()) expect(await numbers.referencesFor(number)).toEqual([`PA-${index}`]);
    expect((await numbers.referencesFor('+14155550100')).sort()).toEqual(all.map((_, index) => `PA-${index}`).sort());
  });
});
