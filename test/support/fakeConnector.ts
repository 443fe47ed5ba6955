/**
 * The Bot Connector API as a channel offers it at its serviceUrl, on 127.0.0.1: `POST /v3/conversations/:id/activities`
 * (send, reply) and `PUT …/activities/:activityId` (update). It records what arrives, per conversation. A silent one
 * takes every request and never answers, as a channel in trouble or a hostile serviceUrl may.
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';

export interface Received {
  readonly conversationId: string;
  readonly activity: Partial<Activity>;
  /** The id the connector gave a sent activity, or the id an update named. */
  readonly id: string;
  readonly method: 'POST' | 'PUT';
}

const ACTIVITIES = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;

export class FakeConnector {
  readonly received: Received[] = [];
  /** The status of the next answers, in order; 200 once the script runs out. */
  readonly script: number[] = [];
  /** Silent: the paths of the calls it took and never answered, in order. */
  readonly held: string[] = [];
  private readonly server: Server = createServer((req, res) => void this.handle(req, res));
  private sequence = 0;

  constructor(private readonly silent = false) {}

  listen(): Promise<string> {
    return new Promise((resolve) => {
      this.server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`));
    });
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** What was sent (not updated) into one conversation, in order. */
  sentTo(conversationId: string): Partial<Activity>[] {
    return this.received.filter((entry) => entry.conversationId === conversationId && entry.method === 'POST').map((entry) => entry.activity);
  }

  /** The texts sent into one conversation, in order. */
  textsTo(conversationId: string): string[] {
    return this.sentTo(conversationId).flatMap((activity) => (activity.text ? [activity.text] : []));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // The connection stays open, unanswered, until close() ends it.
    if (this.silent) {
      this.held.push(req.url ?? '');
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const match = ACTIVITIES.exec(req.url ?? '');
    // restify, loaded in this process, replaces ServerResponse#writeHead with one that does not return the response.
    if (!match || (req.method !== 'POST' && req.method !== 'PUT')) {
      res.writeHead(404);
      res.end();
      return;
    }
    const status = this.script.shift() ?? 200;
    if (status !== 200) {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'Fail', message: 'Scripted failure' } }));
      return;
    }
    const activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Partial<Activity>;
    const method = req.method;
    this.sequence += 1;
    const id = method === 'PUT' ? decodeURIComponent(match[2] as string) : `a-${this.sequence}`;
    this.received.push({ conversationId: decodeURIComponent(match[1] as string), activity, id, method });
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ id }));
  }
}
