/**
 * A refused `agent/join` (the agents' console asking to join with a token) is logged for the audit: where it came
 * from when that is known, when, and why, but never the token that was tried. Through the whole application over HTTP.
 */
import type { Activity } from 'botbuilder';
import { agentText } from '../../dialogs/text/agentText';
import { captureLogs } from '../support/captureLogs';
import { type TestApp, startTestApp } from '../support/testApp';

const AGENT_TOKEN = 'console-token-for-the-audit-test-0123456789';
const TRIED = 'guessed-token-guessed-token-4242';
const REFUSED = 'agent console join refused';

describe('refused agent console joins', () => {
  const logs = captureLogs('info');
  let app: TestApp;
  let sequence = 0;

  beforeAll(async () => {
    app = await startTestApp({ env: { AGENT_TOKEN, TRUST_PROXY: 'true' }, logger: logs.logger });
  });
  afterAll(() => app.close());

  async function join(value: unknown, headers: Record<string, string> = {}): Promise<string[]> {
    sequence += 1;
    const activity = {
      type: 'event',
      name: 'agent/join',
      value,
      id: `join-${sequence}`,
      channelId: 'webchat',
      serviceUrl: 'http://localhost/none',
      deliveryMode: 'expectReplies',
      from: { id: `console-user-${sequence}`, name: 'Dana' },
      recipient: { id: 'bot', name: 'Porting Assistant' },
      conversation: { id: `console-${sequence}` },
    } as Partial<Activity>;
    const response = await app.post(activity, headers);
    expect(response.status).toBe(200);
    const { activities } = (await response.json()) as { activities: Partial<Activity>[] };
    return activities.flatMap((reply) => (reply.text ? [reply.text] : []));
  }

  const refusals = () => logs.entries().filter((entry) => entry.msg === REFUSED);

  it('logs a wrong token with the client address and the time, never the token', async () => {
    const before = Date.now();
    expect(await join({ token: TRIED }, { 'x-forwarded-for': '198.51.100.23' })).toEqual([agentText.wrongToken]);

    const [entry] = refusals();
    expect(entry).toMatchObject({ level: 40, client: '198.51.100.23', reason: 'wrongToken', conversationId: 'console-1', channelId: 'webchat' });
    expect(entry.time).toBeGreaterThanOrEqual(before);
    expect(logs.text()).not.toContain(TRIED);
  });

  it('logs a join without a token, and one whose address is not known, without inventing one', async () => {
    expect(await join(undefined)).toEqual([agentText.wrongToken]);

    const entry = refusals().at(-1) as Record<string, unknown>;
    expect(entry).toMatchObject({ reason: 'noToken', conversationId: 'console-2' });
    expect(entry).not.toHaveProperty('client');
  });

  it('logs nothing of the kind for the right token', async () => {
    const refusedBefore = refusals().length;
    expect(await join({ token: AGENT_TOKEN }, { 'x-forwarded-for': '198.51.100.24' })).toEqual([agentText.joined]);
    expect(refusals()).toHaveLength(refusedBefore);
    expect(logs.text()).not.toContain(AGENT_TOKEN);
  });
});
