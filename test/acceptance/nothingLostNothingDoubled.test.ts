/**
 * Nothing lost, nothing doubled (issue 15). Channels retry a POST they saw no answer to, with the same activity id,
 * and a bot restarts: the bot must take each activity once, and keep every answer across a restart.
 *
 * - An answer redelivered with the same id: taken once, as the answer to the question it answered.
 * - Five copies of one card click sent at once: one submission.
 * - A restart between two answers, with state in a SQLite file, encrypted, as `npm start` keeps it: the application
 *   is stopped in the middle of a port and a new one started on the same file; the customer goes on answering, and
 *   the request holds every value, those given before the restart (the PIN among them) included.
 */
import { join } from 'node:path';
import { cardActionText } from '../../dialogs/cardActions';
import { askFieldText } from '../../dialogs/text/askFieldText';
import { buttonLabels } from '../../dialogs/text/buttonLabels';
import { signText } from '../../dialogs/text/signText';
import { SIGNATURE_INPUT_ID } from '../../src/cards/signCards';
import { FakeConnector } from '../support/fakeConnector';
import { type AcceptanceApp, scratchFolder, startAcceptanceApp, testKeyring } from './support/acceptanceApp';
import { Customer, pressOn, textsOf } from './support/customer';
import { type CustomerDetails, KOWALSKI, MARIA, OKAFOR, withChanges } from './support/details';
import {
  awaitDelivery,
  deliveriesMoving,
  expectedLetterFacts,
  expectedRequest,
  letterFacts,
  referenceIn,
  staysTheSame,
} from './support/submissions';

describe('nothing lost, nothing doubled', () => {
  const channel = new FakeConnector();
  const scratch = scratchFolder('acceptance-restart-');
  let serviceUrl: string;
  let app: AcceptanceApp;
  /** The apps of the restart case, each closed once (closing twice is harmless). */
  const restarted: AcceptanceApp[] = [];

  beforeAll(async () => {
    serviceUrl = await channel.listen();
    app = await startAcceptanceApp();
  });

  afterAll(async () => {
    await app?.close();
    for (const each of restarted) await each.close();
    await channel.close();
    scratch.remove();
  });

  const customer = (name: string, details: CustomerDetails) => new Customer(app.exchange, { name, details, serviceUrl });

  it('an answer redelivered with the same id: saved once, as the answer it was, and the bot does not answer it again', async () => {
    // Her account number (9 digits) would also pass as her PIN (4 to 10 digits): taken twice, it would be both.
    const chidi = customer('redelivered-answer', OKAFOR);
    await chidi.open();
    await chidi.say(buttonLabels.startPort);
    await chidi.untilAskedFor('accountNumber');
    const answer = chidi.activity({ text: chidi.details.accountNumber });
    const first = await chidi.send(answer);
    const again = await chidi.redeliver(answer);
    const sent = await chidi.finishPort();

    const referenceNumber = referenceIn(sent);
    const { request, pdfText } = await awaitDelivery(app.submissionsDir, referenceNumber, 1);
    expect(letterFacts(chidi.details, pdfText, referenceNumber)).toEqual(expectedLetterFacts());
    // One comparison, so that a failure shows every difference at once: the replies to the copy (none, or the same
    // as to the first delivery), nothing said to her channel on the side, and the request with the account number
    // as the account number, the PIN she then gave as the PIN, and her email.
    expect({ repliesToTheCopy: textsOf(again), toHerChannel: channel.textsTo(chidi.conversationId), request }).toEqual({
      repliesToTheCopy: again.length === 0 ? [] : textsOf(first),
      toHerChannel: [],
      request: expectedRequest(chidi.details, { referenceNumber, version: 1 }),
    });
  });

  it('five copies of one "Sign" click at once: one submission, one processing', async () => {
    const lena = customer('five-clicks', withChanges(MARIA, {
      numbers: { typed: '(415) 555-0177', e164: ['+14155550177'] },
      billingNumber: { typed: '(415) 555-0177', e164: '+14155550177' },
      holder: { kind: 'person', fullName: 'Lena Park', firstName: 'Lena', lastName: 'Park' },
      signerName: 'Lena Park',
      contactEmail: 'lena.park@example.com',
    }));
    await lena.open();
    await lena.say(buttonLabels.startPort);
    const letter = await lena.until((asked) => asked.kind === 'letter');
    if (letter.kind !== 'letter') throw lena.lost('is not at the letter');
    const click = lena.activity(pressOn(letter.card, signText.loaCard.sign, { [SIGNATURE_INPUT_ID]: lena.details.signerName }));
    const answers = await Promise.all(Array.from({ length: 5 }, () => app.exchange(click)));

    const referenceNumber = referenceIn(answers.flat());
    const sentText = signText.sent({ referenceNumber, carrier: lena.details.carrier.name, contactEmail: lena.details.contactEmail });
    const sending = answers.find((replies) => textsOf(replies).includes(sentText)) ?? [];
    // The copies carry one activity id: one is processed and sends the request; the others wait for it, find it done
    // and are answered with nothing. (Without de-duplication they would be processed too, and get the card guard's
    // "already got that one".)
    const seen = answers.map((replies) => {
      const texts = textsOf(replies);
      if (texts.length === 0) return 'nothing';
      if (texts[0] === cardActionText.alreadyHandled) return 'already handled';
      return JSON.stringify(texts) === JSON.stringify(textsOf(sending)) ? 'the sending' : texts;
    });
    expect([...seen].sort()).toEqual(['nothing', 'nothing', 'nothing', 'nothing', 'the sending']);
    expect(channel.textsTo(lena.conversationId)).toEqual([]);

    const { request } = await awaitDelivery(app.submissionsDir, referenceNumber, 1);
    expect(request).toEqual(expectedRequest(lena.details, { referenceNumber, version: 1 }));
    expect(await staysTheSame(() => deliveriesMoving(app.submissionsDir, '+14155550177'))).toEqual([`${referenceNumber}/v1`]);
  });

  it('a restart between two answers loses nothing: the customer answers the question asked before it, and the request has every value', async () => {
    const keyring = testKeyring();
    const settings = { storageUrl: `sqlite://${join(scratch.path, 'bot.sqlite')}`, encryption: keyring, submissionsDir: join(scratch.path, 'submissions') };
    const before = await startAcceptanceApp(settings);
    restarted.push(before);

    const anna = new Customer(before.exchange, { name: 'restart', details: KOWALSKI, serviceUrl });
    await anna.open();
    await anna.say(buttonLabels.startPort);
    // Numbers, carrier, account number and PIN given; the holder's name is on screen when the bot stops.
    await anna.untilAskedFor('holderName');
    await before.close();

    const after = await startAcceptanceApp(settings);
    restarted.push(after);
    anna.exchange = after.exchange;
    // The new bot takes her answer as the answer to the question the old one asked.
    const taken = await anna.answer();
    expect(textsOf(taken)[0]).toBe(askFieldText.saved.holderName(anna.details.holder.fullName));
    const sent = await anna.finishPort();

    const referenceNumber = referenceIn(sent);
    const { request, pdfText } = await awaitDelivery(after.submissionsDir, referenceNumber, 1);
    expect(letterFacts(anna.details, pdfText, referenceNumber)).toEqual(expectedLetterFacts());
    expect(request).toEqual(expectedRequest(anna.details, { referenceNumber, version: 1 }));
  });
});
