/** Requests already handled, on SQLite; see `RequestLog`. */
import type Database from 'better-sqlite3';
import type { RequestLog } from './types.js';

export function sqliteRequests(db: Database.Database): RequestLog {
  const insert = db.prepare('INSERT OR IGNORE INTO handled_requests (key, handled_at) VALUES (?, ?)');
  const prune = db.prepare('DELETE FROM handled_requests WHERE handled_at < ?');
  return {
    first: async (key, now) => insert.run(key, now.getTime()).changes === 1,
    prune: async (before) => prune.run(before.getTime()).changes,
  };
}
