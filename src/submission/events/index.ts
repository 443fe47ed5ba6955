/** The porting backend's events about submitted requests: their schema, the status they keep, and the status check. */
export * from './portingEvent';
export * from './statusStore';
export * from './portStatus';
export * from './guardedStatusLookup';
export * from './portingEventsHandler';
export * from './createPortingEvents';
