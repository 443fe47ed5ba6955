/** Hand-off to people: what the conversation needs to build it (see conversation.ts). */
import type { StoredReference } from '../../src/handoff/escalation';
import type { EscalationStore } from '../../src/handoff/escalationStore';
import type { OpenConversation } from '../../src/bot/turnPipeline';
import type { AgentDeskSettings, CustomerTurn } from './agentDesk';
import type { HubErrorReporter } from './agentHub';
import type { HandoffSettings } from './customerHandoff';

export interface HandoffOptions {
  readonly store: EscalationStore;
  /** Posts to agents: the escalation cards, an agent's thread or console. */
  readonly open: OpenConversation;
  /** Work done in a customer's conversation from outside their turns (an agent's words), as a turn of theirs. */
  readonly customerTurn: CustomerTurn;
  /** The agents' channel in Teams, when the settings name one. */
  readonly teamsChannel?: StoredReference;
  readonly agents: AgentDeskSettings & HandoffSettings;
  readonly reportError: HubErrorReporter;
}

export { AGENT_JOIN_EVENT, AgentDesk, type CustomerTurn } from './agentDesk';
export { AgentHub, teamsChannelReference } from './agentHub';
export { CustomerHandoff, HANDOFF_STATUS_EVENT, type HandoffRequester, type HandoffRequestOutcome } from './customerHandoff';
export { TranscriptRecorder } from './transcriptRecorder';
