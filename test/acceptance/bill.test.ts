/**
 * A copy of the bill, through the front door: the whole application, a customer's Web Chat posting to /api/messages
 * with expectReplies, attaching a PDF of their bill (made here with pdfkit) or a photo of it. The PDF's details are
 * taken as a pasted record's are and never asked for; the request the porting backend receives lists the bill, and
 * carries it: the file beside request.json (folder gateway), or a signed link the backend fetches (webhook gateway),
 * which "delete my data" ends. Files the bot can't take are refused in plain words, with nothing lost.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { billText } from '../../dialogs/text/billText';
import { buttonLabels } from '../../dialogs/text/buttonLabels';
import { interruptionText } from '../../dialogs/text/interruptionText';
import type { AskableField } from '../../dialogs/draftFields';
import { FakeConnector } from '../support/fakeConnector';
import { billPdf, billPhoto, dataUrl, sha256Of } from '../support/bills';
import { RECEIVER_SECRET, Receiver } from '../submission/support/receiver';
import { type AcceptanceApp, startAcceptanceApp, testKeyring } from './support/acceptanceApp';
import { type Asked, Customer, textsOf } from './support/customer';
import { MARIA, addressLine } from './support/details';
import { awaitDelivery, expectedRequest, referenceIn } from './support/submissions';

const MARIAS_BILL = {
  accountNumber: MARIA.accountNumber,
  holderName: MARIA.holder.fullName,
  serviceAddress: addressLine(MARIA.serviceAddress),
  phoneNumber: MARIA.numbers.typed,
  carrier: MARIA.carrier.name,
};
const BILL_FIELDS: readonly AskableField[] = ['accountNumber', 'holderName', 'serviceAddress'];
const asksBillField = (asked: Asked) => asked.kind === 'field' && BILL_FIELDS.includes(asked.field);

describe('a copy of the bill, attached in the chat', () => {
  const channel = new FakeConnector();
  let serviceUrl: string;

  beforeAll(async () => {
    serviceUrl = await channel.listen();
  });
  afterAll(() => channel.close());

  describe('with the folder gateway', () => {
    let app: AcceptanceApp;
    beforeAll(async () => {
      app = await startAcceptanceApp();
    });
    afterAll(() => app?.close());

    it("a PDF bill fills in the account number, name and service address, and lies beside request.json, listed in its documents", async () => {
      const pdf = await billPdf(MARIAS_BILL);
      const maria = new Customer(app.exchange, { name: 'bill-pdf', details: MARIA, serviceUrl });
      await maria.open();
      await maria.say(buttonLabels.startPort);
      await maria.untilAskedFor('accountNumber');

      const replies = await maria.send({ attachments: [{ contentType: 'application/pdf', name: 'statement.pdf', contentUrl: dataUrl(pdf, 'application/pdf') }] });

      const said = textsOf(replies).join('\n');
      expect(said).toContain(billText.kept);
      expect(said).toContain(billText.readIntro);
      // Shown as any account number is, masked; the name and the address as read.
      expect(said).toContain('••••3222');
      expect(said).not.toContain(MARIA.accountNumber);
      expect(said).toContain(MARIA.holder.fullName);
      expect(said).toContain('123 Main St');
      // None of the three is asked for: the port goes on to the signature without them.
      const reached = await maria.until((asked) => asksBillField(asked) || asked.kind === 'signed');
      if (reached.kind !== 'signed') throw maria.lost(`was asked ${JSON.stringify(reached)}`);

      const referenceNumber = referenceIn(maria.lastReplies);
      const { request, folder } = await awaitDelivery(app.submissionsDir, referenceNumber, 1);
      const delivered = readFileSync(join(folder, 'bill.pdf'));
      expect(sha256Of(delivered)).toBe(sha256Of(pdf));
      expect(request).toEqual({
        ...expectedRequest(MARIA, { referenceNumber, version: 1 }),
        documents: [{ kind: 'bill', contentType: 'application/pdf', size: pdf.byteLength, sha256: sha256Of(pdf), fileName: 'bill.pdf' }],
      });
    });

    it('a file that is no bill is refused in plain words, and the question on screen comes again with nothing lost', async () => {
      const maria = new Customer(app.exchange, { name: 'bill-refused', details: MARIA, serviceUrl });
      await maria.open();
      await maria.say(buttonLabels.startPort);
      await maria.untilAskedFor('pin');

      const gif = await maria.send({ attachments: [{ contentType: 'application/pdf', name: 'bill.pdf', contentUrl: dataUrl(Buffer.from('GIF89a-not-a-bill'), 'application/pdf') }] });
      expect(textsOf(gif)[0]).toBe(billText.refused.wrongType);
      expect(maria.asked()).toEqual({ kind: 'field', field: 'pin' });

      const locked = await billPdf(MARIAS_BILL, { userPassword: 'secret', ownerPassword: 'owner' });
      const encrypted = await maria.send({ attachments: [{ contentType: 'application/pdf', name: 'bill.pdf', contentUrl: dataUrl(locked, 'application/pdf') }] });
      expect(textsOf(encrypted)[0]).toBe(billText.refused.encrypted);
      expect(maria.asked()).toEqual({ kind: 'field', field: 'pin' });

      // Only https links are fetched (the channel's), never one the message points anywhere else.
      const elsewhere = await maria.send({ attachments: [{ contentType: 'image/png', name: 'bill.png', contentUrl: 'http://169.254.169.254/latest/meta-data' }] });
      expect(textsOf(elsewhere)[0]).toBe(billText.refused.unreachable);

      // Everything given before is still there: the port goes on from the PIN, and the request has no documents.
      await maria.finishPort();
      const { request } = await awaitDelivery(app.submissionsDir, referenceIn(maria.lastReplies), 1);
      expect(request).toEqual(expectedRequest(MARIA, { referenceNumber: request.referenceNumber, version: 1 }));
    });
  });

  describe('with the webhook gateway', () => {
    const receiver = new Receiver();
    let app: AcceptanceApp;
    beforeAll(async () => {
      const webhookUrl = await receiver.listen();
      app = await startAcceptanceApp({
        encryption: testKeyring(),
        env: { PORTING_GATEWAY: 'webhook', PORTING_WEBHOOK_URL: webhookUrl, PORTING_WEBHOOK_SECRET: RECEIVER_SECRET },
      });
    });
    afterAll(async () => {
      await app?.close();
      await receiver.close();
    });

    it('a photo of the bill reaches the backend as a signed link, which "delete my data" ends', async () => {
      const photo = billPhoto();
      const maria = new Customer(app.exchange, { name: 'bill-photo', details: MARIA, serviceUrl });
      await maria.open();
      await maria.say(buttonLabels.startPort);
      await maria.untilAskedFor('numbers');

      const replies = await maria.send({ attachments: [{ contentType: 'image/png', name: 'IMG_0042.png', contentUrl: dataUrl(photo, 'image/png') }] });
      expect(textsOf(replies)[0]).toBe(billText.kept);
      // A photo has no text to read: the question comes again.
      expect(maria.asked()).toEqual({ kind: 'field', field: 'numbers' });
      await maria.finishPort();

      await receiver.received(1);
      const [{ body, signatureValid }] = receiver.requests;
      expect(signatureValid).toBe(true);
      const facts = { kind: 'bill', contentType: 'image/png', size: photo.byteLength, sha256: sha256Of(photo) };
      expect(body.request.documents).toEqual([{ ...facts, fileName: 'bill.png' }]);
      expect(body.documents).toEqual([
        { kind: 'bill', fileName: 'bill.png', mediaType: 'image/png', size: photo.byteLength, sha256: sha256Of(photo), url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/api\/documents\//), expiresAt: expect.any(String) },
      ]);
      const url = body.documents?.[0]?.url as string;
      const fetched = await fetch(url);
      expect(fetched.status).toBe(200);
      expect(fetched.headers.get('content-type')).toBe('image/png');
      expect(sha256Of(Buffer.from(await fetched.arrayBuffer()))).toBe(sha256Of(photo));
      // The link is the credential: altered, it opens nothing.
      expect((await fetch(url.replace(/token=[^&]+/, 'token=1.9999999999.acceptance.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'))).status).toBe(401);

      await maria.say('delete my data');
      const deleted = await maria.say(buttonLabels.yes);
      expect(textsOf(deleted).join('\n')).toContain(interruptionText.deleted({ withdrawn: [], sent: [] }, {}));
      expect((await fetch(url)).status).toBe(404);
    });

    it('a bill attached before the port and never sent is deleted too', async () => {
      const pdf = await billPdf(MARIAS_BILL);
      const maria = new Customer(app.exchange, { name: 'bill-unsent', details: MARIA, serviceUrl });
      await maria.open();
      await maria.say(buttonLabels.startPort);
      await maria.untilAskedFor('numbers');
      await maria.send({ attachments: [{ contentType: 'application/pdf', name: 'bill.pdf', contentUrl: dataUrl(pdf, 'application/pdf') }] });
      await maria.untilAskedFor('pin');

      await maria.say('delete my data');
      await maria.say(buttonLabels.yes);
      // Started again as a new customer: the details read from the bill went with the rest.
      await maria.open();
      await maria.say(buttonLabels.startPort);
      expect(await maria.until((asked) => asksBillField(asked) || (asked.kind === 'field' && asked.field === 'pin'))).toEqual({
        kind: 'field',
        field: 'accountNumber',
      });
    });
  });
});
