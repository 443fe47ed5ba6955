/** The porting domain's public API: plain TypeScript, no Bot Framework. */
export * from './fieldResult';
export * from './phoneNumbers';
export * from './carriers';
export * from './accountNumber';
export * from './pin';
export * from './holderName';
export * from './contactEmail';
export * from './signature';
export * from './sharedSchemas';
export * from './address';
export * from './csrFields';
export * from './portRequest';
export * from './csrExtraction';
export * from './referenceNumber';
export * from './loa';
export * from './masking';
export * from './rejectionReasons';
