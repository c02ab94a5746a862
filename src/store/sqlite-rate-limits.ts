/** Shared token buckets on SQLite; see `RateLimitRepo`. One upsert refills, takes and answers atomically. */
import type Database from 'better-sqlite3';
import type { RateLimitRepo } from './types.js';

export function sqliteRateLimits(db: Database.Database): RateLimitRepo {
  // SET expressions read the row as it was before the update, so `refilled` is computed from the old tokens.
  const refilled = 'min(@burst, tokens + max(0, @now - updated_at) * @perMs)';
  const take = db.prepare<{ key: string; burst: number; perMs: number; now: number }, { tokens: number; allowed: number }>(`
    INSERT INTO rate_buckets (key, tokens, allowed, updated_at) VALUES (@key, @burst - 1, 1, @now)
    ON CONFLICT (key) DO UPDATE SET
      tokens = ${refilled} - (CASE WHEN ${refilled} >= 1 THEN 1 ELSE 0 END),
      allowed = ${refilled} >= 1,
      updated_at = max(updated_at, @now)
    RETURNING tokens, allowed`);
  const prune = db.prepare('DELETE FROM rate_buckets WHERE updated_at < ?');
  return {
    take: async (key, limit, now) => {
      const perMs = limit.perMinute / 60_000;
      const row = take.get({ key, burst: limit.burst, perMs, now: now.getTime() })!;
      return row.allowed ? 0 : Math.ceil((1 - row.tokens) / perMs / 1000);
    },
    prune: async (before) => prune.run(before.getTime()).changes,
  };
}
