/** Which papers each channel has been sent, so digests never repeat one. */
import type Database from 'better-sqlite3';
import type { ChannelRef } from '../core/subscription.js';
import type { ChannelHistory } from './types.js';

export type RecordNow = (channel: ChannelRef, paperIds: readonly string[], now: Date) => void;

export function sqliteHistory(db: Database.Database): ChannelHistory & { recordNow: RecordNow } {
  const posted = db.prepare<[string, string], { paper_id: string }>('SELECT paper_id FROM posted_papers WHERE platform = ? AND channel_id = ?');
  const insert = db.prepare('INSERT OR IGNORE INTO posted_papers (platform, channel_id, paper_id, posted_at) VALUES (?, ?, ?, ?)');
  // Plain function for callers already inside a transaction (completing a slot); `record` makes its own.
  const recordNow: RecordNow = (channel, ids, now) => {
    for (const id of ids) insert.run(channel.platform, channel.channelId, id, now.getTime());
  };
  const record = db.transaction(recordNow);
  return {
    recordNow,
    postedIds: async (channel) => new Set(posted.all(channel.platform, channel.channelId).map((r) => r.paper_id)),
    record: async (channel, ids, now) => {
      record.immediate(channel, ids, now);
    },
  };
}
