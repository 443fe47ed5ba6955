import type { Activity } from 'botbuilder';

/** An activity as the bridge keeps it: it always has the id the bridge gave it. */
export type LoggedActivity = Partial<Activity> & { id: string };

interface Entry {
  readonly seq: number;
  readonly activity: LoggedActivity;
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
 * watermark that is the last number the client has seen. Only the newest `capacity` entries are kept.
 *
 * An update or a delete moves the activity to the end of the log (its new version, or a `messageDelete` tombstone
 * with the same id), so that a client polling from its watermark sees the change: Web Chat replaces an activity
 * it shows by id. The update keeps the original timestamp, which is what Web Chat sorts by.
 */
export class ConversationLog {
  private entries: Entry[] = [];
  private lastSeq = 0;

  constructor(
    private readonly conversationId: string,
    private readonly capacity: number,
  ) {}

  append(activity: Partial<Activity>): LoggedActivity {
    const seq = this.nextSeq();
    const logged = { ...activity, id: `${this.conversationId}|${String(seq).padStart(SEQ_DIGITS, '0')}` };
    this.push({ seq, activity: logged });
    return logged;
  }

  /** Replaces the activity with this id by `activity`; undefined when there is no such activity. */
  replace(id: string, activity: Partial<Activity>): LoggedActivity | undefined {
    const previous = this.take(id);
    if (!previous) return undefined;
    const logged = { ...activity, id, timestamp: previous.timestamp };
    this.push({ seq: this.nextSeq(), activity: logged });
    return logged;
  }

  /** Replaces the activity with this id by a tombstone; false when there is no such activity. */
  remove(id: string): boolean {
    const previous = this.take(id);
    if (!previous) return false;
    const { timestamp, channelId, conversation, from } = previous;
    this.push({ seq: this.nextSeq(), activity: { type: 'messageDelete', id, timestamp, channelId, conversation, from } });
    return true;
  }

  /** Everything after `watermark` (0: everything still kept). */
  since(watermark: number): ActivityPage {
    const activities = this.entries.filter((entry) => entry.seq > watermark).map((entry) => entry.activity);
    return { activities, watermark: String(Math.max(watermark, this.lastSeq)) };
  }

  private nextSeq(): number {
    this.lastSeq += 1;
    return this.lastSeq;
  }

  private push(entry: Entry): void {
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }

  private take(id: string): LoggedActivity | undefined {
    const index = this.entries.findIndex((entry) => entry.activity.id === id);
    if (index < 0) return undefined;
    return this.entries.splice(index, 1)[0].activity;
  }
}
