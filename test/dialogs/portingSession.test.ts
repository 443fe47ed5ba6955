import { ActivityTypes, ConversationState, MemoryStorage, TestAdapter, UserState } from 'botbuilder';
import {
  PORTING_SESSION_VERSION,
  type PortingSession,
  keepPinDated,
  migrateFromVersion1,
  migrateFromVersion2,
  migrateFromVersion3,
  newPortingSession,
  readPortingSession,
  restartedPortingSession,
} from '../../dialogs/portingSession';
import { PortingSessionStore } from '../../dialogs/sessionStore';
import { mainText } from '../../dialogs/text/mainText';
import { createLoa, buildPortRequest } from '../../src/domain';
import { captureLogs } from '../support/captureLogs';
import { completeAttDraft } from '../support/drafts';
import { NEW_CARRIER } from '../support/newCarrier';
import { testTurnPipeline } from '../support/turnPipeline';

const NOW = new Date('2026-12-01T10:00:00.000Z');
const USER_KEY = 'test/users/user1/';

function signedLetter() {
  const built = buildPortRequest(completeAttDraft());
  if (!built.ok) throw new Error('the test draft is incomplete');
  const { pin: _pin, ...withoutPin } = createLoa(built.request, { signerName: 'Maria Lopez', signedAt: NOW, channel: 'webchat' }, { newCarrier: NEW_CARRIER });
  return withoutPin;
}

/** A session as version 1 wrote it: no version, and no list of submitted requests yet. */
function version1Session(): Record<string, unknown> {
  return {
    draft: completeAttDraft(),
    stage: 'signed',
    tipsSeen: ['keepService', 'getCsr'],
    refusals: { pin: 1 },
    signedLoa: signedLetter(),
    updatedAt: NOW.toISOString(),
  };
}

describe('reading a stored porting session', () => {
  it('takes a current session as it is', () => {
    const session: PortingSession = { ...newPortingSession(NOW), draft: completeAttDraft(), submittedReferences: ['PA-7KX4-M9Q2-TDX'] };

    expect(readPortingSession(JSON.parse(JSON.stringify(session)))).toEqual({ ok: true, session });
  });

  it('migrates version 1: the signed letter’s request joins the list of submitted requests, everything else kept', () => {
    const stored = version1Session();
    const reference = (stored.signedLoa as { referenceNumber: string }).referenceNumber;

    const read = readPortingSession(stored);

    expect(read).toMatchObject({ ok: true, migratedFrom: 1 });
    if (!read.ok) return;
    // On to version 3 too: the draft's PIN is dated from the session's last change.
    expect(read.session).toEqual({
      ...stored,
      schemaVersion: PORTING_SESSION_VERSION,
      submittedReferences: [reference],
      pinGivenAt: stored.updatedAt,
    });
  });

  it('migrates version 1 keeping a list it already had, each reference once', () => {
    const stored: Record<string, unknown> = { ...version1Session(), submittedReferences: ['PA-2345-6789-ABC'] };
    const reference = (stored.signedLoa as { referenceNumber: string }).referenceNumber;

    expect(migrateFromVersion1(stored)).toMatchObject({ schemaVersion: 2, submittedReferences: ['PA-2345-6789-ABC', reference] });
    expect(migrateFromVersion1({ ...stored, submittedReferences: [reference] })).toMatchObject({ submittedReferences: [reference] });
  });

  it('migrates version 1 without a signed letter to an empty list', () => {
    const { signedLoa: _signed, ...collecting } = version1Session();

    expect(migrateFromVersion1({ ...collecting, stage: 'collecting' })).toMatchObject({ schemaVersion: 2, submittedReferences: [] });
  });

  it('migrates version 2: a draft holding a PIN is dated from the last change, the latest it can have been given', () => {
    const { signedLoa: _signed, ...collecting } = version1Session();
    const version2: Record<string, unknown> = {
      ...collecting,
      schemaVersion: 2,
      stage: 'collecting',
      submittedReferences: [],
      updatedAt: '2026-11-28T09:00:00.000Z',
    };

    expect(migrateFromVersion2(version2)).toEqual({ ...version2, schemaVersion: 3, pinGivenAt: '2026-11-28T09:00:00.000Z' });
    const read = readPortingSession(version2);
    expect(read).toMatchObject({ ok: true, migratedFrom: 2, session: { pinGivenAt: '2026-11-28T09:00:00.000Z' } });

    // No PIN (or none needed): nothing to date.
    const { pin: _pin, ...withoutPin } = version2.draft as Record<string, unknown>;
    expect(migrateFromVersion2({ ...version2, draft: withoutPin })).not.toHaveProperty('pinGivenAt');
    expect(migrateFromVersion2({ ...version2, draft: { ...withoutPin, pin: '' } })).not.toHaveProperty('pinGivenAt');
  });

  it('migrates version 3: no language was chosen then, so the session names none and the locale speaks', () => {
    const version3: Record<string, unknown> = { ...newPortingSession(NOW), schemaVersion: 3 };

    expect(migrateFromVersion3(version3)).toEqual({ ...version3, schemaVersion: 4 });
    const read = readPortingSession(version3);
    expect(read).toMatchObject({ ok: true, migratedFrom: 3 });
    expect(read.ok && read.session.language).toBeUndefined();
  });

  it('keeps the language the customer chose, also when they start over', () => {
    const session: PortingSession = { ...newPortingSession(NOW), language: 'es' };

    expect(readPortingSession(JSON.parse(JSON.stringify(session)))).toEqual({ ok: true, session });
    expect(restartedPortingSession(session, NOW).language).toBe('es');
    expect(readPortingSession({ ...session, language: 'fr' }).ok).toBe(false);
  });

  it.each([
    ['not an object', 'a string'],
    ['a stage that does not exist', { ...version1Session(), stage: 'teleporting' }],
    ['a draft value of the wrong shape', { ...version1Session(), draft: { numbers: '4155550123' } }],
    ['a version from a newer build', { ...version1Session(), schemaVersion: 99 }],
    ['a broken date', { ...version1Session(), updatedAt: 'yesterday' }],
  ])('refuses %s, naming where without the values', (_what, stored) => {
    const read = readPortingSession(stored);

    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems.length).toBeGreaterThan(0);
    expect(JSON.stringify(read.problems)).not.toMatch(/4155550123|teleporting|yesterday|555444333222/);
  });
});

