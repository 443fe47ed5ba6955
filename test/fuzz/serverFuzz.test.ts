/**
 * 10,000 malformed or random requests against the running application (the real startApplication, memory storage):
 * bodies that are not JSON, JSON that is not an activity, activities with random types, fields of the wrong type
 * (attachments and entities too), deep nesting, huge and odd Unicode strings, random card submits, and random answers
 * inside real conversations.
 * Whatever arrives, the server never answers 5xx, keeps answering, and does not keep what it was sent in memory.
 */
import { Writable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import type { Activity } from 'botbuilder';
import { buttonLabels } from '../../dialogs/text/buttonLabels';
import { mainText } from '../../dialogs/text/mainText';
import { ACTIVITY_LIMITS } from '../../src/hosting/activityLimits';
import { createLogger } from '../../src/logging';
import { activity, message } from '../support/activities';
import { startTestApp, type TestApp } from '../support/testApp';
import { NEW_CARRIER } from '../support/newCarrier';

const REQUESTS = 10_000;
const WARM_UP = 2_000;
const CONCURRENCY = 16;
/** Conversations and customers are drawn from small pools, so that the state the bot keeps for them is bounded. */
const CONVERSATIONS = 24;
const SEED = 20_260_302;

/** A heap measurement after a full collection; `--expose-gc` turned on here, as jest starts node without it. */
function heapAfterGc(): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

interface Probe {
  /** Raw body, sent as it is. */
  readonly body: string;
  readonly contentType: string;
}

/**
 * The Bot Framework's answer to an invoke the bot does not implement (an unknown name): the SDK's contract with the
 * channel, which shows it as an action that did nothing, not a server failure.
 */
const NOT_IMPLEMENTED = 501;

function isInvoke(body: string): boolean {
  try {
    return (JSON.parse(body) as { type?: unknown }).type === 'invoke';
  } catch {
    return false;
  }
}

const json = (value: unknown, contentType = 'application/json'): Probe => ({ body: JSON.stringify(value), contentType });

const oddText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.constantFrom('\u0000', '\uD800', '\u202E١٢٣', '𝟘𝟙𝟚', 'Z̷̛̪a̸l̴g̶o', '<script>', '{{$root}}', '${x}', '%s%n', ' '.repeat(500)),
  fc.stringMatching(/^[0-9() +.-]{0,40}$/),
);
const hugeText = fc.integer({ min: ACTIVITY_LIMITS.textChars - 10, max: ACTIVITY_LIMITS.textChars * 3 }).chain((length) =>
  fc.constantFrom('9', 'a', 'é', '😀', 'Account number: 1 ').map((unit) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length)),
);
const poolId = (prefix: string) => fc.integer({ min: 0, max: CONVERSATIONS - 1 }).map((n) => `${prefix}-${n}`);
const wrongType = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 2 }), fc.double());
const account = fc.oneof(poolId('user').map((id) => ({ id, name: 'Customer' })), wrongType, fc.record({ id: wrongType }));
const cardValue = fc.oneof(
  fc.dictionary(fc.oneof(fc.constantFrom('action', 'cardId', 'signature', 'numbers', 'pin'), fc.string()), fc.oneof(fc.string({ maxLength: 50 }), fc.integer(), fc.boolean(), fc.constant(null))),
  fc.record({ action: fc.constantFrom('confirm', 'sign', 'send', 'edit', 'cancel'), cardId: fc.uuid() }),
  fc.jsonValue({ maxDepth: 12 }),
);

/** An activity whose fields are random or of the wrong type, over a base that is otherwise valid. */
const randomActivity = fc
  .record(
    {
      type: fc.oneof(fc.constantFrom('message', 'conversationUpdate', 'event', 'invoke', 'messageReaction', 'typing', 'endOfConversation', 'installationUpdate'), fc.string({ maxLength: 20 })),
      text: fc.oneof(oddText, hugeText, wrongType),
      value: fc.oneof(cardValue, wrongType),
      name: fc.oneof(fc.constantFrom('webchat/join', 'adaptiveCard/action', 'signin/verifyState'), fc.string({ maxLength: 30 })),
      from: account,
      recipient: account,
      conversation: fc.oneof(poolId('fuzz').map((id) => ({ id })), wrongType, fc.record({ id: fc.string({ maxLength: 50 }) })),
      membersAdded: fc.oneof(fc.array(account, { maxLength: 4 }), wrongType),
      channelId: fc.oneof(fc.constantFrom('test', 'msteams', 'webchat', 'directline', 'emulator'), fc.string({ maxLength: 10 }), wrongType),
      channelData: fc.jsonValue({ maxDepth: 4 }),
      entities: fc.oneof(
        fc.array(fc.record({ type: fc.constantFrom('mention', 'clientInfo'), text: fc.string(), mentioned: fc.oneof(account, fc.constant(undefined)) }, { requiredKeys: ['type'] }), { maxLength: 3 }),
        fc.array(wrongType, { maxLength: 3 }),
        wrongType,
      ),
      attachments: fc.oneof(
        fc.array(fc.record({ contentType: fc.oneof(fc.constantFrom('image/png', 'application/vnd.microsoft.card.adaptive'), wrongType), content: fc.jsonValue({ maxDepth: 3 }) }), { maxLength: 3 }),
        fc.array(wrongType, { maxLength: 3 }),
        wrongType,
      ),
      deliveryMode: fc.oneof(fc.constantFrom('expectReplies', 'normal'), fc.string({ maxLength: 10 })),
      serviceUrl: fc.oneof(fc.constantFrom('http://localhost/test-channel'), fc.string({ maxLength: 30 })),
      locale: fc.oneof(fc.constantFrom('en-US', 'fr-CA', 'ar'), wrongType),
    },
    { requiredKeys: [] },
  )
  .chain((fields) => fc.constantFrom<Record<string, unknown>>(activity({}, 'fuzz-0', 'user-0') as Record<string, unknown>, {}).map((base) => ({ ...base, ...fields })))
  .map((fields) => json(fields));

