/**
 * Runs the hand-judged queries (judgments.ts) against search systems over the real corpus and
 * averages the metrics, per kind of query and overall; `similar` is scored by precision@5.
 */
import type { Paper } from '../../src/corpus/paper.js';
import { QUERIES, SIMILAR, type Judged, type Kind } from './judgments.js';
import { mean, precision, scoresOf, type Grades, type Scores } from './metrics.js';

/** A search system: the ids of the first `limit` papers for a query. */
export type System = (query: string, limit: number) => string[];
/** A similar-papers system: the ids of the `limit` papers most like a paper. */
export type SimilarSystem = (id: string, limit: number) => string[];

export interface Report {
  byKind: Record<Kind | 'all', Scores>;
  perQuery: { judged: Judged; scores: Scores; top: string[] }[];
}

/** The one paper whose title starts with `start` (case and spacing aside); throws otherwise. */
export function resolver(papers: readonly Paper[]): (start: string) => string {
  const key = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
  return (start) => {
    const found = papers.filter((p) => key(p.title).startsWith(key(start)));
    if (found.length !== 1) throw new Error(`judgments: "${start}" names ${found.length} papers, not one`);
    return found[0]!.id;
  };
}

export function gradesOf(judged: Judged, resolve: (start: string) => string): Map<string, number> {
  const grades = new Map<string, number>();
  for (const start of judged.relevant ?? []) grades.set(resolve(start), 1);
  for (const start of judged.highly) grades.set(resolve(start), 2);
  return grades;
}

export function evaluate(papers: readonly Paper[], system: System, queries: readonly Judged[] = QUERIES): Report {
  const resolve = resolver(papers);
  const perQuery = queries.map((judged) => {
    const top = system(judged.query, 10);
    return { judged, scores: scoresOf(top, gradesOf(judged, resolve)), top };
  });
  const kinds: Kind[] = ['known-item', 'descriptive', 'topic'];
  const byKind = Object.fromEntries([
    ...kinds.map((kind) => [kind, mean(perQuery.filter((q) => q.judged.kind === kind).map((q) => q.scores))]),
    ['all', mean(perQuery.map((q) => q.scores))],
  ]) as Report['byKind'];
  return { byKind, perQuery };
}

/** Mean precision@5 of `similar` over the similar-paper judgments. */
export function evaluateSimilar(papers: readonly Paper[], similar: SimilarSystem): { p5: number; perSource: { source: string; p5: number }[] } {
  const resolve = resolver(papers);
  const perSource = SIMILAR.map(({ source, relevant }) => {
    const grades: Grades = new Map(relevant.map((start) => [resolve(start), 1]));
    return { source, p5: precision(similar(resolve(source), 5), grades, 5) };
  });
  return { p5: perSource.reduce((sum, s) => sum + s.p5, 0) / perSource.length, perSource };
}
