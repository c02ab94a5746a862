/**
 * What semantic search costs, with the default model (LSA learnt from the corpus), at one size:
 *
 * - learning the model (randomised SVD on at most 8,000 papers) and folding every paper in from
 *   the index: the first start's extra work;
 * - reading the cached model and seed vectors instead (every later start), and writing them;
 * - vectors per second at ingestion: new papers embedded from their text, as when a source
 *   stores them (1,000 papers that follow the synthetic corpus);
 * - extra memory: the vectors and the model, as typed arrays (exact bytes), and the growth of
 *   the process's array buffers after GC;
 * - search latency with fusion against lexical search alone, over the measured query set
 *   (lib/query-set.ts): a first-sight round and two repeated ones, the two libraries query by
 *   query in alternating order, and the median per query of fused ms / lexical ms.
 *
 * A step of `npm run bench` (up to 100k: at a million papers the second library and the vectors'
 * copies do not fit beside the rest) and, alone, of `npm run bench:embeddings`.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Paper } from '../src/corpus/paper.js';
import { loadSeedVectors, saveSeedVectors, seedVectorFile } from '../src/embeddings/seed-cache.js';
import { createLibrary } from '../src/search/library.js';
import { LsaProvider } from '../src/search/lsa-provider.js';
import type { IndexData } from '../src/search/postings.js';
import { QueryVectors } from '../src/search/query-vectors.js';
import { snapshotKey } from '../src/search/snapshot.js';
import { CACHE_DIR, papersAfter, type SizeName } from './lib/corpora.js';
import { load } from './lib/load.js';
import { measuredQueries } from './lib/query-set.js';
import { fmt, log, median, shuffled, summarize, type Summary } from './lib/stats.js';
import { prng } from './lib/synthetic.js';

export interface SemanticRow {
  size: SizeName;
  papers: number;
  trainMs: number;
  trainedOn: number;
  modelTerms: number;
  foldInMs: number;
  cacheWriteMs: number;
  cacheReadMs: number;
  cacheMB: number;
  ingestPerSecond: number;
  vectorsMB: number;
  modelMB: number;
  arrayBuffersMB: number;
  lexical: { firstSight: Summary; repeated: Summary };
  fused: { firstSight: Summary; repeated: Summary };
  /** Median over queries of fused ms / lexical ms, first sight. */
  ratioFirstSight: number;
}

const REPEATED_ROUNDS = 2;
const INGESTED = 1000;
const MB = 1024 * 1024;
const arrayBuffers = () => {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  return process.memoryUsage().arrayBuffers;
};

/**
 * `forBot`: the corpus folder the start-up benchmark's bot reads; the model and vectors are then
 * cached where that bot looks, so its first, uncounted start reads them instead of learning the
 * model again (12 s of a full run at 100,000 papers).
 */
