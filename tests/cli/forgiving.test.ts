/** The command line takes what people type: unquoted exclusions, blank lines, --version. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCli } from '../../src/cli/args.js';
import { PACKAGE_VERSION } from '../../src/paths.js';
import { runCli } from './run.js';

// An empty temp state folder: by default it is var/ in the checkout, whose paperbot.db would add stored papers.
const stateDir = mkdtempSync(join(tmpdir(), 'paperbot-cli-state-'));
afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

const run = (argv: string[], stdin = '') => runCli(argv, { PAPERBOT_STATE_DIR: stateDir, PAPERBOT_CACHE_DIR: 'off' }, stdin);

describe('the command line', () => {
  it('reads an unquoted -word as an exclusion, not an option', async () => {
    expect(parseCli(['search', 'diffusion', '-gan', '--json', '--limit', '3'])).toMatchObject({ command: ['search'], positionals: ['diffusion', '-gan'], json: true, limit: 3 });
    const { code, out } = await run(['search', 'diffusion', '-gan', '--json', '--limit', '50']);
    expect(code).toBe(0);
    const results = (JSON.parse(out) as { results: { title: string; abstract: string }[] }).results;
    expect(results.length).toBeGreaterThan(10);
    expect(results.every((r) => !/\bgans?\b/i.test(`${r.title} ${r.abstract}`))).toBe(true);
  });

  it('still reports a misspelt --option', async () => {
    const { code, err } = await run(['search', 'diffusion', '--jsno']);
    expect(code).toBe(2);
    expect(err).toContain("Unknown option '--jsno'");
  });

  it('answers a blank line of batch input with its own line, keeping the lines aligned', async () => {
    const { code, out, err } = await run(['search', '--json', '--limit', '1'], 'diffusion\n\nvae\n');
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as { query: string; error?: string });
    expect(lines.map((l) => l.query)).toEqual(['diffusion', '', 'vae']);
    expect(lines[1]!.error).toBe('Your search is empty.');
    expect(err).toBe('line 2: Your search is empty.\n');
    expect(code).toBe(1);
  });

  it('prints its version', async () => {
    expect(PACKAGE_VERSION).toMatch(/^\d+\.\d+\.\d+/);
    expect((await run(['--version'])).out).toBe(`paperbot ${PACKAGE_VERSION}\n`);
    expect((await run(['-v'])).out).toBe(`paperbot ${PACKAGE_VERSION}\n`);
  });
});
