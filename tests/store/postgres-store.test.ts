/** What is particular to the Postgres engine: migrations shared by replicas, and friendly failures. */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { DatabaseUnavailable } from '../../src/store/errors.js';
import { postgresMigrations } from '../../src/store/postgres-migrations.js';
import { openPostgresStore } from '../../src/store/postgres.js';
import { subInput } from '../scheduler/helpers.js';
import { testDatabases } from '../support/postgres.js';

const databases = testDatabases();
const newest = postgresMigrations.at(-1)!.version;
const t0 = new Date('2026-03-02T08:00:00Z');

async function query<R extends pg.QueryResultRow>(url: string, sql: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('openPostgresStore', () => {
  it('GIVEN replicas starting together on an empty database THEN the migrations run once and every replica opens', async () => {
    const url = await databases.fresh();
    const stores = await Promise.all([1, 2, 3, 4].map(() => openPostgresStore(url)));
    try {
      expect(stores.map((s) => s.schemaVersion)).toEqual([newest, newest, newest, newest]);
      const applied = await query<{ version: number }>(url, 'SELECT version FROM paperbot_schema ORDER BY version');
      expect(applied.map((r) => r.version)).toEqual(postgresMigrations.map((m) => m.version));
      expect(await stores[0]!.check()).toBe('ok');
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
    // Reopening finds nothing to do (the tables exist; running a migration again would fail).
    const again = await openPostgresStore(url);
    expect(again.schemaVersion).toBe(newest);
    await again.close();
  });

  it('GIVEN two replicas racing for the same slots THEN each slot goes to exactly one of them', async () => {
    const url = await databases.fresh();
    const [a, b] = await Promise.all([openPostgresStore(url), openPostgresStore(url)]);
    try {
      const ids: number[] = [];
      for (let i = 0; i < 40; i++) ids.push((await a!.subscriptions.upsert(subInput({ channelId: `c${i}` }), t0)).subscription.id);
      const claims = await Promise.all(
        ids.flatMap((id) => [a!, b!].map(async (store) => ((await store.deliveries.claim({ subscriptionId: id, slotDate: '2026-03-02' }, t0, t0)) ? id : undefined))),
      );
      const won = claims.filter((id) => id !== undefined);
      expect(won.sort((x, y) => x - y)).toEqual(ids);
    } finally {
      await Promise.all([a?.close(), b?.close()]);
    }
  });

  it('GIVEN the same new subscription from two replicas at once THEN one row, created once', async () => {
    const url = await databases.fresh();
    const [a, b] = await Promise.all([openPostgresStore(url), openPostgresStore(url)]);
    try {
      const results = await Promise.all([a!, b!, a!, b!].map((store) => store.subscriptions.upsert(subInput({ channelId: 'same' }), t0)));
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.subscription.id)).size).toBe(1);
      expect(await a!.subscriptions.listChannel({ platform: 'discord', channelId: 'same' })).toHaveLength(1);
    } finally {
      await Promise.all([a?.close(), b?.close()]);
    }
  });

  it('refuses a database written by a newer schema', async () => {
    const url = await databases.fresh();
    (await openPostgresStore(url)).close();
    await query(url, `INSERT INTO paperbot_schema (version, description) VALUES (${newest + 90}, 'from the future')`);
    await expect(openPostgresStore(url)).rejects.toThrow(`schema version ${newest + 90} is newer`);
  });

  it('GIVEN no server or no such database THEN one sentence naming where, without the password', async () => {
    const url = new URL(await databases.fresh());
    url.password = 'hunter2-secret';
    url.pathname = '/no_such_database';
    const missing = await openPostgresStore(url.toString()).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(DatabaseUnavailable);
    expect((missing as Error).message).toBe(`cannot open the Postgres database at 127.0.0.1:${url.port}/no_such_database: the database does not exist (create it first); check DATABASE_URL`);
    const closed = await openPostgresStore('postgres://paperbot:hunter2-secret@127.0.0.1:1/paperbot').catch((error: unknown) => error);
    expect((closed as Error).message).toBe('cannot open the Postgres database at 127.0.0.1:1/paperbot: nothing is listening there; check DATABASE_URL');
    for (const error of [missing, closed]) expect(String((error as Error).message)).not.toContain('hunter2');
  });

  it('GIVEN the server drops every connection THEN ping says false while it refuses new ones, and the store recovers after', async () => {
    const url = await databases.fresh();
    const name = new URL(url).pathname.slice(1);
    const admin = url.replace(`/${name}`, '/postgres');
    const store = await openPostgresStore(url);
    try {
      expect(await store.ping()).toBe(true);
      // A failover, as seen from paperbot: connections ended, new ones refused for a while.
      await query(admin, `ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
      await query(admin, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}'`);
      expect(await store.ping()).toBe(false);
      await query(admin, `ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
      expect(await store.ping()).toBe(true);
      expect(await store.subscriptions.listActive()).toEqual([]);
    } finally {
      await store.close();
    }
    expect(await store.ping()).toBe(false);
  });
});
