/**
 * The corpora every benchmark runs on: the real one and synthetic ones of 20,000, 100,000 and
 * 1,000,000 papers, generated once per process and written to var/bench/ for the start-up benchmarks.
 */
import { join } from 'node:path';
import { loadCorpus } from '../../src/corpus/index.js';
import type { Corpus, Paper } from '../../src/corpus/paper.js';
import { DEFAULT_DATA_DIR, PROJECT_ROOT } from '../../src/paths.js';
import { generatePapers, writeCorpus } from './synthetic.js';

export const SEED = 20240601;
export const BENCH_DIR = join(PROJECT_ROOT, 'var', 'bench');
export const CACHE_DIR = join(BENCH_DIR, 'cache');
/** Sizes by name; `real` is the corpus in data/. */
export const SIZES = { real: 0, '20k': 20_000, '100k': 100_000, '1m': 1_000_000 } as const;
export type SizeName = keyof typeof SIZES;

let real: Corpus | undefined;
export function realCorpus(): Corpus {
  return (real ??= loadCorpus(DEFAULT_DATA_DIR));
}

const synthetic = new Map<number, Paper[]>();
export function papersOf(size: SizeName): Paper[] {
  if (size === 'real') return realCorpus().papers;
  const n = SIZES[size];
  let papers = synthetic.get(n);
  if (!papers) synthetic.set(n, (papers = generatePapers(realCorpus().papers, n, SEED)));
  return papers;
}

/**
 * The `count` papers the generator makes after a synthetic size's: the same seeded stream, so they
 * bring new coined words at the rate new papers would (generation is sequential, so the first
 * papers of a longer run are exactly the shorter run's).
 */
export function papersAfter(size: Exclude<SizeName, 'real'>, count: number): Paper[] {
  const n = SIZES[size];
  return generatePapers(realCorpus().papers, n + count, SEED).slice(n);
}

/** The corpus folder of a size: data/ for the real corpus, a generated one under var/bench/ otherwise. */
export function corpusDir(size: SizeName): string {
  return size === 'real' ? DEFAULT_DATA_DIR : join(BENCH_DIR, `corpus-${size}`);
}

/** Lets the memory of a synthetic size's papers go once its benchmarks are done. */
export function forgetPapers(size: SizeName): void {
  if (size !== 'real') synthetic.delete(SIZES[size]);
}

export function writeSyntheticCorpus(size: Exclude<SizeName, 'real'>): string {
  const dir = corpusDir(size);
  writeCorpus(dir, papersOf(size));
  return dir;
}

/** A corpus value for synthetic papers that were never parsed (the parser is benchmarked separately). */
export function syntheticCorpus(papers: Paper[]): Corpus {
  return {
    papers,
    stats: { entries: papers.length, papers: papers.length, duplicatesMerged: 0, derivedTitles: 0, files: [], warnings: [] },
  };
}
