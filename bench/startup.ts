/**
 * Time from process start to the first answer, measured from the parent: spawn a fresh Node
 * process and wait for its first line of output. Two processes: the ready probe (library only)
 * and the real CLI (`paperbot search … --json`), which also loads the command layer.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT } from '../src/paths.js';
import { CACHE_DIR, corpusDir, type SizeName } from './lib/corpora.js';
import { log, median, spread } from './lib/stats.js';

const PROBE = fileURLToPath(new URL('./ready-probe.js', import.meta.url));
const CLI = `${PROJECT_ROOT}/dist/src/cli/bin.js`;

export interface StartupRow {
  size: SizeName;
  process: 'probe' | 'cli' | 'probe, no snapshot';
  medianMs: number;
  minMs: number;
  spread: number;
  source: string;
}

function firstAnswer(args: string[], env: NodeJS.ProcessEnv): Promise<{ ms: number; line: string }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n') && !child.killed) {
        const ms = performance.now() - start;
        resolve({ ms, line: out.slice(0, out.indexOf('\n')) });
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => (code ? reject(new Error(`${args.join(' ')} exited with ${code}`)) : undefined));
  });
}

export async function benchStartup(size: SizeName, kind: StartupRow['process'], runs: number): Promise<StartupRow> {
  const dir = corpusDir(size);
  const env = { PAPERBOT_CACHE_DIR: kind === 'probe, no snapshot' ? 'off' : CACHE_DIR };
  const args = kind === 'cli' ? [CLI, 'search', 'diffusion', '--json', '--limit', '5', '--data', dir] : [PROBE, dir, 'diffusion'];
  const samples: number[] = [];
  let source = kind === 'cli' ? 'snapshot' : '';
  for (let i = 0; i < runs; i++) {
    const { ms, line } = await firstAnswer(args, env);
    samples.push(ms);
    if (kind !== 'cli') source = (JSON.parse(line) as { source: string }).source;
  }
  const row = { size, process: kind, medianMs: median(samples), minMs: Math.min(...samples), spread: spread(samples), source };
  log(`start-up ${size} ${kind}: median ${row.medianMs.toFixed(0)} ms (min ${row.minMs.toFixed(0)})`);
  return row;
}
