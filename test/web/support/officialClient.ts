import { DirectLine, type Activity } from 'botframework-directlinejs';
import WebSocket from 'ws';
import XMLHttpRequest from 'xhr2';

// botframework-directlinejs, the Direct Line client inside Web Chat, runs as in a browser: it calls the API with
// XMLHttpRequest (RxJS's ajax) and streams with the WebSocket global, neither of which Node 20 has. xhr2 is
// XMLHttpRequest over Node's http; ws is the WebSocket the bridge itself streams with.
Object.assign(globalThis, { XMLHttpRequest, WebSocket });

/** A conversation through botframework-directlinejs, keeping what it has received. */
export class OfficialClient {
  readonly received: Activity[] = [];
  private readonly subscription: { unsubscribe(): void };
  private readonly waiters = new Set<() => void>();

  /**
   * Starts a conversation with `token` against the Direct Line API at `domain`, streaming; or, given
   * `conversationId`, resumes that conversation after `watermark`.
   */
  constructor(
    options: { token: string; domain: string; conversationId?: string; watermark?: string },
    private readonly directLine = new DirectLine({ ...options, webSocket: true }),
  ) {
    this.subscription = directLine.activity$.subscribe((activity) => {
      this.received.push(activity);
      for (const wake of this.waiters) wake();
    });
  }

  /** What the client keeps to resume the conversation: its id, the latest token and the watermark it has read to. */
  get resumption(): { conversationId: string; token: string; watermark: string } {
    const { conversationId, token, watermark } = this.directLine as unknown as Record<string, string>;
    return { conversationId, token, watermark };
  }

  /** Whether the client streams the conversation (rather than polling for it), at the streamUrl the service gave it. */
  get streaming(): boolean {
    const { webSocket, streamUrl } = this.directLine as unknown as { webSocket: boolean; streamUrl?: string };
    return webSocket && streamUrl !== undefined;
  }

  /** Posts `activity` and resolves with the id the service gave it. */
  post(activity: Activity): Promise<string> {
    return new Promise((resolve, reject) => {
      this.directLine.postActivity(activity).subscribe(resolve, reject);
    });
  }

  /** Waits until an activity that `matches` has arrived. */
  until(matches: (activity: Activity) => boolean, timeoutMs = 10_000): Promise<Activity> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.received.find(matches);
        if (!found) return;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`no such activity within ${timeoutMs} ms; got ${JSON.stringify(this.received.map((a) => [a.type, 'text' in a ? a.text : '']))}`));
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  /** Closes the stream and ends the conversation on this side, as Web Chat does when its page goes. */
  end(): void {
    this.subscription.unsubscribe();
    this.directLine.end();
  }
}
