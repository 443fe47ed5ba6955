import type { Activity } from 'botbuilder';

/** An activity as the bridge keeps it: it always has the id the bridge gave it. */
export type LoggedActivity = Partial<Activity> & { id: string };

interface Entry {
  readonly seq: number;
  readonly activity: LoggedActivity;
  /** The activity's size as JSON, as the client receives it. */
  readonly bytes: number;
}

export interface LogCapacity {
  readonly maxActivities: number;
  /** The most the kept activities may add up to, as JSON. */
  readonly maxBytes: number;
}

export interface ActivityPage {
  readonly activities: LoggedActivity[];
  /** What the client sends back as `?watermark=` to get only what came after. */
  readonly watermark: string;
}

/** Direct Line's activity ids: the conversation id, a bar, and a zero-padded sequence number. */
const SEQ_DIGITS = 7;

/**
 * One conversation's activities as a Direct Line client reads them: in order, each with a sequence number, and a
 * watermark that is the last number the client has seen. Only the newest entries that fit `capacity` are kept.
 *
 * An update or a delete moves the activity to the end of the log (its new version, or a `messageDelete` tombstone
 * with the same id), so that a client reading from its watermark sees the change: Web Chat replaces an activity
 * it shows by id. The update keeps the original timestamp, which is what Web Chat sorts by.
 *
 * Watchers are told of every change as it happens, so that a stream can pass it on at once.
 */
export class ConversationLog {
  private entries: Entry[] = [];
  private lastSeq = 0;
  private bytes = 0;
  private readonly watchers = new Set<() => void>();

  constructor(
    private readonly conversationId: string,
    private readonly capacity: LogCapacity,
  ) {}

  /** The sequence number of the newest change: the watermark of a client that has read everything. */
  get watermark(): number {
    return this.lastSeq;
  }

  append(activity: Partial<Activity>): LoggedActivity {
    const seq = this.nextSeq();
    const logged = { ...activity, id: `${this.conversationId}|${String(seq).padStart(SEQ_DIGITS, '0')}` };
    this.push(seq, logged);
    return logged;
  }

  /** Replaces the activity with this id by `activity`; undefined when there is no such activity. */
  replace(id: string, activity: Partial<Activity>): LoggedActivity | undefined {
    const previous = this.take(id);
    if (!previous) return undefined;
    const logged = { ...activity, id, timestamp: previous.timestamp };
    this.push(this.nextSeq(), logged);
    return logged;
  }

  /** Replaces the activity with this id by a tombstone; false when there is no such activity. */
  remove(id: string): boolean {
    const previous = this.take(id);
    if (!previous) return false;
    const { timestamp, channelId, conversation, from } = previous;
    this.push(this.nextSeq(), { type: 'messageDelete', id, timestamp, channelId, conversation, from });
    return true;
  }

  /** Everything after `watermark` (0: everything still kept). */
  since(watermark: number): ActivityPage {
    const activities = this.entries.filter((entry) => entry.seq > watermark).map((entry) => entry.activity);
    return { activities, watermark: String(Math.max(watermark, this.lastSeq)) };
  }

  /** Calls `watcher` after every change, until the function returned is called. */
  watch(watcher: () => void): () => void {
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }

  private nextSeq(): number {
    this.lastSeq += 1;
    return this.lastSeq;
  }

  private push(seq: number, activity: LoggedActivity): void {
    const bytes = Buffer.byteLength(JSON.stringify(activity));
    this.entries.push({ seq, activity, bytes });
    this.bytes += bytes;
    while (this.entries.length > this.capacity.maxActivities || (this.bytes > this.capacity.maxBytes && this.entries.length > 1)) {
      this.bytes -= this.entries.shift()?.bytes ?? 0;
    }
    for (const watcher of this.watchers) watcher();
  }

  private take(id: string): LoggedActivity | undefined {
    const index = this.entries.findIndex((entry) => entry.activity.id === id);
    if (index < 0) return undefined;
    const [entry] = this.entries.splice(index, 1);
    this.bytes -= entry.bytes;
    return entry.activity;
  }
}
