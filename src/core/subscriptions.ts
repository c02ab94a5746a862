/**
 * The port the subscription commands use: scheduled digests for a channel, whatever store and
 * scheduler sit behind it (see src/scheduler/service.ts).
 */
import type { DeliveryState } from './delivery-state.js';
import type { ComposedDigest } from './digest-view.js';
import type { ChannelRef, Subscription, SubscriptionInput } from './subscription.js';

export interface SubscribeResult {
  subscription: Subscription;
  /** False when the channel already had this topic and it was updated instead. */
  created: boolean;
  /** The subscription had been paused and subscribing again lifted the pause. */
  resumed: boolean;
}

export type PostNowResult =
  | { status: 'posted'; digest: ComposedDigest; messageId?: string }
  /** No poster for this platform (console): the caller shows the digest itself. */
  | { status: 'no_poster'; digest: ComposedDigest }
  /** `retryable`: trying again later may work (timeouts, 429s, shutdown), unlike refusals. */
  | { status: 'failed'; error: string; paused: boolean; retryable?: boolean }
  | { status: 'not_found' }
  /** A new-papers subscription with nothing new since its last digest: nothing was posted. */
  | { status: 'empty'; label: string };

export interface SubscriptionService {
  readonly defaultTimezone: string;
  /** `HH:MM` used when `subscribe` names no time. */
  readonly defaultTime: string;
  now(): Date;
  subscribe(input: SubscriptionInput): Promise<SubscribeResult>;
  list(channel: ChannelRef): Promise<Subscription[]>;
  /** Every subscription of a workspace (for an overview such as Slack's App Home). */
  listWorkspace(platform: string, workspaceId: string): Promise<Subscription[]>;
  /** The subscription if it belongs to this channel. */
  find(channel: ChannelRef, id: number): Promise<Subscription | undefined>;
  unsubscribe(channel: ChannelRef, id: number): Promise<boolean>;
  unsubscribeAll(channel: ChannelRef): Promise<number>;
  resume(channel: ChannelRef, id: number): Promise<boolean>;
  postNow(channel: ChannelRef, id: number): Promise<PostNowResult>;
  /** When the subscription posts next, or undefined while paused. */
  nextPost(sub: Subscription): Date | undefined;
  /** The local date of its most recent digest slot and how that ended. */
  lastDigest(sub: Subscription): Promise<{ slotDate: string; state: DeliveryState } | undefined>;
}
