/** Heap and RSS after GC, each size measured in its own child process for clean numbers. */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CACHE_DIR, corpusDir, type SizeName } from './lib/corpora.js';
import { log } from './lib/stats.js';

const CHILD = fileURLToPath(new URL('./memory-child.js', import.meta.url));

export interface MemoryRow {
  size: SizeName;
  source: string;
  heapMB: number;
  rssMB: number;
  externalMB: number;
}

/** `snapshot`: load through the snapshot (written by the snapshot benchmark); else parse and build. */
export function benchMemory(size: SizeName, viaSnapshot: boolean): MemoryRow {
  const out = execFileSync(process.execPath, ['--expose-gc', '--max-old-space-size=4096', CHILD, corpusDir(size), viaSnapshot ? CACHE_DIR : 'off'], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  const row = { size, ...(JSON.parse(out.trim().split('\n').pop()!) as Omit<MemoryRow, 'size'>) };
  log(`memory ${size} (${row.source}): heap ${row.heapMB.toFixed(0)} MB, RSS ${row.rssMB.toFixed(0)} MB`);
  return row;
}
