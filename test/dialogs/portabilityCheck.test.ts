/**
 * The portability check in the conversation: the whole conversation (ConversationHarness) with the real provider
 * clients talking to the local stand-in, which answers in the providers' published shapes (checked with ajv). Numbers
 * are checked the moment they are given, by a question, the form card or a pasted record.
 */
import { newPortingSession, readPortingSession } from '../../dialogs/portingSession';
import { portabilityText } from '../../dialogs/text/portabilityText';
import { askFieldText } from '../../dialogs/text/askFieldText';
import { portScopeText } from '../../dialogs/text/portScopeText';
import { buttonLabels } from '../../dialogs/text/buttonLabels';
import { formText } from '../../dialogs/text/formText';
import { NOT_PORTABLE_REASONS, buildPortRequest, carrierRules } from '../../src/domain';
import type { PortabilityChecker } from '../../src/portability/portabilityChecker';
import { TelnyxPortabilityChecker } from '../../src/portability/telnyx';
import { TwilioPortabilityChecker } from '../../src/portability/twilio';
import { captureLogs, type CapturedLogs } from '../support/captureLogs';
import { ATT_ANSWERS, CANARY_ACCOUNT_NUMBER, completeAttDraft } from '../support/drafts';
import { ProviderStandIn, TELNYX_KEY, TWILIO_SID, TWILIO_TOKEN } from '../portability/support/providerStandIn';
import { NOW, lastCard, submitOf } from './cardHarness';
import { ConversationHarness, answerFields, buttonsOf, reachCollection, textsOf } from './conversationHarness';

const A = '+14155550123';
const B = '+14155550124';
const TWO_NUMBERS = '415-555-0123, 415-555-0124';

let standIn: ProviderStandIn;
let logs: CapturedLogs;

beforeAll(async () => {
  standIn = await ProviderStandIn.start();
});

afterAll(() => standIn.close());

beforeEach(() => {
  standIn.reset();
  logs = captureLogs('trace');
});

afterEach(() => expect(standIn.contractProblems).toEqual([]));

const telnyx = (baseUrl = standIn.telnyxBaseUrl, timeoutMs = 1_000) => new TelnyxPortabilityChecker({ baseUrl, apiKey: TELNYX_KEY, timeoutMs });
const twilio = () => new TwilioPortabilityChecker({ baseUrl: standIn.twilioBaseUrl, accountSid: TWILIO_SID, authToken: TWILIO_TOKEN, timeoutMs: 1_000 });
const harnessWith = (portability?: PortabilityChecker) => new ConversationHarness({ portability, logger: logs.logger });

const coverageRefusal = (numbers: string[]) => new Map([['notCovered' as const, numbers]]);

