/**
 * The storage round trips each turn makes, counted inside the benchmark's server process: every call the bot makes
 * on a storage backend (read, write, compare-and-set, delete) is put down to the HTTP request whose turn made it. An
 * AsyncLocalStorage is entered as Node's HTTP server starts each request (its `http.server.request.start` diagnostics
 * channel), so that everything the request's turn does, however deep, carries it; calls outside any request (the
 * outbox and mail workers, sweeps) are counted as background work.
 *
 * What is counted is round trips in a row: a call the turn makes while another of its calls is still under way
 * (both states read at once, say) travels beside it and adds no wait, so it counts once with it. A turn that touches
 * the outbox (`submission/…` keys) is the sending turn; every other turn is an ordinary one.
 *
 * Counting costs the server what it measures: a second AsyncLocalStorage makes every promise of every turn dearer.
 * So the bench counts during the warm-up port, which takes every kind of turn, and stops counting before the phases
 * that are timed (stopCountingStorageCalls).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { RedisBackend } from '../../src/storage/backends/redisBackend';
import { SqlBackend } from '../../src/storage/backends/sqlBackend';
import type { StoreBackend } from '../../src/storage/storeBackend';
import { percentile } from './latency';

/** One turn's round trips to the backend, each counted once however many calls travelled together. */
interface TurnCalls {
  /** Reads and writes of conversation or user state (botbuilder's `…/conversations/…` and `…/users/…` keys). */
  stateReads: number;
  stateWrites: number;
  /** Every round trip, state or not. */
  calls: number;
  /** The round trips of the outbox hand-over: those in which a `submission/…` record travels. */
  handOver: number;
  /** Whether the round trip under way has been counted as the hand-over's. */
  handOverTrip: boolean;
  sending: boolean;
  /** Calls under way now, in all and of state reads and writes: a call that starts beside another is no new trip. */
  inFlight: { all: number; read: number; write: number };
}

export interface StorageCallSummary {
  readonly ordinaryTurns: number;
  /** The most state reads and state writes (round trips) any ordinary turn made, and the median of all its round trips. */
  readonly maxStateReads: number;
  readonly maxStateWrites: number;
  readonly medianCalls: number;
  readonly sendingTurns: number;
  /** The median of the sending turns' round trips, and of those of their outbox hand-over. */
  readonly sendingMedianCalls: number;
  readonly handOverMedianCalls: number;
}

const isStateKey = (key: string) => /\/(conversations|users)\//.test(key);
const isOutboxKey = (key: string) => /:k:submission\//.test(key);

const turnOf = new AsyncLocalStorage<TurnCalls>();
const finished: TurnCalls[] = [];

type Operation = 'read' | 'write' | 'delete';

/** Counts the call `call` makes as its turn's round trip, unless another of the turn's calls is under way. */
function counted<T>(keys: readonly string[], operation: Operation, call: () => Promise<T>): Promise<T> {
  const turn = turnOf.getStore();
  if (!turn) return call();
  const { inFlight } = turn;
  if (inFlight.all++ === 0) {
    turn.calls++;
    turn.handOverTrip = false;
  }
  if (keys.some(isOutboxKey)) {
    turn.sending = true;
    if (!turn.handOverTrip) turn.handOver++;
    turn.handOverTrip = true;
  }
  const state = keys.some(isStateKey) && operation !== 'delete' ? operation : undefined;
  if (state === 'read' && inFlight.read++ === 0) turn.stateReads++;
  if (state === 'write' && inFlight.write++ === 0) turn.stateWrites++;
  return call().finally(() => {
    inFlight.all--;
    if (state) inFlight[state]--;
  });
}

/** Wraps the backend classes' calls so that each is counted; the backends' behaviour is unchanged. */
function countCallsOf(prototype: StoreBackend): void {
  const { getMany, set, swap, deleteMany } = prototype;
  Object.assign(prototype, {
    getMany(this: StoreBackend, keys: readonly string[]) {
      return counted(keys, 'read', () => getMany.call(this, keys));
    },
    set(this: StoreBackend, key: string, record: string, ttlMs: number) {
      return counted([key], 'write', () => set.call(this, key, record, ttlMs));
    },
    swap(this: StoreBackend, key: string, current: string | undefined, record: string, ttlMs: number) {
      return counted([key], 'write', () => swap.call(this, key, current, record, ttlMs));
    },
    deleteMany(this: StoreBackend, keys: readonly string[]) {
      return counted(keys, 'delete', () => deleteMany.call(this, keys));
    },
  } satisfies Partial<StoreBackend>);
}

const REQUEST_START = 'http.server.request.start';

function countTurn(message: unknown): void {
  const turn: TurnCalls = { stateReads: 0, stateWrites: 0, calls: 0, handOver: 0, handOverTrip: false, sending: false, inFlight: { all: 0, read: 0, write: 0 } };
  turnOf.enterWith(turn);
  (message as { response: NodeJS.EventEmitter }).response.once('finish', () => finished.push(turn));
}

/** Starts counting in this process, until stopCountingStorageCalls. */
export function countStorageCalls(): void {
  countCallsOf(RedisBackend.prototype);
  countCallsOf(SqlBackend.prototype);
  subscribe(REQUEST_START, countTurn);
}

/** Stops counting (the backends' calls then go straight through) and sums up what was counted. */
export function stopCountingStorageCalls(): StorageCallSummary {
  unsubscribe(REQUEST_START, countTurn);
  turnOf.disable();
  const ordinary = finished.filter((turn) => !turn.sending && turn.calls > 0);
  const sending = finished.filter((turn) => turn.sending);
  const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);
  return {
    ordinaryTurns: ordinary.length,
    maxStateReads: Math.max(0, ...ordinary.map((turn) => turn.stateReads)),
    maxStateWrites: Math.max(0, ...ordinary.map((turn) => turn.stateWrites)),
    medianCalls: median(ordinary.map((turn) => turn.calls)),
    sendingTurns: sending.length,
    sendingMedianCalls: median(sending.map((turn) => turn.calls)),
    handOverMedianCalls: median(sending.map((turn) => turn.handOver)),
  };
}
