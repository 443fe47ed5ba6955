import { randomBytes } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, parseConfig } from '../../src/config';
import { DataKeyring, formatDataKey, parseDataKey } from '../../src/security/dataKeys';
import { DEV_KEY_FILE, resolveEncryptionKeys } from '../../src/security/resolveEncryptionKeys';
import { captureLogs } from '../support/captureLogs';
import { scratchFolder } from '../storage/testBackends';

const scratch = scratchFolder();
afterAll(() => scratch.remove());

const PRODUCTION = {
  MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
  MicrosoftAppPassword: 'app-secret',
  MicrosoftAppTenantId: 'tenant',
  SUPPORT_EMAIL: 'porting@example.com',
  CARRIER_NAME: 'Contoso Mobile',
};
const keyText = (id: string) => formatDataKey(id, randomBytes(32));

function configError(env: Record<string, string>): string {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('DATA_ENCRYPTION_KEY in the configuration', () => {
  it('is required when an app id is set, with the command that makes one', () => {
    const message = configError(PRODUCTION);
    expect(message).toContain('DATA_ENCRYPTION_KEY is required when MicrosoftAppId is set');
    expect(message).toContain(`require('crypto').randomBytes(32).toString('base64')`);
  });

  it('is optional on a local run', () => {
    expect(parseConfig({}).dataEncryption).toEqual({ key: undefined, oldKeys: [] });
  });

  it('reads the current key and the old keys, each with its id', () => {
    const config = parseConfig({ ...PRODUCTION, DATA_ENCRYPTION_KEY: keyText('k3'), DATA_ENCRYPTION_OLD_KEYS: `${keyText('k1')}, ${keyText('k2')}` });
    expect(config.dataEncryption.key?.id).toBe('k3');
    expect(config.dataEncryption.oldKeys.map((key) => key.id)).toEqual(['k1', 'k2']);
  });

  it('refuses a malformed key without showing it', () => {
    const short = `k1:${randomBytes(16).toString('base64')}`;
    for (const bad of [randomBytes(32).toString('base64'), short, 'k1:not base64 at all!']) {
      const message = configError({ DATA_ENCRYPTION_KEY: bad });
      expect(message).toContain('DATA_ENCRYPTION_KEY: The value is not valid. Use <key id>:<32 random bytes in base64>');
      expect(message).not.toContain(bad.slice(3, 20));
    }
    expect(configError({ DATA_ENCRYPTION_OLD_KEYS: `${keyText('k1')},oops` })).toContain('DATA_ENCRYPTION_OLD_KEYS: The value is not valid.');
  });

  it('refuses two keys with one id, which would make the stored id ambiguous', () => {
    expect(configError({ DATA_ENCRYPTION_KEY: keyText('same'), DATA_ENCRYPTION_OLD_KEYS: keyText('same') })).toContain(
      'DATA_ENCRYPTION_OLD_KEYS uses the key id "same" twice',
    );
    expect(() => new DataKeyring(parseDataKey(keyText('a')), [parseDataKey(keyText('a'))])).toThrow('Two data encryption keys have the id "a"');
  });

  it('holds the key material where logging the configuration cannot print it', () => {
    const text = keyText('k1');
    const config = parseConfig({ DATA_ENCRYPTION_KEY: text });
    expect(JSON.stringify(config)).not.toContain(text.slice(3, 20));
  });
});

describe('resolveEncryptionKeys', () => {
  it('uses the configured keys and writes no development key', async () => {
    const dataDir = join(scratch.path, 'configured');
    const config = parseConfig({ DATA_ENCRYPTION_KEY: keyText('prod-1'), DATA_ENCRYPTION_OLD_KEYS: keyText('prod-0') });
    const keyring = await resolveEncryptionKeys(config, { dataDir, logger: captureLogs('silent').logger });
    expect(keyring.current.id).toBe('prod-1');
    expect(keyring.find('prod-0')).toBeDefined();
    expect(() => statSync(join(dataDir, DEV_KEY_FILE))).toThrow();
  });

  it('creates a private development key on the first local run, says so once, and reuses it', async () => {
    const dataDir = join(scratch.path, 'local', 'data');
    const logs = captureLogs('info');
    const first = await resolveEncryptionKeys(parseConfig({}), { dataDir, logger: logs.logger });
    const second = await resolveEncryptionKeys(parseConfig({}), { dataDir, logger: logs.logger });

    const file = join(dataDir, DEV_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(second.current.id).toBe(first.current.id);
    expect(second.current.secret.equals(first.current.secret)).toBe(true);
    const created = logs.entries().filter((entry) => String(entry.msg).includes('created a development encryption key'));
    expect(created).toHaveLength(1);
    expect(logs.text()).not.toContain(readFileSync(file, 'utf8').trim().split(':')[1]);
  });

  it('agrees on one development key when several processes start at once', async () => {
    const dataDir = join(scratch.path, 'racing');
    const logger = captureLogs('silent').logger;
    const keyrings = await Promise.all(Array.from({ length: 8 }, () => resolveEncryptionKeys(parseConfig({}), { dataDir, logger })));
    expect(new Set(keyrings.map((keyring) => keyring.current.id)).size).toBe(1);
  });

  it('names the file when the development key in it is damaged', async () => {
    const dataDir = join(scratch.path, 'damaged');
    await resolveEncryptionKeys(parseConfig({}), { dataDir, logger: captureLogs('silent').logger });
    writeFileSync(join(dataDir, DEV_KEY_FILE), 'dev-1:short\n');
    await expect(resolveEncryptionKeys(parseConfig({}), { dataDir, logger: captureLogs('silent').logger })).rejects.toThrow(
      `The development encryption key in ${join(dataDir, DEV_KEY_FILE)} is not usable`,
    );
  });
});
