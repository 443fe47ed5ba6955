/**
 * One of the two competing processes in race.test.ts. Reads commands on stdin and answers each on stdout, so the
 * parent can release both writers at the same moment:
 *   "open <STORAGE_URL> <namespace> <key>" -> "ready"   (closes the storage opened before, if any)
 *   "read"                                 -> "read <eTag>"
 *   "write <label>"                        -> "won" | "lost" | "error <message>"
 * It closes its storage and exits when stdin ends.
 */
import { createInterface } from 'node:readline';
import { createStorage, StorageConflictError, type BotStorage } from '../../src/storage/createStorage';

async function main(): Promise<void> {
  const answer = (line: string) => process.stdout.write(`${line}\n`);
  let storage: BotStorage | undefined;
  let key = '';
  let eTag: string | undefined;
  const opened = (): BotStorage => {
    if (storage === undefined) {
      throw new Error('send "open" first');
    }
    return storage;
  };
  for await (const command of createInterface({ input: process.stdin })) {
    const [verb, ...args] = command.split(' ');
    try {
      if (verb === 'open') {
        await storage?.close();
        const [url, namespace, storageKey] = args;
        storage = await createStorage(url, { ttlDays: 1, namespace });
        await storage.ping();
        key = storageKey;
        answer('ready');
      } else if (verb === 'read') {
        eTag = (await opened().read([key]))[key]?.eTag;
        answer(`read ${eTag}`);
      } else if (verb === 'write') {
        await opened().write({ [key]: { writer: args[0], eTag } });
        answer('won');
      }
    } catch (error) {
      answer(error instanceof StorageConflictError ? 'lost' : `error ${String(error)}`);
    }
  }
  await storage?.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
