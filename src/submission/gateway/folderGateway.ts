/**
 * The embedded porting gateway: each signed version becomes a folder that a porting back office (or a person)
 * picks up. `<dir>/<reference>/v<version>/loa-carrier.pdf` and any document the request lists (its `fileName`, such
 * as bill.pdf) are written first and `request.json` last, each
 * atomically (temporary file in the same folder, fsync, rename, fsync of the folder), so a present request.json
 * means a complete, durable delivery. Delivering a version whose request.json exists does nothing.
 */
import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { access, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { PRIVATE_FILE_MODE, makePrivateFolder } from '../../security/privateFiles';
import type { DeliveryOutcome, PortingDelivery, PortingGateway } from './portingGateway';

export const REQUEST_FILE = 'request.json';
export const CARRIER_PDF_FILE = 'loa-carrier.pdf';

export class FolderGateway implements PortingGateway {
  constructor(private readonly submissionsDir: string) {}

  /** The folder one version is delivered to. */
  folderOf(referenceNumber: string, version: number): string {
    return join(this.submissionsDir, referenceNumber, `v${version}`);
  }

  async deliver(delivery: PortingDelivery): Promise<DeliveryOutcome> {
    const folder = this.folderOf(delivery.request.referenceNumber, delivery.request.version);
    const requestFile = join(folder, REQUEST_FILE);
    if (await exists(requestFile)) return { kind: 'delivered' };
    // The files hold the account number and PIN: the folders (the submissions folder too) and files are the bot's own.
    await makePrivateFolder(folder);
    await writeAtomically(join(folder, CARRIER_PDF_FILE), delivery.carrierPdf);
    for (const document of delivery.documents ?? []) await writeAtomically(join(folder, document.fileName), document.content);
    await writeAtomically(requestFile, `${JSON.stringify(delivery.request, null, 2)}\n`);
    return { kind: 'delivered' };
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path, constants.F_OK);
    return true;
  } catch {
    return false;
  }
}

async function writeAtomically(path: string, content: Buffer | string): Promise<void> {
  const temporary = `${path}.${randomUUID()}.tmp`;
  try {
    const file = await open(temporary, 'wx', PRIVATE_FILE_MODE);
    try {
      await file.writeFile(content);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await syncFolder(dirname(path));
}

/** Makes the rename itself durable: without it a power cut can lose the new directory entry. */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
