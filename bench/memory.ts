/**
 * Memory after loading, each size measured in its own child process for clean numbers: RSS, and
 * the JavaScript heap plus what lives outside it (`external`, which includes the ArrayBuffers of
 * the index's typed arrays).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CACHE_DIR, corpusDir, type SizeName } from './lib/corpora.js';
import { log } from './lib/stats.js';

const CHILD = fileURLToPath(new URL('./memory-child.js', import.meta.url));

export interface MemoryRow {
  size: SizeName;
  source: string;
  papers: number;
  heapMB: number;
  /** Memory V8 knows of outside its heap; includes `arrayBuffersMB`. */
  externalMB: number;
  arrayBuffersMB: number;
  /** Heap plus external: everything the JavaScript side holds. */
  totalMB: number;
  rssMB: number;
}

/** `snapshot`: load through the snapshot (written by the snapshot benchmark); else parse and build. */
export function benchMemory(size: SizeName, viaSnapshot: boolean): MemoryRow {
  const out = execFileSync(process.execPath, ['--expose-gc', '--max-old-space-size=7168', CHILD, corpusDir(size), viaSnapshot ? CACHE_DIR : 'off'], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  const child = JSON.parse(out.trim().split('\n').pop()!) as Omit<MemoryRow, 'size' | 'totalMB'>;
  const row = { size, ...child, totalMB: child.heapMB + child.externalMB };
  log(`memory ${size} (${row.source}): RSS ${row.rssMB.toFixed(0)} MB, heap ${row.heapMB.toFixed(0)} + external ${row.externalMB.toFixed(0)} (of which ArrayBuffers ${row.arrayBuffersMB.toFixed(0)}) MB`);
  return row;
}
