/** STAFF_TEAM_ID and STAFF_USER_IDS, read once in src/config/settings.ts. */
import { ConfigError, parseConfig } from '../../src/config';

describe('the support staff settings', () => {
  it('name no one by default', () => {
    expect(parseConfig({}).staff).toEqual({ teamId: undefined, userIds: [] });
  });

  it('read the staff team and a list of user ids, each once, spaces and empty entries aside', () => {
    const { staff } = parseConfig({ STAFF_TEAM_ID: '19:support-staff@thread.tacv2', STAFF_USER_IDS: ' aad-sam, aad-dana,,aad-sam ' });

    expect(staff).toEqual({ teamId: '19:support-staff@thread.tacv2', userIds: ['aad-sam', 'aad-dana'] });
  });

  it('refuse a user id too long to be one, naming the variable', () => {
    expect(() => parseConfig({ STAFF_USER_IDS: 'x'.repeat(201) })).toThrow(ConfigError);
    expect(() => parseConfig({ STAFF_USER_IDS: 'x'.repeat(201) })).toThrow(/STAFF_USER_IDS/);
  });
});
