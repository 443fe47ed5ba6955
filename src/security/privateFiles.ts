/**
 * Files and folders only the bot's own user may read: what it keeps on disk holds customers' requests (the SQLite
 * database, the submitted letters) or the keys to them (the local secrets). The modes are asked for when a file or
 * folder is made, so there is no moment at which it is open to others; the umask can only take bits away.
 */
import { chmod, mkdir, open } from 'node:fs/promises';

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_FOLDER_MODE = 0o700;

/** Creates the folder and any missing parents, each 0700. A folder that exists keeps its mode: someone chose it. */
export async function makePrivateFolder(path: string): Promise<void> {
  await mkdir(path, { recursive: true, mode: PRIVATE_FOLDER_MODE });
}

/**
 * Makes a file of the bot's own 0600: created empty when `create` and absent; one that exists (left by an earlier
 * version, say) is narrowed. Without `create`, a file that does not exist is left alone.
 */
export async function makeFilePrivate(path: string, options: { create?: boolean } = {}): Promise<void> {
  if (!options.create) {
    try {
      await chmod(path, PRIVATE_FILE_MODE);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    return;
  }
  // 'a' creates the file with the mode when absent and never truncates one that exists.
  const handle = await open(path, 'a', PRIVATE_FILE_MODE);
  try {
    await handle.chmod(PRIVATE_FILE_MODE);
  } finally {
    await handle.close();
  }
}
