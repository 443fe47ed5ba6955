import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import WebSocket from 'ws';

export interface ActivityPage {
  activities: (Partial<Activity> & { id: string })[];
  watermark: string;
}

/** What starting or resuming a conversation answers. */
export interface ConversationGrant {
  conversationId: string;
  token: string;
  expires_in: number;
  streamUrl: string;
}

/** A visitor's page, reduced to the HTTP calls Web Chat makes: a token from the server, then Direct Line 3.0. */
export class DirectLineClient {
  private constructor(
    private readonly baseUrl: string,
    readonly conversationId: string,
    public token: string,
    readonly streamUrl: string,
  ) {}

  /** Gets a token for `visitorId` from the page's token route and starts the conversation with it. */
  static async open(baseUrl: string, visitorId: string = randomUUID()): Promise<DirectLineClient> {
    const token = await requestToken(baseUrl, visitorId);
    const response = await fetch(`${baseUrl}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    if (response.status !== 201) throw new Error(`POST /v3/directline/conversations answered ${response.status}`);
    const conversation = (await response.json()) as ConversationGrant;
    return new DirectLineClient(baseUrl, conversation.conversationId, conversation.token, conversation.streamUrl);
  }

  get activitiesUrl(): string {
    return `${this.baseUrl}/v3/directline/conversations/${this.conversationId}/activities`;
  }

  post(activity: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(this.activitiesUrl, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json', ...headers },
      body: typeof activity === 'string' ? activity : JSON.stringify(activity),
    });
  }

  /** Posts a message as Web Chat does and returns the id the bridge gave it. */
  async say(text: string): Promise<string> {
    const response = await this.post({ type: 'message', text, from: { id: 'someone-else', name: 'Visitor' }, channelData: { clientActivityID: `client-${text}` } });
    if (response.status !== 200) throw new Error(`posting "${text}" answered ${response.status}: ${await response.text()}`);
    return ((await response.json()) as { id: string }).id;
  }

  /**
   * Sends a message with files as Web Chat does (botframework-directlinejs' postMessageWithAttachments): multipart to
   * `/upload`, the message as an `activity` part without its links, then a `file` part for each file.
   */
  upload(files: readonly { bytes: Buffer; contentType: string; name: string }[], text?: string): Promise<Response> {
    const form = new FormData();
    const activity = { type: 'message', text, from: { id: 'someone-else', name: 'Visitor' }, attachments: files.map(({ contentType, name }) => ({ contentType, name })) };
    form.append('activity', new Blob([JSON.stringify(activity)], { type: 'application/vnd.microsoft.activity' }));
    for (const file of files) form.append('file', new Blob([file.bytes], { type: file.contentType }), file.name);
    return fetch(`${this.baseUrl}/v3/directline/conversations/${this.conversationId}/upload?userId=someone-else`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}` },
      body: form,
    });
  }

  async poll(watermark = ''): Promise<ActivityPage> {
    const response = await fetch(`${this.activitiesUrl}?watermark=${watermark}`, { headers: { authorization: `Bearer ${this.token}` } });
    if (response.status !== 200) throw new Error(`polling answered ${response.status}`);
    return (await response.json()) as ActivityPage;
  }

  /** Resumes the conversation from `watermark`, as a client does after a reload: `GET /conversations/{id}`. */
  resume(watermark: string, token = this.token): Promise<Response> {
    return fetch(`${this.baseUrl}/v3/directline/conversations/${this.conversationId}?watermark=${watermark}`, {
      headers: { authorization: `Bearer ${token}` },
    });
  }
}

export async function requestToken(baseUrl: string, visitorId: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/directline/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ visitorId }),
  });
  if (response.status !== 200) throw new Error(`POST /api/directline/token answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

/** The claims of a JWT, read without checking its signature: what Web Chat reads the user id from. */
export function jwtClaims(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** A Direct Line stream (the WebSocket at a `streamUrl`), keeping every activity it has sent, with when it came. */
export class ActivityStream {
  readonly received: { activity: ActivityPage['activities'][number]; at: number }[] = [];
  private readonly waiters = new Set<() => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: WebSocket.RawData) => {
      const page = JSON.parse(String(data)) as ActivityPage;
      for (const activity of page.activities) this.received.push({ activity, at: Date.now() });
      for (const wake of this.waiters) wake();
    });
  }

  /** Opens the stream; rejects with the HTTP status when the server refuses the upgrade. */
  static open(streamUrl: string): Promise<ActivityStream> {
    const socket = new WebSocket(streamUrl);
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(new ActivityStream(socket)));
      socket.once('unexpected-response', (_req, res) => reject(new Error(`the stream answered ${res.statusCode}`)));
      socket.once('error', reject);
    });
  }

  get activities(): ActivityPage['activities'] {
    return this.received.map(({ activity }) => activity);
  }

  /** Waits until an activity that `matches` has come, and returns it with when it came. */
  until(matches: (activity: Partial<Activity>) => boolean, timeoutMs = 5_000): Promise<ActivityStream['received'][number]> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.received.find(({ activity }) => matches(activity));
        if (!found) return;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`no such activity within ${timeoutMs} ms; got ${JSON.stringify(this.activities.map((a) => [a.type, a.text]))}`));
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  /** Resolves once the stream has closed, from either end. */
  closed(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => this.socket.once('close', () => resolve()));
  }

  close(): Promise<void> {
    const closed = this.closed();
    this.socket.close();
    return closed;
  }
}
