import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { Config } from '../config';

/**
 * The Bot Framework adapter, authenticating with the app registration in `bot`. With no app ID, authentication
 * is off: for local runs, the Emulator and the terminal chat.
 */
export function createAdapter(
  bot: Config['bot'],
  onTurnError: (context: TurnContext, error: Error) => Promise<void>,
): CloudAdapter {
  const authentication = new ConfigurationBotFrameworkAuthentication(
    bot.authEnabled
      ? {
          MicrosoftAppId: bot.appId,
          MicrosoftAppPassword: bot.appPassword,
          MicrosoftAppType: bot.appType,
          MicrosoftAppTenantId: bot.tenantId,
        }
      : {},
  );
  const adapter = new CloudAdapter(authentication);
  adapter.onTurnError = onTurnError;
  return adapter;
}
