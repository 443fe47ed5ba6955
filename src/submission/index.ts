/** Sending signed LOAs on for submission: durably, exactly once as the receiver sees it. */
export * from './loaSubmitter';
export * from './createSubmissionService';
export * from './portRequestJson';
export * from './twilioPortIn';
export * from './webhookSignature';
export { renderCarrierLoaPdf, renderCustomerLoaPdf, type LoaCopy } from './pdf/loaPdf';
export type { DeliveryOutcome, PortingDelivery, PortingGateway } from './gateway/portingGateway';
export { FolderGateway, REQUEST_FILE, CARRIER_PDF_FILE } from './gateway/folderGateway';
export { WebhookGateway, IDEMPOTENCY_KEY_HEADER, type WebhookDeliveryBody } from './gateway/webhookGateway';
export { OutboxStore, entryKey, type OutboxEntry } from './outbox/outboxStore';
export { OutboxLoaSubmitter } from './outbox/outboxSubmitter';
export { OutboxWorker, type OutboxWorkerOptions, type PermanentFailureReport } from './outbox/outboxWorker';
