/**
 * The benchmark's baseline: the Bot Framework echo bot sample as it stands, on restify with a CloudAdapter, no state
 * and no authentication. Whatever the Porting Assistant does beyond this costs throughput.
 */
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, MessageFactory } from 'botbuilder';
import type { AddressInfo } from 'node:net';
import restify from 'restify';
import { serveToParent } from './childProcess';

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

serveToParent(async () => {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new EchoBot();
  const server = restify.createServer();
  server.use(restify.plugins.bodyParser());
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
});
