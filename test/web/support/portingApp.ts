import { createConversation } from '../../../dialogs/conversation';
import { DEFAULT_NUMBERS_POLICY } from '../../../src/domain';
import { customerForgetter } from '../../../src/privacy/forgetCustomer';
import { OutboxStore } from '../../../src/submission/outbox/outboxStore';
import type { LoaSubmitter, SignedLoaSubmission, SubmissionReceipt } from '../../../src/submission/loaSubmitter';
import { pipelinedBot } from '../../support/turnPipeline';
import { captureLogs } from '../../support/captureLogs';
import { startTestApp, type TestApp } from '../../support/testApp';
import { memoryStorage } from '../../support/testStorage';
import { NEW_CARRIER } from '../../support/newCarrier';

/** Keeps what the bot hands over for submission, as the real submitter would receive it. */
export class RecordingSubmitter implements LoaSubmitter {
  readonly submissions: SignedLoaSubmission[] = [];

  async submit(signed: SignedLoaSubmission): Promise<SubmissionReceipt> {
    this.submissions.push(signed);
    return { referenceNumber: signed.loa.referenceNumber, version: signed.loa.version, acceptedAt: new Date().toISOString() };
  }
}

export interface PortingApp extends TestApp {
  readonly submitter: RecordingSubmitter;
}

/** The real server (local mode, memory storage) running the real conversation, on an ephemeral port. */
export async function startPortingApp(): Promise<PortingApp> {
  const submitter = new RecordingSubmitter();
  const storage = await memoryStorage();
  const app = await startTestApp({
    storage,
    bot: ({ conversationState, userState }) => {
      const conversation = createConversation(
        {
          submitter,
          forgetCustomer: customerForgetter({ storage, outbox: new OutboxStore(storage), conversationState, userState, clock: () => new Date() }),
          numbersPolicy: DEFAULT_NUMBERS_POLICY,
          supportContact: { phone: '1-800-555-0100', email: 'porting@example.com' },
          newCarrier: NEW_CARRIER,
          stateTtlDays: 30,
          logger: captureLogs('silent').logger,
        },
        conversationState,
        userState,
      );
      return pipelinedBot({ conversationState, userState }, conversation);
    },
  });
  return Object.assign(app, { submitter });
}
