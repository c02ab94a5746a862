/**
 * Per-user command limits kept in the store, so every replica draws from the same buckets. When
 * the database does not answer, commands are let through: a search must not fail because the
 * limiter cannot count it.
 */
import type { Logger } from '../core/logger.js';
import type { CommandLimiter } from '../core/rate-limit.js';
import { describeError } from '../core/safe-error.js';
import type { RateLimit, RateLimitRepo } from '../store/types.js';

export function sharedRateLimit(repo: RateLimitRepo, limit: RateLimit, logger: Logger, now: () => Date = () => new Date()): CommandLimiter {
  let failing = false;
  return {
    async take(key) {
      try {
        const wait = await repo.take(key, limit, now());
        failing = false;
        return wait;
      } catch (error) {
        if (!failing) logger.warn({ err: describeError(error) }, 'rate limits unavailable (database); letting commands through until it answers');
        failing = true;
        return 0;
      }
    },
  };
}
