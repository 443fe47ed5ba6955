/** Hand-off to people: what the conversation needs to build it (see conversation.ts). */
import type { TurnContext } from 'botbuilder';
import type { StoredReference } from '../../src/handoff/escalation';
import type { EscalationStore } from '../../src/handoff/escalationStore';
import type { OpenConversation } from '../../src/hosting/conversationOpener';
import type { AgentDeskSettings } from './agentDesk';
import type { HubErrorReporter } from './agentHub';
import type { HandoffSettings } from './customerHandoff';

export interface HandoffOptions {
  readonly store: EscalationStore;
  readonly open: OpenConversation;
  /** Puts work done in a customer's conversation from outside their turns under their turn lock, as their turns are. */
  readonly lockTurn: <R>(work: (context: TurnContext) => Promise<R>) => (context: TurnContext) => Promise<R>;
  /** The agents' channel in Teams, when the settings name one. */
  readonly teamsChannel?: StoredReference;
  readonly agents: AgentDeskSettings & HandoffSettings;
  readonly reportError: HubErrorReporter;
}

export { AGENT_JOIN_EVENT, AgentDesk, type CustomerTurn } from './agentDesk';
export { AgentHub, teamsChannelReference } from './agentHub';
export { CustomerHandoff, HANDOFF_STATUS_EVENT, type HandoffRequester, type HandoffRequestOutcome } from './customerHandoff';
export { TranscriptRecorder } from './transcriptRecorder';
