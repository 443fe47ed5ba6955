/** STAFF_TEAM_ID, STAFF_USER_IDS and SIGNING_LINK_HOURS, read once in src/config/settings.ts. */
import { ConfigError, parseConfig } from '../../src/config';

describe('the support staff settings', () => {
  it('name no one by default', () => {
    expect(parseConfig({}).staff).toEqual({ teamId: undefined, userIds: [], signingLinkHours: 72 });
  });

  it('read the staff team and a list of user ids, each once, spaces and empty entries aside', () => {
    const { staff } = parseConfig({ STAFF_TEAM_ID: '19:support-staff@thread.tacv2', STAFF_USER_IDS: ' aad-sam, aad-dana,,aad-sam ' });

    expect(staff).toEqual({ teamId: '19:support-staff@thread.tacv2', userIds: ['aad-sam', 'aad-dana'], signingLinkHours: 72 });
  });

  it('refuse a user id too long to be one, naming the variable', () => {
    expect(() => parseConfig({ STAFF_USER_IDS: 'x'.repeat(201) })).toThrow(ConfigError);
    expect(() => parseConfig({ STAFF_USER_IDS: 'x'.repeat(201) })).toThrow(/STAFF_USER_IDS/);
  });

  it("read how long an assisted port's signing link works, in whole hours from 1 to 720", () => {
    expect(parseConfig({ SIGNING_LINK_HOURS: '48' }).staff.signingLinkHours).toBe(48);
    for (const refused of ['0', '721', '1.5', 'three days']) {
      expect(() => parseConfig({ SIGNING_LINK_HOURS: refused })).toThrow(/SIGNING_LINK_HOURS/);
    }
  });
});
