/** Which papers each channel has been sent, on Postgres; see sqlite-history.ts. */
import type pg from 'pg';
import type { ChannelRef } from '../core/subscription.js';
import type { Queryable } from './postgres-pool.js';
import type { ChannelHistory } from './types.js';

/** One statement, so it is atomic on its own and joins the caller's transaction when given a client. */
export async function recordPosted(db: Queryable, channel: ChannelRef, paperIds: readonly string[], now: Date): Promise<void> {
  if (paperIds.length === 0) return;
  await db.query(
    `INSERT INTO posted_papers (platform, channel_id, paper_id, posted_at)
     SELECT $1, $2, id, $4 FROM unnest($3::text[]) AS id ON CONFLICT DO NOTHING`,
    [channel.platform, channel.channelId, [...paperIds], now.getTime()],
  );
}

export function postgresHistory(pool: pg.Pool): ChannelHistory {
  return {
    postedIds: async (channel) => {
      const { rows } = await pool.query<{ paper_id: string }>('SELECT paper_id FROM posted_papers WHERE platform = $1 AND channel_id = $2', [channel.platform, channel.channelId]);
      return new Set(rows.map((r) => r.paper_id));
    },
    record: (channel, ids, now) => recordPosted(pool, channel, ids, now),
  };
}
