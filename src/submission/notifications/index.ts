/** Telling customers, in their own conversation, how their port request is getting on. */
export * from './portNotice';
export * from './proactiveMessenger';
export * from './noticeText';
export * from './portNotifier';
