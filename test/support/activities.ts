import type { Activity } from 'botbuilder';

export const TEST_CHANNEL = 'test';
export const BOT = { id: 'bot', name: 'Porting Assistant', role: 'bot' };

let sequence = 0;

/** An activity as a channel would post it, asking for the replies in the HTTP response. */
export function activity(overrides: Partial<Activity> = {}, conversationId = 'conversation-1', userId = 'user-1'): Partial<Activity> {
  sequence += 1;
  return {
    type: 'message',
    id: `activity-${sequence}`,
    channelId: TEST_CHANNEL,
    serviceUrl: 'http://localhost/test-channel',
    from: { id: userId, name: 'Customer', role: 'user' },
    recipient: BOT,
    conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: 'test' },
    deliveryMode: 'expectReplies',
    ...overrides,
  };
}

export function message(text: string, overrides: Partial<Activity> = {}): Partial<Activity> {
  return activity({ type: 'message', text, ...overrides });
}
