import type { PortNotice } from './portNotice';

/**
 * Tells a customer about their port in the conversation they signed in, outside any turn of theirs. The conversation
 * is the serialized Bot Framework conversation reference the outbox stored, kept opaque here so that the submission
 * side never depends on the hosting SDK.
 */
export interface ProactiveMessenger {
  /** Resolves once the customer has been told; rejects with ConversationGoneError when they never can be there. */
  tell(conversation: Readonly<Record<string, unknown>>, notice: PortNotice): Promise<void>;
}

/** The channel says the conversation no longer exists, or the bot may no longer post in it: trying again won't help. */
export class ConversationGoneError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ConversationGoneError';
  }
}
