import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateUserId } from '../../src/chat/chatUser';

describe('loadOrCreateUserId', () => {
  const fileIn = (dir: string) => join(dir, 'nested', 'chat-user.json');

  it('creates a user id once and returns the same one on later runs', async () => {
    const file = fileIn(mkdtempSync(join(tmpdir(), 'chat-user-')));

    const first = await loadOrCreateUserId(file);
    const second = await loadOrCreateUserId(file);

    expect(first).toMatch(/^terminal-user-/);
    expect(second).toBe(first);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ userId: first });
  });

  it('replaces a file it cannot read as a user', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chat-user-'));
    const file = join(dir, 'chat-user.json');
    writeFileSync(file, '{ not json');

    const userId = await loadOrCreateUserId(file);

    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ userId });
  });
});
