/** Shared token buckets on Postgres; see `RateLimitRepo`. One upsert refills, takes and answers atomically. */
import type pg from 'pg';
import type { RateLimitRepo } from './types.js';

// SET expressions read the row as it was before the update, so `refilled` is computed from the old tokens.
const refilled = 'least($2::float8, rate_buckets.tokens + greatest(0, $4 - rate_buckets.updated_at) * $3::float8)';
const TAKE = `
  INSERT INTO rate_buckets (key, tokens, allowed, updated_at) VALUES ($1, $2::float8 - 1, true, $4)
  ON CONFLICT (key) DO UPDATE SET
    tokens = ${refilled} - (CASE WHEN ${refilled} >= 1 THEN 1 ELSE 0 END),
    allowed = ${refilled} >= 1,
    updated_at = greatest(rate_buckets.updated_at, $4)
  RETURNING tokens, allowed`;

export function postgresRateLimits(pool: pg.Pool): RateLimitRepo {
  return {
    take: async (key, limit, now) => {
      const perMs = limit.perMinute / 60_000;
      const { rows } = await pool.query<{ tokens: number; allowed: boolean }>(TAKE, [key, limit.burst, perMs, now.getTime()]);
      const row = rows[0]!;
      return row.allowed ? 0 : Math.ceil((1 - row.tokens) / perMs / 1000);
    },
    prune: async (before) => (await pool.query('DELETE FROM rate_buckets WHERE updated_at < $1', [before.getTime()])).rowCount ?? 0,
  };
}
