/** What users keep and say: reading lists, 👍/👎 votes, and forgetting a user on request. */
import type Database from 'better-sqlite3';
import type { ChannelVote, FeedbackLog, ForgetReport, PaperMessages, Privacy } from '../core/feedback.js';
import type { ReadingLists } from '../core/reading-list.js';

export function sqliteReadingLists(db: Database.Database): ReadingLists {
  const insert = db.prepare(
    'INSERT OR IGNORE INTO saved_papers (platform, owner_kind, owner_id, paper_id, saved_at, saved_by) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const remove = db.prepare('DELETE FROM saved_papers WHERE platform = ? AND owner_kind = ? AND owner_id = ? AND paper_id = ?');
  const list = db.prepare<[string, string, string], { paper_id: string; saved_at: number; saved_by: string | null }>(
    'SELECT paper_id, saved_at, saved_by FROM saved_papers WHERE platform = ? AND owner_kind = ? AND owner_id = ? ORDER BY saved_at DESC, paper_id',
  );
  return {
    save: async (owner, paperId, savedBy, now) =>
      // A user's own list needs no "saved by": it is theirs.
      insert.run(owner.platform, owner.kind, owner.id, paperId, now.getTime(), owner.kind === 'channel' ? savedBy : null).changes > 0,
    remove: async (owner, paperId) => remove.run(owner.platform, owner.kind, owner.id, paperId).changes > 0,
    list: async (owner) =>
      list.all(owner.platform, owner.kind, owner.id).map((row) => ({
        paperId: row.paper_id,
        savedAt: new Date(row.saved_at),
        ...(row.saved_by !== null ? { savedBy: row.saved_by } : {}),
      })),
  };
}

export function sqliteFeedback(db: Database.Database): FeedbackLog {
  const upsert = db.prepare(`INSERT INTO feedback (platform, channel_id, user_id, paper_id, vote, at) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (platform, channel_id, user_id, paper_id) DO UPDATE SET vote = excluded.vote, at = excluded.at`);
  const remove = db.prepare('DELETE FROM feedback WHERE platform = ? AND channel_id = ? AND user_id = ? AND paper_id = ?');
  const votes = db.prepare<[string, string], { user_id: string; paper_id: string; vote: 1 | -1; at: number }>(
    'SELECT user_id, paper_id, vote, at FROM feedback WHERE platform = ? AND channel_id = ? ORDER BY at, user_id, paper_id',
  );
  const reset = db.prepare('DELETE FROM feedback WHERE platform = ? AND channel_id = ?');
  return {
    vote: async (channel, userId, paperId, vote, now) => {
      if (vote === 0) remove.run(channel.platform, channel.channelId, userId, paperId);
      else upsert.run(channel.platform, channel.channelId, userId, paperId, vote, now.getTime());
    },
    channelVotes: async (channel) =>
      votes.all(channel.platform, channel.channelId).map((row): ChannelVote => ({ userId: row.user_id, paperId: row.paper_id, vote: row.vote, at: new Date(row.at) })),
    resetChannel: async (channel) => reset.run(channel.platform, channel.channelId).changes,
  };
}

export function sqlitePrivacy(db: Database.Database): Privacy {
  const ownList = db.prepare("DELETE FROM saved_papers WHERE platform = ? AND owner_kind = 'user' AND owner_id = ?");
  const savedBy = db.prepare('UPDATE saved_papers SET saved_by = NULL WHERE platform = ? AND saved_by = ?');
  const votes = db.prepare('DELETE FROM feedback WHERE platform = ? AND user_id = ?');
  // Personal digests are the user's: they stop at once (their ledger rows go with them).
  const personal = db.prepare('DELETE FROM subscriptions WHERE platform = ? AND created_by = ? AND personal = 1');
  // A channel's subscription stays the channel's; it only stops naming who made it.
  const creator = db.prepare("UPDATE subscriptions SET created_by = '' WHERE platform = ? AND created_by = ?");
  const forget = db.transaction((platform: string, userId: string): ForgetReport => ({
    savedPapers: ownList.run(platform, userId).changes,
    votes: votes.run(platform, userId).changes,
    personalDigests: personal.run(platform, userId).changes,
    anonymised: savedBy.run(platform, userId).changes + creator.run(platform, userId).changes,
  }));
  return { forgetUser: async (platform, userId) => forget.immediate(platform, userId) };
}

export function sqlitePaperMessages(db: Database.Database): PaperMessages {
  const insert = db.prepare('INSERT OR IGNORE INTO paper_messages (platform, channel_id, message_id, paper_id, digest_channel_id, posted_at) VALUES (?, ?, ?, ?, ?, ?)');
  const find = db.prepare<[string, string, string], { paper_id: string; digest_channel_id: string }>(
    'SELECT paper_id, digest_channel_id FROM paper_messages WHERE platform = ? AND channel_id = ? AND message_id = ?',
  );
  const record = db.transaction((platform: string, digestChannelId: string, entries: readonly { channelId: string; messageId: string; paperId: string }[], now: Date) => {
    for (const entry of entries) insert.run(platform, entry.channelId, entry.messageId, entry.paperId, digestChannelId, now.getTime());
  });
  return {
    record: async (platform, digestChannelId, entries, now) => {
      record.immediate(platform, digestChannelId, entries, now);
    },
    paperOf: async (platform, channelId, messageId) => {
      const row = find.get(platform, channelId, messageId);
      return row && { paperId: row.paper_id, digestChannelId: row.digest_channel_id };
    },
  };
}
