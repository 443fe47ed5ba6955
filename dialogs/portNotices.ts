/**
 * What the customer hears when their port request changes state, in their own conversation outside their turns
 * (src/hosting/proactive.ts opens the turn from the conversation reference stored with the submission, whose user is
 * the customer: their session in user state is found as in any turn). A rejection they can fix sets the session to
 * 'correcting' with the details to ask again, offers "Fix my request" and leaves nothing in progress, so that the
 * customer's next message can begin the correction; one that needs a person offers "Talk to an agent" (or says how
 * to reach us, without agents) and notes why in the session, for the escalation; any later news about the request
 * clears a correction or a call for a person that is no longer wanted. The same news, with what it asks of the
 * customer, is queued by email (see customerEmails.ts); the turn only queues it.
 */
import { MessageFactory, type TurnContext } from 'botbuilder';
import { fieldsToCorrect } from '../src/domain/rejectionReasons';
import { noticeText } from '../src/submission/notifications/noticeText';
import type { NoticeTurn } from '../src/hosting/proactive';
import type { PortNotice } from '../src/submission/notifications/portNotice';
import { buttonChoice, questionActivity } from './choices';
import type { ConversationDeps } from './conversationDeps';
import { fieldLabel } from './draftFields';
import type { PendingCorrection, PortingSession } from './portingSession';
import { correctionText } from './text/correctionText';


/** The correction to offer, when the session holds the very letter that was rejected and the reason is one the customer can fix. */
function correctionFor(session: PortingSession | undefined, notice: PortNotice): PendingCorrection | undefined {
  const loa = session?.signedLoa;
  const reason = notice.reason;
  if (!session || !loa || !reason || reason.needsPerson) return undefined;
  if (loa.referenceNumber !== notice.referenceNumber || loa.version !== notice.version) return undefined;
  const fields = fieldsToCorrect(reason, session.draft);
  return { referenceNumber: notice.referenceNumber, version: notice.version, reasonCode: reason.code, fields, begun: false };
}

/**
 * `dropDialogStack`: after news of a rejection the customer can fix, the next message starts afresh (see
 * beginsCorrection). The turn pipeline saves what the notice changed (src/bot/turnPipeline.ts).
 */
export function noticeTurn(deps: ConversationDeps, dropDialogStack: (context: TurnContext) => Promise<void>): NoticeTurn {
  return async (context, notice) => {
    const session = await deps.sessions.find(context);
    const lines = [noticeText[notice.state](notice)];
    const correction = notice.state === 'rejected' ? correctionFor(session, notice) : undefined;
    const personNeeded = notice.state === 'rejected' && !correction;
    if (correction) {
      await deps.sessions.update(context, (current) => {
        current.stage = 'correcting';
        current.correction = correction;
      });
      await dropDialogStack(context);
      lines.push(correctionText.invite(correction.fields.map(fieldLabel)));
    } else {
      if (personNeeded) {
        lines.push(deps.handoff ? correctionText.personHere(notice.referenceNumber) : correctionText.personNeeded(deps.supportContact, notice.referenceNumber));
      }
      const outdated = session?.correction?.referenceNumber === notice.referenceNumber;
      const personNoLongerNeeded = session?.personNeeded?.referenceNumber === notice.referenceNumber && !personNeeded;
      if (session && (personNeeded || outdated || personNoLongerNeeded)) {
        await deps.sessions.update(context, (current) => {
          if (outdated) {
            delete current.correction;
            current.stage = 'signed';
          }
          if (personNeeded) current.personNeeded = { referenceNumber: notice.referenceNumber, reasonCode: notice.reason?.code ?? 'unknown' };
          else if (personNoLongerNeeded) delete current.personNeeded;
        });
      }
    }
    if (notice.contactEmail !== undefined) {
      await deps.emails?.statusChanged(notice, notice.contactEmail, correction ? { fix: correction.fields.map(fieldLabel) } : personNeeded ? { person: true } : undefined);
    }
    const text = lines.join('\n\n');
    const button = correction ? buttonChoice('fixNow') : personNeeded && deps.handoff ? buttonChoice('agent') : undefined;
    await context.sendActivity(button ? questionActivity(context.activity.channelId, text, [button]) : MessageFactory.text(text));
  };
}
