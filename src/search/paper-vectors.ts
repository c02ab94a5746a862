/**
 * The papers' vectors in memory, one row per paper of the library (by its position), all from one
 * embedding model: a flat Float32Array of `count × dimensions`, with a flag per paper that has one
 * (a paper whose vector is not computed yet, or that the model cannot place, has none).
 *
 * Nearest neighbours are found by scanning every row: 100,000 papers × 100 numbers is 10⁷
 * multiply-adds, a few milliseconds, with no index to build or keep in step with new papers.
 */
import { topKByValue } from './top-k.js';

export interface Scored {
  doc: number;
  score: number;
}

export class PaperVectors {
  private scratch: { scores: Float64Array; docs: Int32Array } | undefined;

  constructor(
    /** The embedding model's name (`EmbeddingProvider.model`). */
    readonly model: string,
    readonly dimensions: number,
    /** `count × dimensions`, row-major, unit rows. */
    readonly data: Float32Array,
    /** 1 where the paper has a vector. */
    readonly present: Uint8Array,
  ) {
    if (data.length !== present.length * dimensions) throw new Error('PaperVectors: data and present disagree on the number of papers');
  }

  /** Vectors for `count` papers, none of them known yet. */
  static empty(model: string, dimensions: number, count: number): PaperVectors {
    return new PaperVectors(model, dimensions, new Float32Array(count * dimensions), new Uint8Array(count));
  }

  get count(): number {
    return this.present.length;
  }

  /** How many papers have a vector. */
  get known(): number {
    let n = 0;
    for (let d = 0; d < this.present.length; d++) n += this.present[d]!;
    return n;
  }

  /** The paper's vector (a view, not a copy), or undefined. */
  vector(doc: number): Float32Array | undefined {
    if (!(doc >= 0 && doc < this.count) || !this.present[doc]) return undefined;
    return this.data.subarray(doc * this.dimensions, (doc + 1) * this.dimensions);
  }

  /** Cosine of the paper's vector with `query` (both unit length); 0 when the paper has none. */
  similarity(doc: number, query: Float32Array): number {
    if (!this.present[doc]) return 0;
    return dot(this.data, doc * this.dimensions, query, this.dimensions);
  }

  /**
   * The `limit` papers closest to `query`, best first, among those `allowed` (1) when given,
   * leaving out `skip`.
   */
  nearest(query: Float32Array, limit: number, allowed?: Uint8Array, skip = -1): Scored[] {
    if (query.length !== this.dimensions) return [];
    const n = this.count;
    // Scratch reused across searches (one at a time: search is synchronous).
    this.scratch ??= { scores: new Float64Array(n), docs: new Int32Array(n) };
    const { scores, docs } = this.scratch;
    let m = 0;
    const { data, present, dimensions: k } = this;
    for (let d = 0; d < n; d++) {
      if (!present[d] || d === skip || (allowed && !allowed[d])) continue;
      docs[m] = d;
      scores[m++] = dot(data, d * k, query, k);
    }
    return topKByValue(scores, m, limit, (i) => docs[i]!).map((i) => ({ doc: docs[i]!, score: scores[i]! }));
  }

  /**
   * A copy for `count` papers (the first `this.count` keep their rows, the rest start without
   * one), with the rows in `rows` set (a doc → unit vector map; wrong-sized vectors are left out).
   */
  with(count: number, rows: ReadonlyMap<number, Float32Array | undefined> = new Map()): PaperVectors {
    const k = this.dimensions;
    const data = new Float32Array(count * k);
    const present = new Uint8Array(count);
    const keep = Math.min(count, this.count);
    data.set(this.data.subarray(0, keep * k));
    present.set(this.present.subarray(0, keep));
    for (const [doc, vector] of rows) {
      if (!(doc >= 0 && doc < count)) continue;
      if (vector && vector.length === k) {
        data.set(vector, doc * k);
        present[doc] = 1;
      } else {
        data.fill(0, doc * k, (doc + 1) * k);
        present[doc] = 0;
      }
    }
    return new PaperVectors(this.model, k, data, present);
  }
}

/** Dot product of `a[from .. from+k)` and `b`, four lanes at a time. */
function dot(a: Float32Array, from: number, b: Float32Array, k: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let j = 0;
  for (; j + 3 < k; j += 4) {
    s0 += a[from + j]! * b[j]!;
    s1 += a[from + j + 1]! * b[j + 1]!;
    s2 += a[from + j + 2]! * b[j + 2]!;
    s3 += a[from + j + 3]! * b[j + 3]!;
  }
  for (; j < k; j++) s0 += a[from + j]! * b[j]!;
  return s0 + s1 + s2 + s3;
}
