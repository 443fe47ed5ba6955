/**
 * How the benchmark's baselines are served, as the Bot Framework samples serve a bot: restify with its body parser,
 * a CloudAdapter with no authentication, on a free local port.
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { AddressInfo } from 'node:net';
import restify from 'restify';
import type { ChildServer } from './childProcess';

export async function serveSample(bot: { run(context: TurnContext): Promise<void> }): Promise<ChildServer> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
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
}
