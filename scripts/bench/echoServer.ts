/**
 * The benchmark's baseline: the Bot Framework echo bot sample as it stands, on restify with a CloudAdapter, no state
 * and no authentication. Whatever the Porting Assistant does beyond this costs throughput.
 */
import { ActivityHandler, MessageFactory } from 'botbuilder';
import { serveToParent } from './childProcess';
import { serveSample } from './sampleServer';

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(MessageFactory.text(`Echo: ${context.activity.text ?? ''}`));
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      await context.sendActivity(MessageFactory.text('Hello and welcome!'));
      await next();
    });
  }
}

serveToParent(() => serveSample(new EchoBot()));