describe('the session store', () => {
  async function storeWith(stored: unknown) {
    const storage = new MemoryStorage();
    await storage.write({ [USER_KEY]: { portingSession: stored } });
    const conversationState = new ConversationState(storage);
    const userState = new UserState(storage);
    const logs = captureLogs('info');
    const sessions = new PortingSessionStore(userState, () => NOW, 30, logs.logger);
    const turns = testTurnPipeline({ conversationState, userState }, { logger: logs.logger });
    let found: PortingSession | undefined;
    const inbound = turns.inbound({
      route: async (context) => {
        found = await sessions.find(context);
        await sessions.find(context);
      },
    });
    const adapter = new TestAdapter((context) => inbound.run(context));
    const read = async () => {
      await adapter.send({ type: ActivityTypes.Message, text: 'hi' });
      return found;
    };
    return { storage, logs, read, adapter };
  }

  it('replaces a session that cannot be read, keeping only the requests it names, tells the customer once, and logs where it failed without its values', async () => {
    const broken: Record<string, unknown> = { ...version1Session(), draft: { accountNumber: 555444333222 } };
    const reference = (broken.signedLoa as { referenceNumber: string }).referenceNumber;
    const { storage, logs, adapter } = await storeWith(broken);

    await adapter.send('hi').assertReply(mainText.sessionNotRestored).assertNoReply('told once', 50);

    const saved = (await storage.read([USER_KEY]))[USER_KEY] as { portingSession: PortingSession };
    expect(saved.portingSession).toMatchObject({ draft: {}, stage: 'collecting', submittedReferences: [reference] });
    expect(saved.portingSession).not.toHaveProperty('signedLoa');
    const warning = logs.entries().find((entry) => entry.msg === 'stored porting session could not be read: started afresh');
    expect(warning).toMatchObject({ problems: ['draft.accountNumber: invalid_type'] });
    expect(logs.text()).not.toContain('555444333222');
  });

  it('migrates an old session and saves it in the current version with the turn', async () => {
    const { storage, read } = await storeWith(version1Session());

    expect(await read()).toMatchObject({ schemaVersion: PORTING_SESSION_VERSION, stage: 'signed' });

    const saved = (await storage.read([USER_KEY]))[USER_KEY] as { portingSession: PortingSession };
    expect(saved.portingSession.schemaVersion).toBe(PORTING_SESSION_VERSION);
    expect(saved.portingSession.submittedReferences).toHaveLength(1);
  });
});

describe('the date the PIN was given', () => {
  const LATER = new Date('2026-12-03T10:00:00.000Z');
  const withPin = (pin: string | undefined, pinGivenAt?: string): PortingSession => ({
    ...newPortingSession(NOW),
    draft: { ...completeAttDraft(), pin },
    ...(pinGivenAt === undefined ? {} : { pinGivenAt }),
  });

  it('is set when a PIN is new to the draft, kept while it stays, and goes with it', () => {
    const given = withPin('918273');
    keepPinDated(given, undefined, NOW);
    expect(given.pinGivenAt).toBe(NOW.toISOString());

    keepPinDated(given, '918273', LATER);
    expect(given.pinGivenAt).toBe(NOW.toISOString());

    const changed = withPin('135790', NOW.toISOString());
    keepPinDated(changed, '918273', LATER);
    expect(changed.pinGivenAt).toBe(LATER.toISOString());

    for (const none of [undefined, '']) {
      const gone = withPin(none, NOW.toISOString());
      keepPinDated(gone, '918273', LATER);
      expect(gone).not.toHaveProperty('pinGivenAt');
    }
  });
});

