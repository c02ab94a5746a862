/**
 * Versioned schema migrations, applied in order at start, each in its own transaction together
 * with the `user_version` bump, so a crash mid-migration leaves the previous version intact.
 * Append new migrations; never edit a released one.
 */
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    description: 'subscriptions, delivery ledger, posted papers',
    sql: `
      CREATE TABLE subscriptions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        platform TEXT NOT NULL,
        workspace_id TEXT,
        channel_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('topic', 'daily')),
        topic TEXT NOT NULL,
        topic_key TEXT NOT NULL,
        time TEXT NOT NULL,
        timezone TEXT NOT NULL,
        days TEXT NOT NULL,
        count INTEGER NOT NULL CHECK (count BETWEEN 1 AND 10),
        created_by TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        schedule_from INTEGER NOT NULL,
        paused_reason TEXT,
        paused_at INTEGER,
        UNIQUE (platform, channel_id, topic_key)
      );
      CREATE TABLE deliveries (
        subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
        slot_date TEXT NOT NULL,
        due_at INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('claimed', 'sending', 'sent', 'failed', 'uncertain', 'skipped')),
        attempts INTEGER NOT NULL DEFAULT 0,
        message_id TEXT,
        error TEXT,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (subscription_id, slot_date)
      );
      CREATE INDEX deliveries_by_date ON deliveries (slot_date);
      CREATE INDEX deliveries_open ON deliveries (state) WHERE state IN ('claimed', 'sending');
      CREATE TABLE posted_papers (
        platform TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        paper_id TEXT NOT NULL,
        posted_at INTEGER NOT NULL,
        PRIMARY KEY (platform, channel_id, paper_id)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    description: 'delivery state paused: a slot whose channel refused posts for good',
    // SQLite cannot change a CHECK constraint in place: rebuild the table and copy the rows.
    sql: `
      CREATE TABLE deliveries_v2 (
        subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
        slot_date TEXT NOT NULL,
        due_at INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('claimed', 'sending', 'sent', 'uncertain', 'failed', 'paused', 'skipped')),
        attempts INTEGER NOT NULL DEFAULT 0,
        message_id TEXT,
        error TEXT,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (subscription_id, slot_date)
      );
      INSERT INTO deliveries_v2 SELECT subscription_id, slot_date, due_at, state, attempts, message_id, error, updated_at FROM deliveries;
      DROP TABLE deliveries;
      ALTER TABLE deliveries_v2 RENAME TO deliveries;
      CREATE INDEX deliveries_by_date ON deliveries (slot_date);
      CREATE INDEX deliveries_open ON deliveries (state) WHERE state IN ('claimed', 'sending');
    `,
  },
  {
    version: 3,
    description: 'paper store and source status',
    // The record is the whole paper as JSON: the index is rebuilt from it, never queried by SQL
    // beyond the keys that find a paper again (paperbot id, arXiv id, title key).
    sql: `
      CREATE TABLE papers (
        id TEXT PRIMARY KEY,
        arxiv_id TEXT UNIQUE,
        title_key TEXT NOT NULL,
        record TEXT NOT NULL,
        first_seen INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX papers_by_title ON papers (title_key);
      CREATE TABLE source_status (
        source TEXT PRIMARY KEY,
        last_success INTEGER,
        last_error TEXT,
        last_error_at INTEGER,
        papers_added INTEGER NOT NULL DEFAULT 0
      );
    `,
  },
  {
    version: 4,
    description: 'digest mode: the best unseen papers on a topic, or only new arrivals',
    sql: `ALTER TABLE subscriptions ADD COLUMN mode TEXT NOT NULL DEFAULT 'best' CHECK (mode IN ('best', 'new'));`,
  },
  {
    version: 5,
    description: 'the papers of each slot, so an uncertain digest still counts as seen',
    sql: `ALTER TABLE deliveries ADD COLUMN paper_ids TEXT;`,
  },
  {
    version: 6,
    description: 'new-papers subscriptions may ask for a short line on days with nothing new',
    sql: `ALTER TABLE subscriptions ADD COLUMN empty_note INTEGER NOT NULL DEFAULT 0;`,
  },
  {
    version: 7,
    description: 'replicas: slot owners, leases, paper change numbers, shared rate limits, handled requests',
    // Papers saved before this have change 0: they are in every full read, never in a change feed.
    sql: `
      ALTER TABLE deliveries ADD COLUMN owner TEXT;
      ALTER TABLE papers ADD COLUMN change_no INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX papers_by_change_no ON papers (change_no);
      CREATE TABLE leases (
        name TEXT PRIMARY KEY,
        holder TEXT NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE TABLE rate_buckets (
        key TEXT PRIMARY KEY,
        tokens REAL NOT NULL,
        allowed INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE TABLE handled_requests (
        key TEXT PRIMARY KEY,
        handled_at INTEGER NOT NULL
      );
      CREATE INDEX handled_requests_by_time ON handled_requests (handled_at);
    `,
  },
  {
    version: 8,
    description: 'a digest may be posted as one message with its papers in a thread',
    sql: `ALTER TABLE subscriptions ADD COLUMN thread INTEGER NOT NULL DEFAULT 0;`,
  },
  {
    version: 9,
    description: 'reading lists (a user\'s own, a channel\'s shared) and 👍/👎 feedback per channel',
    sql: `
      CREATE TABLE saved_papers (
        platform TEXT NOT NULL,
        owner_kind TEXT NOT NULL CHECK (owner_kind IN ('user', 'channel')),
        owner_id TEXT NOT NULL,
        paper_id TEXT NOT NULL,
        saved_at INTEGER NOT NULL,
        saved_by TEXT,
        PRIMARY KEY (platform, owner_kind, owner_id, paper_id)
      ) WITHOUT ROWID;
      CREATE INDEX saved_papers_by_saver ON saved_papers (platform, saved_by) WHERE saved_by IS NOT NULL;
      CREATE TABLE feedback (
        platform TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        paper_id TEXT NOT NULL,
        vote INTEGER NOT NULL CHECK (vote IN (-1, 1)),
        at INTEGER NOT NULL,
        PRIMARY KEY (platform, channel_id, user_id, paper_id)
      ) WITHOUT ROWID;
      CREATE INDEX feedback_by_user ON feedback (platform, user_id);
    `,
  },
  {
    version: 10,
    description: 'subscription filters (+min-upvotes:20, +has:code, +category:cs.CV, -term), as a JSON array',
    sql: `ALTER TABLE subscriptions ADD COLUMN filters TEXT NOT NULL DEFAULT '[]';`,
  },
  {
    version: 11,
    description: 'personal digests, in a user\'s direct messages',
    sql: `
      ALTER TABLE subscriptions ADD COLUMN personal INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX subscriptions_personal ON subscriptions (platform, created_by) WHERE personal = 1;
    `,
  },
  {
    version: 12,
    description: 'the paper each threaded-digest message holds, for votes by reaction',
    sql: `
      CREATE TABLE paper_messages (
        platform TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        message_id TEXT NOT NULL,
        paper_id TEXT NOT NULL,
        digest_channel_id TEXT NOT NULL,
        posted_at INTEGER NOT NULL,
        PRIMARY KEY (platform, channel_id, message_id)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 13,
    description: 'paper vectors per embedding model, for semantic search',
    // Float32 little-endian bytes; the text hash tells a vector computed before an edit of its paper.
    sql: `
      CREATE TABLE paper_embeddings (
        model TEXT NOT NULL,
        paper_id TEXT NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
        text_hash TEXT NOT NULL,
        dimensions INTEGER NOT NULL,
        vector BLOB NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (model, paper_id)
      ) WITHOUT ROWID;
    `,
  },
];

/** Brings the database up to the newest version; returns the version it ends at. */
export function migrate(db: Database.Database, list: readonly Migration[] = migrations): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const newest = list.at(-1)?.version ?? 0;
  if (current > newest) {
    throw new Error(`store: database schema version ${current} is newer than this build knows (${newest})`);
  }
  for (const migration of list) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      // PRAGMA takes no bound parameters; the version is a trusted integer from the list above.
      db.pragma(`user_version = ${Math.trunc(migration.version)}`);
    }).immediate();
  }
  return db.pragma('user_version', { simple: true }) as number;
}
