import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { cliMain } from '../../src/cli/main.js';
import { DEFAULT_DATA_DIR } from '../../src/paths.js';

const stateDir = mkdtempSync(join(tmpdir(), 'paperbot-cli-state-'));
const dirs: string[] = [stateDir];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function cli(argv: string[], stdin = '') {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  // An empty temp state folder and no snapshot cache: by default both are var/ inside the checkout
  // (a developer's var/paperbot.db would add stored papers, and the cache would be written there).
  const code = await cliMain(argv, { PAPERBOT_STATE_DIR: stateDir, PAPERBOT_CACHE_DIR: 'off' }, { stdin: Readable.from([stdin]), stdout, stderr });
  return { code, out, err };
}

describe('paperbot CLI', () => {
  it('prints corpus statistics as JSON', async () => {
    const { code, out } = await cli(['corpus', 'stats', '--json']);
    expect(code).toBe(0);
    const stats = JSON.parse(out);
    expect(stats).toMatchObject({ entries: 518, papers: 488, duplicatesMerged: 30, derivedTitles: 9, warnings: [] });
    expect(stats.files.map((f: { entries: number }) => f.entries).sort((a: number, b: number) => a - b)).toEqual([10, 52, 68, 193, 195]);
  });

  it('reads another corpus folder with --data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paperbot-cli-'));
    dirs.push(dir);
    copyFileSync(join(DEFAULT_DATA_DIR, 'abstracts-only.txt'), join(dir, 'abstracts-only.txt'));
    const { code, out } = await cli(['corpus', 'stats', '--json', '--data', dir]);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ entries: 10, papers: 10, derivedTitles: 10 });
  });

  it('searches one query as JSON with a limit', async () => {
    const { code, out } = await cli(['search', 'equivariance', '--json', '--limit', '3']);
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.query).toBe('equivariance');
    expect(result.results).toHaveLength(3);
    expect(Object.keys(result.results[0])).toEqual(expect.arrayContaining(['id', 'title', 'abstract', 'score']));
    expect(result.results[0].score).toBeGreaterThanOrEqual(result.results[2].score);
  });

  it('answers one JSON line per stdin query, keeping bad ones aligned and failing at the end', async () => {
    const { code, out, err } = await cli(['search', '--json', '--limit', '2'], 'diffusion\nyear:abc nerf\n\nvariational autoencoder\n');
    const lines = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.query)).toEqual(['diffusion', 'year:abc nerf', '', 'variational autoencoder']);
    expect(lines[0].results).toHaveLength(2);
    expect(lines[1]).toMatchObject({ results: [], error: expect.stringMatching(/year/) });
    expect(err).toMatch(/^line 2: .*year/);
    expect(code).toBe(1);
  });

  it('renders chat commands as text, errors on stderr with a non-zero exit', async () => {
    const ok = await cli(['digest', 'vae', '--count', '2']);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('== Digest: Variational autoencoders ==');
    const bad = await cli(['paper', 'nope']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('No paper has the ID `nope`.');
    const usage = await cli(['dance']);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('paperbot: unknown command: dance');
    const flag = await cli(['search', 'x', '--limit', '0']);
    expect(flag.code).toBe(2);
    expect(flag.err).toContain('--limit must be a positive whole number');
  });
});
