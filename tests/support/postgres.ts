/**
 * Fresh Postgres databases for a test file, on the cluster from postgres-setup.ts: each call
 * creates an empty database, dropped again after the file. Fails (never skips) when the run has
 * no Postgres, with the reason the cluster could not start.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';

function adminUrl(): string {
  const postgres = inject('postgres');
  if ('error' in postgres) throw new Error(`Postgres tests cannot run: ${postgres.error}`);
  return postgres.url;
}

export interface TestDatabases {
  /** A new, empty database; its URL. */
  fresh(): Promise<string>;
}

/** Call at the top of a test file. */
export function testDatabases(): TestDatabases {
  const created: string[] = [];
  let admin: pg.Pool | undefined;
  afterAll(async () => {
    if (!admin) return;
    // FORCE ends connections a test left open (a killed process's, say).
    for (const name of created) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });
  return {
    async fresh() {
      const url = adminUrl();
      admin ??= new pg.Pool({ connectionString: url, max: 2 });
      const name = `paperbot_test_${randomBytes(6).toString('hex')}`;
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } catch (error) {
        const where = new URL(url);
        throw new Error(`Postgres tests cannot run: could not create a test database on ${where.hostname}:${where.port || 5432}: ${(error as Error).message}`);
      }
      created.push(name);
      const target = new URL(url);
      target.pathname = `/${name}`;
      return target.toString();
    },
  };
}
