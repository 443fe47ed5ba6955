/** Field labels inside sentences are written by the domain's helper, so the bot and the port request's messages agree. */
export { inSentence } from '../../src/domain/text';
