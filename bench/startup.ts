/**
 * Start-up, measured from the parent: spawn a fresh Node process and time it until it is ready.
 *
 * - `bot`: the real bot, `paperbot start` in console mode (no chat credentials, sources off,
 *   a fresh state folder), with the corpus's snapshot in place; ready is its console banner,
 *   printed once the library is loaded, the database opened and the scheduler started.
 * - `bot, no snapshot`: the same with snapshots off (parse and index at start).
 * - `cli`: `paperbot search diffusion --json`, ready at its first line of output.
 *
 * Each figure is the median of at least 5 runs, after one run that is not counted (it fills the
 * page cache with the snapshot and the code, as any start after the first finds them).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/paths.js';
import { CACHE_DIR, corpusDir, type SizeName } from './lib/corpora.js';
import { requireSnapshot } from './lib/guard.js';
import { load } from './lib/load.js';
import { log, median, spread } from './lib/stats.js';

const BIN = join(PROJECT_ROOT, 'dist', 'src', 'cli', 'bin.js');

export type StartupKind = 'bot' | 'bot, no snapshot' | 'cli';

export interface StartupRow {
  size: SizeName;
  process: StartupKind;
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  spread: number;
}

/** Spawns `args` and resolves with the milliseconds until `ready` matches its output; then ends it and waits for its exit. */
function timeToReady(args: string[], env: NodeJS.ProcessEnv, ready: RegExp, quit: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let ms: number | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (ms === undefined && ready.test(out)) {
        ms = performance.now() - start;
        if (quit) child.stdin.end('quit\n');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (ms !== undefined && (code === 0 || code === null)) resolve(ms);
      else reject(new Error(`${args.join(' ')} exited with ${code} before it was ready:\n${err.slice(-2000)}`));
    });
    if (!quit) child.stdin.end();
  });
}

export async function benchStartup(size: SizeName, kind: StartupKind, runs = 5): Promise<StartupRow> {
  const dir = corpusDir(size);
  const state = mkdtempSync(join(tmpdir(), 'paperbot-bench-state-'));
  const cache = kind === 'bot, no snapshot' ? 'off' : CACHE_DIR;
  if (cache !== 'off') requireSnapshot(dir, cache);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '',
    PAPERBOT_DATA_DIR: dir,
    PAPERBOT_CACHE_DIR: cache,
    PAPERBOT_STATE_DIR: state,
    PAPERBOT_SOURCES: 'files',
    OPS_PORT: 'off',
    LOG_LEVEL: 'warn',
  };
  const bot = kind !== 'cli';
  const args = bot ? [BIN, 'start'] : [BIN, 'search', 'diffusion', '--json', '--limit', '5', '--data', dir];
  const ready = bot ? /paperbot console:/ : /\n/;
  const samples: number[] = [];
  try {
    await timeToReady(args, env, ready, bot); // not counted: page cache, database file
    for (let i = 0; i < runs; i++) {
      samples.push(await timeToReady(args, env, ready, bot));
      load.sample(`start-up ${size}`);
    }
  } finally {
    rmSync(state, { recursive: true, force: true });
  }
  const row = { size, process: kind, runs, medianMs: median(samples), minMs: Math.min(...samples), maxMs: Math.max(...samples), spread: spread(samples) };
  log(`start-up ${size} ${kind}: median ${row.medianMs.toFixed(0)} ms of ${runs} (min ${row.minMs.toFixed(0)}, max ${row.maxMs.toFixed(0)})`);
  return row;
}
