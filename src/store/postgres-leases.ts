/** Named leases with an expiry on Postgres; see `LeaseRepo`. */
import type pg from 'pg';
import type { Lease, LeaseRepo } from './types.js';

export function postgresLeases(pool: pg.Pool): LeaseRepo {
  return {
    acquire: async (name, holder, ttlMs, now) => {
      // The upsert only overwrites a lease that is ours or has expired; the row lock makes racing takers wait and then lose.
      const result = await pool.query(
        `INSERT INTO leases (name, holder, expires_at) VALUES ($1, $2, $3)
         ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
         WHERE leases.holder = excluded.holder OR leases.expires_at <= $4`,
        [name, holder, now.getTime() + ttlMs, now.getTime()],
      );
      return result.rowCount === 1;
    },
    release: async (name, holder) => {
      await pool.query('DELETE FROM leases WHERE name = $1 AND holder = $2', [name, holder]);
    },
    active: async (prefix, now) => {
      const { rows } = await pool.query<{ name: string; holder: string; expires_at: number }>(
        'SELECT * FROM leases WHERE left(name, length($1)) = $1 AND expires_at > $2 ORDER BY name COLLATE "C"',
        [prefix, now.getTime()],
      );
      return rows.map((row): Lease => ({ name: row.name, holder: row.holder, expiresAt: new Date(row.expires_at) }));
    },
    prune: async (before) => (await pool.query('DELETE FROM leases WHERE expires_at < $1', [before.getTime()])).rowCount ?? 0,
  };
}
