/**
 * Guessing a request's ZIP through the status check, through the front door: the whole application over HTTP with
 * `deliveryMode: "expectReplies"`, each guess from a conversation of its own (a new chat costs nothing, so a limit per
 * conversation stops no one), on two instances sharing one SQLite file, and across a restart. After five wrong ZIPs
 * the reference's look-up is locked: even the right ZIP reveals nothing and the customer is told to wait or call;
 * the lock ends when its time is up (the application's clock is the test's), and the next one lasts twice as long.
 * One address guessing across many references is locked too.
 */
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import { statusText } from '../../dialogs/text/statusText';
import { createReferenceNumber, maskSecret } from '../../src/domain';
import { createStorage } from '../../src/storage/createStorage';
import { OutboxLoaSubmitter, OutboxStore } from '../../src/submission';
import { captureLogs } from '../support/captureLogs';
import { type TestApp, startTestApp } from '../support/testApp';
import { scratchFolder } from '../storage/testBackends';
import { verizonLoa } from '../submission/support/loas';

const SUPPORT = { phone: '1-800-555-0100' };
/** The Verizon letter's service ZIP (San Francisco, CA 94105), and others of the town that are not it. */
const RIGHT_ZIP = '94105';
const WRONG_ZIPS = ['94102', '94103', '94104', '94107', '94108', '94109', '94110', '94111', '94112', '94114'];
const MINUTE = 60_000;
const START = new Date('2026-06-01T10:00:00.000Z');

type Headers = Record<string, string>;

