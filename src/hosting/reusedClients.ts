import {
  AuthenticationConstants,
  type AuthenticateRequestResult,
  BotFrameworkAuthentication,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorClient,
  ConnectorFactory,
  type UserTokenClient,
} from 'botframework-connector';
import type { Activity } from 'botbuilder';

/** More distinct (app, service URL, audience) triples than a bot meets: the channels' regions, the agents' Teams. */
const MAX_REMEMBERED_CLIENTS = 200;

/**
 * A BotFrameworkAuthentication that hands out the same connector and user-token clients for the same app, service
 * URL and audience, instead of new ones on every turn as the SDK's does. Building a client builds its whole HTTP
 * pipeline, which was the largest single cost of a turn outside the bot's own work. The clients hold no state of a
 * request (their credentials cache tokens per app and audience, which is what the key is), so a remembered client
 * is the very one the SDK would have built. Authentication itself is the inner one's, unchanged, on every request.
 * Each connector client is handed to `prepareConnector` once, when it is made (adapter.ts sets its calls' deadline).
 */
export class ReusedClientsAuthentication extends BotFrameworkAuthentication {
  private readonly connectors = new BoundedCache<Promise<ConnectorClient>>(MAX_REMEMBERED_CLIENTS);
  private readonly tokenClients = new BoundedCache<Promise<UserTokenClient>>(MAX_REMEMBERED_CLIENTS);

  constructor(
    private readonly inner: BotFrameworkAuthentication,
    private readonly prepareConnector: (client: ConnectorClient, serviceUrl: string) => ConnectorClient = (client) => client,
  ) {
    super();
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.reusing(await this.inner.authenticateRequest(activity, authHeader));
  }

  override async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.reusing(await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reusingConnectors(claimsIdentity, this.inner.createConnectorFactory(claimsIdentity));
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.tokenClients.get(appIdOf(claimsIdentity), () => this.inner.createUserTokenClient(claimsIdentity));
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  private reusing(result: AuthenticateRequestResult): AuthenticateRequestResult {
    // A result without a factory (a request that may not reply) stays without one.
    if (!result.connectorFactory) return result;
    return { ...result, connectorFactory: this.reusingConnectors(result.claimsIdentity, result.connectorFactory) };
  }

  private reusingConnectors(claimsIdentity: ClaimsIdentity, factory: ConnectorFactory): ConnectorFactory {
    const { connectors, prepareConnector } = this;
    const appId = appIdOf(claimsIdentity);
    return new (class extends ConnectorFactory {
      create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
        return connectors.get(JSON.stringify([appId, serviceUrl, audience ?? null]), async () =>
          prepareConnector(await factory.create(serviceUrl, audience), serviceUrl),
        );
      }
    })();
  }
}

/** The app a client is made for, taken from the claims as the SDK's factories take it: the audience, else the app id. */
function appIdOf(claimsIdentity: ClaimsIdentity): string {
  return (
    claimsIdentity.getClaimValue(AuthenticationConstants.AudienceClaim) ?? claimsIdentity.getClaimValue(AuthenticationConstants.AppIdClaim) ?? ''
  );
}

/** Remembers values made by key, up to a bound; a value whose making failed is forgotten, to be made again. */
class BoundedCache<T extends Promise<unknown>> {
  private readonly values = new Map<string, T>();

  constructor(private readonly max: number) {}

  get(key: string, make: () => T): T {
    const known = this.values.get(key);
    if (known) return known;
    // With authentication off, the service URL is whatever a request says: a bound keeps such requests from growing this.
    if (this.values.size >= this.max) this.values.clear();
    const made = make();
    this.values.set(key, made);
    made.catch(() => {
      if (this.values.get(key) === made) this.values.delete(key);
    });
    return made;
  }
}
