/**
 * What the subscription commands need, in one object passed through `CommandContext`: the store,
 * the scheduler's immediate post, and the configured default timezone and time. Keeps commands free of
 * storage and scheduling details.
 */
import type { ChannelRef, Subscription, SubscriptionInput, SubscriptionStore } from '../store/types.js';
import type { PostNowResult } from './delivery.js';
import { nextSlot } from './schedule.js';
import { parseTime } from './spec.js';

export interface SubscribeResult {
  subscription: Subscription;
  /** False when the channel already had this topic and it was updated instead. */
  created: boolean;
  /** The subscription had been paused and subscribing again lifted the pause. */
  resumed: boolean;
}

export interface SubscriptionService {
  readonly defaultTimezone: string;
  /** `HH:MM` used when `subscribe` names no time. */
  readonly defaultTime: string;
  now(): Date;
  subscribe(input: SubscriptionInput): SubscribeResult;
  list(channel: ChannelRef): Subscription[];
  /** The subscription if it belongs to this channel. */
  find(channel: ChannelRef, id: number): Subscription | undefined;
  unsubscribe(channel: ChannelRef, id: number): boolean;
  unsubscribeAll(channel: ChannelRef): number;
  resume(channel: ChannelRef, id: number): boolean;
  postNow(channel: ChannelRef, id: number): Promise<PostNowResult | { status: 'not_found' }>;
  /** When the subscription posts next, or undefined while paused. */
  nextPost(sub: Subscription): Date | undefined;
}

export interface SubscriptionServiceOptions {
  store: SubscriptionStore;
  /** Usually `scheduler.postNow`. */
  postNow: (subscriptionId: number) => Promise<PostNowResult | { status: 'not_found' }>;
  /** IANA zone used when `subscribe` names none. Default `UTC`. */
  defaultTimezone?: string;
  /** `HH:MM` used when `subscribe` names no time (`PAPERBOT_DIGEST_TIME`). Default `09:00`. */
  defaultTime?: string;
  clock?: { now(): Date };
}

const sameChannel = (sub: Subscription, channel: ChannelRef) => sub.platform === channel.platform && sub.channelId === channel.channelId;

export function createSubscriptionService(options: SubscriptionServiceOptions): SubscriptionService {
  const { store } = options;
  const now = () => options.clock?.now() ?? new Date();
  // Normalised and checked once here, so a bad setting fails at start-up rather than on the first subscribe.
  const defaultTime = parseTime(options.defaultTime ?? '09:00');
  const find = (channel: ChannelRef, id: number) => {
    const sub = store.getSubscription(id);
    return sub && sameChannel(sub, channel) ? sub : undefined;
  };
  return {
    defaultTimezone: options.defaultTimezone ?? 'UTC',
    defaultTime,
    now,
    subscribe(input) {
      const { subscription, created, wasPaused } = store.upsertSubscription(input, now());
      return { subscription, created, resumed: wasPaused };
    },
    list: (channel) => store.listChannel(channel),
    find,
    unsubscribe: (channel, id) => (find(channel, id) ? store.removeSubscription(id) : false),
    unsubscribeAll: (channel) => store.removeChannel(channel),
    resume: (channel, id) => (find(channel, id) ? store.resume(id, now()) : false),
    postNow: async (channel, id) => (find(channel, id) ? options.postNow(id) : { status: 'not_found' }),
    nextPost: (sub) => (sub.pausedReason ? undefined : nextSlot(sub, now())?.dueAt),
  };
}
