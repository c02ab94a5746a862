/**
 * `npm run bench:embeddings`: what semantic search costs, with the default model (LSA learnt
 * from the corpus), on the real corpus and synthetic corpora of 20,000 and 100,000 papers
 * (bench/lib/corpora.ts). Runs on its own, apart from `npm run bench`. Per size:
 *
 * - learning the model (randomised SVD on at most 8,000 papers) and folding every paper in from
 *   the index: the first start's extra work;
 * - reading the cached model and seed vectors instead (every later start), and writing them;
 * - vectors per second at ingestion: new papers embedded from their text, as when a source
 *   stores them (1,000 papers that follow the synthetic corpus);
 * - extra memory: the vectors and the model, as typed arrays (exact bytes), and the growth of
 *   the process's array buffers after GC;
 * - search latency over the fixed query set (bench/queries.ts), lexical alone and fused,
 *   interleaved per round so machine noise hits both alike.
 *
 * `BENCH_SIZES=real,20k` runs a subset. Progress goes to stderr, a markdown table to stdout.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSeedVectors, saveSeedVectors } from '../src/embeddings/seed-cache.js';
import { createLibrary } from '../src/search/library.js';
import { LsaProvider } from '../src/search/lsa-provider.js';
import { QueryVectors } from '../src/search/query-vectors.js';
import { buildIndex } from '../src/search/postings.js';
import { papersAfter, papersOf, SIZES, type SizeName } from './lib/corpora.js';
import { fmt, log, summarize, type Summary } from './lib/stats.js';
import { QUERIES } from './queries.js';

interface Row {
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
  lexical: Summary;
  fused: Summary;
}

// A million papers fit the engine's bench, not this one's two copies of every vector: it stops at 100k.
const ROUNDS: Partial<Record<SizeName, number>> = { real: 40, '20k': 15, '100k': 8 };
const INGESTED = 1000;
const gc = (globalThis as { gc?: () => void }).gc;
const arrayBuffers = () => {
  gc?.();
  gc?.();
  return process.memoryUsage().arrayBuffers;
};
const MB = 1024 * 1024;

function benchSize(size: SizeName, scratch: string): Row {
  const papers = papersOf(size);
  log(`${size}: ${papers.length} papers, indexing`);
  const index = buildIndex(papers);
  const buffersBefore = arrayBuffers();

  let t = performance.now();
  const provider = LsaProvider.train(index);
  const trainMs = performance.now() - t;
  t = performance.now();
  const vectors = provider.vectorsOf(index);
  const foldInMs = performance.now() - t;
  const arrayBuffersMB = (arrayBuffers() - buffersBefore) / MB;
  const { lsa } = provider;
  log(`${size}: model learnt in ${fmt(trainMs)} ms on ${lsa.trainedOn} papers (${lsa.terms.length} words), folded in in ${fmt(foldInMs)} ms`);

  const file = join(scratch, `${size}.pbev`);
  t = performance.now();
  saveSeedVectors(file, { key: 'bench', model: provider.model, dimensions: lsa.dimensions, vectors, lsa });
  const cacheWriteMs = performance.now() - t;
  t = performance.now();
  const cached = loadSeedVectors(file, 'bench');
  const cacheReadMs = performance.now() - t;
  if (!cached?.lsa || new LsaProvider(cached.lsa).model !== provider.model) throw new Error('bench: the cache did not give the model back');
  const cacheMB = statSync(file).size / MB;

  // Ingestion: papers embedded from their text (tokenised, folded in), as a source stores them.
  const incoming = size === 'real' ? papers.slice(0, INGESTED) : papersAfter(size, INGESTED);
  t = performance.now();
  for (const p of incoming) provider.embedPaperNow(p);
  const ingestPerSecond = incoming.length / ((performance.now() - t) / 1000);
  log(`${size}: ${fmt(ingestPerSecond)} vectors/s at ingestion`);

  const lexical = createLibrary(papers, { index });
  const hybrid = createLibrary(papers, { index, semantic: { vectors, queries: new QueryVectors(provider) } });
  for (const { q } of QUERIES) {
    lexical.search(q, { limit: 5 });
    hybrid.search(q, { limit: 5 });
  }
  const times = { lexical: [] as number[], fused: [] as number[] };
  for (let r = 0; r < (ROUNDS[size] ?? 3); r++) {
    for (const { q } of QUERIES) {
      for (const [name, library] of [['lexical', lexical], ['fused', hybrid]] as const) {
        const start = performance.now();
        library.search(q, { limit: 5 });
        times[name].push(performance.now() - start);
      }
    }
  }
  const row: Row = {
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
    lexical: summarize(times.lexical),
    fused: summarize(times.fused),
  };
  log(`${size}: search p50/p99 lexical ${fmt(row.lexical.p50)}/${fmt(row.lexical.p99)} ms, fused ${fmt(row.fused.p50)}/${fmt(row.fused.p99)} ms`);
  return row;
}

const sizes = (process.env.BENCH_SIZES?.split(',').map((s) => s.trim()) ?? Object.keys(ROUNDS)).filter((s): s is SizeName => s in SIZES);
const scratch = mkdtempSync(join(tmpdir(), 'paperbot-bench-embeddings-'));
try {
  const rows = sizes.map((size) => benchSize(size, scratch));
  const per100k = (row: Row, mb: number) => fmt((mb * 100_000) / row.papers);
  const lines: [string, (r: Row) => string][] = [
    ['papers', (r) => String(r.papers)],
    ['model learnt (ms) · on papers · words', (r) => `${fmt(r.trainMs)} · ${r.trainedOn} · ${r.modelTerms}`],
    ['every paper folded in from the index (ms)', (r) => fmt(r.foldInMs)],
    ['cache: write · read (ms) · file (MB)', (r) => `${fmt(r.cacheWriteMs)} · ${fmt(r.cacheReadMs)} · ${fmt(r.cacheMB)}`],
    ['vectors/s at ingestion (from text)', (r) => fmt(r.ingestPerSecond)],
    ['memory: vectors · model (MB)', (r) => `${fmt(r.vectorsMB)} · ${fmt(r.modelMB)}`],
    ['memory: array buffers grown, after GC (MB)', (r) => fmt(r.arrayBuffersMB)],
    ['vectors per 100,000 papers (MB)', (r) => per100k(r, r.vectorsMB)],
    ['search p50 (ms): lexical · fused', (r) => `${fmt(r.lexical.p50)} · ${fmt(r.fused.p50)}`],
    ['search p99 (ms): lexical · fused', (r) => `${fmt(r.lexical.p99)} · ${fmt(r.fused.p99)}`],
  ];
  console.log([`| | ${rows.map((r) => r.size).join(' | ')} |`, `|---|${rows.map(() => '---:').join('|')}|`, ...lines.map(([name, cell]) => `| ${name} | ${rows.map(cell).join(' | ')} |`)].join('\n'));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
