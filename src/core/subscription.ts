/**
 * Subscriptions as the rest of the bot sees them: plain data, shared by the commands, the
 * scheduler and every storage engine.
 */
import type { Platform } from './platform.js';

/**
 * `best`: the best papers on the topic the channel has not seen yet (works on any collection);
 * `new`: only papers that arrived since the channel's last digest, nothing when none did.
 */
export type DigestMode = 'best' | 'new';

/** ISO weekday as luxon numbers it: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A channel on one platform; channel IDs are only unique within a platform. */
export interface ChannelRef {
  platform: Platform;
  channelId: string;
}

export interface SubscriptionInput extends ChannelRef {
  workspaceId?: string;
  /** `daily` follows the rotating daily theme; `topic` a topic name or any search query. */
  kind: 'topic' | 'daily';
  /** As the user typed it (`daily` for the daily theme). */
  topic: string;
  /** Local wall-clock time `HH:MM`. */
  time: string;
  /** IANA timezone, e.g. `Europe/Paris`. */
  timezone: string;
  /** Days the digest is posted, sorted, never empty. */
  days: Weekday[];
  /** Papers per digest, 1–10. */
  count: number;
  mode: DigestMode;
  /** New-papers mode: on a day with nothing new, post one short line instead of nothing. */
  emptyNote?: boolean;
  /** Post one message with the papers in a thread under it, rather than all in one message. */
  thread?: boolean;
  /** `+min-upvotes:20`, `+has:code`, `+category:cs.CV`, `-gan`: see `schedule/filters.ts`. */
  filters?: string[];
  /** A personal digest: `channelId` is the direct-message channel with `createdBy`. */
  personal?: boolean;
  createdBy: string;
}

export interface Subscription extends SubscriptionInput {
  id: number;
  createdAt: Date;
  updatedAt: Date;
  /** Slots before this instant are never posted: a new or changed schedule starts from here. */
  scheduleFrom: Date;
  /** Set when posting failed permanently (channel gone, no access); cleared by subscribe/resume. */
  pausedReason?: string;
  pausedAt?: Date;
}

/** Two subscriptions of a channel are the same when their topics match ignoring case and spacing. */
export function topicKey(input: Pick<SubscriptionInput, 'kind' | 'topic'>): string {
  return input.kind === 'daily' ? 'daily' : input.topic.trim().toLowerCase().replace(/\s+/g, ' ');
}

export function sameChannel(a: ChannelRef, b: ChannelRef): boolean {
  return a.platform === b.platform && a.channelId === b.channelId;
}
