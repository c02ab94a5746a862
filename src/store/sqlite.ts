/**
 * The embedded default store: one SQLite file through better-sqlite3. WAL so readers never block
 * the writer, foreign keys on (SQLite leaves them off by default), and a busy timeout so a second
 * process waits for the lock instead of failing. The driver is synchronous; the ports are not, so
 * another engine can take its place.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrations.js';
import { sqliteEmbeddings } from './sqlite-embeddings.js';
import { sqliteHistory } from './sqlite-history.js';
import { sqliteLeases } from './sqlite-leases.js';
import { sqliteLedger } from './sqlite-ledger.js';
import { sqlitePapers } from './sqlite-papers.js';
import { sqliteRateLimits } from './sqlite-rate-limits.js';
import { sqliteRequests } from './sqlite-requests.js';
import { sqliteSubscriptions } from './sqlite-subscriptions.js';
import { sqliteFeedback, sqlitePaperMessages, sqlitePrivacy, sqliteReadingLists } from './sqlite-user-data.js';
import type { Store } from './types.js';

export interface SqliteStoreOptions {
  /** Milliseconds to wait for a lock held by another connection. Default 5000. */
  busyTimeoutMs?: number;
}

export interface SqliteStore extends Store {
  readonly path: string;
  /** Schema version after migrations. */
  readonly schemaVersion: number;
}

export function openSqliteStore(path: string, options: SqliteStoreOptions = {}): SqliteStore {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
    const schemaVersion = migrate(db);
    const history = sqliteHistory(db);
    return {
      engine: 'sqlite',
      path,
      schemaVersion,
      subscriptions: sqliteSubscriptions(db),
      deliveries: sqliteLedger(db, history),
      history: { postedIds: history.postedIds, record: history.record },
      papers: sqlitePapers(db),
      embeddings: sqliteEmbeddings(db),
      readingLists: sqliteReadingLists(db),
      feedback: sqliteFeedback(db),
      privacy: sqlitePrivacy(db),
      paperMessages: sqlitePaperMessages(db),
      leases: sqliteLeases(db),
      rateLimits: sqliteRateLimits(db),
      requests: sqliteRequests(db),
      ping: async () => {
        try {
          return db.open && db.prepare('SELECT 1 AS ok').get() !== undefined;
        } catch {
          // Closed handle, corrupt file, I/O error: report unhealthy rather than throw.
          return false;
        }
      },
      check: async () => String(db.pragma('integrity_check', { simple: true })),
      close: async () => {
        if (db.open) db.close();
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
