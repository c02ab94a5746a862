/**
 * The network store: Postgres through node-postgres, a pool of connections shared by every port.
 * Chosen with `DATABASE_URL=postgres://…`, so several replicas of paperbot can share one
 * database. Migrations run at open, serialised across replicas (postgres-migrations.ts).
 */
import type pg from 'pg';
import { silentLogger, type Logger } from '../core/logger.js';
import { describeError } from '../core/safe-error.js';
import { connectionProblem, databaseLocation, DatabaseUnavailable } from './errors.js';
import { migratePostgres } from './postgres-migrations.js';
import { postgresEmbeddings } from './postgres-embeddings.js';
import { postgresHistory } from './postgres-history.js';
import { postgresLeases } from './postgres-leases.js';
import { postgresLedger } from './postgres-ledger.js';
import { postgresPapers } from './postgres-papers.js';
import { createPool, type PoolOptions } from './postgres-pool.js';
import { postgresRateLimits } from './postgres-rate-limits.js';
import { postgresRequests } from './postgres-requests.js';
import { postgresSubscriptions } from './postgres-subscriptions.js';
import { postgresFeedback, postgresPaperMessages, postgresPrivacy, postgresReadingLists } from './postgres-user-data.js';
import type { Store } from './types.js';

export interface PostgresStoreOptions extends PoolOptions {
  logger?: Logger;
}

export interface PostgresStore extends Store {
  /** Schema version after migrations. */
  readonly schemaVersion: number;
}

export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
  const log = options.logger ?? silentLogger;
  const pool = createPool(url, options);
  // An idle connection the server dropped (restart, failover) is reported here; without a
  // listener it would end the process. The pool replaces it on next use.
  pool.on('error', (error) => log.warn({ err: describeError(error) }, 'database connection lost; reconnecting on next use'));
  let schemaVersion: number;
  try {
    schemaVersion = await migratePostgres(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    if (error instanceof Error && error.message.startsWith('store:')) throw error;
    throw new DatabaseUnavailable(`cannot open the Postgres database at ${databaseLocation(url)}: ${connectionProblem(error)}; check DATABASE_URL`);
  }
  let closed = false;
  return {
    engine: 'postgres',
    schemaVersion,
    subscriptions: postgresSubscriptions(pool),
    deliveries: postgresLedger(pool),
    history: postgresHistory(pool),
    papers: postgresPapers(pool),
    embeddings: postgresEmbeddings(pool),
    leases: postgresLeases(pool),
    rateLimits: postgresRateLimits(pool),
    requests: postgresRequests(pool),
    readingLists: postgresReadingLists(pool),
    feedback: postgresFeedback(pool),
    privacy: postgresPrivacy(pool),
    paperMessages: postgresPaperMessages(pool),
    ping: async () => {
      if (closed) return false;
      try {
        return (await pool.query('SELECT 1 AS ok')).rowCount === 1;
      } catch {
        // Unreachable server, failover in progress: report unhealthy rather than throw.
        return false;
      }
    },
    check: () => check(pool, schemaVersion),
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

/** Postgres keeps its own files consistent; what can go wrong here is the schema and invalid indexes. */
async function check(pool: pg.Pool, expected: number): Promise<string> {
  const problems: string[] = [];
  const { rows: version } = await pool.query<{ v: number | null }>('SELECT max(version) AS v FROM paperbot_schema');
  if (version[0]?.v !== expected) problems.push(`schema version ${String(version[0]?.v)}, expected ${expected}`);
  const { rows: invalid } = await pool.query<{ name: string }>(
    `SELECT i.indexrelid::regclass::text AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
     WHERE c.relnamespace = current_schema()::regnamespace AND NOT (i.indisvalid AND i.indisready)`,
  );
  for (const { name } of invalid) problems.push(`index ${name} is invalid (rebuild it with REINDEX)`);
  return problems.length ? problems.join('; ') : 'ok';
}
