/** Named leases with an expiry on SQLite; see `LeaseRepo`. */
import type Database from 'better-sqlite3';
import type { Lease, LeaseRepo } from './types.js';

export function sqliteLeases(db: Database.Database): LeaseRepo {
  // The upsert only overwrites a lease that is ours or has expired; otherwise it changes nothing.
  const acquire = db.prepare(`INSERT INTO leases (name, holder, expires_at) VALUES (@name, @holder, @until)
    ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
    WHERE leases.holder = excluded.holder OR leases.expires_at <= @now`);
  const release = db.prepare('DELETE FROM leases WHERE name = ? AND holder = ?');
  const active = db.prepare<{ prefix: string; now: number }, { name: string; holder: string; expires_at: number }>(
    'SELECT * FROM leases WHERE substr(name, 1, length(@prefix)) = @prefix AND expires_at > @now ORDER BY name',
  );
  const prune = db.prepare('DELETE FROM leases WHERE expires_at < ?');
  return {
    acquire: async (name, holder, ttlMs, now) => acquire.run({ name, holder, until: now.getTime() + ttlMs, now: now.getTime() }).changes === 1,
    release: async (name, holder) => {
      release.run(name, holder);
    },
    active: async (prefix, now) => active.all({ prefix, now: now.getTime() }).map((row): Lease => ({ name: row.name, holder: row.holder, expiresAt: new Date(row.expires_at) })),
    prune: async (before) => prune.run(before.getTime()).changes,
  };
}
