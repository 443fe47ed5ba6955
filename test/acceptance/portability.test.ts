/**
 * The portability check through the front door: the whole application, configured with PORTABILITY_PROVIDER and the
 * provider's base URL pointing at the local stand-in (which answers in the published shapes, checked with ajv), and a
 * scripted Web Chat customer posting to /api/messages with expectReplies. What the porting backend receives is
 * compared with what the customer typed, less the numbers that cannot move.
 */
import type { Activity } from 'botbuilder';
import { buttonLabels } from '../../dialogs/text/buttonLabels';
import { portabilityText } from '../../dialogs/text/portabilityText';
import { captureLogs } from '../support/captureLogs';
import { click } from '../support/clicks';
import { FakeConnector } from '../support/fakeConnector';
import { startTestApp } from '../support/testApp';
import { ProviderStandIn, TELNYX_KEY, TWILIO_SID, TWILIO_TOKEN } from '../portability/support/providerStandIn';
import { type AcceptanceApp, SUPPORT_PHONE, startAcceptanceApp } from './support/acceptanceApp';
import { Customer, textsOf } from './support/customer';
import { MARIA, type CustomerDetails, withChanges } from './support/details';
import { awaitDelivery, expectedRequest, referenceIn } from './support/submissions';

const KEPT = '+14155550142';
const NOT_PORTABLE = '+14155550199';

const buttonsOf = (replies: readonly Partial<Activity>[]) => (replies.at(-1)?.suggestedActions?.actions ?? []).map((action) => action.title);

