import { randomBytes } from 'node:crypto';
import { parseConfig } from '../../../src/config';
import type { Loa } from '../../../src/domain';
import { ReceiptLinks, RECEIPT_LINK_LIFETIME_MS, receiptLinksFor, receiptLinksRoute } from '../../../src/hosting/receiptLinks';
import { type RunningServer, startServer } from '../../../src/hosting/server';
import { DataKeyring, parseDataKey } from '../../../src/security/dataKeys';
import type { BotStorage } from '../../../src/storage/createStorage';
import { OutboxLoaSubmitter, OutboxStore } from '../../../src/submission';
import { type LoaPdfRenderer, createLoaPdfRenderer } from '../../../src/submission/pdf/pdfRenderer';
import { captureLogs } from '../../support/captureLogs';
import { productionEnv } from '../../support/productionEnv';
import { memoryStorage } from '../../support/testStorage';
import { readPdf } from '../support/readPdf';
import { VERIZON_ACCOUNT_NUMBER, VERIZON_PIN, verizonLoa } from '../support/loas';

const START = Date.parse('2026-03-02T15:04:05.000Z');
const newKey = (id: string) => parseDataKey(`${id}:${randomBytes(32).toString('base64')}`);

class TestClock {
  private now = START;
  readonly read = () => new Date(this.now);
  advance(ms: number): void {
    this.now += ms;
  }
}

const tokenOf = (url: string) => new URL(url).searchParams.get('token') ?? '';

describe('signed letter links', () => {
  const clock = new TestClock();
  const key = newKey('key-2');
  const oldKey = newKey('key-1');
  const links = new ReceiptLinks({ baseUrl: () => 'https://bot.example', keyring: new DataKeyring(key, [oldKey]), clock: clock.read });
  const reference = 'PA-7KX4-M9Q2-TDW';

  it('names the reference and version, and works until it expires', () => {
    const link = links.linkFor(reference, 3);

    expect(link.url).toMatch(/^https:\/\/bot\.example\/api\/loa\/PA-7KX4-M9Q2-TDW\?token=3\.\d+\.key-2\.[A-Za-z0-9_-]{43}$/);
    expect(link.expiresAt.getTime()).toBe(START + RECEIPT_LINK_LIFETIME_MS);
    expect(links.check(reference, tokenOf(link.url))).toEqual({ kind: 'valid', version: 3 });
  });

  it('refuses a token for another reference, another version, another expiry, or under a key it does not hold', () => {
    const token = tokenOf(links.linkFor(reference, 1).url);
    const [version, expires, keyId, mac] = token.split('.');

    expect(links.check('PA-2222-2222-222', token)).toEqual({ kind: 'invalid' });
    expect(links.check(reference, [Number(version) + 1, expires, keyId, mac].join('.'))).toEqual({ kind: 'invalid' });
    expect(links.check(reference, [version, Number(expires) + 86_400, keyId, mac].join('.'))).toEqual({ kind: 'invalid' });
    expect(links.check(reference, [version, expires, 'key-3', mac].join('.'))).toEqual({ kind: 'invalid' });
    const alteredMac = `${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`;
    expect(links.check(reference, [version, expires, keyId, alteredMac].join('.'))).toEqual({ kind: 'invalid' });
    expect(links.check(reference, undefined)).toEqual({ kind: 'invalid' });
    expect(links.check(reference, 'garbage')).toEqual({ kind: 'invalid' });
  });

  it('keeps links made with a key that has since been rotated out, while that key is among the old keys', () => {
    const before = new ReceiptLinks({ baseUrl: () => 'https://bot.example', keyring: new DataKeyring(oldKey), clock: clock.read });
    const token = tokenOf(before.linkFor(reference, 1).url);

    expect(links.check(reference, token)).toEqual({ kind: 'valid', version: 1 });
    expect(new ReceiptLinks({ baseUrl: () => '', keyring: new DataKeyring(key), clock: clock.read }).check(reference, token)).toEqual({ kind: 'invalid' });
  });

  it('points at PUBLIC_BASE_URL, at this server on a local run, and nowhere for a deployment without it', () => {
    const options = { keyring: new DataKeyring(key), clock: clock.read, serverUrl: () => 'http://localhost:3978' };

    expect(receiptLinksFor(parseConfig({ PUBLIC_BASE_URL: 'https://porting.example.com/' }), options)?.linkFor(reference, 1).url).toMatch(
      /^https:\/\/porting\.example\.com\/api\/loa\//,
    );
    expect(receiptLinksFor(parseConfig({}), options)?.linkFor(reference, 1).url).toMatch(/^http:\/\/localhost:3978\/api\/loa\//);
    expect(receiptLinksFor(parseConfig(productionEnv()), options)).toBeUndefined();
  });
});

describe('GET /api/loa/:reference', () => {
  const clock = new TestClock();
  let storage: BotStorage;
  let server: RunningServer;
  let links: ReceiptLinks;
  let pdfRenderer: LoaPdfRenderer;
  let loa: Loa;

  beforeAll(async () => {
    storage = await memoryStorage();
    const outbox = new OutboxStore(storage);
    loa = verizonLoa(new Date(START));
    const logger = captureLogs('silent').logger;
    pdfRenderer = createLoaPdfRenderer({ threads: 1 });
    await new OutboxLoaSubmitter(outbox, clock.read, logger, () => undefined).submit({ loa, contactEmail: 'jane@example.com', conversation: { channelId: 'webchat' } });
    server = await startServer(parseConfig({ PORT: '0' }), {
      bot: { run: async () => undefined },
      storage,
      logger,
      routes: [receiptLinksRoute((links = new ReceiptLinks({ baseUrl: () => server.url, keyring: new DataKeyring(newKey('k')), clock: clock.read })), outbox, pdfRenderer, logger)],
    });
  });

  afterAll(async () => {
    await server.close();
    await pdfRenderer.close();
    await storage.close();
  });

  it('serves the customer copy of the signed letter, account number masked and no PIN, never cached', async () => {
    const response = await fetch(links.linkFor(loa.referenceNumber, 1).url);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('content-disposition')).toBe(`inline; filename="LOA-${loa.referenceNumber}-v1.pdf"`);
    const { text } = await readPdf(Buffer.from(await response.arrayBuffer()));
    expect(text).toContain(loa.referenceNumber);
    expect(text).toContain('••••4321');
    expect(text).not.toContain(VERIZON_ACCOUNT_NUMBER);
    expect(text).not.toContain(VERIZON_PIN);
  });

  it('answers 401 without a valid token, 410 once it has expired, and 404 for a letter it does not hold', async () => {
    const url = links.linkFor(loa.referenceNumber, 1).url;
    const withoutToken = await fetch(url.split('?')[0]);
    expect(withoutToken.status).toBe(401);
    expect(await withoutToken.text()).toContain("This link doesn't work.");
    expect((await fetch(url.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A')))).status).toBe(401);
    expect((await fetch(links.linkFor(loa.referenceNumber, 2).url)).status).toBe(404);
    expect((await fetch(`${server.url}/api/loa/not-a-reference?token=x`)).status).toBe(404);

    clock.advance(RECEIPT_LINK_LIFETIME_MS);
    const expired = await fetch(url);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('This link has expired.');
  });
});
