/**
 * The documents customers attach (their bill), each a record of its own in the bot's Storage: `documents/<id>`. The
 * application's Storage encrypts every item at rest (src/security/encryptedStorage.ts), so the file is as protected
 * as the account number beside it; and it is kept out of the conversation state, which every turn reads and writes.
 * A record lives as long as any item (STATE_TTL_DAYS after it was written): long enough for the request it goes with
 * to be delivered and fetched, then it expires. "Delete my data" deletes it before that.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { type DocumentFacts, DocumentFactsSchema, type StoredDocumentRef } from '../domain/billDocument';
import { CasRecords } from '../storage/casRecords';
import type { BotStorage } from '../storage/createStorage';

const StoredDocumentSchema = DocumentFactsSchema.extend({
  contentBase64: z.string(),
  storedAt: z.iso.datetime(),
});

export const documentKey = (id: string) => `documents/${id}`;

export interface StoredDocumentContent {
  readonly facts: DocumentFacts;
  readonly content: Buffer;
}

export class DocumentStore {
  private readonly records: CasRecords<z.infer<typeof StoredDocumentSchema>>;

  constructor(
    private readonly storage: BotStorage,
    private readonly clock: () => Date,
  ) {
    this.records = new CasRecords(storage, StoredDocumentSchema);
  }

  /** Stores the file under a new id, which no one can guess. */
  async put(facts: DocumentFacts, content: Uint8Array): Promise<StoredDocumentRef> {
    const id = randomBytes(18).toString('base64url');
    const written = await this.records.write(
      documentKey(id),
      { ...facts, contentBase64: Buffer.from(content).toString('base64'), storedAt: this.clock().toISOString() },
      undefined,
    );
    if (!written) throw new Error('Storage: a new document id was already taken.');
    return { ...facts, id };
  }

  async get(id: string): Promise<StoredDocumentContent | undefined> {
    const record = await this.records.read(documentKey(id));
    if (record === undefined) return undefined;
    const { contentBase64, storedAt: _storedAt, ...facts } = record.value;
    return { facts, content: Buffer.from(contentBase64, 'base64') };
  }

  async delete(ids: readonly string[]): Promise<void> {
    if (ids.length > 0) await this.storage.delete(ids.map(documentKey));
  }
}
