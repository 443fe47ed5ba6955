import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestApp, type TestApp } from '../support/testApp';
import { productionEnv } from '../support/productionEnv';

const SECRET = 'direct-line-secret-value-0123456789';

interface Exchange {
  readonly authorization?: string;
  readonly body: unknown;
}

/** The Direct Line service's token endpoint, on loopback: records what it was sent and answers as told. */
class FakeDirectLine {
  readonly exchanges: Exchange[] = [];
  status = 200;
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer(async (req, res) => {
      const body = await readBody(req);
      if (req.method !== 'POST' || req.url !== '/v3/directline/tokens/generate') {
        res.writeHead(404).end();
        return;
      }
      this.exchanges.push({ authorization: req.headers.authorization, body: JSON.parse(body) });
      res.writeHead(this.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ conversationId: 'conversation-from-service', token: 'token-from-service', expires_in: 3600 }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function requestToken(app: TestApp, visitorId: string): Promise<Response> {
  return fetch(`${app.url}/api/directline/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ visitorId }),
  });
}

describe('the page token endpoint with MicrosoftAppId (Direct Line service)', () => {
  const directLine = new FakeDirectLine();
  let directLineUrl: string;
  let app: TestApp;

  beforeAll(async () => {
    directLineUrl = await directLine.start();
  });

  afterAll(async () => {
    await directLine.close();
  });

  afterEach(async () => {
    await app?.close();
    directLine.exchanges.length = 0;
    directLine.status = 200;
  });

  describe('with DIRECT_LINE_SECRET', () => {
    beforeEach(async () => {
      app = await startTestApp({ env: productionEnv({ DIRECT_LINE_SECRET: SECRET, DIRECT_LINE_URL: `${directLineUrl}/` }) });
    });

    it("trades the secret for a token for the visitor's dl_ user id, and never gives the page the secret", async () => {
      const visitorId = randomUUID();
      const response = await requestToken(app, visitorId);
      const body = await response.text();

      expect(response.status).toBe(200);
      expect(JSON.parse(body)).toEqual({ token: 'token-from-service', expiresIn: 3600 });
      expect(body).not.toContain(SECRET);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(directLine.exchanges).toEqual([{ authorization: `Bearer ${SECRET}`, body: { user: { id: `dl_${visitorId}` } } }]);
    });

    it('tells the page to use the Direct Line service, and lets the page connect to it and stream from it', async () => {
      const settings = await (await fetch(`${app.url}/api/webchat/config`)).json();
      const page = await fetch(`${app.url}/`);

      expect(settings).toEqual({ directLineDomain: `${directLineUrl}/v3/directline` });
      expect(page.headers.get('content-security-policy')).toContain(`connect-src 'self' blob: ${directLineUrl} ws://127.0.0.1:`);
    });

    it('answers 502 when the Direct Line service refuses, without passing on what it said', async () => {
      directLine.status = 403;
      const response = await requestToken(app, randomUUID());

      expect(response.status).toBe(502);
      expect(await response.json()).toMatchObject({ code: 'DirectLineUnavailable' });
    });

    it.each([
      ['a visitor id that is too short', JSON.stringify({ visitorId: 'abc' })],
      ['a visitor id with other characters', JSON.stringify({ visitorId: '../../../../etc/passwd-0000' })],
      ['no visitor id', '{}'],
      ['malformed JSON', '{"visitorId":'],
    ])('answers 400 to %s, without asking Direct Line', async (_what, body) => {
      const response = await fetch(`${app.url}/api/directline/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

      expect(response.status).toBe(400);
      expect(directLine.exchanges).toEqual([]);
    });
  });

  it('answers 503, saying what is missing, without DIRECT_LINE_SECRET', async () => {
    app = await startTestApp({ env: productionEnv({ DIRECT_LINE_URL: directLineUrl }) });
    const response = await requestToken(app, randomUUID());

    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ code: 'WebChatNotConfigured', message: expect.stringContaining('DIRECT_LINE_SECRET') });
  });

  it('answers 502 when the Direct Line service cannot be reached', async () => {
    const unreachable = new FakeDirectLine();
    const url = await unreachable.start();
    await unreachable.close();
    app = await startTestApp({ env: productionEnv({ DIRECT_LINE_SECRET: SECRET, DIRECT_LINE_URL: url }) });

    expect((await requestToken(app, randomUUID())).status).toBe(502);
  });
});

describe('the page and its assets', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('serves the page with a content security policy that allows only this server', async () => {
    const response = await fetch(`${app.url}/`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self';");
    expect(response.headers.get('content-security-policy')).toContain("connect-src 'self' blob:;");
    expect(await response.text()).toContain('<script src="/static/webchat.js"');
  });

  it("serves Web Chat's browser bundle from node_modules, cached for a day", async () => {
    const response = await fetch(`${app.url}/static/webchat.js`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('javascript');
    expect(response.headers.get('cache-control')).toContain('max-age=86400');
    expect(await response.text()).toContain('renderWebChat');
  });

  it('tells the page to use the bridge on this server', async () => {
    expect(await (await fetch(`${app.url}/api/webchat/config`)).json()).toEqual({ directLineDomain: '/v3/directline' });
  });

  it('does not serve files outside the assets folder', async () => {
    const response = await fetch(`${app.url}/assets/..%2f..%2fpackage.json`);

    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await response.text()).not.toContain('"dependencies"');
  });
});
