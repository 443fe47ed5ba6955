import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import {
  type AuthenticateRequestResult,
  BotFrameworkAuthentication,
  ClaimsIdentity,
  ConnectorClient,
  ConnectorFactory,
  type UserTokenClient,
} from 'botframework-connector';
import { ReusedClientsAuthentication } from '../../src/hosting/reusedClients';

const activity = (serviceUrl: string) => ({ type: 'message', serviceUrl, channelId: 'test' }) as Activity;

// Where a client sends: protected in the typings, and what a mixed-up client would get wrong.
const baseUriOf = (client: ConnectorClient) => (client as unknown as { baseUri: string }).baseUri;

/** The connector a turn of an unauthenticated request gets, as CloudAdapter asks for it. */
async function connectorFor(authentication: ReusedClientsAuthentication, serviceUrl: string): Promise<ConnectorClient> {
  const result = await authentication.authenticateRequest(activity(serviceUrl), '');
  return (result.connectorFactory as ConnectorFactory).create(serviceUrl, result.audience);
}

describe('connector and user-token clients reused across turns', () => {
  it('gives every turn to one service URL the same connector, and another URL its own, sending to that URL', async () => {
    const authentication = new ReusedClientsAuthentication(new ConfigurationBotFrameworkAuthentication({}));

    const first = await connectorFor(authentication, 'https://a.example/');
    const second = await connectorFor(authentication, 'https://a.example/');
    const other = await connectorFor(authentication, 'https://b.example/');

    expect(second).toBe(first);
    expect(other).not.toBe(first);
    expect(baseUriOf(first)).toBe('https://a.example/');
    expect(baseUriOf(other)).toBe('https://b.example/');
  });

  it('shares connectors between replies and proactive messages of one app', async () => {
    const authentication = new ReusedClientsAuthentication(new ConfigurationBotFrameworkAuthentication({}));
    const result = await authentication.authenticateRequest(activity('https://a.example/'), '');

    const proactive = await authentication.createConnectorFactory(result.claimsIdentity).create('https://a.example/', result.audience);

    expect(proactive).toBe(await connectorFor(authentication, 'https://a.example/'));
  });

  it('reuses the user-token client per app', async () => {
    const authentication = new ReusedClientsAuthentication(new ConfigurationBotFrameworkAuthentication({}));
    const { claimsIdentity } = await authentication.authenticateRequest(activity('https://a.example/'), '');

    expect(await authentication.createUserTokenClient(claimsIdentity)).toBe(await authentication.createUserTokenClient(claimsIdentity));
  });

  it('makes a client again after making it failed, rather than remembering the failure', async () => {
    const inner = new ConfigurationBotFrameworkAuthentication({});
    const authentication = new ReusedClientsAuthentication(inner);
    const { claimsIdentity } = await authentication.authenticateRequest(activity('https://a.example/'), '');
    const realFactory = inner.createConnectorFactory(claimsIdentity);
    let attempts = 0;
    const flakyFactory = new (class extends ConnectorFactory {
      create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
        attempts++;
        return attempts === 1 ? Promise.reject(new Error('token endpoint down')) : realFactory.create(serviceUrl, audience);
      }
    })();
    jest.spyOn(inner, 'createConnectorFactory').mockReturnValue(flakyFactory);

    await expect(authentication.createConnectorFactory(claimsIdentity).create('https://a.example/')).rejects.toThrow('token endpoint down');
    const made = await authentication.createConnectorFactory(claimsIdentity).create('https://a.example/');

    expect(baseUriOf(made)).toBe('https://a.example/');
    expect(attempts).toBe(2);
  });

  it('holds a bounded number of clients, however many service URLs requests name', async () => {
    const authentication = new ReusedClientsAuthentication(new ConfigurationBotFrameworkAuthentication({}));
    const first = await connectorFor(authentication, 'https://0.example/');

    for (let n = 1; n <= 250; n++) await connectorFor(authentication, `https://${n}.example/`);

    // The first was let go once the bound was reached: asking again makes a new one.
    expect(await connectorFor(authentication, 'https://0.example/')).not.toBe(first);
  });

  it('keeps the clients of different apps and audiences apart, keyed as the SDK makes them', async () => {
    // An inner authentication whose factories record which app each client was made for (the audience claim).
    const made: string[] = [];
    const appOf = (claims: ClaimsIdentity) => claims.getClaimValue('aud') ?? '';
    const inner = new (class extends BotFrameworkAuthentication {
      authenticateRequest = (): Promise<AuthenticateRequestResult> => Promise.reject(new Error('not used'));
      authenticateStreamingRequest = (): Promise<AuthenticateRequestResult> => Promise.reject(new Error('not used'));
      createUserTokenClient = (): Promise<UserTokenClient> => Promise.reject(new Error('not used'));
      createConnectorFactory(claims: ClaimsIdentity): ConnectorFactory {
        return new (class extends ConnectorFactory {
          async create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
            made.push(`${appOf(claims)} ${serviceUrl} ${audience}`);
            return new ConnectorClient({ signRequest: async (request: unknown) => request } as never, { baseUri: serviceUrl });
          }
        })();
      }
    })();
    const authentication = new ReusedClientsAuthentication(inner);
    const app = (id: string) => new ClaimsIdentity([{ type: 'aud', value: id }], true);
    const connector = (id: string, audience: string) => authentication.createConnectorFactory(app(id)).create('https://a.example/', audience);

    const first = await connector('app-a', 'https://api.botframework.com');
    expect(await connector('app-a', 'https://api.botframework.com')).toBe(first);
    expect(await connector('app-b', 'https://api.botframework.com')).not.toBe(first);
    expect(await connector('app-a', 'https://other-audience')).not.toBe(first);
    expect(made).toEqual([
      'app-a https://a.example/ https://api.botframework.com',
      'app-b https://a.example/ https://api.botframework.com',
      'app-a https://a.example/ https://other-audience',
    ]);
  });
});

