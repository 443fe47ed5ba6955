import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';

/**
 * The terminal chat's user id, kept in a file so that every run is the same customer to the bot: what they
 * filled in last time (kept in user state) is there to resume. Each run is still a new conversation.
 */

const chatUserFile = z.object({ userId: z.string().min(1) });

export const DEFAULT_CHAT_USER_FILE = 'data/chat-user.json';

export async function loadOrCreateUserId(file: string = DEFAULT_CHAT_USER_FILE): Promise<string> {
  try {
    const saved = chatUserFile.safeParse(JSON.parse(await readFile(file, 'utf8')));
    if (saved.success) return saved.data.userId;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && !(error instanceof SyntaxError)) throw error;
  }
  const userId = `terminal-user-${randomUUID()}`;
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify({ userId } satisfies z.infer<typeof chatUserFile>, null, 2)}\n`);
  return userId;
}
