import type { Next, Request, Response } from 'restify';
import { z } from 'zod';
import { sendError } from './activityBody';

/**
 * Bounds on each field of an activity that the bot reads, checked on /api/messages before the adapter sees it: the
 * right type and a size no channel sends. A request outside them is refused with 400 naming the field, instead of
 * reaching the dialogs, which read these fields without defending against every shape.
 *
 * A refusal rather than a reply from the bot, because no customer reaches these bounds through a real client: the
 * text bound is what the bot reads of a pasted Customer Service Record at most (Teams caps a message at about 28 KB,
 * and the local Direct Line bridge at 32 KB), and a card submits a handful of short inputs. What is over them is a
 * broken or hostile client, which a friendly message would not help. Entities the bot does not read, but the SDK and
 * the logs walk them (a mention's type, an attachment's content type): each must be an object with that field, as the
 * Bot Framework schema has it. Of attachments the bot reads the link to a file (see below). What else they hold, and
 * channelData, are bounded by the body size (MAX_BODY_BYTES) and the nesting depth.
 */

export const ACTIVITY_LIMITS = {
  /** Characters of message text: a pasted CSR at most (the extraction reads no further). */
  textChars: 20_000,
  /** Characters of a card submit's or an invoke's value, as JSON. */
  valueChars: 16 * 1024,
  /** Nesting of a value: a card submits a flat object; Teams' invokes nest three or four levels. */
  valueDepth: 8,
  /** Nesting of the whole activity; deeper JSON would only strain whatever walks it (copies, logging). */
  activityDepth: 32,
  /** Characters of an id: Teams' conversation ids, the longest, run to a few hundred. */
  idChars: 1024,
  nameChars: 512,
  /** Members in one conversationUpdate. */
  members: 1000,
  /** Entities (mentions, client info) and attachments of one activity: Teams sends a few, and allows ten files. */
  entities: 100,
  attachments: 100,
} as const;

const id = z.string().max(ACTIVITY_LIMITS.idChars);
const account = z.looseObject({ id: id.optional(), name: z.string().max(ACTIVITY_LIMITS.nameChars).nullish(), role: z.string().max(64).nullish() });

const activityFields = z.looseObject({
  type: z.string().max(64),
  id: id.optional(),
  replyToId: id.optional(),
  channelId: z.string().max(64).optional(),
  serviceUrl: z.string().max(2048).optional(),
  locale: z.string().max(64).nullish(),
  text: z.string().max(ACTIVITY_LIMITS.textChars).nullish(),
  name: z.string().max(256).optional(),
  from: account.optional(),
  recipient: account.optional(),
  conversation: z.looseObject({ id }).optional(),
  membersAdded: z.array(account).max(ACTIVITY_LIMITS.members).optional(),
  membersRemoved: z.array(account).max(ACTIVITY_LIMITS.members).optional(),
  entities: z.array(z.looseObject({ type: z.string().max(64) })).max(ACTIVITY_LIMITS.entities).nullish(),
  // A file the customer attached (their bill) comes as a link to fetch: Web Chat's contentUrl, or Teams' file download
  // info (its downloadUrl inside `content`); src/documents reads them. Its bytes never ride in the activity.
  attachments: z
    .array(z.looseObject({ contentType: z.string().max(256), contentUrl: z.string().nullish(), name: z.string().max(ACTIVITY_LIMITS.nameChars).nullish() }))
    .max(ACTIVITY_LIMITS.attachments)
    .nullish(),
});

/** How deeply `value` nests (a scalar is 0, `{}` and `[]` are 1), counting no further than `limit + 1`. */
export function nestingDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (pending.length > 0) {
    const { value: current, depth } = pending.pop() as { value: unknown; depth: number };
    if (current === null || typeof current !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > limit) return deepest;
    for (const child of Object.values(current)) pending.push({ value: child, depth: depth + 1 });
  }
  return deepest;
}

/** What is wrong with the activity, for the client; undefined when it is within every bound. */
export function activityProblem(activity: Record<string, unknown>): string | undefined {
  if (nestingDepth(activity, ACTIVITY_LIMITS.activityDepth) > ACTIVITY_LIMITS.activityDepth) {
    return `The activity nests deeper than ${ACTIVITY_LIMITS.activityDepth} levels.`;
  }
  const checked = activityFields.safeParse(activity);
  if (!checked.success) {
    const [issue] = checked.error.issues;
    return `The activity's "${issue.path.join('.')}" is not valid: ${issue.message}.`;
  }
  const { value } = activity;
  if (value === undefined) return undefined;
  if (nestingDepth(value, ACTIVITY_LIMITS.valueDepth) > ACTIVITY_LIMITS.valueDepth) {
    return `The activity's "value" nests deeper than ${ACTIVITY_LIMITS.valueDepth} levels.`;
  }
  if (JSON.stringify(value).length > ACTIVITY_LIMITS.valueChars) {
    return `The activity's "value" is longer than ${ACTIVITY_LIMITS.valueChars} characters of JSON.`;
  }
  return undefined;
}

/** For /api/messages after parseActivity: refuses an activity outside ACTIVITY_LIMITS with 400. */
export function checkActivityFields(req: Request, res: Response, next: Next): void {
  const problem = activityProblem(req.body as Record<string, unknown>);
  if (problem === undefined) return next();
  sendError(res, 400, 'InvalidActivityField', problem);
  return next(false);
}
