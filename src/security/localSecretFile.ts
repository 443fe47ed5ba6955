/**
 * Secrets a local run makes for itself and keeps in its data folder (the development encryption key, the agent
 * console token), so that they survive restarts without anyone having to set them.
 */
import { link, readFile, unlink, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import { PRIVATE_FILE_MODE, makePrivateFolder } from './privateFiles';

/** The file's trimmed text, and whether this call created it; `make` gives the text for a new file. */
export async function readOrCreateSecretFile(path: string, make: () => string): Promise<{ text: string; created: boolean }> {
  const existing = await readIfExists(path);
  if (existing !== undefined) return { text: existing.trim(), created: false };
  await makePrivateFolder(dirname(path));
  const created = await createFile(path, `${make()}\n`);
  return { text: (await readFile(path, 'utf8')).trim(), created };
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Creates the file unless it exists; true when this call created it. The text is written to a private temporary
 * file first and then linked into place, which fails if the file exists: two processes starting at once agree on
 * one secret, and nobody ever reads a half-written file.
 */
async function createFile(path: string, text: string): Promise<boolean> {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, text, { mode: PRIVATE_FILE_MODE, flag: 'wx' });
  try {
    await link(temporary, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(temporary);
  }
}
