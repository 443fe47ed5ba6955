import { DialogTurnStatus } from 'botbuilder-dialogs';
import { SharedDialogs } from '../../dialogs/sharedDialogs';
import { interruptionText } from '../../dialogs/text/interruptionText';
import { signText } from '../../dialogs/text/signText';
import { CustomerEmails } from '../../dialogs/customerEmails';
import type { MailRequest } from '../../src/mail/mailQueue';
import { type CsrDraft, authorizationStatement, buildPortRequest, createLoa, isValidReferenceNumber } from '../../src/domain';
import { NOW, cardTexts, lastCard, startHarness, submitOf, textsOf } from './cardHarness';
import { CANARY_ACCOUNT_NUMBER, CANARY_PIN, completeAttDraft, draftFrom } from '../support/drafts';
import { NEW_CARRIER } from '../support/newCarrier';

const { sign: SIGN } = signText.loaCard;

/**
 * The checks before the letter (a fresh PIN, AT&T's Wireless Account Lock) are carrierRules.test.ts's: here the
 * customer has already said the lock is off.
 */
const LOCK_OFF = { portOutLockOffFor: 'AT&T' } as const;

const startSigning = (draft: CsrDraft = completeAttDraft(), emails?: CustomerEmails) =>
  startHarness((deps, cards) => new SharedDialogs({ ...deps, emails }, cards).sign, draft, LOCK_OFF);

/** Email on, with the messages the mail queue is handed. */
function recordingEmails(): { emails: CustomerEmails; queued: MailRequest[] } {
  const queued: MailRequest[] = [];
  const queue = { enqueue: async (request: MailRequest) => void queued.push(request) };
  return { emails: new CustomerEmails({ queue, supportContact: { phone: '1-800-555-0100' }, agentsInChat: false }), queued };
}

/** Shows the letter card; returns the harness and the card, to sign with `submitOf(letter, SIGN, { signature })`. */
async function showLetter(draft?: CsrDraft, emails?: CustomerEmails) {
  const harness = await startSigning(draft, emails);
  const letter = lastCard(await harness.send('sign'));
  return { harness, letter };
}

