/**
 * The subscription port for commands (src/core/subscriptions.ts), built on the store and the
 * scheduler: commands stay free of storage and scheduling details.
 */
import { parseTime } from '../core/schedule/spec.js';
import { sameChannel, type ChannelRef } from '../core/subscription.js';
import type { PostNowResult, SubscriptionService } from '../core/subscriptions.js';
import type { Store } from '../store/types.js';
import { nextSlot } from './schedule.js';

export interface SubscriptionServiceOptions {
  store: Pick<Store, 'subscriptions' | 'deliveries'>;
  /** Usually `scheduler.postNow`. */
  postNow: (subscriptionId: number) => Promise<PostNowResult>;
  /** IANA zone used when `subscribe` names none. Default `UTC`. */
  defaultTimezone?: string;
  /** `HH:MM` used when `subscribe` names no time (`PAPERBOT_DIGEST_TIME`). Default `09:00`. */
  defaultTime?: string;
  clock?: { now(): Date };
}

export function createSubscriptionService(options: SubscriptionServiceOptions): SubscriptionService {
  const repo = options.store.subscriptions;
  const now = () => options.clock?.now() ?? new Date();
  // Normalised and checked once here, so a bad setting fails at start-up rather than on the first subscribe.
  const defaultTime = parseTime(options.defaultTime ?? '09:00');
  const find = async (channel: ChannelRef, id: number) => {
    const sub = await repo.get(id);
    return sub && sameChannel(sub, channel) ? sub : undefined;
  };
  return {
    defaultTimezone: options.defaultTimezone ?? 'UTC',
    defaultTime,
    now,
    async subscribe(input) {
      const { subscription, created, wasPaused } = await repo.upsert(input, now());
      return { subscription, created, resumed: wasPaused };
    },
    list: (channel) => repo.listChannel(channel),
    listWorkspace: (platform, workspaceId) => repo.listWorkspace(platform, workspaceId),
    find,
    unsubscribe: async (channel, id) => ((await find(channel, id)) ? repo.remove(id) : false),
    unsubscribeAll: (channel) => repo.removeChannel(channel),
    resume: async (channel, id) => ((await find(channel, id)) ? repo.resume(id, now()) : false),
    postNow: async (channel, id) => ((await find(channel, id)) ? options.postNow(id) : { status: 'not_found' }),
    nextPost: (sub) => (sub.pausedReason ? undefined : nextSlot(sub, now())?.dueAt),
    lastDigest: async (sub) => {
      const slot = await options.store.deliveries.latest(sub.id);
      return slot && { slotDate: slot.slotDate, state: slot.state };
    },
  };
}
