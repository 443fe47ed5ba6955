import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Logger } from '../logging';
import { readOrCreateSecretFile } from './localSecretFile';

export const DEV_AGENT_TOKEN_FILE = 'dev-agent-token';

/**
 * The token a conversation joins the agents' console with (AGENT_TOKEN). A local run without one gets a development
 * token kept in `<dataDir>/dev-agent-token`, so that the console at /agent works out of the box; a deployment without
 * AGENT_TOKEN has no console, only the agents' channel in Teams.
 */
export async function resolveAgentConsoleToken(
  config: { readonly agents: { readonly consoleToken?: string }; readonly bot: { readonly authEnabled: boolean } },
  options: { dataDir: string; logger: Logger },
): Promise<string | undefined> {
  if (config.agents.consoleToken || config.bot.authEnabled) return config.agents.consoleToken;
  const path = join(options.dataDir, DEV_AGENT_TOKEN_FILE);
  const { text, created } = await readOrCreateSecretFile(path, () => randomBytes(24).toString('base64url'));
  options.logger.info({ path }, `agents' console: open /agent and join with the token in ${path}${created ? ' (created now)' : ''}`);
  return text;
}
