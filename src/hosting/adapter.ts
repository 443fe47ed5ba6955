import { type Activity, CloudAdapter, ConfigurationBotFrameworkAuthentication, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { AuthenticateRequestResult } from 'botframework-connector';
import type { Config } from '../config';
import { withCallDeadline } from './connectorTimeout';
import { ReusedClientsAuthentication } from './reusedClients';

/**
 * CloudAdapter with an inbound activity's authentication and its turn as two steps, where `process` takes both at
 * once: the server decides between them, so that only activities a channel signed for this bot count against their
 * conversation's rate limit, and answers each failure itself rather than with the SDK's error text.
 */
export class BotAdapter extends CloudAdapter {
  /** Checks the request's credentials (none with authentication off); rejects with the SDK's error when they fail. */
  authenticate(activity: Activity, authorization: string): Promise<AuthenticateRequestResult> {
    return this.botFrameworkAuthentication.authenticateRequest(activity, authorization);
  }

  /**
   * Runs the turn of an activity `authenticate` accepted; resolves what the HTTP answer carries, if anything (an
   * invoke's answer, the replies to an expectReplies activity).
   */
  runAuthenticated(
    authenticated: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authenticated, activity, logic);
  }
}

/**
 * The Bot Framework adapter, authenticating with the app registration in `bot`. With no app ID, authentication
 * is off: for local runs, the Emulator and the terminal chat. The clients it sends with are made once per app,
 * service URL and audience (see ReusedClientsAuthentication), and each of their calls gives up after
 * `bot.connectorTimeoutMs` (see connectorTimeout.ts).
 */
export function createAdapter(
  bot: Config['bot'],
  onTurnError: (context: TurnContext, error: Error) => Promise<void>,
): BotAdapter {
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
  const adapter = new BotAdapter(
    new ReusedClientsAuthentication(authentication, (client, serviceUrl) => withCallDeadline(client, serviceUrl, bot.connectorTimeoutMs)),
  );
  adapter.onTurnError = onTurnError;
  return adapter;
}
