import { MessageFactory, type TurnContext } from 'botbuilder';
import { text } from '../bot/text';
import { inLanguage, languageOfLocale } from '../i18n/language';
import { loggerForTurn, scrubSecrets, type Logger } from '../logging';
import { causesOf } from '../bot/errorCauses';
import { ConnectorTimeoutError } from './connectorTimeout';

const TRACE_ERROR_SCHEMA = 'https://www.botframework.com/schemas/error';

/**
 * The adapter's last line of defence when a turn throws: log it (without secrets), tell the Emulator what happened,
 * and tell the customer in plain words, unless what failed was the channel not answering in time. The turn pipeline
 * has already put the conversation's state right (see src/bot/turnPipeline.ts). Each step runs even if an earlier one
 * fails, and nothing escapes: an error thrown from here would reach the channel as a bare 500.
 */
export function createTurnErrorHandler(logger: Logger) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    const log = loggerForTurn(logger, context);
    log.error({ err: error, activity: context.activity }, 'turn failed');

    const attempt = async (step: string, action: () => Promise<unknown>) => {
      try {
        await action();
      } catch (stepError) {
        log.error({ err: stepError }, `turn error handling: ${step} failed`);
      }
    };

    // A channel that did not answer in time would not take these either, and each would hold the request as long again.
    // The dialogs wrap what they throw, so the timeout is looked for along the error's causes.
    if (causesOf(error).some((cause) => cause instanceof ConnectorTimeoutError)) return;
    // Trace activities only reach the Emulator (and expectReplies callers); the channel drops them.
    await attempt('trace', () =>
      context.sendTraceActivity('OnTurnError Trace', `${error.name}: ${scrubSecrets(error.message)}`, TRACE_ERROR_SCHEMA, 'TurnError'),
    );
    // The turn's own language is gone with the turn: the activity's locale speaks.
    const apology = inLanguage(languageOfLocale(context.activity.locale), () => text.turnError);
    await attempt('apology', () => context.sendActivity(MessageFactory.text(apology)));
  };
}
