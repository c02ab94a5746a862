/**
 * `npm run bench:embeddings`: the semantic-search step of `npm run bench` (semantic.ts) alone, on
 * the real corpus and the synthetic corpora of 20,000 and 100,000 papers (bench/lib/corpora.ts),
 * without the rest of the benchmark. `BENCH_SIZES=real,20k` runs a subset. Progress goes to
 * stderr, a markdown table to stdout. No load guard: `npm run bench` is the one to quote.
 */
import { buildIndex } from '../src/search/postings.js';
import { papersOf, realCorpus, type SizeName } from './lib/corpora.js';
import { log } from './lib/stats.js';
import { benchSemantic, SEMANTIC_LINES, type SemanticRow } from './semantic.js';

const SIZES: SizeName[] = ['real', '20k', '100k'];
const sizes = (process.env.BENCH_SIZES?.split(',').map((s) => s.trim()) ?? SIZES).filter((s): s is SizeName => (SIZES as string[]).includes(s));
const real = realCorpus().papers;
const rows: SemanticRow[] = [];
for (const size of sizes) {
  const papers = papersOf(size);
  log(`${size}: ${papers.length} papers, indexing`);
  rows.push(await benchSemantic(size, papers, buildIndex(papers), real));
}
console.log(
  [`| | ${rows.map((r) => r.size).join(' | ')} |`, `|---|${rows.map(() => '---:').join('|')}|`, `| papers | ${rows.map((r) => r.papers).join(' | ')} |`, ...SEMANTIC_LINES.map(([name, cell]) => `| ${name} | ${rows.map(cell).join(' | ')} |`)].join('\n'),
);
