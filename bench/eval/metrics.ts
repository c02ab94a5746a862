/**
 * Ranking metrics at a cut-off, over graded judgments (2: the paper sought or about the topic,
 * 1: partly about it). MRR and Success count grade-2 papers only; precision counts both grades;
 * nDCG weighs grade g by 2^g - 1 against the best possible order of every judged paper.
 */
export type Grades = ReadonlyMap<string, number>;

/** 1 / rank of the first grade-2 paper within the first `k`, else 0. */
export function reciprocalRank(ranked: readonly string[], grades: Grades, k = 10): number {
  const at = ranked.slice(0, k).findIndex((id) => grades.get(id) === 2);
  return at < 0 ? 0 : 1 / (at + 1);
}

/** 1 when a grade-2 paper is among the first `k`. */
export function success(ranked: readonly string[], grades: Grades, k = 3): number {
  return ranked.slice(0, k).some((id) => grades.get(id) === 2) ? 1 : 0;
}

/** Share of the first `k` places holding a judged paper (a short list counts its empty places as misses). */
export function precision(ranked: readonly string[], grades: Grades, k = 10): number {
  return ranked.slice(0, k).filter((id) => (grades.get(id) ?? 0) > 0).length / k;
}

export function ndcg(ranked: readonly string[], grades: Grades, k = 10): number {
  const gain = (g: number) => 2 ** g - 1;
  const dcg = ranked.slice(0, k).reduce((sum, id, i) => sum + gain(grades.get(id) ?? 0) / Math.log2(i + 2), 0);
  const ideal = [...grades.values()]
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((sum, g, i) => sum + gain(g) / Math.log2(i + 2), 0);
  return ideal > 0 ? dcg / ideal : 0;
}

export interface Scores {
  mrr: number;
  success3: number;
  p10: number;
  ndcg10: number;
}

export function scoresOf(ranked: readonly string[], grades: Grades): Scores {
  return { mrr: reciprocalRank(ranked, grades), success3: success(ranked, grades), p10: precision(ranked, grades), ndcg10: ndcg(ranked, grades) };
}

export function mean(all: readonly Scores[]): Scores {
  const avg = (pick: (s: Scores) => number) => (all.length ? all.reduce((sum, s) => sum + pick(s), 0) / all.length : 0);
  return { mrr: avg((s) => s.mrr), success3: avg((s) => s.success3), p10: avg((s) => s.p10), ndcg10: avg((s) => s.ndcg10) };
}
