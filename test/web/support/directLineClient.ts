import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';

export interface ActivityPage {
  activities: (Partial<Activity> & { id: string })[];
  watermark: string;
}

/** A visitor's page, reduced to the HTTP calls Web Chat makes: a token from the server, then Direct Line 3.0. */
export class DirectLineClient {
  private constructor(
    private readonly baseUrl: string,
    readonly conversationId: string,
    public token: string,
  ) {}

  /** Gets a token for `visitorId` from the page's token route and starts the conversation with it. */
  static async open(baseUrl: string, visitorId: string = randomUUID()): Promise<DirectLineClient> {
    const token = await requestToken(baseUrl, visitorId);
    const response = await fetch(`${baseUrl}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    if (response.status !== 201) throw new Error(`POST /v3/directline/conversations answered ${response.status}`);
    const conversation = (await response.json()) as { conversationId: string; token: string };
    return new DirectLineClient(baseUrl, conversation.conversationId, conversation.token);
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

  async poll(watermark = ''): Promise<ActivityPage> {
    const response = await fetch(`${this.activitiesUrl}?watermark=${watermark}`, { headers: { authorization: `Bearer ${this.token}` } });
    if (response.status !== 200) throw new Error(`polling answered ${response.status}`);
    return (await response.json()) as ActivityPage;
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