export async function benchSemantic(size: SizeName, papers: Paper[], index: IndexData, real: readonly Paper[], forBot?: string): Promise<SemanticRow> {
  const buffersBefore = arrayBuffers();
  let t = performance.now();
  const provider = LsaProvider.train(index);
  const trainMs = performance.now() - t;
  t = performance.now();
  const vectors = provider.vectorsOf(index);
  const foldInMs = performance.now() - t;
  const arrayBuffersMB = (arrayBuffers() - buffersBefore) / MB;
  const { lsa } = provider;
  log(`semantic ${size}: model learnt in ${fmt(trainMs)} ms on ${lsa.trainedOn} papers (${lsa.terms.length} words), folded in in ${fmt(foldInMs)} ms`);

  // The cache is timed where the bot reads it when there is one (`forBot`), else in a scratch folder.
  const scratch = forBot ? undefined : mkdtempSync(join(tmpdir(), 'paperbot-bench-semantic-'));
  const file = forBot ? seedVectorFile(CACHE_DIR, forBot, 'lsa') : join(scratch!, `${size}.pbev`);
  const key = forBot ? snapshotKey(forBot) : 'bench';
  let cacheWriteMs: number;
  let cacheReadMs: number;
  let cacheMB: number;
  try {
    t = performance.now();
    saveSeedVectors(file, { key, model: provider.model, dimensions: lsa.dimensions, vectors, lsa });
    cacheWriteMs = performance.now() - t;
    t = performance.now();
    const cached = loadSeedVectors(file, key);
    cacheReadMs = performance.now() - t;
    if (!cached?.lsa || new LsaProvider(cached.lsa).model !== provider.model) throw new Error('bench: the cache did not give the model back');
    cacheMB = statSync(file).size / MB;
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }

  // Ingestion: papers embedded from their text (tokenised, folded in), as a source stores them.
  const incoming = size === 'real' ? papers.slice(0, INGESTED) : papersAfter(size, INGESTED);
  t = performance.now();
  for (const p of incoming) provider.embedPaperNow(p);
  const ingestPerSecond = incoming.length / ((performance.now() - t) / 1000);
  log(`semantic ${size}: ${fmt(ingestPerSecond)} vectors/s at ingestion`);
  load.sample(`semantic ${size}`);

  const systems = [
    ['lexical', createLibrary(papers, { index })],
    ['fused', createLibrary(papers, { index, semantic: { vectors, queries: new QueryVectors(provider) } })],
  ] as const;
  const queries = measuredQueries(real);
  const measured = new Set(queries.map((x) => x.q));
  const warmup = measuredQueries(real, 7).filter((x) => !measured.has(x.q)).slice(0, 40);
  for (const [, library] of systems) {
    await library.warm?.();
    for (const { q } of warmup) library.search(q, { limit: 5 });
  }
  // times[system][round][query]
  const times = { lexical: [] as number[][], fused: [] as number[][] };
  const random = prng(17);
  for (let round = 0; round <= REPEATED_ROUNDS; round++) {
    for (const [name] of systems) times[name].push(new Array<number>(queries.length).fill(NaN));
    shuffled(queries.length, random).forEach((qi, position) => {
      for (let s = 0; s < systems.length; s++) {
        const [name, library] = systems[(position + s) % systems.length]!;
        const start = performance.now();
        library.search(queries[qi]!.q, { limit: 5 });
        times[name][round]![qi] = performance.now() - start;
      }
    });
  }
  const latency = (rows: number[][]) => ({ firstSight: summarize(rows[0]!), repeated: summarize(rows.slice(1).flat()) });
  const row: SemanticRow = {
    size,
    papers: papers.length,
    trainMs,
    trainedOn: lsa.trainedOn,
    modelTerms: lsa.terms.length,
    foldInMs,
    cacheWriteMs,
    cacheReadMs,
    cacheMB,
    ingestPerSecond,
    vectorsMB: vectors.bytes / MB,
    modelMB: (lsa.basis.byteLength + lsa.idf.byteLength + lsa.singularValues.byteLength) / MB,
    arrayBuffersMB,
    lexical: latency(times.lexical),
    fused: latency(times.fused),
    ratioFirstSight: median(queries.map((_, qi) => times.fused[0]![qi]! / times.lexical[0]![qi]!)),
  };
  log(`semantic ${size}: first-sight p50/p99 lexical ${fmt(row.lexical.firstSight.p50)}/${fmt(row.lexical.firstSight.p99)} ms, fused ${fmt(row.fused.firstSight.p50)}/${fmt(row.fused.firstSight.p99)} ms`);
  return row;
}

/** Rows of the semantic table, for `npm run bench` and `npm run bench:embeddings`. */
export const SEMANTIC_LINES: [string, (r: SemanticRow) => string][] = [
  ['model learnt (ms) · on papers · words', (r) => `${fmt(r.trainMs)} · ${r.trainedOn} · ${r.modelTerms}`],
  ['every paper folded in from the index (ms)', (r) => fmt(r.foldInMs)],
  ['cache: write · read (ms) · file (MB)', (r) => `${fmt(r.cacheWriteMs)} · ${fmt(r.cacheReadMs)} · ${fmt(r.cacheMB)}`],
  ['vectors/s at ingestion (from text)', (r) => fmt(r.ingestPerSecond)],
  ['memory: vectors · model (MB)', (r) => `${fmt(r.vectorsMB)} · ${fmt(r.modelMB)}`],
  ['memory: array buffers grown, after GC (MB)', (r) => fmt(r.arrayBuffersMB)],
  ['extra memory: vectors + model (MB) · vectors per 100,000 papers (MB)', (r) => `${fmt(r.vectorsMB + r.modelMB)} · ${fmt((r.vectorsMB * 100_000) / r.papers)}`],
  ['first sight p50 (ms): lexical · fused', (r) => `${fmt(r.lexical.firstSight.p50)} · ${fmt(r.fused.firstSight.p50)}`],
  ['first sight p99 (ms): lexical · fused', (r) => `${fmt(r.lexical.firstSight.p99)} · ${fmt(r.fused.firstSight.p99)}`],
  ['repeated p50 / p99 (ms): fused', (r) => `${fmt(r.fused.repeated.p50)} / ${fmt(r.fused.repeated.p99)}`],
  ['paired ratio fused / lexical, median per query (first sight)', (r) => `${r.ratioFirstSight.toFixed(2)}×`],
];
