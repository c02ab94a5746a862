/**
 * Cold start: corpus parse (files → papers) and index build, per corpus size, with the plain
 * MiniSearch anchor's build over the same papers for comparison. At a million papers the parse
 * and the anchor are skipped: the parse is linear and measured at the smaller sizes, and
 * MiniSearch would need more than the 8 GB this run may use.
 */
import { loadCorpus } from '../src/corpus/index.js';
import { buildIndex, postingCount, type IndexData } from '../src/search/postings.js';
import { AnchorThread } from './lib/anchor-thread.js';
import { corpusDir, papersOf, writeSyntheticCorpus, type SizeName } from './lib/corpora.js';
import { cpuTime, log, median, spread, time } from './lib/stats.js';

export interface ParseIndexResult {
  size: SizeName;
  papers: number;
  parseMs: number;
  indexMs: number;
  indexCpuMs: number;
  indexSpread: number;
  anchorBuildMs: number;
  terms: number;
  postings: number;
}

const big = (size: SizeName) => size === '1m';

/** Also returns the index and the anchor it built (in a thread of its own: anchor-thread.ts), for the benchmarks that follow. */
export async function benchParseIndex(size: SizeName): Promise<{ row: ParseIndexResult; index: IndexData; anchor: AnchorThread | undefined }> {
  const papers = papersOf(size);
  // The synthetic corpora are written out as exports and read back by the bot's own parser.
  const dir = size === 'real' ? corpusDir(size) : writeSyntheticCorpus(size);
  let parseMs = NaN;
  if (!big(size)) {
    const parses = Array.from({ length: size === 'real' ? 5 : 1 }, () => time(() => loadCorpus(dir).stats.papers));
    parseMs = median(parses.map((p) => p.ms));
    const parsed = parses[0]!.value;
    if (parsed !== papers.length) throw new Error(`parsing the ${size} corpus gave ${parsed} papers, expected ${papers.length}`);
  }
  const runs = size === 'real' ? 5 : 1;
  const builds = Array.from({ length: runs }, () => cpuTime(() => buildIndex(papers)));
  const index = builds[builds.length - 1]!.value;
  // After the index builds, not beside them: two builds at once on two cores would time each other.
  const anchor = big(size) ? undefined : await AnchorThread.start(size, size === 'real' ? 3 : 1);
  const anchorBuildMs = anchor?.buildMs ?? NaN;
  const result = {
    size,
    papers: papers.length,
    parseMs,
    indexMs: median(builds.map((b) => b.ms)),
    indexCpuMs: median(builds.map((b) => b.cpuMs)),
    indexSpread: spread(builds.map((b) => b.ms)),
    anchorBuildMs,
    terms: index.terms.length,
    postings: postingCount(index),
  };
  log(`parse+index ${size}: parse ${parseMs.toFixed(0)} ms, index ${result.indexMs.toFixed(0)} ms, anchor ${anchorBuildMs.toFixed(0)} ms`);
  return { row: result, index, anchor };
}