describe('SignDialog', () => {
  it('explains the letter on "help", keeping the card on screen and sending nothing', async () => {
    const harness = await startSigning();
    await harness.send('sign');

    expect(textsOf(await harness.send('help'))).toEqual([`${signText.help.letter}\n\n${interruptionText.anytime}`]);
    expect(harness.submitter.submissions).toHaveLength(0);
  });

  it('shows the authorization, the letter details with secrets masked, and, above Sign, that signing sends it on', async () => {
    const harness = await startSigning();

    const letter = lastCard(await harness.send('sign'));

    expect(cardTexts(letter)).toContain(authorizationStatement(NEW_CARRIER.name));
    expect(JSON.stringify(letter)).toContain(NEW_CARRIER.name);
    expect(JSON.stringify(letter)).toContain('••••3222');
    expect(cardTexts(letter)).toContain(
      'When you choose Sign, your signed letter and request come to our porting team, and we send them on to AT&T to move your numbers.',
    );
    expect(harness.submitter.submissions).toHaveLength(0);
  });

  it('refuses a signature that is not the account holder, saying whose name is expected', async () => {
    const harness = await startSigning();
    const letter = lastCard(await harness.send('sign'));

    const replies = await harness.send(submitOf(letter, SIGN, { signature: 'John Smith' }));

    expect(textsOf(replies)).toEqual([expect.stringMatching(/account holder's name as you gave it earlier: Maria Lopez/)]);
    expect(replies.some((reply) => reply.attachments?.length)).toBe(false);

    expect(harness.submitter.submissions).toHaveLength(0);

    // The same letter card is still the one to sign, and signing it sends.
    await harness.send(submitOf(letter, SIGN, { signature: 'maria lopez' }));
    expect(harness.submitter.submissions).toHaveLength(1);
  });

  it('asks the authorized person, not the business, to sign for a business account', async () => {
    const business = { ...completeAttDraft(), ...draftFrom({ holderName: 'Acme Plumbing LLC' }), authorizedPerson: 'Ana Ruiz' };
    const harness = await startSigning(business);
    const letter = lastCard(await harness.send('sign'));

    const refused = await harness.send(submitOf(letter, SIGN, { signature: 'Acme Plumbing LLC' }));
    expect(textsOf(refused)).toEqual([expect.stringMatching(/authorized person's name as you gave it earlier: Ana Ruiz/)]);

    expect(harness.submitter.submissions).toHaveLength(0);

    // Typed as a message, the name signs too.
    await harness.send('Ana Ruiz');
    expect(harness.submitter.submissions.map(({ loa }) => loa.signature.signerName)).toEqual(['Ana Ruiz']);
  });

  it('on "Sign", creates the LOA, hands it over once, stores it, and tells the customer what happens next', async () => {
    const { emails, queued } = recordingEmails();
    const { harness, letter } = await showLetter(undefined, emails);

    const replies = await harness.send(submitOf(letter, SIGN, { signature: 'Maria Lopez' }));

    expect(harness.submitter.submissions).toHaveLength(1);
    const [{ loa, conversation }] = harness.submitter.submissions;
    expect(isValidReferenceNumber(loa.referenceNumber)).toBe(true);
    expect(loa).toEqual(expect.objectContaining({
      version: 1,
      accountNumber: CANARY_ACCOUNT_NUMBER,
      pin: CANARY_PIN,
      newCarrier: NEW_CARRIER,
      authorizationStatement: authorizationStatement(NEW_CARRIER.name),
      signature: { signerName: 'Maria Lopez', signedAt: NOW.toISOString(), channel: 'test' },
    }));
    expect(conversation).toEqual(expect.objectContaining({ channelId: 'test', conversation: expect.objectContaining({ id: expect.any(String) }) }));

    // The session keeps the signed letter without the PIN, and forgets the PIN: only the submission carries it.
    const session = await harness.session();
    const { pin, ...withoutPin } = loa;
    expect(pin).toBe(CANARY_PIN);
    expect(session?.signedLoa).toEqual(withoutPin);
    expect(session?.draft.pin).toBeUndefined();
    expect(JSON.stringify(session)).not.toContain(CANARY_PIN);
    expect(session?.stage).toBe('signed');

    const [message] = textsOf(replies);
    expect(message).toContain(`Your reference number is ${loa.referenceNumber}.`);
    expect(message).toMatch(/we send your request to AT&T/);
    expect(message).toMatch(/a few hours; other moves can take one to two weeks/);
    expect(message).toMatch(/keep your current service active/);
    expect(message).toMatch(/here and at maria@example\.com/);
    expect(harness.client.dialogTurnResult.result).toEqual({ signed: true, referenceNumber: loa.referenceNumber });
    // The confirmation email is queued, not sent, in the turn.
    expect(queued).toEqual([
      expect.objectContaining({ reference: loa.referenceNumber, id: 'signed-v1', to: 'maria@example.com', content: expect.objectContaining({ subject: `Your port request ${loa.referenceNumber} is on its way` }) }),
    ]);
  });

  it('promises no email when email is off', async () => {
    const { harness, letter } = await showLetter();

    const [message] = textsOf(await harness.send(submitOf(letter, SIGN, { signature: 'Maria Lopez' })));

    expect(message).toContain("We'll message you here as your port moves along.");
    expect(message).not.toContain('maria@example.com');
  });

  it('submits exactly once when "Sign" arrives twice', async () => {
    const { harness, letter } = await showLetter();
    const click = submitOf(letter, SIGN, { signature: 'Maria Lopez' });

    await harness.send(click);
    const second = await harness.send(click);

    expect(harness.submitter.submissions).toHaveLength(1);
    const { loa } = harness.submitter.submissions[0];
    expect(textsOf(second)).toContainEqual(signText.alreadySent(loa.referenceNumber));
    expect((await harness.session())?.signedLoa?.version).toBe(1);
  });

  it('makes the same LOA again when a failed turn is retried, so the submitter can tell it is a repeat', async () => {
    const { harness, letter } = await showLetter();
    const click = submitOf(letter, SIGN, { signature: 'Maria Lopez' });
    // The hand-over reaches the submitter but the turn fails afterwards (say, a timeout): nothing of the turn is saved.
    const submit = harness.submitter.submit.bind(harness.submitter);
    jest.spyOn(harness.submitter, 'submit').mockImplementationOnce(async (signed) => {
      await submit(signed);
      throw new Error('timed out');
    });
    await expect(harness.send(click)).rejects.toThrow('timed out');

    await harness.send(click);

    const identities = harness.submitter.submissions.map(({ loa }) => `${loa.referenceNumber} v${loa.version}`);
    expect(identities).toHaveLength(2);
    expect(new Set(identities).size).toBe(1);
    expect((await harness.session())?.signedLoa?.version).toBe(1);
  });

  it('keeps the letter on screen, sending nothing, while the signature is refused', async () => {
    const { harness, letter } = await showLetter();

    await harness.send(submitOf(letter, SIGN, { signature: '' }));

    expect(harness.submitter.submissions).toHaveLength(0);
    expect(harness.client.dialogTurnResult.status).toBe(DialogTurnStatus.waiting);
  });

  it('sends nothing on "not yet"', async () => {
    const { harness } = await showLetter();

    const replies = await harness.send('not yet');

    expect(textsOf(replies)).toEqual([signText.notYet]);
    expect(harness.submitter.submissions).toHaveLength(0);
    expect((await harness.session())?.signedLoa).toBeUndefined();
    expect(harness.client.dialogTurnResult.result).toEqual({ signed: false });
  });

  it('signs a corrected request, once a rejection reopened it, as the next version under the same reference number', async () => {
    const before = completeAttDraft();
    const request = buildPortRequest(before);
    if (!request.ok) throw new Error('the fixture draft is incomplete');
    const first = createLoa(request.request, { signerName: 'Maria Lopez', signedAt: NOW, channel: 'test' }, { newCarrier: NEW_CARRIER });
    const corrected = { ...before, ...draftFrom({ billingNumber: '(415) 555-0124' }, before) };
    const harness = await startHarness((deps, cards) => new SharedDialogs(deps, cards).sign, corrected, { signedLoa: first, stage: 'correcting', ...LOCK_OFF });
    const letter = lastCard(await harness.send('sign'));

    await harness.send(submitOf(letter, SIGN, { signature: 'Maria Lopez' }));

    expect(harness.submitter.submissions.map(({ loa }) => [loa.referenceNumber, loa.version])).toEqual([[first.referenceNumber, 2]]);
  });
});
