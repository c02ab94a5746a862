/**
 * New papers without a rebuild: append 1,000 papers to the 100,000-paper index (appendToIndex)
 * and create the library over the result, against a full buildIndex of all 101,000. Then search
 * latency on the libraries before and after the append, interleaved query by query so machine
 * noise hits both. Part of `npm run bench` (100k), or alone:
 *
 *   node scripts/build-if-stale.mjs && node --max-old-space-size=6144 dist/bench/append.js
 */
import { fileURLToPath } from 'node:url';
import type { Paper } from '../src/corpus/paper.js';
import type { PaperLibrary } from '../src/core/library.js';
import { appendToIndex, mergeIndexes } from '../src/search/append-index.js';
import { createLibrary } from '../src/search/library.js';
import { buildIndex, postingCount, type IndexData } from '../src/search/postings.js';
import { papersAfter, papersOf } from './lib/corpora.js';
import { cpuTime, fmt, log, median, summarize, type Summary } from './lib/stats.js';
import { QUERIES } from './queries.js';

export const ADDED = 1000;
const APPEND_RUNS = 7;
/**
 * A full build of 101,000 papers takes 14 s or more: one run. The comparison it is for (a
 * 20-fold difference) does not hang on a median, and two more took half a minute of every run.
 */
const BUILD_RUNS = 1;
const SEARCH_ROUNDS = 8;

export interface Latency {
  /** One pass on a fresh library: includes lazy structures (spelling tree) and cold caches. */
  firstSeen: Summary;
  repeated: Summary;
}

export interface AppendRow {
  papers: number;
  added: number;
  /** Postings of the appended index: what the merge copies. */
  postings: number;
  /** Medians of APPEND_RUNS, CPU ms. The append is buildIndex(added) plus the merge, also timed apart. */
  appendCpuMs: number;
  addedIndexCpuMs: number;
  mergeCpuMs: number;
  libraryCpuMs: number;
  /** Append plus library, per run: the pause before the caller can swap libraries. */
  readyCpuMs: number;
  readyWallMs: number;
  /** The first run alone: the merge code not yet optimised. */
  firstReadyCpuMs: number;
  /** buildIndex over all the papers (the median of BUILD_RUNS), the alternative to appending. */
  fullBuildCpuMs: number;
  /** The appended library answers every benchmark query exactly as one over the full build. */
  identical: boolean;
  before: Latency;
  after: Latency;
}

export async function benchAppend(papers: Paper[], index: IndexData, added: readonly Paper[]): Promise<AppendRow> {
  const all = papers.concat(added);
  // Only the last run's results are kept: a dozen indexes of 100,000 papers alive at once would
  // put their garbage collection inside the later runs' timings.
  const runs: AppendTimes[] = [];
  let last: Appended | undefined;
  for (let i = 0; i < APPEND_RUNS; i++) {
    last = appendOnce(index, added, all);
    runs.push(last.times);
  }
  const builds: number[] = [];
  let fullIndex: IndexData | undefined;
  for (let i = 0; i < BUILD_RUNS; i++) {
    const build = cpuTime(() => buildIndex(all));
    builds.push(build.cpuMs);
    fullIndex = build.value;
  }
  const { index: appended, library: after } = last!;
  const before = createLibrary(papers, { index });
  // Warmed as the bot warms every library it swaps in (LibraryHolder): otherwise the first typo
  // query after the append pays for building the word tables of the new index.
  await before.warm?.();
  await after.warm?.();
  const latency = interleavedLatency(before, after);
  const full = createLibrary(all, { index: fullIndex });
  const answer = (library: PaperLibrary, q: string) => JSON.stringify(library.search(q, { limit: 10 }).hits.map((h) => [h.paper.id, h.score]));
  const row: AppendRow = {
    papers: papers.length,
    added: added.length,
    postings: postingCount(appended),
    appendCpuMs: median(runs.map((r) => r.append)),
    addedIndexCpuMs: median(runs.map((r) => r.addedIndex)),
    mergeCpuMs: median(runs.map((r) => r.merge)),
    libraryCpuMs: median(runs.map((r) => r.library)),
    readyCpuMs: median(runs.map((r) => r.append + r.library)),
    readyWallMs: median(runs.map((r) => r.readyWall)),
    firstReadyCpuMs: runs[0]!.append + runs[0]!.library,
    fullBuildCpuMs: median(builds),
    identical: QUERIES.every(({ q }) => answer(after, q) === answer(full, q)),
    ...latency,
  };
  log(
    `append ${row.added} to ${row.papers}: ${fmt(row.appendCpuMs)} ms CPU (index ${fmt(row.addedIndexCpuMs)}, merge ${fmt(row.mergeCpuMs)}) ` +
      `+ library ${fmt(row.libraryCpuMs)} ms (first run: ${fmt(row.firstReadyCpuMs)} in all); full build ${fmt(row.fullBuildCpuMs)} ms; identical ${row.identical}`,
  );
  for (const side of ['before', 'after'] as const) {
    const { firstSeen, repeated } = row[side];
    log(`search ${side} append: first seen p50 ${fmt(firstSeen.p50)} p99 ${fmt(firstSeen.p99)} ms, repeated p50 ${fmt(repeated.p50)} p99 ${fmt(repeated.p99)} ms`);
  }
  return row;
}

interface AppendTimes {
  append: number;
  addedIndex: number;
  merge: number;
  library: number;
  readyWall: number;
}

interface Appended {
  times: AppendTimes;
  index: IndexData;
  library: PaperLibrary;
}

/** One append and library creation, timed; then the append's two parts, timed apart. */
function appendOnce(index: IndexData, added: readonly Paper[], all: Paper[]): Appended {
  // The append goes first, so the first run's figure includes the merge's cold start (unoptimised
  // code): what a daily append pays, V8 having discarded the code of functions left unused.
  const append = cpuTime(() => appendToIndex(index, added));
  const library = cpuTime(() => createLibrary(all, { index: append.value }));
  const addedIndex = cpuTime(() => buildIndex(added));
  const merge = cpuTime(() => mergeIndexes(index, addedIndex.value));
  return {
    times: { append: append.cpuMs, addedIndex: addedIndex.cpuMs, merge: merge.cpuMs, library: library.cpuMs, readyWall: append.ms + library.ms },
    index: append.value,
    library: library.value,
  };
}

/** Each query on both libraries in turn, the first one alternating, so neither always runs in the other's garbage. */
function interleavedLatency(before: PaperLibrary, after: PaperLibrary): { before: Latency; after: Latency } {
  const libraries = { before, after };
  const samples = { before: { firstSeen: [] as number[], repeated: [] as number[] }, after: { firstSeen: [] as number[], repeated: [] as number[] } };
  for (let round = 0; round <= SEARCH_ROUNDS; round++) {
    const pass = round === 0 ? 'firstSeen' : 'repeated';
    QUERIES.forEach(({ q }, i) => {
      const order = (i + round) % 2 === 0 ? (['before', 'after'] as const) : (['after', 'before'] as const);
      for (const side of order) {
        const start = performance.now();
        libraries[side].search(q, { limit: 5 });
        samples[side][pass].push(performance.now() - start);
      }
    });
  }
  const summary = (s: { firstSeen: number[]; repeated: number[] }): Latency => ({ firstSeen: summarize(s.firstSeen), repeated: summarize(s.repeated) });
  return { before: summary(samples.before), after: summary(samples.after) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const papers = papersOf('100k');
  process.stdout.write(`${JSON.stringify(await benchAppend(papers, buildIndex(papers), papersAfter('100k', ADDED)), null, 2)}\n`);
}
