import { randomBytes, randomUUID } from 'node:crypto';
import { NEW_CARRIER } from './newCarrier';

/** The least configuration that makes the server run as in production (with MicrosoftAppId), plus `extra`. */
export function productionEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    MicrosoftAppId: randomUUID(),
    MicrosoftAppPassword: 'app-password',
    MicrosoftAppType: 'MultiTenant',
    DATA_ENCRYPTION_KEY: `key1:${randomBytes(32).toString('base64')}`,
    SUPPORT_EMAIL: 'porting-help@example.com',
    CARRIER_NAME: NEW_CARRIER.name,
    ...extra,
  };
}
