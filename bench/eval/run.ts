/**
 * `npm run eval`: the hand-judged queries of bench/eval/judgments.ts on the real corpus, against
 * paperbot's lexical search alone, its semantic model alone (LSA learnt from the corpus), the
 * shipped hybrid of both, the hybrid with reciprocal rank fusion instead of score fusion, and plain
 * MiniSearch. Prints MRR@10, Success@3, P@10 and nDCG@10 per system and kind of query, and
 * precision@5 of `similar`.
 *
 *   npm run eval                 the table
 *   npm run eval -- --queries    also each query the shipped search misses (no grade-2 paper in its top 3)
 *   npm run eval -- --batches    also each kind split by the batch its queries came in (judgments.ts)
 *   npm run eval -- --record     also write bench/eval/baseline.json, the figures the regression test holds
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCorpus } from '../../src/corpus/index.js';
import { CONFIG_DIR, DEFAULT_DATA_DIR, PROJECT_ROOT } from '../../src/paths.js';
import { loadTopicsConfig } from '../../src/search/library.js';
import { QUERIES, SIMILAR } from './judgments.js';
import { evaluate, evaluateSimilar, type Report } from './evaluate.js';
import { mean, type Scores } from './metrics.js';
import { libraries, plainMiniSearch, semanticOnly, shipped, shippedSimilar } from './systems.js';

const { papers } = loadCorpus(DEFAULT_DATA_DIR);
const { lexical, hybrid, hybridWith, provider, vectors } = libraries(papers, loadTopicsConfig(join(CONFIG_DIR, 'topics.json')));
const semantic = semanticOnly(papers, provider, vectors);
const mini = plainMiniSearch(papers);
const rrf = hybridWith({ method: 'rrf', k: 60, semanticWeight: 1 });

const systems: [string, Report, number][] = [
  ['hybrid (shipped)', evaluate(papers, shipped(hybrid)), evaluateSimilar(papers, shippedSimilar(hybrid)).p5],
  ['lexical only', evaluate(papers, shipped(lexical)), evaluateSimilar(papers, shippedSimilar(lexical)).p5],
  ['semantic only', evaluate(papers, semantic.search), evaluateSimilar(papers, semantic.similar).p5],
  ['hybrid, rank fusion', evaluate(papers, shipped(rrf)), evaluateSimilar(papers, shippedSimilar(rrf)).p5],
  ['plain MiniSearch', evaluate(papers, mini.search), evaluateSimilar(papers, mini.similar).p5],
];

const f = (x: number) => x.toFixed(3);
const row = (name: string, kind: string, n: number, s: Scores) => `| ${name} | ${kind} (${n}) | ${f(s.mrr)} | ${f(s.success3)} | ${f(s.p10)} | ${f(s.ndcg10)} |`;
const count = (kind: string) => (kind === 'all' ? QUERIES.length : QUERIES.filter((q) => q.kind === kind).length);
const lines = [
  `${QUERIES.length} judged queries and ${SIMILAR.length} similar-paper judgments over ${papers.length} papers; semantic model ${provider.model}.`,
  '',
  '| system | queries | MRR@10 | Success@3 | P@10 | nDCG@10 |',
  '|---|---|---:|---:|---:|---:|',
  ...(['all', 'known-item', 'descriptive', 'topic'] as const).flatMap((kind) => systems.map(([name, report]) => row(name, kind, count(kind), report.byKind[kind]))),
  '',
  '| system | similar: precision@5 |',
  '|---|---:|',
  ...systems.map(([name, , p5]) => `| ${name} | ${f(p5)} |`),
];
console.log(lines.join('\n'));

if (process.argv.includes('--batches')) {
  // Each later batch was written before it was run: its figures show how systems meet queries they were not tuned on.
  const subsets = (['known-item', 'descriptive', 'topic'] as const).flatMap((kind) =>
    ([undefined, 2, 3, 4] as const).map((batch) => ({ label: `${kind}, ${batch ? `batch ${batch}` : 'first set'}`, pick: (q: (typeof QUERIES)[number]) => q.kind === kind && q.batch === batch })),
  );
  console.log('\n| system | queries | MRR@10 | Success@3 | P@10 | nDCG@10 |\n|---|---|---:|---:|---:|---:|');
  for (const { label, pick } of subsets) {
    const n = QUERIES.filter(pick).length;
    if (n === 0) continue;
    for (const [name, report] of systems) console.log(row(name, label, n, mean(report.perQuery.filter((q) => pick(q.judged)).map((q) => q.scores))));
  }
}

if (process.argv.includes('--queries')) {
  console.log('\nQueries whose sought paper is not in the shipped top 3:');
  for (const { judged, scores } of systems[0]![1].perQuery) if (scores.success3 === 0) console.log(`- [${judged.kind}${judged.note ? `, ${judged.note}` : ''}] ${judged.query} (MRR ${f(scores.mrr)})`);
}

if (process.argv.includes('--record')) {
  const [, report, p5] = systems[0]!;
  const baseline = { byKind: report.byKind, similarP5: p5 };
  writeFileSync(join(PROJECT_ROOT, 'bench', 'eval', 'baseline.json'), `${JSON.stringify(baseline, (_, v: unknown) => (typeof v === 'number' ? Number(v.toFixed(4)) : v), 2)}\n`);
  console.log('\nWrote bench/eval/baseline.json');
}
