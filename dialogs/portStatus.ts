import { draftProgress, fieldLabel } from './draftFields';
import type { PortingSession } from './portingSession';
import { correctionText } from './text/correctionText';
import { interruptionText } from './text/interruptionText';

/**
 * Where the customer's port stands, in one message: nothing yet, a draft with its progress, signed with its reference,
 * or rejected and waiting for their correction.
 */
export function portStatusText(session: PortingSession | undefined): string {
  const text = interruptionText.status;
  const loa = session?.signedLoa;
  if (session?.correction) return correctionText.waiting(session.correction.referenceNumber);
  if (loa) return text.signed(loa.referenceNumber, loa.signature.signedAt, session?.draft.contactEmail);
  if (!session) return text.none;
  const progress = draftProgress(session.draft);
  if (progress.done === 0) return text.none;
  if (progress.next === undefined) return text.readyToSign;
  return text.draft(progress.done, progress.total, fieldLabel(progress.next));
}
