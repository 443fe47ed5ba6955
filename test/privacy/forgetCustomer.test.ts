/**
 * "Delete my data" through the whole application (startApplication over HTTP, the real outbox and webhook gateway),
 * on each backend whose keys can be read around the bot's code: once the customer confirms, the store holds no key
 * of theirs, a request not yet delivered never is, and the bot meets them as a new customer.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import type { PortingSession } from '../../dialogs/portingSession';
import { buttonLabels } from '../../dialogs/text/buttonLabels';
import { interruptionText } from '../../dialogs/text/interruptionText';
import { mainText } from '../../dialogs/text/mainText';
import { reviewText } from '../../dialogs/text/reviewText';
import { signText } from '../../dialogs/text/signText';
import { tipsText } from '../../dialogs/text/tipsText';
import { type RunningApplication, startApplication } from '../../src/app';
import { SIGNATURE_INPUT_ID } from '../../src/cards/signCards';
import { DEMO_CARRIER_NAME, parseConfig } from '../../src/config';
import { CSR_FIELDS, type CsrFieldName } from '../../src/domain';
import { PORTING_EVENTS_PATH } from '../../src/hosting/portingEventsRoute';
import { DataKeyring, formatDataKey, parseDataKey } from '../../src/security/dataKeys';
import { createStorage, type SweepableStorage } from '../../src/storage/createStorage';
import { SIGNATURE_HEADER, signBody } from '../../src/submission';
import { PortStatusStore } from '../../src/submission/events/statusStore';
import { entryKey, OutboxStore } from '../../src/submission/outbox/outboxStore';
import { lastCard, submitOf } from '../dialogs/cardHarness';
import { SUPPORT, asksAboutTheAccount, textsOf } from '../dialogs/conversationHarness';
import { eventually, purgeNamespace, scratchFolder, testBackends, uniqueNamespace } from '../storage/testBackends';
import { RECEIVER_SECRET, Receiver } from '../submission/support/receiver';
import { activity } from '../support/activities';
import { captureLogs } from '../support/captureLogs';
import { ATT_ANSWERS } from '../support/drafts';
import { rawKeys } from '../security/rawStore';

const keyring = new DataKeyring(parseDataKey(formatDataKey('test', randomBytes(32))));
const scratch = scratchFolder();
afterAll(() => scratch.remove());
/** The delivery retried after a failure is due this long after it, exactly (no jitter): long enough to act first. */
const RETRY_MS = 60_000;
const nothingSubmitted = { withdrawn: [], sent: [] };

