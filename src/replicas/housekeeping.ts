/**
 * Forgets what replicas no longer need: leases long expired (replicas that went away), handled
 * requests older than any platform retries them, and rate buckets idle long enough to be full.
 */
import type { Logger } from '../core/logger.js';
import { describeError } from '../core/safe-error.js';
import type { RateLimit, Store } from '../store/types.js';
import { defaultEvery, type Every } from './lease-keeper.js';

const HOUR = 3_600_000;

export async function tidy(store: Pick<Store, 'leases' | 'requests' | 'rateLimits'>, limit: RateLimit, now: Date): Promise<void> {
  const t = now.getTime();
  await store.leases.prune(new Date(t - 24 * HOUR));
  // Slack retries a request three times within minutes; an hour is plenty.
  await store.requests.prune(new Date(t - HOUR));
  // An idle bucket refills completely in burst / perMinute minutes.
  await store.rateLimits.prune(new Date(t - Math.max(HOUR, (limit.burst / limit.perMinute) * 60_000)));
}

export function startHousekeeping(store: Pick<Store, 'leases' | 'requests' | 'rateLimits'>, limit: RateLimit, logger: Logger, every: Every = defaultEvery): { stop(): void } {
  const run = () => tidy(store, limit, new Date()).catch((error: unknown) => logger.warn({ err: describeError(error) }, 'housekeeping of the shared tables failed'));
  const timer = every(HOUR, () => void run());
  return { stop: () => timer.stop() };
}
