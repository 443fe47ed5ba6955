/**
 * The signing link's token (src/hosting/signingLinks.ts) and the store behind it (src/assisted/assistedPortStore.ts):
 * what the acceptance test cannot reach over HTTP. A token is refused when forged, signed as a receipt link is, or signed
 * with a key no longer kept; it expires with its time; and however many browsers open one link at once, it opens once.
 */
import { randomBytes } from 'node:crypto';
import { AssistedPortStore } from '../../src/assisted/assistedPortStore';
import { LinkTokens } from '../../src/security/linkTokens';
import { SigningLinks } from '../../src/hosting/signingLinks';
import { DataKeyring, formatDataKey, parseDataKey } from '../../src/security/dataKeys';
import { memoryStorage } from '../support/testStorage';

const BASE_URL = 'https://porting.example.com';
const HOUR = 60 * 60_000;
const LINK_ID = 'c7Qbst7O1SYg6GI98e6v-i8I';

function keyring(id: string): DataKeyring {
  return new DataKeyring(parseDataKey(formatDataKey(id, randomBytes(32))));
}

const tokenOf = (url: string) => decodeURIComponent(new URL(url).searchParams.get('sign') ?? '');

describe('signing link tokens', () => {
  let now = Date.parse('2026-06-01T10:00:00.000Z');
  const clock = () => new Date(now);
  const keys = keyring('k1');
  const links = new SigningLinks(keys, () => BASE_URL, clock);

  it('lead to the customer page, and name the link until they expire', () => {
    const link = links.linkFor(LINK_ID, new Date(now + 72 * HOUR));

    expect(link.url.startsWith(`${BASE_URL}/?sign=`)).toBe(true);
    expect(links.check(tokenOf(link.url))).toEqual({ kind: 'valid', linkId: LINK_ID });
    now += 72 * HOUR;
    expect(links.check(tokenOf(link.url))).toEqual({ kind: 'expired', linkId: LINK_ID });
  });

  it('are refused when forged, for another link, signed under an unknown key, or not a token at all', () => {
    const token = tokenOf(links.linkFor(LINK_ID, new Date(now + HOUR)).url);
    const [linkId, version, expires, keyId, mac] = token.split('.');
    const otherKeys = new SigningLinks(keyring('k1'), () => BASE_URL, clock);

    expect(links.check(`${linkId}.${version}.${Number(expires) + 3600}.${keyId}.${mac}`)).toEqual({ kind: 'invalid' });
    expect(links.check(`${'A'.repeat(24)}.${version}.${expires}.${keyId}.${mac}`)).toEqual({ kind: 'invalid' });
    expect(links.check(`${linkId}.2.${expires}.${keyId}.${mac}`)).toEqual({ kind: 'invalid' });
    expect(otherKeys.check(token)).toEqual({ kind: 'invalid' });
    for (const odd of [undefined, 42, '', 'x.y.z', { token }]) expect(links.check(odd)).toEqual({ kind: 'invalid' });
  });

  it('are signed under a purpose of their own: a receipt link token for the same id is no signing link', () => {
    const expiresAt = new Date(now + HOUR);
    const forReceipts = new LinkTokens(keys, 'porting-assistant/receipt-links/v1').token(LINK_ID, 1, expiresAt);
    const forSigning = new LinkTokens(keys, 'porting-assistant/signing-links/v1').token(LINK_ID, 1, expiresAt);

    expect(links.check(`${LINK_ID}.${forReceipts}`)).toEqual({ kind: 'invalid' });
    expect(links.check(`${LINK_ID}.${forSigning}`)).toEqual({ kind: 'valid', linkId: LINK_ID });
  });
});

describe('the assisted port store', () => {
  const now = Date.parse('2026-06-01T10:00:00.000Z');
  const prepared = {
    referenceNumber: 'PA-7KX4-M9Q2-TDX',
    staffId: 'aad-sam',
    contactEmail: 'chidi@example.net',
    numbers: ['+16465550163'],
    carrierName: 'Metro by T-Mobile',
    holderName: 'Chidi Okafor',
    maskedAccount: '••••4321',
  };

  it('opens a link once, however many browsers open it at the same moment', async () => {
    const store = new AssistedPortStore(await memoryStorage(), () => new Date(now), 72 * HOUR);
    const port = await store.prepare(prepared, { contactEmail: prepared.contactEmail });

    const outcomes = await Promise.all(Array.from({ length: 5 }, () => store.open(port.linkId)));

    expect(outcomes.filter((outcome) => outcome.kind === 'opened')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.kind === 'refused').map((outcome) => 'reason' in outcome && outcome.reason)).toEqual(['used', 'used', 'used', 'used']);
  });

  it('keeps no draft once the port is signed, withdrawn or expired, and no secret in the port staff see', async () => {
    const storage = await memoryStorage();
    let at = now;
    const store = new AssistedPortStore(storage, () => new Date(at), 72 * HOUR);
    const draft = { accountNumber: '987654321', contactEmail: prepared.contactEmail };
    const signed = await store.prepare(prepared, draft);
    const withdrawn = await store.prepare({ ...prepared, referenceNumber: 'PA-9QXW-2KJD-4MC' }, draft);
    const expired = await store.prepare({ ...prepared, referenceNumber: 'PA-3FHT-8PQR-6ZN' }, draft);

    await store.open(signed.linkId);
    await store.signed(signed.referenceNumber, signed.linkId);
    await store.withdraw(withdrawn.referenceNumber, 'aad-sam');
    at += 72 * HOUR;
    await store.expire(expired.referenceNumber);

    const drafts = await storage.read([signed, withdrawn, expired].map((port) => `assisted/draft/${port.linkId}`));
    expect(drafts).toEqual({});
    expect(await store.waiting()).toEqual([]);
    expect((await Promise.all([signed, withdrawn, expired].map((port) => store.ofReference(port.referenceNumber)))).map((port) => port?.state)).toEqual([
      'signed',
      'withdrawn',
      'expired',
    ]);
    expect(JSON.stringify(await store.ofNumber('+16465550163'))).not.toContain('987654321');
  });
});
