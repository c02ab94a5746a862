/** Reading lists, 👍/👎 votes and forgetting a user on Postgres, as in sqlite-user-data.ts. */
import type pg from 'pg';
import type { ChannelVote, FeedbackLog, PaperMessages, Privacy } from '../core/feedback.js';
import type { ReadingLists } from '../core/reading-list.js';
import { inTransaction } from './postgres-pool.js';

export function postgresReadingLists(pool: pg.Pool): ReadingLists {
  return {
    save: async (owner, paperId, savedBy, now) =>
      ((
        await pool.query(
          `INSERT INTO saved_papers (platform, owner_kind, owner_id, paper_id, saved_at, saved_by) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT DO NOTHING`,
          // A user's own list needs no "saved by": it is theirs.
          [owner.platform, owner.kind, owner.id, paperId, now.getTime(), owner.kind === 'channel' ? savedBy : null],
        )
      ).rowCount ?? 0) > 0,
    remove: async (owner, paperId) =>
      ((await pool.query('DELETE FROM saved_papers WHERE platform = $1 AND owner_kind = $2 AND owner_id = $3 AND paper_id = $4', [owner.platform, owner.kind, owner.id, paperId])).rowCount ?? 0) > 0,
    list: async (owner) => {
      const { rows } = await pool.query<{ paper_id: string; saved_at: number; saved_by: string | null }>(
        // Byte order for ties, as SQLite sorts.
        'SELECT paper_id, saved_at, saved_by FROM saved_papers WHERE platform = $1 AND owner_kind = $2 AND owner_id = $3 ORDER BY saved_at DESC, paper_id COLLATE "C"',
        [owner.platform, owner.kind, owner.id],
      );
      return rows.map((row) => ({ paperId: row.paper_id, savedAt: new Date(row.saved_at), ...(row.saved_by !== null ? { savedBy: row.saved_by } : {}) }));
    },
  };
}

export function postgresFeedback(pool: pg.Pool): FeedbackLog {
  return {
    vote: async (channel, userId, paperId, vote, now) => {
      if (vote === 0) {
        await pool.query('DELETE FROM feedback WHERE platform = $1 AND channel_id = $2 AND user_id = $3 AND paper_id = $4', [channel.platform, channel.channelId, userId, paperId]);
        return;
      }
      await pool.query(
        `INSERT INTO feedback (platform, channel_id, user_id, paper_id, vote, at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (platform, channel_id, user_id, paper_id) DO UPDATE SET vote = excluded.vote, at = excluded.at`,
        [channel.platform, channel.channelId, userId, paperId, vote, now.getTime()],
      );
    },
    channelVotes: async (channel) => {
      const { rows } = await pool.query<{ user_id: string; paper_id: string; vote: 1 | -1; at: number }>(
        'SELECT user_id, paper_id, vote, at FROM feedback WHERE platform = $1 AND channel_id = $2 ORDER BY at, user_id COLLATE "C", paper_id COLLATE "C"',
        [channel.platform, channel.channelId],
      );
      return rows.map((row): ChannelVote => ({ userId: row.user_id, paperId: row.paper_id, vote: row.vote, at: new Date(row.at) }));
    },
    resetChannel: async (channel) => (await pool.query('DELETE FROM feedback WHERE platform = $1 AND channel_id = $2', [channel.platform, channel.channelId])).rowCount ?? 0,
  };
}

export function postgresPrivacy(pool: pg.Pool): Privacy {
  return {
    forgetUser: (platform, userId) =>
      inTransaction(pool, async (client) => {
        const run = async (sql: string) => (await client.query(sql, [platform, userId])).rowCount ?? 0;
        const savedPapers = await run("DELETE FROM saved_papers WHERE platform = $1 AND owner_kind = 'user' AND owner_id = $2");
        const votes = await run('DELETE FROM feedback WHERE platform = $1 AND user_id = $2');
        // Personal digests are the user's: they stop at once (their ledger rows go with them).
        const personalDigests = await run('DELETE FROM subscriptions WHERE platform = $1 AND created_by = $2 AND personal');
        // What the user added to channels stays the channel's; it only stops naming them.
        const anonymised = (await run('UPDATE saved_papers SET saved_by = NULL WHERE platform = $1 AND saved_by = $2')) + (await run("UPDATE subscriptions SET created_by = '' WHERE platform = $1 AND created_by = $2"));
        return { savedPapers, votes, personalDigests, anonymised };
      }),
  };
}

export function postgresPaperMessages(pool: pg.Pool): PaperMessages {
  return {
    record: async (platform, digestChannelId, entries, now) => {
      if (entries.length === 0) return;
      await pool.query(
        `INSERT INTO paper_messages (platform, channel_id, message_id, paper_id, digest_channel_id, posted_at)
         SELECT $1, c, m, p, $5, $6 FROM unnest($2::text[], $3::text[], $4::text[]) AS e (c, m, p)
         ON CONFLICT DO NOTHING`,
        [platform, entries.map((e) => e.channelId), entries.map((e) => e.messageId), entries.map((e) => e.paperId), digestChannelId, now.getTime()],
      );
    },
    paperOf: async (platform, channelId, messageId) => {
      const { rows } = await pool.query<{ paper_id: string; digest_channel_id: string }>(
        'SELECT paper_id, digest_channel_id FROM paper_messages WHERE platform = $1 AND channel_id = $2 AND message_id = $3',
        [platform, channelId, messageId],
      );
      return rows[0] && { paperId: rows[0].paper_id, digestChannelId: rows[0].digest_channel_id };
    },
  };
}
