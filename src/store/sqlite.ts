/**
 * SQLite implementation of `SubscriptionStore` (better-sqlite3, synchronous). One file, WAL so
 * readers never block the writer, foreign keys on (SQLite leaves them off by default), and a
 * busy timeout so a second process waits for the lock instead of failing.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrations.js';
import { ledgerRepo } from './sqlite-ledger.js';
import { subscriptionRepo } from './sqlite-subscriptions.js';
import type { SubscriptionStore } from './types.js';

export interface SqliteStoreOptions {
  /** Milliseconds to wait for a lock held by another connection. Default 5000. */
  busyTimeoutMs?: number;
}

export interface SqliteStore extends SubscriptionStore {
  readonly path: string;
  /** Schema version after migrations. */
  readonly schemaVersion: number;
  /** The raw handle, for tests and maintenance. */
  readonly db: Database.Database;
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
    return {
      path,
      schemaVersion,
      db,
      ...subscriptionRepo(db),
      ...ledgerRepo(db),
      ping: () => {
        try {
          return db.open && db.prepare('SELECT 1 AS ok').get() !== undefined;
        } catch {
          // Closed handle, corrupt file, I/O error: report unhealthy rather than throw.
          return false;
        }
      },
      close: () => {
        if (db.open) db.close();
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
