import type { Activity, TurnContext } from 'botbuilder';
import { message } from '../support/activities';
import { startTestApp } from '../support/testApp';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

/** Lets pending I/O callbacks run a few times over: enough for a settled promise chain to report. */
async function letEventsRun(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await new Promise((done) => setImmediate(done));
}

describe('closing the server', () => {
  it('finishes a turn in flight before it resolves, and stops taking new connections', async () => {
    const turnStarted = deferred();
    const releaseTurn = deferred();
    const app = await startTestApp({
      runDialog: async (context: TurnContext) => {
        turnStarted.resolve();
        await releaseTurn.promise;
        await context.sendActivity('done thinking');
      },
    });
    const inFlight = app.post(message('slow one'));
    await turnStarted.promise;

    let closed = false;
    const closing = app.close().then(() => {
      closed = true;
    });
    await letEventsRun();
    expect(closed).toBe(false);
    await expect(fetch(`${app.url}/healthz`)).rejects.toThrow();

    releaseTurn.resolve();
    const response = await inFlight;
    await closing;

    expect(response.status).toBe(200);
    const body = (await response.json()) as { activities: Partial<Activity>[] };
    expect(body.activities.map((reply) => reply.text)).toEqual(['done thinking']);
    expect(closed).toBe(true);
  });

  it('can be closed twice', async () => {
    const app = await startTestApp();

    await Promise.all([app.close(), app.close()]);
    await expect(app.close()).resolves.toBeUndefined();
  });
});
