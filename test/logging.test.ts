import { TurnContext, TestAdapter } from 'botbuilder';
import { loggerForTurn } from '../src/logging';
import { message } from './support/activities';
import { captureLogs, type CapturedLogs } from './support/captureLogs';
import { memoryStorage, withFailingPing } from './support/testStorage';
import { startTestApp } from './support/testApp';

/**
 * Sends a canary PIN and account number through every way the application logs, then checks that neither
 * reached the log (nor the console, where botbuilder writes some errors of its own).
 */
const PIN = '918273';
const ACCOUNT_NUMBER = '555444333222';
const CANARIES = [PIN, ACCOUNT_NUMBER, '555-444-333-222', 'hunter2'];

function expectNoCanary(output: string): void {
  for (const canary of CANARIES) expect(output).not.toContain(canary);
}

describe('logs never carry a PIN or an account number', () => {
  let logs: CapturedLogs;
  let consoleOutput: string[];

  beforeEach(() => {
    logs = captureLogs('trace');
    consoleOutput = [];
    for (const method of ['log', 'info', 'warn', 'error'] as const) {
      jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        consoleOutput.push(args.map((arg) => (arg instanceof Error ? `${arg.message}\n${arg.stack}` : String(arg))).join(' '));
      });
    }
  });

  afterEach(() => {
    jest.restoreAllMocks();
    expectNoCanary(logs.text());
    expectNoCanary(consoleOutput.join('\n'));
  });

  function entries(msg: string): Record<string, unknown>[] {
    return logs.entries().filter((entry) => entry.msg === msg);
  }

  it('in turn logs, request logs and bad requests', async () => {
    const app = await startTestApp({ logger: logs.logger });
    try {
      const secretAnswer = message(`my pin is ${PIN} and my account is ${ACCOUNT_NUMBER}`, {
        value: { pin: PIN, accountNumber: ACCOUNT_NUMBER, note: `account ${ACCOUNT_NUMBER}` },
      });
      expect((await app.post(secretAnswer, { authorization: `Bearer ${PIN}.${ACCOUNT_NUMBER}` })).status).toBe(200);
      await fetch(`${app.url}/healthz`, { headers: { authorization: `Bearer ${PIN}.${ACCOUNT_NUMBER}` } });
      await app.post(`{"type":"message","text":"${PIN} ${ACCOUNT_NUMBER}"`);
      await app.post(`pin=${PIN}`, { 'content-type': 'text/plain' });
    } finally {
      await app.close();
    }

    const [started] = entries('turn started');
    expect(started).toMatchObject({
      activity: { type: 'message', textLength: expect.any(Number), valueKeys: ['pin', 'accountNumber', 'note'] },
      conversationId: 'conversation-1',
      activityId: expect.any(String),
    });
    expect(entries('turn ended')).toHaveLength(1);
    expect(entries('request completed').map((entry) => (entry.req as { path: string }).path)).toEqual([
      '/api/messages',
      '/api/messages',
      '/api/messages',
    ]);
    expect(entries('probe answered')).toHaveLength(1);
  });

  it('in the error log of a failed turn, whatever the error carries', async () => {
    const cause = new Error(`backend said: PIN ${PIN} does not match account ${ACCOUNT_NUMBER}`);
    const failure = Object.assign(new Error(`port rejected for 555-444-333-222 with PIN ${PIN}`, { cause }), {
      body: { pin: PIN, accountNumber: ACCOUNT_NUMBER },
      request: { data: `accountNumber=${ACCOUNT_NUMBER}` },
      config: { headers: { authorization: 'Basic hunter2' } },
    });
    const app = await startTestApp({
      logger: logs.logger,
      bot: () => ({
        run: async () => {
          throw failure;
        },
      }),
    });
    try {
      const replies = await app.exchange(message(`${PIN}`));
      expectNoCanary(JSON.stringify(replies));
    } finally {
      await app.close();
    }

    const [failed] = entries('turn failed');
    expect(failed).toMatchObject({
      err: { name: 'Error', message: expect.stringContaining('port rejected for'), stack: expect.stringContaining('at '), cause: { name: 'Error' } },
      activity: { textLength: PIN.length },
    });
    expect(failed.err).not.toHaveProperty('body');
    expect(failed.err).not.toHaveProperty('request');
  });

  it('in a failed readiness check', async () => {
    const app = await startTestApp({
      logger: logs.logger,
      storage: withFailingPing(await memoryStorage(), new Error(`connect failed: redis://admin:hunter2@cache:6379 account ${ACCOUNT_NUMBER}`)),
    });
    try {
      expect((await fetch(`${app.url}/readyz`)).status).toBe(503);
    } finally {
      await app.close();
    }

    expect(entries('readiness: storage ping failed')).toHaveLength(1);
  });

  it('when code logs secrets, activities and errors directly', async () => {
    const log = logs.logger;
    log.info({ pin: PIN, accountNumber: ACCOUNT_NUMBER, password: 'hunter2' }, 'top-level fields');
    log.info({ draft: { pin: PIN, accountNumber: ACCOUNT_NUMBER } }, 'nested fields');
    log.info({ port: { draft: { pin: PIN } } }, 'deeper fields');
    log.info({ headers: { authorization: `Bearer ${PIN}` }, req: { headers: { authorization: `Bearer ${PIN}` } } }, 'headers');
    log.info({ activity: message(`PIN ${PIN}`, { value: { accountNumber: ACCOUNT_NUMBER } }) }, 'an activity');
    log.error(new Error(`bad PIN ${PIN}`));
    log.warn({ err: `thrown string with ${ACCOUNT_NUMBER}` }, 'a thrown string');

    const context = new TurnContext(new TestAdapter(), message(`PIN ${PIN}`));
    loggerForTurn(log, context).info({ activity: context.activity }, 'in a turn');

    expect(logs.entries().map((entry) => entry.msg)).toEqual([
      'top-level fields',
      'nested fields',
      'deeper fields',
      'headers',
      'an activity',
      'bad PIN [digits removed]',
      'a thrown string',
      'in a turn',
    ]);
  });
});

describe('the activity serializer', () => {
  it('describes an activity of any shape, without throwing', () => {
    const logs = captureLogs('trace');
    const odd = [
      { attachments: [null, 'a string', 7, { contentType: 5 }, { contentType: 'image/png' }] },
      { attachments: 'a string', entities: 'more', text: 42, value: null },
      { conversation: 'not an object', from: null, recipient: [], membersAdded: {} },
      null,
      'a string',
    ];

    for (const activity of odd) logs.logger.info({ activity }, 'an odd activity');

    expect(logs.entries().map((entry) => entry.activity)).toEqual([
      expect.objectContaining({ attachmentTypes: [null, null, null, null, 'image/png'] }),
      expect.not.objectContaining({ attachmentTypes: expect.anything(), textLength: expect.anything() }),
      expect.not.objectContaining({ conversationId: expect.anything(), fromRole: expect.anything() }),
      {},
      {},
    ]);
  });
});
