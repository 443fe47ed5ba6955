/** Dialog ids shared between the dialogs that begin one another. One ComponentDialog per file uses each. */
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
