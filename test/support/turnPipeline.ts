import type { ConversationState, UserState } from 'botbuilder';
import { type AgentTurnRunner, type DialogRunner, PortingBot } from '../../src/bot/portingBot';
import { type FailedTurnRepair, type OpenConversation, type TurnHandler, type TurnPipeline, createTurnPipeline } from '../../src/bot/turnPipeline';
import type { Logger } from '../../src/logging';
import { LocalKeyLock } from '../../src/reliability/localKeyLock';
import { TurnLock } from '../../src/reliability/turnLock';
import { captureLogs } from './captureLogs';

export interface PipelineStates {
  readonly conversationState: ConversationState;
  readonly userState: UserState;
}

const noProactiveTurns: OpenConversation = async () => {
  throw new Error('This test opens no proactive turns.');
};

/** The application's turn pipeline with a lock in this process, as a single instance on SQLite has. */
export function testTurnPipeline(states: PipelineStates, options: { open?: OpenConversation; logger?: Logger } = {}): TurnPipeline {
  return createTurnPipeline({
    ...states,
    lock: new TurnLock(new LocalKeyLock(), { waitMs: 10_000 }),
    open: options.open ?? noProactiveTurns,
    logger: options.logger ?? captureLogs('silent').logger,
  });
}

/** The bot as the application runs it: PortingBot's routing as step 4 of the turn pipeline; `turns`: a conversation, say. */
export function pipelinedBot(
  states: PipelineStates,
  turns: { runDialog: DialogRunner; runAgentTurn?: AgentTurnRunner; dropDialogStack?: FailedTurnRepair },
  pipeline: TurnPipeline = testTurnPipeline(states),
): TurnHandler {
  const router = new PortingBot(turns.runDialog, turns.runAgentTurn);
  return pipeline.inbound({ route: (context) => router.run(context), repairFailedTurn: turns.dropDialogStack });
}
