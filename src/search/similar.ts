/**
 * More-like-this: TF-IDF vectors over stemmed title + abstract, compared by cosine.
 * Vectors are built once, lazily (the first `similar` or digest call pays for it).
 * Lookups go through an inverted index from term to postings, so a query only touches
 * documents that share one of its strongest terms instead of scanning the whole corpus.
 */
import type { Paper } from '../corpus/paper.js';
import { stems } from './text.js';

/** Sparse, L2-normalised vector: term ids ascending, with weights. */
export interface SparseVector {
  terms: Int32Array;
  weights: Float32Array;
}

/** Titles say what a paper is about more densely than abstracts do. */
const TITLE_WEIGHT = 2;
/** Only the strongest terms of the query paper are looked up (classic more-like-this). */
const QUERY_TERMS = 30;

export class TfIdf {
  private readonly vectors: SparseVector[] = [];
  private readonly postings: { doc: number; weight: number }[][] = [];

  constructor(papers: readonly Paper[]) {
    const ids = new Map<string, number>();
    const counts = papers.map((p) => {
      const tf = new Map<number, number>();
      const add = (s: string, w: number) => {
        let id = ids.get(s);
        if (id === undefined) ids.set(s, (id = ids.size));
        tf.set(id, (tf.get(id) ?? 0) + w);
      };
      for (const s of stems(p.title)) add(s, TITLE_WEIGHT);
      for (const s of stems(p.abstract)) add(s, 1);
      return tf;
    });
    const df = new Float64Array(ids.size);
    for (const tf of counts) for (const id of tf.keys()) df[id] = (df[id] ?? 0) + 1;
    const n = papers.length;
    counts.forEach((tf, doc) => {
      const entries = [...tf]
        .map(([id, c]) => [id, (1 + Math.log(c)) * Math.log((1 + n) / (1 + (df[id] ?? 0)))] as const)
        .filter(([, w]) => w > 0)
        .sort((a, b) => a[0] - b[0]);
      const norm = Math.hypot(...entries.map(([, w]) => w)) || 1;
      const vector = {
        terms: Int32Array.from(entries.map(([id]) => id)),
        weights: Float32Array.from(entries.map(([, w]) => w / norm)),
      };
      this.vectors.push(vector);
      for (const [id, w] of entries) (this.postings[id] ??= []).push({ doc, weight: w / norm });
    });
  }

  vector(doc: number): SparseVector | undefined {
    return this.vectors[doc];
  }

  /** Cosine of two documents (vectors are normalised, so a sparse dot product). */
  cosine(a: number, b: number): number {
    const va = this.vectors[a];
    const vb = this.vectors[b];
    return va && vb ? dot(va, vb) : 0;
  }

  /** Documents most similar to `doc`, best first, excluding itself. */
  nearest(doc: number, limit: number): { doc: number; score: number }[] {
    const v = this.vectors[doc];
    if (!v) return [];
    const strongest = [...v.terms.keys()].sort((i, j) => (v.weights[j] ?? 0) - (v.weights[i] ?? 0)).slice(0, QUERY_TERMS);
    const scores = new Map<number, number>();
    for (const i of strongest) {
      const qw = v.weights[i] ?? 0;
      for (const { doc: other, weight } of this.postings[v.terms[i] ?? -1] ?? []) {
        if (other !== doc) scores.set(other, (scores.get(other) ?? 0) + qw * weight);
      }
    }
    return [...scores]
      .map(([d, score]) => ({ doc: d, score }))
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);
  }
}

export function dot(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.terms.length && j < b.terms.length) {
    const ta = a.terms[i] ?? 0;
    const tb = b.terms[j] ?? 0;
    if (ta === tb) sum += (a.weights[i++] ?? 0) * (b.weights[j++] ?? 0);
    else if (ta < tb) i++;
    else j++;
  }
  return sum;
}
