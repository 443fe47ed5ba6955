/**
 * The benchmark's simulated customers at work: every customer runs its rounds at the same time as the others, each
 * round a new conversation, either flat out (the next turn as soon as the last is answered: throughput) or pausing
 * between turns as a person does (latency at that many concurrent conversations, without a queue of waiting turns).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Activity } from 'botbuilder';
import { BotClient } from '../../src/chat/botClient';
import type { Exchange } from './simulatedCustomer';
import { stateKeys } from './stateSize';

/** Opens a conversation for a customer: the exchange through which it sends that conversation's turns. */
export type OpenConversation = (userId: string, conversationId: string) => Exchange;
/** What customer number `index` does in round `round`: its turns, through conversations it opens. */
export type Customer = (index: number, round: number, open: OpenConversation) => Promise<void>;

export interface Phase {
  readonly customers: number;
  readonly rounds: number;
  /** The first round's number: rounds of different phases are different conversations. */
  readonly firstRound: number;
  /**
   * The mean pause before each turn (uniform from half to one and a half of it); a conversation's first turn comes
   * after up to one such pause, so that customers do not all arrive at once.
   */
  readonly thinkMs?: number;
}

export interface PhaseResult {
  readonly seconds: number;
  /** The simulated customers' own CPU time in milliseconds: on a small machine they share the cores with the server. */
  readonly clientCpuMs: number;
  /** Each turn's latency in milliseconds, from sending the request to reading the whole response. */
  readonly samples: readonly number[];
  /** The state keys of each conversation opened (see stateKeys). */
  readonly conversations: readonly (readonly string[])[];
}

/** The channel the simulated customers talk through: the terminal chat's BotClient. */
const CHANNEL_ID = 'terminal';

export async function runPhase(url: string, customer: Customer, phase: Phase): Promise<PhaseResult> {
  const samples: number[] = [];
  const conversations: string[][] = [];
  const open: OpenConversation = (userId, conversationId) => {
    conversations.push(stateKeys(CHANNEL_ID, conversationId, userId));
    const client = new BotClient(url, { userId, conversationId });
    let turns = 0;
    return async (activity: Partial<Activity>) => {
      // Paced customers arrive spread over one pause, not all in the same millisecond, then pause before each turn.
      if (phase.thinkMs) await sleep(phase.thinkMs * (turns++ === 0 ? Math.random() : 0.5 + Math.random()));
      const startedAt = performance.now();
      const replies = await client.send(activity);
      samples.push(performance.now() - startedAt);
      return replies;
    };
  };
  const startedAt = performance.now();
  const cpuBefore = process.cpuUsage();
  await Promise.all(
    Array.from({ length: phase.customers }, async (_, index) => {
      for (let round = phase.firstRound; round < phase.firstRound + phase.rounds; round++) await customer(index, round, open);
    }),
  );
  const cpu = process.cpuUsage(cpuBefore);
  return { seconds: (performance.now() - startedAt) / 1000, clientCpuMs: (cpu.user + cpu.system) / 1000, samples, conversations };
}
