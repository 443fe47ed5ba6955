import { buttonLabels } from '../../dialogs/text/buttonLabels';
import { correctionText } from '../../dialogs/text/correctionText';
import { interruptionText } from '../../dialogs/text/interruptionText';
import { mainText } from '../../dialogs/text/mainText';
import { statusText } from '../../dialogs/text/statusText';
import { createReferenceNumber, rejectionReason } from '../../src/domain';
import { formatFocDate } from '../../src/submission/notifications';
import { SUPPORT } from './conversationHarness';
import { CorrectionHarness, buttonsOf, textsOf } from './correctionHarness';

const ZIP = '62704';

describe('the status check', () => {
  let harness: CorrectionHarness;

  beforeEach(async () => {
    harness = await CorrectionHarness.create();
  });

  afterEach(async () => {
    await harness.close();
  });

  it('asks for the reference and the service ZIP, then tells the state, the moving date and a fresh link to the letter', async () => {
    const loa = await harness.signed();
    await harness.event(loa, { state: 'foc_confirmed', focDate: '2026-03-10' });

    const askReference = await harness.turn(buttonLabels.status);
    expect(textsOf(askReference)).toEqual([statusText.askReference]);
    // The customer's own last request is one press away.
    expect(buttonsOf(askReference[0])).toEqual([loa.referenceNumber]);
    expect(await harness.say(loa.referenceNumber)).toEqual([statusText.askPostalCode]);
    const answer = await harness.say(ZIP);

    expect(answer[0]).toContain(`Your port request ${loa.referenceNumber} has a date: the move happens on ${formatFocDate('2026-03-10')}.`);
    expect(formatFocDate('2026-03-10')).toBe('Tuesday, March 10, 2026');
    expect(answer[0]).toMatch(/\[open your letter\]\(https:\/\/porting\.example\.com\/api\/loa\/PA-[^?]+\?token=1\./);
    expect(answer[1]).toBe(mainText.menu.again);
  });

  it('takes the reference in any case and spacing, and a ZIP+4, typed from another conversation', async () => {
    const loa = await harness.signed();
    const typed = loa.referenceNumber.toLowerCase().replace(/-/g, ' ');

    await harness.say('where is my port?');
    await harness.say(typed);
    const answer = await harness.say(`${ZIP}-1234`);

    expect(answer[0]).toContain(statusText.result.received({ referenceNumber: loa.referenceNumber, version: 1, progress: 'received', carrier: 'AT&T' }));
  });

  it('reveals nothing for a wrong ZIP: the same answer as a reference that does not exist', async () => {
    const loa = await harness.signed();
    await harness.event(loa, { state: 'completed' });

    await harness.say(buttonLabels.status);
    await harness.say(loa.referenceNumber);
    const wrongZip = await harness.say('94105');
    await harness.say(createReferenceNumber());
    const unknownReference = await harness.say(ZIP);

    expect(wrongZip).toEqual([statusText.notFound, statusText.askReference]);
    expect(unknownReference).toEqual(wrongZip);
  });

  it('stops after three misses and says how to reach a person', async () => {
    await harness.signed();
    await harness.say(buttonLabels.status);
    for (let miss = 1; miss < 3; miss++) {
      await harness.say(createReferenceNumber());
      expect(await harness.say(ZIP)).toEqual([statusText.notFound, statusText.askReference]);
    }
    await harness.say(createReferenceNumber());
    const last = await harness.say(ZIP);

    expect(last).toEqual([statusText.notFoundAgain(SUPPORT), mainText.menu.again]);
    expect(last[0]).toContain(SUPPORT.phone);
  });

  it('tells the customer plainly when wrong guesses elsewhere have paused look-ups, and keeps the count through "delete my data"', async () => {
    const loa = await harness.signed();
    // Five wrong ZIPs, typed in other chats.
    for (let miss = 0; miss < 5; miss++) {
      expect(await harness.statuses.lookup.find(loa.referenceNumber, '10001', undefined)).toEqual({ kind: 'notFound' });
    }

    await harness.say(buttonLabels.status);
    const paused = await harness.say(loa.referenceNumber);

    expect(paused).toEqual([statusText.locked(SUPPORT, 15 * 60_000), mainText.menu.again]);
    expect(paused[0]).toContain('in about 15 minutes');
    expect(paused[0]).toContain(SUPPORT.phone);
    // The count is not the customer's to delete: it is kept apart from their data.
    await harness.say('delete my data');
    expect((await harness.say(buttonLabels.yes))[0]).toContain("I've deleted everything");
    expect(await harness.statuses.lookup.lockedUntil(loa.referenceNumber, undefined)).toBeDefined();
  });

  it('explains what a reference number and a ZIP look like when the answer is not one', async () => {
    await harness.signed();
    await harness.say(buttonLabels.status);

    const reference = createReferenceNumber();
    const lastCharacter = reference.at(-1) === '2' ? '3' : '2';

    expect(await harness.say('my port from last week')).toEqual([statusText.referenceInvalid]);
    // One changed character breaks the check character.
    expect(await harness.say(reference.slice(0, -1) + lastCharacter)).toEqual([statusText.referenceInvalid]);
    expect(await harness.say(reference)).toEqual([statusText.askPostalCode]);
    expect(await harness.say('Springfield')).toEqual([statusText.postalCodeInvalid]);
  });

  it('offers to fix a rejected request the customer can correct, and a person for one they cannot', async () => {
    const loa = await harness.signed();
    await harness.event(loa, { state: 'rejected', reasonCode: 'INVALID_PIN' });

    // A request of its own is answered: the correction keeps waiting.
    await harness.say(buttonLabels.status);
    await harness.say(loa.referenceNumber);
    const fixable = await harness.say(ZIP);
    expect(fixable[0]).toContain(rejectionReason('INVALID_PIN').words);
    expect(fixable[0]).toContain(statusText.fixOffer);

    await harness.event(loa, { state: 'rejected', reasonCode: 'LSR_PENDING' });
    await harness.say(buttonLabels.status);
    await harness.say(loa.referenceNumber);
    const forAPerson = await harness.say(ZIP);
    expect(forAPerson[0]).toContain(rejectionReason('LSR_PENDING').words);
    expect(forAPerson[0]).toContain(correctionText.personNeeded(SUPPORT, loa.referenceNumber));
  });

  it('tells a customer whose request is still a draft how far it is, without asking for a reference', async () => {
    await harness.turn({ type: 'conversationUpdate', membersAdded: [{ id: 'user-1', name: 'Customer' }] });
    await harness.say(buttonLabels.startPort);
    await harness.say(buttonLabels.yes);
    await harness.say('415-555-0123');
    await harness.say('cancel');
    expect(await harness.say(buttonLabels.yes)).toEqual([interruptionText.done.cancel, mainText.menu.again]);

    const status = await harness.say(buttonLabels.status);

    // One number whose carrier isn't known yet: it is its own billing number, which leaves six details, not seven.
    expect(status).toEqual([interruptionText.status.draft(1, 6, 'Current carrier'), mainText.menu.again]);
  });
});