describe('guessing the ZIP of a status check', () => {
  const logs = captureLogs('info');
  const scratch = scratchFolder();
  let now = START.getTime();
  const clock = () => new Date(now);
  const apps: TestApp[] = [];
  let sequence = 0;

  /** The application on the shared SQLite file, as one more instance (or a restarted one). */
  async function instance(env: Headers = {}): Promise<TestApp> {
    const storage = await createStorage(`sqlite://${join(scratch.path, 'bot.sqlite')}`, { ttlDays: 30 });
    const app = await startTestApp({
      storage,
      clock,
      logger: logs.logger,
      // One address makes many requests here; the rate limits are not what is tested.
      env: { SUPPORT_PHONE: SUPPORT.phone, TRUST_PROXY: 'true', RATE_LIMIT_PER_MINUTE_PER_CLIENT: '100000', ...env },
    });
    apps.push(app);
    return app;
  }

  /** A customer in a new conversation of their own, on `app`, from the address in `headers` (if any). */
  function conversation(app: TestApp, headers: Headers = {}) {
    sequence += 1;
    const id = `guess-${sequence}`;
    return async (text: string): Promise<string[]> => {
      sequence += 1;
      const activity = {
        type: 'message',
        text,
        id: `activity-${sequence}`,
        channelId: 'webchat',
        serviceUrl: 'http://localhost/none',
        deliveryMode: 'expectReplies',
        from: { id: `${id}-user`, name: 'Someone', role: 'user' },
        recipient: { id: 'bot', name: 'Porting Assistant' },
        conversation: { id },
      } as Partial<Activity>;
      const response = await app.post(activity, headers);
      expect(response.status).toBe(200);
      const { activities } = (await response.json()) as { activities: Partial<Activity>[] };
      return activities.flatMap((reply) => (reply.text ? [reply.text] : []));
    };
  }

  /** A whole status check in a new conversation: what the bot said after the reference, and after the ZIP. */
  async function check(app: TestApp, reference: string, zip: string, headers: Headers = {}) {
    const say = conversation(app, headers);
    expect(await say('status')).toContain(statusText.askReference);
    const afterReference = await say(reference);
    const afterZip = afterReference.includes(statusText.askPostalCode) ? await say(zip) : [];
    return { afterReference, afterZip, all: [...afterReference, ...afterZip].join('\n') };
  }

  const lockedFor = (minutes: number) => statusText.locked(SUPPORT, minutes * MINUTE);
  const revealed = (text: string) => /Your port request|porting team, who send it on/.test(text);

  let reference: string;
  beforeEach(async () => {
    now = START.getTime();
    const first = await instance();
    const loa = verizonLoa(START);
    reference = loa.referenceNumber;
    await new OutboxLoaSubmitter(new OutboxStore(first.storage), clock, logs.logger, () => undefined).submit({
      loa,
      contactEmail: 'jane@example.com',
      conversation: { channelId: 'webchat', conversation: { id: 'signed-here' }, serviceUrl: 'http://localhost/none' },
    });
  });

  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
  });
  afterAll(() => scratch.remove());

  it('locks a reference after five wrong ZIPs from five conversations on two instances, reveals nothing with the right one, and opens when the lock ends', async () => {
    const [a] = apps;
    const b = await instance();
    // The right answer is a ZIP away here, asked before any guess was made.
    const waiting = conversation(a);
    await waiting('status');
    expect(await waiting(reference)).toEqual([statusText.askPostalCode]);

    for (const [index, zip] of WRONG_ZIPS.slice(0, 5).entries()) {
      const { afterZip } = await check(index % 2 === 0 ? a : b, reference, zip);
      expect(afterZip[0]).toBe(statusText.notFound);
    }

    // Locked: the right ZIP reveals nothing, and the customer is told plainly to wait or call.
    const rightButLocked = await waiting(RIGHT_ZIP);
    expect(rightButLocked[0]).toBe(lockedFor(15));
    expect(rightButLocked[0]).toContain(SUPPORT.phone);
    expect(rightButLocked.some(revealed)).toBe(false);
    // A new conversation on either instance is told at once, without being asked for a ZIP.
    for (const app of [a, b]) {
      const { afterReference, all } = await check(app, reference, RIGHT_ZIP);
      expect(afterReference[0]).toBe(lockedFor(15));
      expect(revealed(all)).toBe(false);
    }

    // A restarted instance knows.
    await a.close();
    const restarted = await instance();
    now += 14 * MINUTE;
    expect((await check(restarted, reference, RIGHT_ZIP)).afterReference[0]).toBe(lockedFor(1));

    // The lock ends after 15 minutes.
    now += MINUTE;
    const open = await check(restarted, reference, RIGHT_ZIP);
    expect(open.afterZip[0]).toContain(`Your port request ${reference}`);
  });

  it('locks again for twice as long when the guessing goes on', async () => {
    const [app] = apps;
    for (const zip of WRONG_ZIPS.slice(0, 5)) await check(app, reference, zip);
    now += 15 * MINUTE;
    for (const zip of WRONG_ZIPS.slice(5, 10)) expect((await check(app, reference, zip)).afterZip[0]).toBe(statusText.notFound);

    expect((await check(app, reference, RIGHT_ZIP)).afterReference[0]).toBe(lockedFor(30));
    now += 29 * MINUTE;
    expect(revealed((await check(app, reference, RIGHT_ZIP)).all)).toBe(false);
    now += MINUTE;
    expect(revealed((await check(app, reference, RIGHT_ZIP)).all)).toBe(true);
  });

  it('locks an address that guesses across many references, and no one else', async () => {
    const [app] = apps;
    const guesser = { 'x-forwarded-for': '203.0.113.66' };
    // Twenty references, one wrong guess each: no reference is near its own limit.
    for (let miss = 0; miss < 20; miss++) {
      expect((await check(app, createReferenceNumber(), RIGHT_ZIP, guesser)).afterZip[0]).toBe(statusText.notFound);
    }

    const fromGuesser = await check(app, reference, RIGHT_ZIP, guesser);
    expect(fromGuesser.afterReference[0]).toBe(lockedFor(15));
    expect(revealed(fromGuesser.all)).toBe(false);
    const fromSomeoneElse = await check(app, reference, RIGHT_ZIP, { 'x-forwarded-for': '198.51.100.7' });
    expect(fromSomeoneElse.afterZip[0]).toContain(`Your port request ${reference}`);
  });

  it('logs every failed look-up with the reference masked', async () => {
    const [app] = apps;
    for (const zip of WRONG_ZIPS.slice(0, 5)) await check(app, reference, zip, { 'x-forwarded-for': '203.0.113.67' });
    await check(app, reference, RIGHT_ZIP);

    const failed = logs.entries().filter((entry) => String(entry.msg).startsWith('status look-up failed') && entry.reference === maskSecret(reference));
    const lockedUntil = new Date(START.getTime() + 15 * MINUTE).toISOString();
    expect(failed.map((entry) => entry.outcome)).toEqual(['notFound', 'notFound', 'notFound', 'notFound', 'notFound', 'locked']);
    expect(failed.slice(0, 4).every((entry) => entry.level === 30 && entry.client === '203.0.113.67')).toBe(true);
    expect(failed[4]).toMatchObject({ level: 40, lockedBy: ['reference'], lockedUntil });
    // The look-up refused while locked, from an address not known (this machine's).
    expect(failed[5]).toMatchObject({ level: 30, lockedBy: ['reference'], lockedUntil });
    expect(failed[5]).not.toHaveProperty('client');
    const lines = logs.text().split('\n').filter((line) => line.includes('status look-up'));
    expect(lines.join('\n')).not.toContain(reference);
  });
});