for (const backend of testBackends(join(scratch.path, 'forget.sqlite')).filter((candidate) => candidate.name !== 'memory')) {
  const sqliteFile = join(scratch.path, 'forget.sqlite');
  (backend.url === undefined ? describe.skip : describe)(`"delete my data" on ${backend.name} storage`, () => {
    const namespace = uniqueNamespace(`forget_${backend.name}`);
    // The porting backend: down (503, so a submission waits in the outbox) until a test brings it up.
    const porting = { up: false };
    const receiver = new Receiver(() => (porting.up ? 200 : 503));
    let clockOffsetMs = 0;
    const clock = () => new Date(Date.now() + clockOffsetMs);
    let storage: SweepableStorage;
    let outbox: OutboxStore;
    let app: RunningApplication;

    beforeAll(async () => {
      const webhookUrl = await receiver.listen();
      storage = await createStorage(backend.url as string, { ttlDays: 30, namespace, encryption: keyring });
      outbox = new OutboxStore(storage);
      const config = parseConfig({
        PORT: '0',
        PORTING_GATEWAY: 'webhook',
        PORTING_WEBHOOK_URL: webhookUrl,
        PORTING_WEBHOOK_SECRET: RECEIVER_SECRET,
        SUBMISSION_RETRY_BASE_MS: String(RETRY_MS),
        SUBMISSION_RETRY_MAX_MS: String(RETRY_MS),
        SUPPORT_PHONE: SUPPORT.phone,
        SUPPORT_EMAIL: SUPPORT.email,
        MAIL_DIR: join(scratch.path, 'mail'),
      });
      app = await startApplication(config, {
        storage,
        logger: captureLogs('silent').logger,
        clock,
        submissionWorker: { pollIntervalMs: 20, random: () => 1 },
      });
    });

    afterAll(async () => {
      await app.close();
      await receiver.close();
      await purgeNamespace(backend, namespace);
    });

    /** A customer of their own, in a conversation of their own. */
    function customer(name: string) {
      const userId = `user-${name}`;
      const conversationId = `conversation-${name}`;
      const userKey = `test/users/${userId}/`;
      const send = async (sent: Partial<Activity>): Promise<Partial<Activity>[]> => {
        const response = await fetch(`${app.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(activity(sent, conversationId, userId)),
        });
        expect(response.status).toBe(200);
        return ((await response.json()) as { activities: Partial<Activity>[] }).activities;
      };
      const say = async (text: string) => textsOf(await send({ type: 'message', text }));
      const join = async () => textsOf(await send({ type: 'conversationUpdate', membersAdded: [{ id: userId, name: 'Customer' }] }));
      const answer = async (fields: readonly CsrFieldName[]) => {
        await join();
        await say(buttonLabels.startPort);
        await say(buttonLabels.yes);
        let replies: Partial<Activity>[] = [];
        for (const field of fields) {
          replies = await send({ type: 'message', text: ATT_ANSWERS[field] });
          // Its two numbers are on one account, moving whole: asked so, the customer says yes.
          while (asksAboutTheAccount(replies)) replies = await send({ type: 'message', text: buttonLabels.yes });
        }
        return replies;
      };
      const session = async () => ((await storage.read([userKey]))[userKey] as { portingSession?: PortingSession } | undefined)?.portingSession;
      return {
        userId,
        conversationId,
        say,
        join,
        answer,
        /** Gives every detail, signs and sends; resolves with the request's reference number. */
        async signAndSend(): Promise<string> {
          const review = await answer(CSR_FIELDS);
          // Before the letter, AT&T's Wireless Account Lock is confirmed off.
          await send(submitOf(lastCard(review), reviewText.card.confirm));
          const letter = await send({ type: 'message', text: buttonLabels.yes });
          await send(submitOf(lastCard(letter), signText.loaCard.sign, { [SIGNATURE_INPUT_ID]: 'Maria Lopez' }));
          const submitted = (await session())?.submittedReferences ?? [];
          expect(submitted).toHaveLength(1);
          return submitted[0] as string;
        },
        /**
         * The store's keys that name this customer, their conversation or any of `references`, sorted: the stores
         * list keys in no set order (Postgres moves an updated row to the end).
         */
        async keysNamingThem(references: readonly string[] = []): Promise<string[]> {
          const names = [userId, conversationId, ...references];
          return (await rawKeys(backend, namespace, sqliteFile)).filter((key) => names.some((name) => key.includes(name))).sort();
        },
      };
    }

    /** The first delivery attempt has failed (the backend is down) and the entry waits for its retry. */
    const waitingForRetry = (referenceNumber: string) =>
      eventually(async () => {
        const entry = (await outbox.readEntry(entryKey(referenceNumber, 1)))?.value;
        return entry?.status === 'pending' && entry.attempts === 1 && entry.claimedBy === undefined;
      });
    const deliveriesOf = (referenceNumber: string) =>
      receiver.requests.filter((request) => request.body.request.referenceNumber === referenceNumber).length;
    const postEvent = (referenceNumber: string) => {
      const raw = JSON.stringify({
        eventId: `evt-${referenceNumber}`,
        referenceNumber,
        version: 1,
        sequence: 1,
        state: 'submitted',
        occurredAt: clock().toISOString(),
      });
      return fetch(`${app.url}${PORTING_EVENTS_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signBody(raw, RECEIVER_SECRET) },
        body: raw,
      });
    };

    it('deletes the details a customer gave, and meets them as new afterwards', async () => {
      const maria = customer('details');
      await maria.answer(['numbers', 'carrier', 'accountNumber', 'pin']);
      expect(await maria.keysNamingThem()).toHaveLength(2);

      expect(await maria.say('delete my data')).toEqual([interruptionText.confirm.cancelAndDelete]);
      expect(await maria.say(buttonLabels.yes)).toEqual([interruptionText.deleted(nothingSubmitted, SUPPORT), mainText.menu.again]);

      expect(await maria.keysNamingThem()).toEqual([]);
      const again = await maria.say(buttonLabels.startPort);
      expect(again[0]).toBe(mainText.greeting(DEMO_CARRIER_NAME));
      expect(again).not.toContain(mainText.resume.question);
      expect(again.at(-1)).toBe(tipsText.keepService.question);
    });

    it('withdraws a signed request the porting team has not received: it is never delivered', async () => {
      const maria = customer('pending');
      const reference = await maria.signAndSend();
      await waitingForRetry(reference);
      // User, conversation, the entry, its latest version, and the record of the confirmation email, once it is written.
      await eventually(async () => (await maria.keysNamingThem([reference])).length === 5);

      await maria.say('delete my data');
      const deleted = { withdrawn: [reference], sent: [] };
      expect(await maria.say(buttonLabels.yes)).toEqual([interruptionText.deleted(deleted, SUPPORT), mainText.menu.again]);
      expect(await maria.keysNamingThem([reference])).toEqual([]);
      expect(Object.keys((await outbox.pendingIndex())?.keys ?? {})).not.toContain(entryKey(reference, 1));

      // The backend comes back and the retry falls due: the worker has nothing of hers to deliver.
      porting.up = true;
      clockOffsetMs += 2 * RETRY_MS;
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(deliveriesOf(reference)).toBe(1);
      // The backend's news of it finds no request, and leaves no status behind.
      expect((await postEvent(reference)).status).toBe(404);
      expect(await maria.keysNamingThem([reference])).toEqual([]);

      expect((await maria.join())[0]).toBe(mainText.greeting(DEMO_CARRIER_NAME));
      porting.up = false;
    });

    it('deletes a delivered request and its status, and says whom to call to stop it', async () => {
      porting.up = true;
      const maria = customer('delivered');
      const reference = await maria.signAndSend();
      await eventually(async () => (await outbox.readEntry(entryKey(reference, 1)))?.value.status === 'delivered');
      porting.up = false;
      const statuses = new PortStatusStore(storage);
      const event = { eventId: 'evt-1', referenceNumber: reference, version: 1, sequence: 1, state: 'submitted', occurredAt: clock().toISOString() } as const;
      expect(await statuses.apply(event, 1, clock())).toBe('applied');
      // With its status, and the record of the confirmation email once it is written.
      await eventually(async () => (await maria.keysNamingThem([reference])).length === 6);

      await maria.say('delete my data');
      const replies = await maria.say(buttonLabels.yes);
      expect(replies).toEqual([interruptionText.deleted({ withdrawn: [], sent: [reference] }, SUPPORT), mainText.menu.again]);
      expect(replies[0]).toContain(SUPPORT.phone);
      expect(await maria.keysNamingThem([reference])).toEqual([]);
    });

    it('keeps everything, the request waiting to be sent included, when the customer says no', async () => {
      const maria = customer('keeps');
      const reference = await maria.signAndSend();
      await waitingForRetry(reference);
      // Once the confirmation email is written too (its record), so that nothing changes on its own meanwhile.
      await eventually(async () => (await maria.keysNamingThem([reference])).some((key) => key.includes(':k:mail/ledger/')));
      const before = await maria.keysNamingThem([reference]);

      await maria.say('delete my data');
      expect((await maria.say(buttonLabels.no))[0]).toBe(interruptionText.carryOn);
      expect(await maria.keysNamingThem([reference])).toEqual(before);

      porting.up = true;
      clockOffsetMs += 2 * RETRY_MS;
      await eventually(async () => (await outbox.readEntry(entryKey(reference, 1)))?.value.status === 'delivered');
      expect(deliveriesOf(reference)).toBe(2);
      porting.up = false;
    });
  });
}
