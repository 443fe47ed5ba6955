/**
 * Logs scrub digits the way redaction towards agents finds them: an error quoting a PIN typed in full-width digits or
 * split by zero-width spaces, or an account number split by non-breaking hyphens or underscores, reaches neither the
 * log nor the trace a failed turn sends the Emulator (see test/logging.test.ts for the ordinary forms).
 */
import { message } from './support/activities';
import { captureLogs, type CapturedLogs } from './support/captureLogs';
import { expectNoSecretInAnyForm } from './support/secretForms';
import { startTestApp } from './support/testApp';

/** The canary PIN and account number (test/support/drafts.ts) as a customer might type them. */
const TYPED = {
  'a full-width PIN': '９１８２７３',
  'a PIN with zero-width spaces': '9\u200B1\u200B8\u200B2\u200B7\u200B3',
  'an account number with non-breaking hyphens': '555\u2011444\u2011333\u2011222',
  'an account number with underscores': '555_444_333_222',
};

describe('logs never carry a PIN or account number typed in other forms', () => {
  let logs: CapturedLogs;

  beforeEach(() => {
    logs = captureLogs('trace');
  });

  it.each(Object.entries(TYPED))('%s quoted in the error of a failed turn, over HTTP', async (_, typed) => {
    const failure = new Error(`backend refused ${typed}`, { cause: new Error(`no match for ${typed}`) });
    const app = await startTestApp({
      logger: logs.logger,
      bot: () => ({
        run: async () => {
          throw failure;
        },
      }),
    });
    let replies;
    try {
      replies = await app.exchange(message('hello'));
    } finally {
      await app.close();
    }

    const [failed] = logs.entries().filter((entry) => entry.msg === 'turn failed');
    expect(failed).toMatchObject({ err: { message: 'backend refused [digits removed]', cause: { message: 'no match for [digits removed]' } } });
    expect(replies.find((reply) => reply.type === 'trace')?.value).toBe('Error: backend refused [digits removed]');
    expectNoSecretInAnyForm(logs.text());
    expectNoSecretInAnyForm(JSON.stringify(replies));
  });

  it.each(Object.entries(TYPED))('%s in errors logged directly', (_, typed) => {
    logs.logger.error(new Error(`bad value ${typed}`));
    logs.logger.warn({ err: `thrown string with ${typed}` }, 'a thrown string');

    expect(logs.entries().map((entry) => entry.msg)).toEqual(['bad value [digits removed]', 'a thrown string']);
    expectNoSecretInAnyForm(logs.text());
  });
});
