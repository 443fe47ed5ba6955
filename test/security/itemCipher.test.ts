/** The stored envelope: deflated then encrypted (version 2), with version 1 (not deflated) still read. */
import { createCipheriv, randomBytes } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { DataKeyring, formatDataKey, parseDataKey } from '../../src/security/dataKeys';
import { ENVELOPE_VERSION, UnreadableItemError, openItem, sealItem } from '../../src/security/itemCipher';

const key = parseDataKey(formatDataKey('k1', randomBytes(32)));
const keyring = new DataKeyring(key);
const STORAGE_KEY = 'webchat/conversations/c-1/';
/** Conversation state is mostly the bot's own sentences, over and over. */
const state = {
  recentTranscript: Array.from({ length: 12 }, (_, n) => ({ from: n % 2 ? 'bot' : 'customer', text: `What is the service address of line ${n}?` })),
};

/** An envelope as an earlier release wrote it: version 1, the JSON encrypted as it is; version 2, deflated first. */
function earlierEnvelope(version: 1 | 2, item: object) {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.secret, iv, { authTagLength: 16 });
  cipher.setAAD(Buffer.from(JSON.stringify([version, key.id, STORAGE_KEY])));
  const json = JSON.stringify(item);
  // Version 2 was first written with zlib's default window (32 KB), which a match may reach back across.
  const plain = version === 1 ? Buffer.from(json, 'utf8') : deflateRawSync(json, { level: 1 });
  const ct = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { v: version, kid: key.id, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ct: ct.toString('base64') };
}
const versionOneEnvelope = (item: object) => earlierEnvelope(1, item);

describe('item envelope', () => {
  it('deflates before encrypting, so repetitive state is stored in far fewer bytes, and reads it back', () => {
    const sealed = sealItem(key, STORAGE_KEY, state);
    expect(sealed.v).toBe(ENVELOPE_VERSION);
    expect(Buffer.from(sealed.ct, 'base64').length).toBeLessThan(JSON.stringify(state).length / 3);
    expect(openItem(keyring, STORAGE_KEY, sealed)).toEqual(state);
  });

  it('reads items written before compression', () => {
    expect(openItem(keyring, STORAGE_KEY, versionOneEnvelope(state))).toEqual(state);
  });

  it('reads items deflated with the larger window of earlier releases, repeats more than 4 KB apart included', () => {
    const far = { first: 'x'.repeat(40) + randomBytes(4500).toString('base64'), second: '' };
    far.second = far.first;
    expect(openItem(keyring, STORAGE_KEY, earlierEnvelope(2, far))).toEqual(far);
    expect(openItem(keyring, STORAGE_KEY, sealItem(key, STORAGE_KEY, far))).toEqual(far);
  });

  it('refuses an envelope relabelled with another version: the version is authenticated', () => {
    const sealed = sealItem(key, STORAGE_KEY, state);
    expect(() => openItem(keyring, STORAGE_KEY, { ...sealed, v: 1 })).toThrow(UnreadableItemError);
    expect(() => openItem(keyring, STORAGE_KEY, { ...versionOneEnvelope(state), v: 2 })).toThrow(UnreadableItemError);
  });
});
