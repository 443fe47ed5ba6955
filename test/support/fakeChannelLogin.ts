/**
 * The Bot Framework's login for channels, on 127.0.0.1: the OpenID metadata and signing keys the SDK fetches to check
 * a channel's token, and tokens signed the way a channel signs them. The SDK reads where its metadata is when an
 * adapter is made: `useChannelLogin` points it here for the apps started until its restore is called.
 */
import { createSign, generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';

const METADATA_PATH = '/v1/.well-known/openidconfiguration';
const KEYS_PATH = '/v1/keys';
const TOKEN_LIFETIME_SECONDS = 3600;

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

export class FakeChannelLogin {
  private readonly keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private readonly keyId = randomUUID();
  private readonly server: Server = createServer((req, res) => {
    const origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    const body =
      req.url === METADATA_PATH
        ? { issuer: AuthenticationConstants.ToBotFromChannelTokenIssuer, jwks_uri: `${origin}${KEYS_PATH}` }
        : req.url === KEYS_PATH
          ? { keys: [{ ...this.keys.publicKey.export({ format: 'jwk' }), kid: this.keyId, use: 'sig' }] }
          : undefined;
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
    res.end(body ? JSON.stringify(body) : undefined);
  });

  /** Starts listening; resolves the metadata URL. */
  listen(): Promise<string> {
    return new Promise((resolve) => {
      this.server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(this.server.address() as AddressInfo).port}${METADATA_PATH}`));
    });
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** The Authorization header a Bot Framework channel sends with `activity` to the bot `appId`. */
  authorization(appId: string, activity: Partial<Activity>): string {
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: 'RS256', typ: 'JWT', kid: this.keyId };
    const claims = {
      iss: AuthenticationConstants.ToBotFromChannelTokenIssuer,
      aud: appId,
      [AuthenticationConstants.ServiceUrlClaim]: activity.serviceUrl,
      nbf: now - 60,
      iat: now - 60,
      exp: now + TOKEN_LIFETIME_SECONDS,
    };
    const signed = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
    const signature = createSign('RSA-SHA256').update(signed).sign(this.keys.privateKey);
    return `Bearer ${signed}.${base64url(signature)}`;
  }
}

/** Makes the adapters started from now on check channel tokens against `metadataUrl`; the returned function undoes it. */
export function useChannelLogin(metadataUrl: string): () => void {
  const replaced = jest.replaceProperty(AuthenticationConstants as { ToBotFromChannelOpenIdMetadataUrl: string }, 'ToBotFromChannelOpenIdMetadataUrl', metadataUrl);
  return () => replaced.restore();
}
