/** "Gone from every store": a deleted item's bytes do not linger in the SQLite file's free pages. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createStorage } from '../../src/storage/createStorage';
import { scratchFolder } from './testBackends';

const scratch = scratchFolder();
afterAll(() => scratch.remove());

it('overwrites what a deleted item held, in the database file and its write-ahead log', async () => {
  const file = join(scratch.path, 'deleted.sqlite');
  const canary = 'DELETED-CUSTOMER-CANARY'.repeat(10);
  const storage = await createStorage(`sqlite://${file}`, { ttlDays: 1, namespace: 'secure-delete' });
  await storage.write({ forgotten: { note: canary }, kept: { note: 'another customer' } });
  expect(readFileSync(`${file}-wal`).includes(canary)).toBe(true);
  await storage.delete(['forgotten']);

  // While the server runs, not only once it closes (closing the last connection removes the log).
  const holding = [file, `${file}-wal`].filter((path) => existsSync(path) && readFileSync(path).includes(canary));
  expect(holding).toEqual([]);
  await storage.close();
  const reopened = await createStorage(`sqlite://${file}`, { ttlDays: 1, namespace: 'secure-delete' });
  expect(await reopened.read(['kept', 'forgotten'])).toEqual({ kept: expect.objectContaining({ note: 'another customer' }) });
  await reopened.close();
});