describe('the numbers question, with a portability check', () => {
  it('refuses numbers that cannot move with the reason in plain words, asks again and offers a person', async () => {
    standIn.set(A, { portable: false, telnyxReason: 'No coverage' });
    const harness = harnessWith(telnyx());
    await reachCollection(harness);

    const refused = await harness.turn('(415) 555-0123');

    expect(textsOf(refused.replies)).toEqual([portabilityText.noneCanMove(coverageRefusal(['(415) 555-0123'])), askFieldText.question.numbers()]);
    expect(textsOf(refused.replies)[0]).toBe(
      "(415) 555-0123 can't move to us yet: we don't serve that area.\n\n" +
        'If you have other numbers to move, please send them. Or talk to a person on our team, who can look into it with you.',
    );
    expect(buttonsOf(refused.replies)).toEqual([buttonLabels.agent]);
    expect((await harness.session())?.draft.numbers).toBeUndefined();

    // Another number that can move goes on as any answer does.
    const next = await harness.say('(415) 555-0124');
    expect(next).toEqual([askFieldText.saved.numbers('(415) 555-0124'), askFieldText.question.carrier()]);
  });

  it('keeps the numbers that can move, names those that cannot, and offers a person on the next question', async () => {
    standIn.set(B, { portable: false, telnyxReason: 'No coverage' });
    standIn.set(A, { portable: true, fastPortable: true });
    const harness = harnessWith(telnyx());
    await reachCollection(harness);

    const replies = (await harness.turn(TWO_NUMBERS)).replies;

    expect(textsOf(replies)).toEqual([
      askFieldText.saved.numbers('(415) 555-0123'),
      portabilityText.someCannotMove(coverageRefusal(['(415) 555-0124']), 1),
      askFieldText.question.carrier(),
    ]);
    expect(buttonsOf(replies)).toEqual([buttonLabels.agent]);
    expect((await harness.session())?.draft.numbers).toEqual({ country: 'US', numbers: [A], portability: { [A]: { portable: true, fastPortable: true } } });
    // The question's validator and the step that saved the answer asked the provider once between them.
    expect(standIn.requests).toHaveLength(1);
    // The person offered is the one "Talk to an agent" always brings; the next answer needs no person.
    const carrier = await harness.turn(ATT_ANSWERS.carrier);
    expect(buttonsOf(carrier.replies)).toEqual([]);
  });

  it('does not ask for the PIN where the provider says no PIN is needed (Twilio)', async () => {
    standIn.set(A, { portable: true, pinRequired: false, numberType: 'MOBILE' });
    standIn.set(B, { portable: true, pinRequired: false, numberType: 'MOBILE' });
    const harness = harnessWith(twilio());
    await reachCollection(harness);
    await answerFields(harness, ['numbers', 'carrier']);

    const afterAccount = await harness.say(CANARY_ACCOUNT_NUMBER);

    expect(afterAccount.at(-1)).toBe(askFieldText.question.holderName());
    await answerFields(harness, ['holderName', 'serviceAddress', 'billingNumber', 'contactEmail']);
    const session = await harness.session();
    expect(session?.draft.pin).toBeUndefined();
    expect(session?.stage).toBe('reviewing');
    const built = session && buildPortRequest(session.draft);
    expect(built?.ok && built.request).toEqual(expect.objectContaining({ pinWaivedByCheck: true, numbers: [A, B] }));
  });

  it('asks for the PIN as usual where the provider says it is needed', async () => {
    standIn.set(A, { portable: true, pinRequired: false });
    standIn.set(B, { portable: true, pinRequired: true });
    const harness = harnessWith(twilio());
    await reachCollection(harness);
    await answerFields(harness, ['numbers', 'carrier']);

    const afterAccount = await harness.say(CANARY_ACCOUNT_NUMBER);

    const att = carrierRules({ id: 'att', name: 'AT&T', known: true });
    expect(afterAccount.at(-1)).toContain(att.pin.name);
  });

  it.each([
    ['refuses the key', 'unauthorized', () => {
      standIn.mode = 'unauthorized';
      return telnyx();
    }],
    ['is slow', 'timeout', () => {
      standIn.mode = 'slow';
      return telnyx(standIn.telnyxBaseUrl, 300);
    }],
  ] as const)('a provider that %s never blocks the customer: the port goes on, and the log says why without the key', async (_what, failure, make) => {
    const harness = harnessWith(make());
    await reachCollection(harness);

    const replies = await harness.say(TWO_NUMBERS);

    // Both kept; two numbers: are they on one account?
    expect(replies).toEqual([askFieldText.saved.numbers('(415) 555-0123, (415) 555-0124'), portScopeText.sameAccount.question(2)]);
    expect((await harness.session())?.draft.numbers).toEqual({ country: 'US', numbers: [A, B] });
    const warnings = logs.entries().filter((entry) => entry.msg === 'portability check unavailable: carrying on without it');
    // Asked once in the turn, though both the validator and the saving step wanted the answer.
    expect(warnings).toEqual([expect.objectContaining({ provider: 'telnyx', failure, numbers: 2 })]);
    expect(logs.text()).not.toContain(TELNYX_KEY);
    expect(logs.text()).not.toContain('5550123');
  });

  it('a provider that is down never blocks the customer either', async () => {
    const harness = harnessWith(telnyx(`${await ProviderStandIn.downUrl()}/v2`));
    await reachCollection(harness);

    expect(await harness.say('(415) 555-0123')).toEqual([askFieldText.saved.numbers('(415) 555-0123'), askFieldText.question.carrier()]);
    expect(logs.entries()).toContainEqual(expect.objectContaining({ level: 40, failure: 'unreachable', provider: 'telnyx' }));
  });

  it('with no provider, nothing is checked and nothing is said about a check', async () => {
    const harness = harnessWith(undefined);
    await reachCollection(harness);

    expect(await harness.say(TWO_NUMBERS)).toEqual([askFieldText.saved.numbers('(415) 555-0123, (415) 555-0124'), portScopeText.sameAccount.question(2)]);
    expect(standIn.requests).toEqual([]);
    expect(logs.text()).not.toContain('portability');
  });
});

