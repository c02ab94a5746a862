/**
 * Search latency over the fixed query set (bench/queries.ts): paperbot's library against the
 * plain MiniSearch anchor, same papers, same queries, interleaved so machine noise hits both.
 */
import type { PaperLibrary } from '../src/core/library.js';
import { anchorSearch, type Anchor } from './lib/anchor.js';
import type { SizeName } from './lib/corpora.js';
import { log, median, summarize, type Summary } from './lib/stats.js';
import { QUERIES, type BenchQuery } from './queries.js';

export interface SearchResultRow {
  size: SizeName;
  ours: Summary;
  anchor: Summary;
  /** Median per query kind, ours and anchor. */
  byKind: Record<BenchQuery['kind'], { ours: number; anchor: number }>;
  /** Spread of the per-round medians: how noisy the machine was. */
  roundSpread: number;
  typoWorks: boolean;
}

/** The anchor takes seconds per query at 100k: there it runs every third query, once, to keep the run short. */
const anchorRuns = (size: SizeName, i: number) => size !== '100k' || i % 3 === 0;

const ROUNDS: Record<SizeName, { ours: number; anchor: number }> = {
  real: { ours: 40, anchor: 10 },
  '20k': { ours: 15, anchor: 2 },
  '100k': { ours: 8, anchor: 1 },
};

export function benchSearch(size: SizeName, library: PaperLibrary, anchor: Anchor): SearchResultRow {
  const run = (q: string) => library.search(q, { limit: 5 });
  // Warm-up: JIT, lazy spelling tree, proximity cache.
  QUERIES.forEach(({ q }, i) => {
    run(q);
    if (anchorRuns(size, i)) anchorSearch(anchor, q);
  });
  const ours = new Map<string, number[]>();
  const theirs = new Map<string, number[]>();
  const roundMedians: number[] = [];
  const rounds = ROUNDS[size];
  // Separate passes: interleaving the anchor's allocations would put its garbage collections
  // inside our timings (p99 measured 0.7 ms alone vs 4.4 ms interleaved on the real corpus).
  for (let r = 0; r < rounds.ours; r++) {
    const round: number[] = [];
    for (const { q } of QUERIES) {
      const t = performance.now();
      run(q);
      const ms = performance.now() - t;
      round.push(ms);
      ours.set(q, [...(ours.get(q) ?? []), ms]);
    }
    roundMedians.push(median(round));
  }
  for (let r = 0; r < rounds.anchor; r++) {
    for (const [i, { q }] of QUERIES.entries()) {
      if (!anchorRuns(size, i)) continue;
      const t = performance.now();
      anchorSearch(anchor, q);
      theirs.set(q, [...(theirs.get(q) ?? []), performance.now() - t]);
    }
  }
  const byKind = {} as SearchResultRow['byKind'];
  for (const kind of new Set(QUERIES.map((x) => x.kind))) {
    const qs = QUERIES.filter((x) => x.kind === kind).map((x) => x.q);
    byKind[kind] = { ours: median(qs.flatMap((q) => ours.get(q) ?? [])), anchor: median(qs.flatMap((q) => theirs.get(q) ?? [])) };
  }
  // A typo still finds the intended word's papers and suggests it. (In big corpora, other words one
  // edit away, e.g. coined "diffsion", match too: typo tolerance cannot tell them apart.)
  const typo = library.search('difusion', { limit: 5 });
  const typoWorks = typo.suggestions[0] === 'diffusion' && typo.hits.some((h) => /diffusion/i.test(`${h.paper.title} ${h.paper.abstract}`));
  const row: SearchResultRow = {
    size,
    ours: summarize([...ours.values()].flat()),
    anchor: summarize([...theirs.values()].flat()),
    byKind,
    roundSpread: (Math.max(...roundMedians) - Math.min(...roundMedians)) / median(roundMedians),
    typoWorks,
  };
  log(`search ${size}: p50 ${row.ours.p50.toFixed(2)} p99 ${row.ours.p99.toFixed(2)} ms; anchor p50 ${row.anchor.p50.toFixed(1)} p99 ${row.anchor.p99.toFixed(1)} ms`);
  return row;
}