describe('a port with the portability check, over HTTP', () => {
  const channel = new FakeConnector();
  let serviceUrl: string;
  let standIn: ProviderStandIn;
  let telnyxApp: AcceptanceApp;
  let twilioApp: AcceptanceApp;

  beforeAll(async () => {
    serviceUrl = await channel.listen();
    standIn = await ProviderStandIn.start();
    telnyxApp = await startAcceptanceApp({ env: standIn.telnyxEnv() });
    twilioApp = await startAcceptanceApp({
      env: { PORTABILITY_PROVIDER: 'twilio', TWILIO_API_BASE_URL: standIn.twilioBaseUrl, TWILIO_ACCOUNT_SID: TWILIO_SID, TWILIO_AUTH_TOKEN: TWILIO_TOKEN },
    });
  });

  afterAll(async () => {
    await telnyxApp?.close();
    await twilioApp?.close();
    await standIn?.close();
    await channel.close();
  });

  beforeEach(() => standIn.reset());

  afterEach(() => expect(standIn.contractProblems).toEqual([]));

  const customer = (app: AcceptanceApp, name: string, details: CustomerDetails) => new Customer(app.exchange, { name, details, serviceUrl });

  it('Telnyx: a number that cannot move is refused at the numbers question with the reason, the other kept, a person offered', async () => {
    standIn.set(NOT_PORTABLE, { portable: false, telnyxReason: 'No coverage' });
    const maria = customer(telnyxApp, 'telnyx-partial', withChanges(MARIA, { numbers: { typed: '(415) 555-0142, (415) 555-0199', e164: [KEPT] } }));
    await maria.open();
    await maria.say(buttonLabels.startPort);
    await maria.untilAskedFor('numbers');

    const replies = await maria.answer();

    expect(textsOf(replies)).toContain(portabilityText.someCannotMove(new Map([['notCovered', ['(415) 555-0199']]]), 1));
    expect(maria.asked()).toEqual({ kind: 'field', field: 'carrier' });
    expect(buttonsOf(replies)).toEqual([buttonLabels.agent]);

    // The review the customer confirms shows the number that can move, and only that one (checkReview).
    const review = await maria.until((asked) => asked.kind === 'review');
    if (review.kind !== 'review') throw new Error('no review');
    maria.checkReview(review.card);

    const sent = await maria.finishPort();
    const referenceNumber = referenceIn(sent);
    const { request } = await awaitDelivery(telnyxApp.submissionsDir, referenceNumber, 1);
    expect(request).toEqual(expectedRequest(maria.details, { referenceNumber, version: 1 }));
    expect(standIn.requests.map(({ method, path }) => `${method} ${path}`)).toEqual(['POST /v2/portability_checks']);
  });

  it('Telnyx: when no number can move, the question is asked again with a person offered, who is a tap away', async () => {
    standIn.set(NOT_PORTABLE, { portable: false, telnyxReason: 'No coverage' });
    const sam = customer(telnyxApp, 'telnyx-none', withChanges(MARIA, { numbers: { typed: '(415) 555-0199', e164: [NOT_PORTABLE] } }));
    await sam.open();
    await sam.say(buttonLabels.startPort);
    await sam.untilAskedFor('numbers');

    const replies = await sam.answer();

    expect(textsOf(replies)[0]).toBe(portabilityText.noneCanMove(new Map([['notCovered', ['(415) 555-0199']]])));
    expect(sam.asked()).toEqual({ kind: 'field', field: 'numbers' });
    expect(buttonsOf(replies)).toEqual([buttonLabels.agent]);
    // No agents are set up in this application: the person is the support line.
    const person = await sam.send(click('agent'));
    expect(textsOf(person).join('\n')).toContain(SUPPORT_PHONE);
  });

  it('Twilio: where the provider says no PIN is needed, the PIN is never asked and the request goes without one', async () => {
    standIn.set(KEPT, { portable: true, pinRequired: false, numberType: 'MOBILE' });
    const maria = customer(twilioApp, 'twilio-no-pin', MARIA);

    await maria.open();
    await maria.say(buttonLabels.startPort);
    const questions: string[] = [];
    const review = await maria.until((asked) => {
      if (asked.kind === 'field') questions.push(asked.field);
      return asked.kind === 'review';
    });

    // Nor is the billing number: Twilio says the one number is a mobile number, which is its own billing number.
    expect(questions).toEqual(['numbers', 'carrier', 'accountNumber', 'holderName', 'serviceAddress', 'contactEmail']);
    if (review.kind !== 'review') throw new Error('no review');
    maria.checkReview(review.card);

    const sent = await maria.finishPort();
    const referenceNumber = referenceIn(sent);
    const { request } = await awaitDelivery(twilioApp.submissionsDir, referenceNumber, 1);
    expect(request).toEqual({ ...expectedRequest(MARIA, { referenceNumber, version: 1 }), account: { number: MARIA.accountNumber } });
    expect(standIn.requests.map(({ method, path }) => `${method} ${path}`)).toEqual([`GET /v1/Porting/Portability/PhoneNumber/${encodeURIComponent(KEPT)}`]);
  });

  it('Twilio: where the provider says the one number is a landline, the billing number is asked, and the request carries it', async () => {
    const landline = '+14155550160';
    standIn.set(landline, { portable: true, numberType: 'LOCAL' });
    // A home phone on the account whose main number stays: the BTN is another number.
    const home = withChanges(MARIA, {
      numbers: { typed: '(415) 555-0160', e164: [landline] },
      billingNumber: { typed: '(415) 555-0100', e164: '+14155550100' },
      wholeAccount: true,
    });
    const maria = customer(twilioApp, 'twilio-landline', home);

    await maria.open();
    await maria.say(buttonLabels.startPort);
    const sent = await maria.finishPort();

    expect(maria.answered).toContain('field billingNumber');
    const referenceNumber = referenceIn(sent);
    const { request } = await awaitDelivery(twilioApp.submissionsDir, referenceNumber, 1);
    expect(request).toEqual(expectedRequest(home, { referenceNumber, version: 1 }));
  });

  it('Telnyx refusing the key never blocks the customer: the port goes on, and the log says why, without the key', async () => {
    standIn.mode = 'unauthorized';
    const logs = captureLogs('info');
    const app = await startTestApp({ env: standIn.telnyxEnv(), logger: logs.logger });
    try {
      const maria = new Customer(app.exchange, { name: 'telnyx-401', details: MARIA, serviceUrl });
      await maria.open();
      await maria.say(buttonLabels.startPort);
      await maria.untilAskedFor('numbers');

      await maria.answer();

      expect(maria.asked()).toEqual({ kind: 'field', field: 'carrier' });
      expect(logs.entries()).toContainEqual(
        expect.objectContaining({ msg: 'portability check unavailable: carrying on without it', provider: 'telnyx', failure: 'unauthorized', status: 401 }),
      );
      expect(logs.text()).not.toContain(TELNYX_KEY);
    } finally {
      await app.close();
    }
  });
});
