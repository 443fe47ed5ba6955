/**
 * The storage round trips each turn makes, counted inside the benchmark's server process: every call the bot makes
 * on a storage backend (read, write, compare-and-set, delete) is put down to the HTTP request whose turn made it. An
 * AsyncLocalStorage is entered as Node's HTTP server starts each request (its `http.server.request.start` diagnostics
 * channel), so that everything the request's turn does, however deep, carries it; calls outside any request (the
 * outbox and mail workers, sweeps) are counted as background work.
 *
 * A turn that touches the outbox (`submission/…` keys) is the sending turn; every other turn is an ordinary one.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { subscribe } from 'node:diagnostics_channel';
import { RedisBackend } from '../../src/storage/backends/redisBackend';
import { SqlBackend } from '../../src/storage/backends/sqlBackend';
import type { StoreBackend } from '../../src/storage/storeBackend';
import { percentile } from './latency';

/** One turn's calls on the backend. */
interface TurnCalls {
  /** Reads and writes of conversation or user state (botbuilder's `…/conversations/…` and `…/users/…` keys). */
  stateReads: number;
  stateWrites: number;
  /** Every call, state or not. */
  calls: number;
  sending: boolean;
}

export interface StorageCallSummary {
  readonly ordinaryTurns: number;
  /** The most state reads and state writes any ordinary turn made, and the median of all its calls. */
  readonly maxStateReads: number;
  readonly maxStateWrites: number;
  readonly medianCalls: number;
  readonly sendingTurns: number;
  /** The median of the sending turns' calls. */
  readonly sendingMedianCalls: number;
}

const isStateKey = (key: string) => /\/(conversations|users)\//.test(key);
const isOutboxKey = (key: string) => /:k:submission\//.test(key);

const turnOf = new AsyncLocalStorage<TurnCalls>();
const finished: TurnCalls[] = [];

type Operation = 'read' | 'write' | 'delete';

function count(keys: readonly string[], operation: Operation): void {
  const turn = turnOf.getStore();
  if (!turn) return;
  turn.calls++;
  if (keys.some(isOutboxKey)) turn.sending = true;
  if (!keys.some(isStateKey)) return;
  if (operation === 'read') turn.stateReads++;
  else if (operation === 'write') turn.stateWrites++;
}

/** Wraps the backend classes' calls so that each is counted; the backends' behaviour is unchanged. */
function countCallsOf(prototype: StoreBackend): void {
  const { getMany, set, swap, deleteMany } = prototype;
  Object.assign(prototype, {
    getMany(this: StoreBackend, keys: readonly string[]) {
      count(keys, 'read');
      return getMany.call(this, keys);
    },
    set(this: StoreBackend, key: string, record: string, ttlMs: number) {
      count([key], 'write');
      return set.call(this, key, record, ttlMs);
    },
    swap(this: StoreBackend, key: string, current: string | undefined, record: string, ttlMs: number) {
      count([key], 'write');
      return swap.call(this, key, current, record, ttlMs);
    },
    deleteMany(this: StoreBackend, keys: readonly string[]) {
      count(keys, 'delete');
      return deleteMany.call(this, keys);
    },
  } satisfies Partial<StoreBackend>);
}

/** Starts counting in this process; `summarizeStorageCalls` reads what was counted since. */
export function countStorageCalls(): void {
  countCallsOf(RedisBackend.prototype);
  countCallsOf(SqlBackend.prototype);
  subscribe('http.server.request.start', (message) => {
    const turn: TurnCalls = { stateReads: 0, stateWrites: 0, calls: 0, sending: false };
    turnOf.enterWith(turn);
    (message as { response: NodeJS.EventEmitter }).response.once('finish', () => finished.push(turn));
  });
}

export function summarizeStorageCalls(): StorageCallSummary {
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
  };
}
