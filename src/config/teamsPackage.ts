import { z } from 'zod';
import { type EnvVariable, type Env, fromEnv, parseSettings, withEnvFile } from './environment';

function httpsUrl(variable: EnvVariable): z.ZodURL {
  return fromEnv(variable, z.url({ protocol: /^https$/, hostname: z.regexes.domain }));
}

/**
 * What `npm run teams:package` needs to fill in the Teams app manifest. Only the packaging step reads these: the
 * running bot never does, so they are not part of `Config` and a deployment does not set them.
 */
const teamsPackageShape = {
  app: z.object({
    id: fromEnv(
      {
        name: 'TEAMS_APP_ID',
        expected: 'Use the Teams app ID: a GUID of its own (not the bot ID), generated once and kept for every version.',
      },
      z.guid(),
    ),
    botId: fromEnv({ name: 'MicrosoftAppId', expected: "Use the bot's Microsoft app ID (a GUID) that Teams sends messages to." }, z.guid()),
    botHostname: fromEnv(
      { name: 'BOT_PUBLIC_HOSTNAME', expected: "Use the bot's public host name without https://, such as porting-assistant.azurewebsites.net." },
      z.string().regex(z.regexes.domain),
    ),
  }),
  developer: z.object({
    name: fromEnv(
      { name: 'TEAMS_DEVELOPER_NAME', expected: 'Use the publisher name that Teams shows with the app, up to 32 characters.' },
      z.string().max(32),
    ),
    websiteUrl: httpsUrl({ name: 'TEAMS_WEBSITE_URL', expected: "Use the https:// address of the app's support page." }),
    privacyUrl: httpsUrl({ name: 'TEAMS_PRIVACY_URL', expected: 'Use the https:// address of the privacy statement.' }),
    termsOfUseUrl: httpsUrl({ name: 'TEAMS_TERMS_URL', expected: 'Use the https:// address of the terms of use.' }),
  }),
};

const teamsPackageSchema = z.object(teamsPackageShape);

export type TeamsPackageConfig = z.infer<typeof teamsPackageSchema>;

/** Validates the Teams packaging settings in `env`. Pure. Throws a ConfigError naming every missing or bad variable. */
export function parseTeamsPackageConfig(env: Env): TeamsPackageConfig {
  return parseSettings(teamsPackageShape, teamsPackageSchema, env);
}

/** Reads the Teams packaging settings from `env`, filled in from the `.env` file where `env` lacks them. */
export function loadTeamsPackageConfig(env: Env = process.env, envFile = '.env'): TeamsPackageConfig {
  return parseTeamsPackageConfig(withEnvFile(env, envFile));
}
