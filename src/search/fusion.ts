/**
 * Fusing a lexical ranking (BM25 scores) and a semantic one (cosines) into one. Two methods,
 * measured against each other on the evaluation set (docs/search-quality.md):
 *
 * - normalised score fusion (shipped): each score divided by the best of its list, then
 *   `alpha · lexical + (1 − alpha) · semantic`. A paper the lexical side did not find scores 0
 *   there; a paper the semantic side did not list still gets its own cosine.
 * - reciprocal rank fusion: Σ weight / (k + rank). Blind to how far apart the scores are, so a
 *   known title that BM25 puts far ahead of the rest can lose the top to a paper both lists
 *   rank second; it measured lower on known items and on the whole set.
 *
 * Pure: documents are numbers, results are best first, ties broken by the lower document number.
 */
import type { Scored } from './paper-vectors.js';

export type FusionMethod = { method: 'score'; alpha: number } | { method: 'rrf'; k: number; semanticWeight: number };

/** The measured best: equal weights (0.5–0.7 all beat RRF; 0.5 was best on the whole set). */
export const DEFAULT_FUSION: FusionMethod = { method: 'score', alpha: 0.5 };

export interface FusionInput {
  /** Lexical hits, best first. */
  lexical: readonly Scored[];
  /** Semantic hits, best first. */
  semantic: readonly Scored[];
  /** The cosine of any paper with the query (for lexical hits the semantic list does not hold). */
  similarity: (doc: number) => number;
}

export function fuse(input: FusionInput, how: FusionMethod = DEFAULT_FUSION): Scored[] {
  const scores = new Map<number, number>();
  if (how.method === 'rrf') {
    input.lexical.forEach(({ doc }, rank) => scores.set(doc, (scores.get(doc) ?? 0) + 1 / (how.k + rank + 1)));
    input.semantic.forEach(({ doc }, rank) => scores.set(doc, (scores.get(doc) ?? 0) + how.semanticWeight / (how.k + rank + 1)));
  } else {
    const lexicalTop = input.lexical[0]?.score ?? 0;
    const semanticTop = Math.max(0, input.semantic[0]?.score ?? 0);
    const semantic = (cosine: number) => (semanticTop > 0 ? Math.max(0, cosine) / semanticTop : 0);
    for (const { doc, score } of input.lexical) scores.set(doc, how.alpha * (lexicalTop > 0 ? score / lexicalTop : 0) + (1 - how.alpha) * semantic(input.similarity(doc)));
    for (const { doc, score } of input.semantic) if (!scores.has(doc)) scores.set(doc, (1 - how.alpha) * semantic(score));
  }
  return [...scores].map(([doc, score]) => ({ doc, score })).sort((a, b) => b.score - a.score || a.doc - b.doc);
}
