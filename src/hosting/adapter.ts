import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { Config } from '../config';
import { ReusedClientsAuthentication } from './reusedClients';

/**
 * The Bot Framework adapter, authenticating with the app registration in `bot`. With no app ID, authentication
 * is off: for local runs, the Emulator and the terminal chat. The clients it sends with are made once per app,
 * service URL and audience (see ReusedClientsAuthentication).
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
  const adapter = new CloudAdapter(new ReusedClientsAuthentication(authentication));
  adapter.onTurnError = onTurnError;
  return adapter;
}
