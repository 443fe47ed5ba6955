/**
 * One of the two competing processes in race.test.ts. Args: STORAGE_URL, namespace, key. Reads commands on stdin
 * ("read", "write <label>", "close") and answers each on stdout ("read <eTag>", "won", "lost", "error <message>"),
 * so the parent can release both writers at the same moment.
 */
import { createInterface } from 'node:readline';
import { createStorage, StorageConflictError } from '../../src/storage/createStorage';

async function main(): Promise<void> {
  const [url, namespace, key] = process.argv.slice(2);
  const storage = await createStorage(url, { ttlDays: 1, namespace });
  await storage.ping();
  const answer = (line: string) => process.stdout.write(`${line}\n`);
  let eTag: string | undefined;
  answer('ready');
  for await (const command of createInterface({ input: process.stdin })) {
    const [verb, label] = command.split(' ');
    if (verb === 'close') {
      break;
    }
    if (verb === 'read') {
      eTag = (await storage.read([key]))[key]?.eTag;
      answer(`read ${eTag}`);
    } else if (verb === 'write') {
      try {
        await storage.write({ [key]: { writer: label, eTag } });
        answer('won');
      } catch (error) {
        answer(error instanceof StorageConflictError ? 'lost' : `error ${String(error)}`);
      }
    }
  }
  await storage.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
