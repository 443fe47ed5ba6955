/**
 * A copy of the customer's latest bill, attached at any point of the port (Web Chat's upload, a file in Teams): it is
 * fetched, checked (src/documents/billCheck.ts), stored encrypted in the document store and named in the session, to
 * go with the signed request. A PDF's text pre-fills the account number, the holder's name and the service address
 * the way a pasted record does (takePastedValues), and the customer checks them at the review as they would pasted
 * ones. A refused file is answered with what to send instead; nothing in the draft changes.
 */
import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { DialogContext } from 'botbuilder-dialogs';
import { type BillRefusal, type StoredDocumentRef, extractBillFields } from '../src/domain';
import type { AttachmentDownloader } from '../src/documents/attachmentDownload';
import { fileAttachmentOf } from '../src/documents/attachmentDownload';
import { checkBill } from '../src/documents/billCheck';
import type { DocumentStore } from '../src/documents/documentStore';
import type { PdfReader } from '../src/documents/pdfReader';
import type { Logger } from '../src/logging';
import type { ConversationDeps } from './conversationDeps';
import { takePastedValues } from './draftUpdates';
import type { PortingSession } from './portingSession';
import { billText } from './text/billText';

/** What taking a bill needs from the application. */
export interface BillDeps {
  readonly store: DocumentStore;
  readonly downloader: AttachmentDownloader;
  readonly pdfReader: PdfReader;
  readonly logger: Logger;
}

/** The prompt of a field's question (AskFieldDialog); in collection, a bill that arrives there ends the question. */
export const FIELD_ANSWER_PROMPT = 'askField.answer';

const TAKEN = Symbol('billTaken');

/** Whether the turn's message carries a file (not the message's own HTML, as Teams adds, nor a card). */
export function carriesFile(context: TurnContext): boolean {
  const { type, attachments } = context.activity;
  return type === ActivityTypes.Message && fileAttachmentOf(attachments) !== undefined;
}

/** Whether this turn's file has been taken (or refused) already: dialogs further down leave it alone. */
export function billTakenThisTurn(context: TurnContext): boolean {
  return context.turnState.get(TAKEN) === true;
}

/**
 * Whether the question on screen (the top of the conversation's stack, `dc`) is a field's question in the step-by-step
 * collection: after a bill, it moves on to the next detail still missing, as after a pasted record. Anywhere else the
 * question is asked again.
 */
export function asksFieldInCollection(dc: DialogContext): boolean {
  const active = dc.activeDialog;
  if (active?.id !== FIELD_ANSWER_PROMPT) return false;
  const validations = (active.state as { options?: { validations?: { mode?: unknown } } }).options?.validations;
  return validations?.mode === 'collect';
}

/** Fetches, checks and keeps the file the message carries, and pre-fills what a PDF bill shows. */
export async function takeBillAttachment(context: TurnContext, deps: ConversationDeps): Promise<void> {
  context.turnState.set(TAKEN, true);
  const file = fileAttachmentOf(context.activity.attachments);
  const { bills } = deps;
  if (file === undefined) return;
  if (bills === undefined) {
    await context.sendActivity(billText.notTaken);
    return;
  }
  const refuse = async (refusal: BillRefusal) => {
    bills.logger.info({ refusal }, 'attached bill refused');
    await context.sendActivity(billText.refused[refusal]);
  };
  const downloaded = await bills.downloader.download(file);
  if (!downloaded.ok) return refuse(downloaded.refusal);
  const checked = await checkBill(downloaded.bytes, bills.pdfReader);
  if (!checked.ok) return refuse(checked.refusal);
  const { text, ...facts } = checked;
  const stored = await bills.store.put({ kind: 'bill', ...facts }, downloaded.bytes);
  let replaced: StoredDocumentRef | undefined;
  let unsent = false;
  await deps.sessions.update(context, (session) => {
    replaced = session.bill;
    // Nothing signed in this port yet: the copy replaced went nowhere, and goes now.
    unsent = replaced !== undefined && session.signedLoa === undefined;
    session.bill = stored;
    session.documentIds = [...(session.documentIds ?? []).filter((id) => !unsent || id !== replaced?.id), stored.id];
  });
  if (unsent && replaced) await bills.store.delete([replaced.id]);
  bills.logger.info({ contentType: stored.contentType, size: stored.size, textChars: text.length }, 'attached bill kept');
  await context.sendActivity(replaced ? billText.replaced : billText.kept);
  const { draft } = await deps.sessions.get(context);
  if (text !== '' && extractBillFields(text, draft).found.length > 0) {
    await takePastedValues(context, deps, text, { extract: extractBillFields, intro: billText.readIntro });
  }
}

/** The documents to send with the request the customer signs now. */
export function billDocuments(session: PortingSession): StoredDocumentRef[] {
  return session.bill ? [session.bill] : [];
}

/** "Delete my data": every document the customer attached, sent with a request or not. */
export async function forgetBills(context: TurnContext, deps: ConversationDeps): Promise<void> {
  const session = await deps.sessions.find(context);
  if (session === undefined || deps.bills === undefined) return;
  const ids = new Set([...(session.documentIds ?? []), ...(session.bill ? [session.bill.id] : [])]);
  await deps.bills.store.delete([...ids]);
}
