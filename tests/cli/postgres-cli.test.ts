/**
 * The one-shot CLI with `DATABASE_URL`: `ingest` writes to Postgres, the other commands read the
 * stored papers from there, and no SQLite file appears. A malformed or unreachable URL is one
 * clear sentence without the password.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hfItem } from '../fakes/hf/fixtures.js';
import { FakeHf } from '../fakes/hf/server.js';
import { testDatabases } from '../support/postgres.js';
import { runCli } from './run.js';

const databases = testDatabases();
const fake = new FakeHf({
  days: {
    '2026-11-27': [
      hfItem({
        id: '2611.00001',
        title: 'Sparse Mixture Routers for Protein Folding',
        summary: 'We route protein folding through sparse mixtures of experts. Routers learn residue-level specialisation.',
        listedAt: '2026-11-27T09:00:00.000Z',
      }),
    ],
  },
});

let stateDir: string;
let env: Record<string, string>;
let closeFake: () => Promise<void>;

beforeAll(async () => {
  const { url, close } = await fake.start();
  closeFake = close;
  stateDir = mkdtempSync(join(tmpdir(), 'paperbot-pgcli-'));
  env = { HF_API_URL: url, PAPERBOT_STATE_DIR: stateDir, PAPERBOT_CACHE_DIR: 'off', DATABASE_URL: await databases.fresh() };
});
afterAll(async () => {
  await closeFake();
  rmSync(stateDir, { recursive: true, force: true });
});

describe('GIVEN DATABASE_URL', { shuffle: false }, () => {
  it('ingest stores into Postgres, and status and paper read it from there', async () => {
    const ingest = await runCli(['ingest', 'hf', '--date', '2026-11-27'], env);
    expect(ingest.code).toBe(0);
    expect(ingest.out).toContain('total: fetched 1, new 1, merged 0, unchanged 0, skipped 0 (1 papers in the store)');
    const status = await runCli(['ingest', 'status'], env);
    expect(status.out).toMatch(/^1 papers in the store\nhf: last success /);
    const paper = await runCli(['paper', '2611.00001', '--json'], env);
    expect(paper.code).toBe(0);
    expect(paper.out).toContain('Sparse Mixture Routers for Protein Folding');
    expect(existsSync(join(stateDir, 'paperbot.db'))).toBe(false);
  });

  it('a malformed or unreachable URL: one sentence, exit 1, no password', async () => {
    const malformed = await runCli(['ingest', 'status'], { ...env, DATABASE_URL: 'mysql://root:hunter2@db/paperbot' });
    expect(malformed.code).toBe(1);
    expect(malformed.err).toContain('DATABASE_URL must be a Postgres connection URL');
    const unreachable = await runCli(['search', 'diffusion'], { ...env, DATABASE_URL: 'postgres://paperbot:hunter2@127.0.0.1:1/paperbot' });
    expect(unreachable.code).toBe(1);
    expect(unreachable.err).toBe('paperbot: cannot open the Postgres database at 127.0.0.1:1/paperbot: nothing is listening there; check DATABASE_URL\n');
    for (const run of [malformed, unreachable]) expect(run.err + run.out).not.toContain('hunter2');
  });
});
