/**
 * The recent conversation, kept for the person who may take it over: what the customer typed (an answer to a PIN or
 * account number question left out entirely, and any secret in other messages masked) and what the bot said. It lives
 * in conversation state, bounded, and is copied into an escalation when one opens.
 */
import { type Activity, ActivityTypes, type ConversationState, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { type KnownSecrets, redactBotWords, redactSecrets } from '../../src/domain';
import { type TranscriptLine, withLine } from '../../src/handoff/escalation';
import { isSecretAnswer } from '../secretAnswer';
import { agentText } from '../text/agentText';

const TRANSCRIPT_PROPERTY = 'recentTranscript';

/** What an agent can read of an activity the bot sent: its text, or a card's fallback text. */
function readableText(activity: Partial<Activity>): string | undefined {
  if (activity.type !== ActivityTypes.Message) return undefined;
  if (activity.text) return activity.text;
  const card = activity.attachments?.[0]?.content as { fallbackText?: unknown } | undefined;
  return typeof card?.fallbackText === 'string' ? card.fallbackText : undefined;
}

export class TranscriptRecorder {
  private readonly lines: StatePropertyAccessor<TranscriptLine[]>;

  constructor(
    conversationState: ConversationState,
    private readonly clock: () => Date,
  ) {
    this.lines = conversationState.createProperty<TranscriptLine[]>(TRANSCRIPT_PROPERTY);
  }

  /**
   * Records the turn: call before the turn's work to collect what the bot sends, and call the returned function once
   * the work is done, with the secrets to mask, to store the customer's message and the bot's replies.
   */
  capture(context: TurnContext): (secrets: KnownSecrets) => Promise<void> {
    const sent: string[] = [];
    context.onSendActivities(async (_context, activities, next) => {
      for (const activity of activities) {
        const text = readableText(activity);
        if (text) sent.push(text);
      }
      return next();
    });
    return async (secrets) => {
      const at = this.clock().toISOString();
      let transcript = await this.lines.get(context, []);
      const said = context.activity.type === ActivityTypes.Message ? context.activity.text?.trim() : undefined;
      if (said) {
        const text = isSecretAnswer(context) ? agentText.hiddenSecretAnswer : redactSecrets(said, secrets);
        transcript = withLine(transcript, { from: 'customer', text, at });
      }
      for (const text of sent) transcript = withLine(transcript, { from: 'bot', text: redactBotWords(text, secrets), at });
      await this.lines.set(context, transcript);
    };
  }

  read(context: TurnContext): Promise<TranscriptLine[]> {
    return this.lines.get(context, []);
  }
}
