import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { BotClient, BotRequestError } from './botClient';
import { ChatSession, type ChatIO } from './chatSession';
import { loadOrCreateUserId } from './chatUser';

/**
 * `npm run chat [-- --url http://localhost:3978]`: chat with a running bot from the terminal, cards and all.
 * Works typed by hand or driven through a pipe.
 */

const DEFAULT_URL = 'http://localhost:3978';
const usage = `Usage: npm run chat -- [--url ${DEFAULT_URL}]\nChats with a Porting Assistant running without authentication.`;

/**
 * Reads lines through readline's async iterator, which buffers them: lines piped in while the bot is still
 * answering are kept for the next question instead of being dropped.
 */
function terminalIO(): ChatIO & { close(): void } {
  const readline = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  const lines = readline[Symbol.asyncIterator]();
  // Piped input is not echoed by a terminal, so echo it to keep the transcript readable.
  const echo = !process.stdin.isTTY;
  return {
    async ask(prompt) {
      readline.setPrompt(prompt);
      readline.prompt();
      const next = await lines.next();
      if (next.done) {
        process.stdout.write('\n');
        return undefined;
      }
      if (echo) process.stdout.write(`${next.value}\n`);
      return next.value;
    },
    say(line) {
      process.stdout.write(`${line}\n`);
    },
    close() {
      readline.close();
    },
  };
}

class UsageError extends Error {}

/** The bot's URL from the command line, or undefined when only help was asked for. */
function parseUrl(): URL | undefined {
  let values: { url: string; help?: boolean };
  try {
    ({ values } = parseArgs({ options: { url: { type: 'string', default: DEFAULT_URL }, help: { type: 'boolean', short: 'h' } } }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${usage}`);
  }
  if (values.help) return undefined;
  if (!URL.canParse(values.url)) throw new UsageError(`'${values.url}' is not a URL.\n${usage}`);
  return new URL(values.url);
}

async function main(): Promise<void> {
  const url = parseUrl();
  if (!url) {
    console.log(usage);
    return;
  }
  const userId = await loadOrCreateUserId();
  const client = new BotClient(url.toString(), { userId, conversationId: `terminal-${randomUUID()}` });
  const io = terminalIO();
  try {
    await new ChatSession(client, io, userId).run();
  } finally {
    io.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof BotRequestError || error instanceof UsageError ? error.message : error);
  process.exitCode = 1;
});
