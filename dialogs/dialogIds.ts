/**
 * The ids of the conversation's dialogs, one per file, by which they begin one another. They share the root's one
 * DialogSet (see FlowDialog), where each id is one dialog.
 */
export const DialogIds = {
  main: 'mainDialog',
  tips: 'tipsDialog',
  port: 'portDialog',
  collectCsr: 'collectCsrDialog',
  askField: 'askFieldDialog',
  csrForm: 'csrFormDialog',
  review: 'reviewDialog',
  portScope: 'portScopeDialog',
  readyToSign: 'readyToSignDialog',
  sign: 'signDialog',
  status: 'statusDialog',
  correction: 'correctionDialog',
} as const;
