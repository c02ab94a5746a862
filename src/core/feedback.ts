/**
 * Feedback: a reader marks a paper 👍 (relevant to this channel) or 👎 (not). Votes are kept per
 * channel and user, so a channel's taste is the sum of its members' votes and a user can take
 * theirs back (`forget me`).
 */
import type { ChannelRef } from './subscription.js';

export type Vote = 1 | -1;

export interface ChannelVote {
  userId: string;
  paperId: string;
  vote: Vote;
  at: Date;
}

export interface FeedbackLog {
  /** Records or changes a user's vote on a paper in a channel; `0` takes it back. */
  vote(channel: ChannelRef, userId: string, paperId: string, vote: Vote | 0, now: Date): Promise<void>;
  /** Every vote in the channel, oldest first. */
  channelVotes(channel: ChannelRef): Promise<ChannelVote[]>;
  /** Forgets the channel's votes (`taste reset`); how many there were. */
  resetChannel(channel: ChannelRef): Promise<number>;
}

/** What `forget me` removed. */
export interface ForgetReport {
  savedPapers: number;
  votes: number;
  /** Personal digests stopped and deleted. */
  personalDigests: number;
  /** Subscriptions and channel-list entries that named the user, now anonymous. */
  anonymised: number;
}

export interface Privacy {
  /** Deletes everything stored about one user on one platform, in one transaction. */
  forgetUser(platform: string, userId: string): Promise<ForgetReport>;
}

/**
 * Which paper a posted message holds (each reply of a threaded digest), so that a 👍 or 👎
 * reaction on it counts as a vote on that paper.
 */
export interface PaperMessages {
  /** `channelId` in each entry is where the message is; `digestChannelId` the channel whose digest it belongs to. */
  record(platform: string, digestChannelId: string, entries: readonly { channelId: string; messageId: string; paperId: string }[], now: Date): Promise<void>;
  paperOf(platform: string, channelId: string, messageId: string): Promise<{ paperId: string; digestChannelId: string } | undefined>;
}

/** A reaction's vote: 👍 and 👎 as Discord sends them, `+1`/`thumbsup` and `-1`/`thumbsdown` (any skin tone) as Slack does. */
export function reactionVote(name: string): Vote | undefined {
  const base = name.replace(/::skin-tone-\d$/, '').replace(/[\u{1F3FB}-\u{1F3FF}]/gu, '');
  if (base === '👍' || base === '+1' || base === 'thumbsup') return 1;
  if (base === '👎' || base === '-1' || base === 'thumbsdown') return -1;
  return undefined;
}
