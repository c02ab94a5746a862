/**
 * Digest selection: the best papers for a topic, relevant but not repetitive.
 * Maximal Marginal Relevance trades relevance against similarity to papers already picked,
 * and near-duplicates (two exports of the same work, a paper and its follow-up with the same
 * abstract) are skipped outright: MMR alone would still pick a near-copy of a very relevant paper.
 */

/** Weight of relevance versus novelty in MMR. */
export const MMR_LAMBDA = 0.7;
/** Cosine above which two papers count as near-duplicates. */
export const DUPLICATE_COSINE = 0.5;

export interface Candidate<T> {
  item: T;
  /** Relevance, any positive scale (normalised here). */
  relevance: number;
}

/** Picks `count` candidates by MMR; returns them in pick order with normalised relevance. */
export function selectDiverse<T>(
  candidates: readonly Candidate<T>[],
  count: number,
  similarity: (a: T, b: T) => number,
  lambda = MMR_LAMBDA,
): { item: T; relevance: number }[] {
  const top = Math.max(0, ...candidates.map((c) => c.relevance)) || 1;
  const pool = candidates.map((c) => ({ item: c.item, relevance: c.relevance / top }));
  const picked: { item: T; relevance: number }[] = [];
  while (picked.length < count && pool.length > 0) {
    let bestIndex = -1;
    let bestScore = -Infinity;
    for (let i = 0; i < pool.length; i++) {
      const c = pool[i] as (typeof pool)[number];
      const redundancy = Math.max(0, ...picked.map((p) => similarity(c.item, p.item)));
      if (redundancy >= DUPLICATE_COSINE) continue;
      const score = lambda * c.relevance - (1 - lambda) * redundancy;
      if (score > bestScore) [bestIndex, bestScore] = [i, score];
    }
    if (bestIndex < 0) break;
    picked.push(...pool.splice(bestIndex, 1));
  }
  return picked;
}