describe('numbers given another way', () => {
  it('a pasted record: the numbers that cannot move are named, the others kept with the rest of the record', async () => {
    standIn.set(B, { portable: false, telnyxReason: 'No coverage' });
    const harness = harnessWith(telnyx());
    await reachCollection(harness);

    const replies = (await harness.turn(['Customer Service Record', `Phone number: ${TWO_NUMBERS}`, 'Carrier: AT&T'].join('\n'))).replies;

    const texts = textsOf(replies);
    expect(texts[0]).toBe([askFieldText.pasted.intro, `- ${askFieldText.saved.numbers('(415) 555-0123')}`, `- ${askFieldText.saved.carrier('AT&T')}`].join('\n'));
    expect(texts[1]).toBe(portabilityText.someCannotMove(coverageRefusal(['(415) 555-0124']), 1));
    expect(buttonsOf(replies)).toEqual([buttonLabels.agent]);
    expect((await harness.session())?.draft.numbers?.numbers).toEqual([A]);
  });

  it('the form card: numbers that cannot move are refused on the card, the others kept, and a person offered under it', async () => {
    standIn.set(B, { portable: false, telnyxReason: 'No coverage' });
    const harness = harnessWith(telnyx());
    await reachCollection(harness);
    const form = lastCard((await harness.turn(buttonLabels.form)).replies);

    const replies = (
      await harness.turn(
        submitOf(form, formText.card.submit, {
          numbers: TWO_NUMBERS,
          carrier: 'AT&T',
          accountNumber: CANARY_ACCOUNT_NUMBER,
          pin: ATT_ANSWERS.pin,
          holderName: 'Maria Lopez',
          street: '123 Main St',
          city: 'Springfield',
          region: 'IL',
          postalCode: '62704',
          contactEmail: 'maria@example.com',
        }),
      )
    ).replies;

    const again = lastCard(replies);
    expect(JSON.stringify(again)).toContain(JSON.stringify(portabilityText.someCannotMove(coverageRefusal(['(415) 555-0124']), 1)).slice(1, -1));
    expect(textsOf(replies).at(-1)).toBe(portabilityText.formPersonOffer);
    expect(buttonsOf(replies)).toEqual([buttonLabels.agent]);
    expect((await harness.session())?.draft.numbers?.numbers).toEqual([A]);

    // Sent again as the card now shows it (the number that can move), the form is done; the provider is not asked again.
    const done = await harness.turn(submitOf(again, formText.card.submit));
    expect(textsOf(done.replies)[0]).toMatch(/^Thank you, everything checks out\./);
    expect(standIn.requests).toHaveLength(1);
  });
});

describe('the porting session', () => {
  it('keeps the verdicts with the numbers, and reads a session written before there were any (no new version needed)', () => {
    const before = { ...newPortingSession(NOW), draft: completeAttDraft() };
    expect(readPortingSession(JSON.parse(JSON.stringify(before)))).toEqual({ ok: true, session: before });

    const numbers = { ...before.draft.numbers!, portability: { [A]: { portable: true, pinRequired: false, numberType: 'mobile' as const } } };
    const checked = { ...before, draft: { ...before.draft, numbers } };
    expect(readPortingSession(JSON.parse(JSON.stringify(checked)))).toEqual({ ok: true, session: checked });

    // A verdict in a shape the bot never writes is not trusted.
    const bogus = { ...before, draft: { ...before.draft, numbers: { ...numbers, portability: { [A]: { portable: 'yes' } } } } };
    expect(readPortingSession(JSON.parse(JSON.stringify(bogus))).ok).toBe(false);
  });
});

describe('the reasons, in plain words', () => {
  it.each(NOT_PORTABLE_REASONS)('%s: one short sentence for one number or several, with no provider code', (reason) => {
    const one = portabilityText.noneCanMove(new Map([[reason, ['(415) 555-0199']]])).split('\n')[0];
    const many = portabilityText.noneCanMove(new Map([[reason, ['(415) 555-0198', '(415) 555-0199']]])).split('\n')[0];

    expect(one).toContain('(415) 555-0199');
    expect(one).toMatch(/^[A-Z(].*\.$/);
    expect(many).toContain('(415) 555-0198 and (415) 555-0199');
    for (const sentence of [one, many]) {
      expect(sentence).not.toMatch(/[A-Z]{2,}_|\d{5}|undefined/);
      expect(sentence.length).toBeLessThan(140);
    }
    expect(many).not.toMatch(/\b(?:is|it's)\b/);
  });
});
