/** Requests already handled, on Postgres; see `RequestLog`. */
import type pg from 'pg';
import type { RequestLog } from './types.js';

export function postgresRequests(pool: pg.Pool): RequestLog {
  return {
    first: async (key, now) => (await pool.query('INSERT INTO handled_requests (key, handled_at) VALUES ($1, $2) ON CONFLICT DO NOTHING', [key, now.getTime()])).rowCount === 1,
    prune: async (before) => (await pool.query('DELETE FROM handled_requests WHERE handled_at < $1', [before.getTime()])).rowCount ?? 0,
  };
}
