import { newPortingSession } from '../../dialogs/portingSession';
import { portStatusText } from '../../dialogs/portStatus';
import { interruptionText } from '../../dialogs/text/interruptionText';
import { NOW } from './cardHarness';
import { ATT_ANSWERS, completeAttDraft, draftFrom } from '../support/drafts';

describe('portStatusText', () => {
  const session = (answers: Parameters<typeof draftFrom>[0]) => ({ ...newPortingSession(NOW), draft: draftFrom(answers) });

  it('says there is no port yet when nothing was given', () => {
    expect(portStatusText(undefined)).toBe(interruptionText.status.none);
    expect(portStatusText(newPortingSession(NOW))).toBe(interruptionText.status.none);
  });

  it('counts the details given and names the next one in a sentence', () => {
    const text = portStatusText(session({ numbers: ATT_ANSWERS.numbers, carrier: ATT_ANSWERS.carrier, accountNumber: ATT_ANSWERS.accountNumber }));
    expect(text).toBe('Your port request is a draft: 3 of 8 details done. Next: transfer PIN.');
  });

  it('counts the person who signs for a business', () => {
    const business = session({ ...ATT_ANSWERS, holderName: 'Acme Plumbing LLC' });
    expect(portStatusText(business)).toBe('Your port request is a draft: 8 of 9 details done. Next: authorized person.');
  });

  it('says what comes next once every detail is in', () => {
    expect(portStatusText({ ...newPortingSession(NOW), draft: completeAttDraft() })).toBe(interruptionText.status.readyToSign);
  });
});
