/**
 * Who a turn comes from, for the people the bot serves besides customers (agents, support staff): members of a team
 * in Teams, and users named by id. Both agents (dialogs/handoff/agentDesk.ts) and support staff (dialogs/staff) are
 * recognized here, so that the two cannot drift apart.
 */
import { type Activity, Channels } from 'botbuilder';

/** A group of people in Teams: the members of one team, and users listed by id. */
export interface TeamsGroup {
  /** Its team in Teams, as Teams reports it (19:…@thread.tacv2): messages posted in the team's channels count. */
  readonly teamId?: string;
  /** Users anywhere in Teams (a one-to-one chat with the bot, say): AAD object ids, or Teams user ids. */
  readonly userIds: readonly string[];
}

/**
 * Whether the activity comes from someone in the group. Team and user ids are vouched for by Teams alone, whose Bot
 * Connector signs what it sends (with MicrosoftAppId set, as in every deployment): on other channels, Web Chat above
 * all, the client writes `channelData` and `from` itself, so there they prove nothing. Teams delivers a team's channel
 * messages only from its members, which is why the team's id in `channelData` stands for membership.
 */
export function fromTeamsGroup(activity: Partial<Activity>, group: TeamsGroup): boolean {
  if (activity.channelId !== Channels.Msteams) return false;
  const team = (activity.channelData as { team?: { id?: unknown } } | undefined)?.team;
  if (group.teamId !== undefined && team?.id === group.teamId) return true;
  const from = activity.from;
  return from !== undefined && [from.aadObjectId, from.id].some((id) => id !== undefined && group.userIds.includes(id));
}
