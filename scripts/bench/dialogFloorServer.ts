/**
 * The benchmark's second baseline: the echo bot with the least a stateful botbuilder bot does, as BotBuilder-Samples'
 * multi-turn-prompt sample does it: conversation and user state (BotState on MemoryStorage, so no I/O and no
 * encryption) and one ComponentDialog asking a waterfall of text prompts, a question per turn, over and over. No
 * porting, validation, cards, lock or storage: what the chosen stack (botbuilder-dialogs and BotState) costs by
 * itself, the floor under any bot built on it.
 *
 * With a STORAGE_URL other than memory:// it adds what issue #8 requires of every turn, as the Porting Assistant
 * does it: state encrypted at rest (createStorage with DATA_ENCRYPTION_KEY) and the turn lock across instances
 * (createTurnLock), each turn through the bot's own turn pipeline (createTurnPipeline: the lock, one read and one save
 * of the states, de-duplication). Still no porting: the floor under any bot that meets those requirements.
 */
import { ActivityHandler, ConversationState, MemoryStorage, UserState, type StatePropertyAccessor } from 'botbuilder';
import {
  ComponentDialog,
  DialogSet,
  DialogTurnStatus,
  TextPrompt,
  WaterfallDialog,
  type DialogState,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { createTurnPipeline } from '../../src/bot/turnPipeline';
import { createConversationOpener } from '../../src/hosting/conversationOpener';
import { createTurnLock } from '../../src/reliability/createTurnLock';
import { configuredStorage } from './benchStorage';
import { serveToParent } from './childProcess';
import { serveSample } from './sampleServer';

const QUESTIONS = 8;
const PROMPT = 'prompt';

/** Asks QUESTIONS questions one per turn, keeping each answer in user state, then starts over. */
class QuestionsDialog extends ComponentDialog {
  constructor(answers: StatePropertyAccessor<string[]>) {
    super('questions');
    const ask = (n: number) => async (step: WaterfallStepContext) => {
      if (n > 0) await answers.set(step.context, [...(await answers.get(step.context, [])), String(step.result)]);
      return step.prompt(PROMPT, `Question ${n + 1}?`);
    };
    const again = async (step: WaterfallStepContext) => {
      await answers.set(step.context, []);
      return step.replaceDialog(this.initialDialogId);
    };
    this.addDialog(new TextPrompt(PROMPT));
    this.addDialog(new WaterfallDialog('steps', [...Array.from({ length: QUESTIONS }, (_, n) => ask(n)), again]));
    this.initialDialogId = 'steps';
  }
}

/** `savesState`: false where the turn pipeline reads and saves the states. */
class DialogBot extends ActivityHandler {
  constructor(conversationState: ConversationState, userState: UserState, savesState: boolean) {
    super();
    const dialogs = new DialogSet(conversationState.createProperty<DialogState>('dialogState'));
    dialogs.add(new QuestionsDialog(userState.createProperty<string[]>('answers')));
    this.onMessage(async (context, next) => {
      const dialogContext = await dialogs.createContext(context);
      const result = await dialogContext.continueDialog();
      if (result.status === DialogTurnStatus.empty) await dialogContext.beginDialog('questions');
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      await context.sendActivity('Hello and welcome!');
      await next();
    });
    if (savesState) {
      this.onDialog(async (context, next) => {
        await Promise.all([conversationState.saveChanges(context), userState.saveChanges(context)]);
        await next();
      });
    }
  }
}

serveToParent(async (start) => {
  if ((start.env.STORAGE_URL ?? 'memory://') === 'memory://') {
    const storage = new MemoryStorage();
    return serveSample(new DialogBot(new ConversationState(storage), new UserState(storage), true));
  }
  const { config, logger, storage } = await configuredStorage(start);
  const lock = createTurnLock(config.storage.url, {
    waitMs: config.turnLock.waitMs,
    onError: (error) => logger.warn({ err: error }, 'turn lock error'),
    namespace: start.namespace,
  });
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const turns = createTurnPipeline({ conversationState, userState, lock, open: createConversationOpener(config.bot), logger });
  const dialogBot = new DialogBot(conversationState, userState, false);
  const server = await serveSample(turns.inbound({ route: (context) => dialogBot.run(context) }));
  return {
    url: server.url,
    close: async () => {
      await server.close();
      await Promise.all([lock.close(), storage.close()]);
    },
  };
});
