/**
 * The hand-judged evaluation set (bench/eval/) as a regression test: the shipped search may not
 * fall more than MARGIN below the figures recorded in bench/eval/baseline.json, on any kind of
 * query or metric, nor `similar` below its precision@5. Record new figures with
 * `npm run eval -- --record` when a change improves them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, evaluateSimilar } from '../../bench/eval/evaluate.js';
import type { Scores } from '../../bench/eval/metrics.js';
import { ndcg, precision, reciprocalRank, success } from '../../bench/eval/metrics.js';
import { plainMiniSearch, shipped, shippedSimilar } from '../../bench/eval/systems.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { realLibrary } from './helpers.js';

/** How far below the recorded figures a metric may fall (absolute, on a 0–1 scale). */
const MARGIN = 0.02;

interface Baseline {
  byKind: Record<string, Scores>;
  similarP5: number;
}

describe('the evaluation set', () => {
  const baseline = JSON.parse(readFileSync(join(PROJECT_ROOT, 'bench', 'eval', 'baseline.json'), 'utf8')) as Baseline;
  const { papers, library } = realLibrary();

  it(`keeps every figure of the shipped search within ${MARGIN} of the recorded ones`, () => {
    const report = evaluate(papers, shipped(library));
    for (const [kind, recorded] of Object.entries(baseline.byKind)) {
      const now = report.byKind[kind as keyof typeof report.byKind];
      for (const metric of ['mrr', 'success3', 'p10', 'ndcg10'] as const) {
        expect(now[metric], `${kind} ${metric}`).toBeGreaterThanOrEqual(recorded[metric] - MARGIN);
      }
    }
  });

  it(`keeps similar's precision@5 within ${MARGIN} of the recorded one`, () => {
    expect(evaluateSimilar(papers, shippedSimilar(library)).p5).toBeGreaterThanOrEqual(baseline.similarP5 - MARGIN);
  });

  // The claim the README makes: ahead, not level, on every figure, overall and per kind.
  it('puts the shipped hybrid ahead of lexical search alone and of plain MiniSearch on every figure', () => {
    const { lexical } = realLibrary();
    const mini = plainMiniSearch(papers);
    const hybrid = evaluate(papers, shipped(library)).byKind;
    const others = { 'lexical only': evaluate(papers, shipped(lexical)).byKind, 'plain MiniSearch': evaluate(papers, mini.search).byKind };
    for (const [name, other] of Object.entries(others)) {
      for (const kind of Object.keys(hybrid) as (keyof typeof hybrid)[]) {
        for (const metric of ['mrr', 'success3', 'p10', 'ndcg10'] as const) {
          expect(hybrid[kind][metric], `${kind} ${metric} against ${name}`).toBeGreaterThan(other[kind][metric]);
        }
      }
    }
    const similarP5 = evaluateSimilar(papers, shippedSimilar(library)).p5;
    expect(similarP5).toBeGreaterThan(evaluateSimilar(papers, shippedSimilar(lexical)).p5);
    expect(similarP5).toBeGreaterThan(evaluateSimilar(papers, mini.similar).p5);
  });
});

describe('metrics', () => {
  const grades = new Map([
    ['a', 2],
    ['b', 1],
  ]);

  it('count grade-2 papers for MRR and Success, both grades for precision', () => {
    expect(reciprocalRank(['x', 'b', 'a'], grades)).toBeCloseTo(1 / 3);
    expect(success(['x', 'b', 'y', 'a'], grades)).toBe(0);
    expect(precision(['x', 'b', 'a'], grades)).toBeCloseTo(0.2);
  });

  it('nDCG is 1 for the ideal order and less otherwise', () => {
    expect(ndcg(['a', 'b'], grades)).toBeCloseTo(1);
    expect(ndcg(['b', 'a'], grades)).toBeCloseTo((1 + 3 / Math.log2(3)) / (3 + 1 / Math.log2(3)));
    expect(ndcg(['x'], grades)).toBe(0);
  });
});
