/**
 * A channel whose Bot Connector takes the connection and never answers (a channel in trouble, or a hostile
 * `serviceUrl`) cannot hold a conversation: every call the bot makes to it gives up at CONNECTOR_TIMEOUT_MS. A
 * customer's turn and a status notice both end within it, the conversation's lock is let go (the next turn runs), the
 * events route answers, and the answer the customer gave in the turn whose reply never went out is kept.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { buttonLabels } from '../../dialogs/text/buttonLabels';
import { text as lockText } from '../../src/reliability/text';
import { type AcceptanceApp, startAcceptanceApp } from '../acceptance/support/acceptanceApp';
import { Customer, textsOf } from '../acceptance/support/customer';
import { MARIA, withChanges } from '../acceptance/support/details';
import { awaitDelivery, referenceIn } from '../acceptance/support/submissions';
import { FakeConnector } from '../support/fakeConnector';

const TIMEOUT_MS = 1000;
/** Whatever the bot does besides waiting for the channel; far less than this even on a loaded machine. */
const SLACK_MS = 3000;

/** `work`, or a failure naming `what` once it has taken longer than any bounded call could. */
async function within<T>(what: string, work: Promise<T>): Promise<T> {
  const hung = sleep(TIMEOUT_MS * 5).then(() => {
    throw new Error(`${what} still had no answer after ${TIMEOUT_MS * 5} ms`);
  });
  return Promise.race([work, hung]);
}

describe('a channel whose Bot Connector never answers', () => {
  const channel = new FakeConnector(true);
  let serviceUrl: string;
  let app: AcceptanceApp;

  beforeAll(async () => {
    serviceUrl = await channel.listen();
    app = await startAcceptanceApp({ env: { CONNECTOR_TIMEOUT_MS: String(TIMEOUT_MS), TURN_LOCK_WAIT_MS: '500' } });
  });

  afterAll(async () => {
    // The channel first: the calls it still holds end, and with them anything the app would wait for when it closes.
    await channel.close();
    await app?.close();
  });

  it("holds a customer's turn no longer than the timeout; the next turn runs, and the answer given is kept", async () => {
    const maria = new Customer(app.exchange, { name: 'slow-channel', details: MARIA, serviceUrl });
    await maria.open();
    await maria.say(buttonLabels.startPort);
    await maria.untilAskedFor('carrier');

    // Her answer, with the replies to go to her channel rather than in the HTTP answer.
    const callsBefore = channel.held.length;
    const started = performance.now();
    const answered = await within(
      'the turn',
      fetch(`${app.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(maria.activity({ text: maria.answerFor('carrier'), deliveryMode: 'normal' })),
      }),
    );
    const tookMs = performance.now() - started;

    expect(answered.status).toBe(200);
    expect(tookMs).toBeLessThan(TIMEOUT_MS + SLACK_MS);
    // Only the reply was tried: no apology on a channel that did not answer (it would hold the request as long again).
    expect(channel.held.length - callsBefore).toBe(1);
    const next = await maria.say(buttonLabels.startPort);
    expect(textsOf(next)).not.toContain(lockText.busy);
    await maria.say(buttonLabels.resume);
    expect(maria.asked()).toEqual({ kind: 'field', field: 'accountNumber' });
  });

  it('holds a status notice no longer than the timeout: the events route answers, and the customer’s next turn runs', async () => {
    const details = withChanges(MARIA, { numbers: { typed: '(415) 555-0177', e164: ['+14155550177'] }, billingNumber: { typed: '(415) 555-0177', e164: '+14155550177' } });
    const ana = new Customer(app.exchange, { name: 'slow-notice', details, serviceUrl });
    const referenceNumber = referenceIn(await ana.completePort());
    await awaitDelivery(app.submissionsDir, referenceNumber, 1);

    const started = performance.now();
    const event = { eventId: `evt-${randomUUID()}`, referenceNumber, version: 1, sequence: 1, occurredAt: new Date().toISOString(), state: 'rejected', reasonCode: 'INVALID_ADDRESS' };
    const response = await within('the events route', app.postEvent(event));
    const tookMs = performance.now() - started;

    expect({ status: response.status, body: await response.json() }).toMatchObject({ status: 503, body: { code: 'CustomerNotToldYet' } });
    expect(tookMs).toBeLessThan(TIMEOUT_MS + SLACK_MS);
    expect(textsOf(await ana.say('hello'))).not.toContain(lockText.busy);
  });
});
