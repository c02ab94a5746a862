/**
 * Vitest global setup: one throwaway Postgres cluster for the whole run, unless
 * PAPERBOT_TEST_DATABASE_URL points at one already. A cluster that cannot start does not skip
 * anything: the reason is handed to the Postgres tests, which fail with it.
 */
import type { TestProject } from 'vitest/node';
import { startCluster } from '../../bench/lib/postgres-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: { url: string } | { error: string };
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const given = process.env.PAPERBOT_TEST_DATABASE_URL?.trim();
  if (given) {
    project.provide('postgres', { url: given });
    return () => {};
  }
  try {
    const cluster = await startCluster({ hint: 'or set PAPERBOT_TEST_DATABASE_URL' });
    project.provide('postgres', { url: cluster.url });
    return () => cluster.stop();
  } catch (error) {
    project.provide('postgres', { error: error instanceof Error ? error.message : String(error) });
    return () => {};
  }
}
