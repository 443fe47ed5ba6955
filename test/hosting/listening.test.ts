import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { captureLogs } from '../support/captureLogs';
import { productionEnv } from '../support/productionEnv';
import { startTestApp, type TestApp } from '../support/testApp';

/** One of this machine's addresses that is not loopback: what another machine on the network would connect to. */
const networkAddress = Object.values(networkInterfaces())
  .flat()
  .find((address) => address && address.family === 'IPv4' && !address.internal)?.address;

if (!networkAddress) console.warn('This machine has no network address besides loopback: the tests connect over loopback only.');
const withNetwork = networkAddress ? it : it.skip;

/** Whether a TCP connection to `host` and the app's port is accepted. */
function accepts(app: TestApp, host: string): Promise<boolean> {
  const port = Number(new URL(app.url).port);
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('where the server listens', () => {
  let app: TestApp | undefined;

  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('with authentication off (no MicrosoftAppId), on loopback only, and says so when it starts', async () => {
    const logs = captureLogs('info');
    app = await startTestApp({ logger: logs.logger });

    expect(new URL(app.url).hostname).toBe('127.0.0.1');
    expect(await accepts(app, '127.0.0.1')).toBe(true);
    if (networkAddress) expect(await accepts(app, networkAddress)).toBe(false);
    const started = logs.entries().find((entry) => entry.url === app?.url);
    expect(started).toMatchObject({ level: 30, authentication: 'off', address: '127.0.0.1' });
    expect(started?.msg).toMatch(/this machine only: authentication is off/);
  });

  withNetwork('with authentication off and HOST=0.0.0.0, on every interface, with a warning', async () => {
    const logs = captureLogs('info');
    app = await startTestApp({ env: { HOST: '0.0.0.0' }, logger: logs.logger });

    expect(await accepts(app, networkAddress!)).toBe(true);
    const started = logs.entries().find((entry) => entry.url === app?.url);
    expect(started).toMatchObject({ level: 40, authentication: 'off', address: '0.0.0.0' });
    expect(started?.msg).toMatch(/authentication off .*anyone who can reach it/);
  });

  withNetwork('with an app id, on every interface, as a deployment needs', async () => {
    const logs = captureLogs('info');
    app = await startTestApp({ env: productionEnv(), logger: logs.logger });

    expect(await accepts(app, networkAddress!)).toBe(true);
    expect(await accepts(app, '127.0.0.1')).toBe(true);
    expect(logs.entries().find((entry) => entry.url === app?.url)).toMatchObject({ level: 30, authentication: 'on' });
  });
});