/** Nesting far beyond any activity's: within the body limit, it must be refused, not walked into a stack overflow. */
const deeplyNested = fc.integer({ min: 40, max: 20_000 }).map((depth) => ({
  body: `{"type":"message","conversation":{"id":"fuzz-1"},"value":${'['.repeat(depth)}${']'.repeat(depth)}}`,
  contentType: 'application/json',
}));

/** An answer a customer might type inside a real conversation, at whatever question it has reached. */
const answerInConversation = fc
  .tuple(poolId('fuzz'), fc.oneof(oddText, fc.constantFrom(...Object.values(buttonLabels), 'cancel', 'help', 'form', 'start over', 'status', 'agent'), hugeText))
  .map(([conversationId, text]) => json(activity({ type: 'message', text }, conversationId, conversationId.replace('fuzz', 'user'))));

const probe: fc.Arbitrary<Probe> = fc.oneof(
  { weight: 4, arbitrary: randomActivity },
  { weight: 3, arbitrary: answerInConversation },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 6 }).map((value) => json(value)) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }).map((body) => ({ body, contentType: 'application/json' })) },
  { weight: 1, arbitrary: deeplyNested },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16', ''), randomActivity).map(([contentType, { body }]) => ({ body, contentType })) },
);

describe('the running server under 10,000 malformed or random requests', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({
      // The fuzz comes from one address and a few conversations: limits a customer never meets would stop it early.
      env: { RATE_LIMIT_PER_MINUTE_PER_CLIENT: '1000000', RATE_LIMIT_PER_MINUTE_PER_CONVERSATION: '1000000' },
      // Logging as deployed (serializers run only for the levels written), written nowhere so that memory stays flat.
      logger: createLogger({ level: 'info' }, new Writable({ write: (_chunk, _encoding, done) => done() })),
    });
    // Some conversations get as far as the questions, so that random answers reach the validators.
    for (let n = 0; n < CONVERSATIONS; n += 2) {
      const conversation = (overrides: Partial<Activity>) => activity(overrides, `fuzz-${n}`, `user-${n}`);
      await app.exchange(conversation({ type: 'conversationUpdate', membersAdded: [{ id: `user-${n}`, name: 'Customer' }] }));
      await app.exchange(conversation({ type: 'message', text: buttonLabels.startPort }));
      await app.exchange(conversation({ type: 'message', text: buttonLabels.yes }));
    }
  });

  afterAll(async () => {
    await app.close();
  });

  /** Requests whose kept-alive connection was closed under them: sent again once, and counted. */
  let resent = 0;

  /**
   * A kept-alive connection the server closes as idle just as the client reuses it fails the request before it is
   * answered (undici reports "fetch failed", the socket closed): a race of the client's connection pool on a machine
   * busy enough to stall it, not an answer. Such a request is sent again once; any other failure stands.
   */
  async function post(body: string, contentType: string | undefined): Promise<Response> {
    const request = () => fetch(`${app.url}/api/messages`, { method: 'POST', headers: contentType ? { 'content-type': contentType } : {}, body });
    try {
      return await request();
    } catch (error) {
      const code = (error as { cause?: { code?: unknown } }).cause?.code;
      if (code !== 'ECONNRESET' && code !== 'UND_ERR_SOCKET') throw error;
      resent++;
      return request();
    }
  }

  async function send(probes: readonly Probe[]): Promise<Map<number, string[]>> {
    const failures = new Map<number, string[]>();
    let next = 0;
    const worker = async () => {
      for (let index = next++; index < probes.length; index = next++) {
        const { body, contentType } = probes[index];
        const response = await post(body, contentType);
        await response.arrayBuffer();
        if (response.status >= 500 && !(response.status === NOT_IMPLEMENTED && isInvoke(body))) {
          failures.set(response.status, [...(failures.get(response.status) ?? []), body.slice(0, 300)]);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    return failures;
  }

  it('never answers 5xx, keeps serving, and keeps its memory flat', async () => {
    const probes = fc.sample(probe, { numRuns: REQUESTS, seed: SEED });

    const warmUpFailures = await send(probes.slice(0, WARM_UP));
    const heapBefore = heapAfterGc();
    const failures = await send(probes.slice(WARM_UP));
    const heapAfter = heapAfterGc();

    expect([...warmUpFailures, ...failures]).toEqual([]);
    // A few requests at most met a connection closed under them; a server that drops connections fails here.
    expect(resent).toBeLessThan(REQUESTS / 200);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    const greeting = await app.exchange(activity({ type: 'conversationUpdate', membersAdded: [{ id: 'user-after', name: 'Customer' }] }, 'after', 'user-after'));
    expect(greeting.map((reply) => reply.text)).toContain(mainText.greeting(NEW_CARRIER.name));
    expect((await app.exchange(message(buttonLabels.startPort, { conversation: { id: 'after', isGroup: false, conversationType: 'personal', name: '' }, from: { id: 'user-after', name: 'Customer' } }))).length).toBeGreaterThan(0);
    // 8,000 requests of up to 256 KiB each: anything kept per request would show as tens of megabytes. What may
    // grow is bounded (the pooled conversations' state, the rate limiter's buckets), so a few megabytes is the bound.
    expect(heapAfter - heapBefore).toBeLessThan(16 * 1024 * 1024);
  }, 120_000);
});
