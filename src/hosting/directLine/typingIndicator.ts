import type { Activity } from 'botbuilder';
import type { ConversationLog } from './conversationLog';

/** Most turns answer well within this: only a slower one shows the indicator, which would otherwise only flicker. */
const TYPING_DELAY_MS = 500;
/** Web Chat shows a typing indicator for 5 seconds after a `typing` activity: a longer turn shows it again before. */
const TYPING_REPEAT_MS = 3_000;

/**
 * Runs `turn`, the bot's turn for something the visitor sent, showing the visitor that the bot is typing while the
 * turn takes long enough to notice: from half a second in, again every few seconds, until anything new shows in the
 * conversation (the bot's answer, as a rule) or the turn ends. Web Chat hides the indicator when the bot's message
 * arrives. A turn that answers nothing (a message relayed to an agent) is quick, so it shows no indicator that
 * nothing would hide.
 *
 * The bridge does this rather than the bot because the bridge sees each turn start and end: it costs the bot no
 * call, and nothing changes for the other channels.
 */
export async function whileTyping<T>(log: ConversationLog, typing: () => Partial<Activity>, turn: () => Promise<T>): Promise<T> {
  let seen = log.watermark;
  const show = () => {
    if (log.watermark !== seen) return;
    log.append(typing());
    seen = log.watermark;
    timer = setTimeout(show, TYPING_REPEAT_MS);
  };
  let timer = setTimeout(show, TYPING_DELAY_MS);
  try {
    return await turn();
  } finally {
    clearTimeout(timer);
  }
}
