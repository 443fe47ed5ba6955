import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { DataKeyring, formatDataKey, parseDataKey, type DataKey } from '../../src/security/dataKeys';
import { EncryptedStorage } from '../../src/storage/encryptedStorage';
import { UnreadableItemError } from '../../src/security/itemCipher';
import { createStorage, StorageConflictError, type SweepableStorage } from '../../src/storage/createStorage';
import { purgeNamespace, scratchFolder, testBackends, uniqueNamespace } from './testBackends';
import { rawContents } from '../security/rawStore';

const CANARY_PIN = '918273';
const CANARY_ACCOUNT = '555444333222';
const CANARY_SIGNER = 'Quillon Canarywright';
const SESSION_KEY = 'test/users/customer-1';

/** User state as the conversation saves it: the draft, and the signed LOA with its PIN and signature. */
function savedSession() {
  return {
    portingSession: {
      draft: { accountNumber: CANARY_ACCOUNT, pin: CANARY_PIN, holderName: CANARY_SIGNER },
      stage: 'signed',
      signedLoa: {
        accountNumber: CANARY_ACCOUNT,
        pin: CANARY_PIN,
        signature: { signerName: CANARY_SIGNER, signedAt: '2025-01-02T03:04:05.000Z', channel: 'webchat' },
      },
    },
  };
}

function newKey(id: string): DataKey {
  return parseDataKey(formatDataKey(id, randomBytes(32)));
}

const scratch = scratchFolder();
afterAll(() => scratch.remove());

for (const backend of testBackends(join(scratch.path, 'placeholder.sqlite'))) {
  const describeBackend = backend.url === undefined ? describe.skip : describe;

  describeBackend(`encryption at rest on ${backend.name} storage`, () => {
    const namespace = uniqueNamespace(`enc_${backend.name}`);
    const sqliteFile = join(scratch.path, `${namespace}.sqlite`);
    const url = backend.name === 'sqlite' ? `sqlite://${sqliteFile}` : (backend.url as string);
    const oldKey = newKey('2024-a');
    const newerKey = newKey('2025-b');
    /** The store itself, without decryption: what is really kept. */
    let raw: SweepableStorage;

    /** The application's storage with these keys, on the same store. */
    function open(keyring: DataKeyring): { storage: SweepableStorage; raw: SweepableStorage } {
      return { storage: new EncryptedStorage(raw, keyring), raw };
    }

    beforeAll(async () => {
      raw = await createStorage(url, { ttlDays: 1, namespace });
    });

    afterAll(async () => {
      await raw.close();
      await purgeNamespace(backend, namespace);
    });

    it('keeps the PIN, the account number and the signature out of the stored bytes, and reads them back', async () => {
      const storage = await createStorage(url, { ttlDays: 1, namespace, encryption: new DataKeyring(oldKey) });
      await storage.write({ [SESSION_KEY]: savedSession() });
      expect((await storage.read([SESSION_KEY]))[SESSION_KEY]).toMatchObject(savedSession());
      await storage.close();

      if (backend.name !== 'memory') {
        const stored = await rawContents(backend, namespace, sqliteFile);
        expect(stored).toContain(SESSION_KEY);
        for (const secret of [CANARY_PIN, CANARY_ACCOUNT, CANARY_SIGNER, 'Canarywright']) {
          expect(stored).not.toContain(secret);
        }
      }
    });

    it('stores an envelope naming its key, and keeps the eTag rule working on it', async () => {
      const { storage, raw } = open(new DataKeyring(oldKey));
      await storage.write({ cas: { count: 1 } });
      const stored = (await raw.read(['cas'])).cas;
      expect(Object.keys(stored).sort()).toEqual(['ct', 'eTag', 'iv', 'kid', 'tag', 'v']);
      expect(stored.kid).toBe('2024-a');

      const first = (await storage.read(['cas'])).cas;
      await storage.write({ cas: { ...first, count: 2 } });
      await expect(storage.write({ cas: { ...first, count: 3 } })).rejects.toThrow(StorageConflictError);
      expect((await storage.read(['cas'])).cas.count).toBe(2);
    });

    it('reads items written under an old key and re-encrypts them under the current key when next written', async () => {
      const before = open(new DataKeyring(oldKey));
      await before.storage.write({ rotating: savedSession() });

      const after = open(new DataKeyring(newerKey, [oldKey]));
      const item = (await after.storage.read(['rotating'])).rotating;
      expect(item).toMatchObject(savedSession());
      expect((await after.raw.read(['rotating'])).rotating.kid).toBe('2024-a');

      await after.storage.write({ rotating: item });
      expect((await after.raw.read(['rotating'])).rotating.kid).toBe('2025-b');
      const newKeyOnly = open(new DataKeyring(newerKey));
      expect((await newKeyOnly.storage.read(['rotating'])).rotating).toMatchObject(savedSession());
      const oldKeyOnly = open(new DataKeyring(oldKey));
      await expect(oldKeyOnly.storage.read(['rotating'])).rejects.toThrow(
        'encrypted with key "2025-b", which is neither DATA_ENCRYPTION_KEY nor one of DATA_ENCRYPTION_OLD_KEYS',
      );
    });

    it('rejects altered ciphertext with a clear error instead of reading nothing', async () => {
      const { storage, raw } = open(new DataKeyring(oldKey));
      await storage.write({ tampered: savedSession() });
      const stored = (await raw.read(['tampered'])).tampered;
      const ciphertext = Buffer.from(stored.ct as string, 'base64');
      ciphertext[0] ^= 0x01;
      await raw.write({ tampered: { ...stored, ct: ciphertext.toString('base64') } });

      const reading = storage.read(['tampered']);
      await expect(reading).rejects.toThrow(UnreadableItemError);
      await expect(storage.read(['tampered'])).rejects.toThrow(
        'Storage: the item at "tampered" cannot be read: it does not decrypt with key "2024-a": it was altered',
      );
    });

    it("rejects an envelope copied to another customer's key", async () => {
      const { storage, raw } = open(new DataKeyring(oldKey));
      await storage.write({ 'test/users/victim': { portingSession: { stage: 'collecting' } } });
      await storage.write({ 'test/users/attacker': savedSession() });
      const attackerEnvelope = (await raw.read(['test/users/attacker']))['test/users/attacker'];
      await raw.write({ 'test/users/victim': { ...attackerEnvelope, eTag: '*' } });

      await expect(storage.read(['test/users/victim'])).rejects.toThrow('copied from another key');
    });

    it('rejects an item that is not encrypted', async () => {
      const { storage, raw } = open(new DataKeyring(oldKey));
      await raw.write({ plain: { portingSession: { draft: { pin: CANARY_PIN } } } });
      await expect(storage.read(['plain'])).rejects.toThrow('"plain" cannot be read: it is not encrypted');
    });

    it('passes a missing item to the storage, which refuses it at its place in the batch', async () => {
      const { storage } = open(new DataKeyring(oldKey));
      await expect(storage.write({ before: { n: 1 }, missing: null as never })).rejects.toThrow('cannot write "missing"');
      expect((await storage.read(['before'])).before.n).toBe(1);
    });
  });
}
