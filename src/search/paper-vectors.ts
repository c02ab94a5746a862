/**
 * The papers' vectors in memory, one row per paper of the library (by its position), all from one
 * embedding model, with a flag per paper that has one (a paper whose vector is not computed yet,
 * or that the model cannot place, has none).
 *
 * Rows are kept as 8-bit codes with one scale each (code × scale ≈ the number): a quarter of the
 * memory of 32-bit floats (100 numbers: 104 bytes a paper, 10 MB per 100,000) and a faster scan.
 * The rounding moves a cosine by less than 0.01, far below the gaps that order search results
 * (the evaluation set's figures are unchanged by it).
 *
 * Nearest neighbours are found by scanning every row, keeping the best in a small heap: 100,000
 * papers × 100 numbers is 10⁷ multiply-adds, about 10 ms, with no index to build or keep in step
 * with new papers, and exact.
 */

export interface Scored {
  doc: number;
  score: number;
}

const CODE_MAX = 127;

export class PaperVectors {
  private constructor(
    /** The embedding model's name (`EmbeddingProvider.model`). */
    readonly model: string,
    readonly dimensions: number,
    /** `count × dimensions`, row-major. */
    readonly codes: Int8Array,
    /** Per paper, what a code of 1 stands for. */
    readonly scales: Float32Array,
    /** 1 where the paper has a vector. */
    readonly present: Uint8Array,
  ) {
    if (codes.length !== present.length * dimensions || scales.length !== present.length) throw new Error('PaperVectors: the arrays disagree on the number of papers');
  }

  /** Vectors for `count` papers, none of them known yet. */
  static empty(model: string, dimensions: number, count: number): PaperVectors {
    return new PaperVectors(model, dimensions, new Int8Array(count * dimensions), new Float32Array(count), new Uint8Array(count));
  }

  /** From unit vectors as floats (`count × dimensions`, row-major) and which papers have one. */
  static fromFloats(model: string, dimensions: number, data: Float32Array, present: Uint8Array): PaperVectors {
    const v = PaperVectors.empty(model, dimensions, present.length);
    for (let d = 0; d < present.length; d++) if (present[d]) v.setRow(d, data, d * dimensions);
    return v;
  }

  /** From the arrays `codes`, `scales` and `present` give (a cache written earlier). */
  static fromCodes(model: string, dimensions: number, codes: Int8Array, scales: Float32Array, present: Uint8Array): PaperVectors {
    return new PaperVectors(model, dimensions, codes, scales, present);
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

  /** Bytes held. */
  get bytes(): number {
    return this.codes.byteLength + this.scales.byteLength + this.present.byteLength;
  }

  /** The paper's vector (as stored, after rounding), or undefined. */
  vector(doc: number): Float32Array | undefined {
    if (!(doc >= 0 && doc < this.count) || !this.present[doc]) return undefined;
    const k = this.dimensions;
    const scale = this.scales[doc]!;
    return Float32Array.from(this.codes.subarray(doc * k, (doc + 1) * k), (c) => c * scale);
  }

  /** Cosine of the paper's vector with `query` (both unit length); 0 when the paper has none. */
  similarity(doc: number, query: Float32Array): number {
    if (!this.present[doc] || query.length !== this.dimensions) return 0;
    return dot(this.codes, doc * this.dimensions, query, this.dimensions) * this.scales[doc]!;
  }

  /**
   * The `limit` papers closest to `query`, best first (ties: lower position first), among those
   * `allowed` when given, leaving out `skip`.
   */
  nearest(query: Float32Array, limit: number, allowed?: (doc: number) => boolean, skip = -1): Scored[] {
    if (query.length !== this.dimensions || limit <= 0) return [];
    const { codes, scales, present, dimensions: k } = this;
    const q = Float64Array.from(query);
    const heap = new TopHeap(limit);
    for (let d = 0; d < present.length; d++) {
      if (!present[d] || d === skip) continue;
      const score = dot(codes, d * k, q, k) * scales[d]!;
      if (heap.admits(score, d) && (!allowed || allowed(d))) heap.push(score, d);
    }
    return heap.sorted();
  }

  /**
   * A copy for `count` papers (the first `this.count` keep their rows, the rest start without
   * one), with the rows in `rows` set (a doc → unit vector map; wrong-sized vectors are left out).
   */
  with(count: number, rows: ReadonlyMap<number, Float32Array | undefined> = new Map()): PaperVectors {
    const k = this.dimensions;
    const next = PaperVectors.empty(this.model, k, count);
    const keep = Math.min(count, this.count);
    next.codes.set(this.codes.subarray(0, keep * k));
    next.scales.set(this.scales.subarray(0, keep));
    next.present.set(this.present.subarray(0, keep));
    for (const [doc, vector] of rows) {
      if (!(doc >= 0 && doc < count)) continue;
      if (vector && vector.length === k) next.setRow(doc, vector, 0);
      else next.clearRow(doc);
    }
    return next;
  }

  private setRow(doc: number, source: ArrayLike<number>, from: number): void {
    const k = this.dimensions;
    let max = 0;
    for (let j = 0; j < k; j++) max = Math.max(max, Math.abs(source[from + j]!));
    if (!(max > 0) || !Number.isFinite(max)) return this.clearRow(doc);
    const scale = max / CODE_MAX;
    for (let j = 0; j < k; j++) this.codes[doc * k + j] = Math.round(source[from + j]! / scale);
    this.scales[doc] = scale;
    this.present[doc] = 1;
  }

  private clearRow(doc: number): void {
    const k = this.dimensions;
    this.codes.fill(0, doc * k, (doc + 1) * k);
    this.scales[doc] = 0;
    this.present[doc] = 0;
  }
}

/** Dot product of `codes[at .. at+k)` and `q`, four lanes at a time. */
function dot(codes: Int8Array, at: number, q: ArrayLike<number>, k: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let j = 0;
  for (; j + 3 < k; j += 4) {
    s0 += codes[at + j]! * q[j]!;
    s1 += codes[at + j + 1]! * q[j + 1]!;
    s2 += codes[at + j + 2]! * q[j + 2]!;
    s3 += codes[at + j + 3]! * q[j + 3]!;
  }
  for (; j < k; j++) s0 += codes[at + j]! * q[j]!;
  return s0 + s1 + s2 + s3;
}

/** The best `limit` (score, doc) pairs seen, in a min-heap: the root is the worst kept. */
class TopHeap {
  private readonly scores: Float64Array;
  private readonly docs: Int32Array;
  private size = 0;

  constructor(private readonly limit: number) {
    this.scores = new Float64Array(limit);
    this.docs = new Int32Array(limit);
  }

  /** Whether a pair would be kept (a higher score, or an equal one at a lower position, than the worst kept). */
  admits(score: number, doc: number): boolean {
    return this.size < this.limit || worse(this.scores[0]!, this.docs[0]!, score, doc);
  }

  push(score: number, doc: number): void {
    const { scores, docs } = this;
    let i: number;
    if (this.size < this.limit) {
      i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!worse(score, doc, scores[parent]!, docs[parent]!)) break;
        scores[i] = scores[parent]!;
        docs[i] = docs[parent]!;
        i = parent;
      }
    } else {
      i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= this.size) break;
        const r = l + 1;
        const c = r < this.size && worse(scores[r]!, docs[r]!, scores[l]!, docs[l]!) ? r : l;
        if (!worse(scores[c]!, docs[c]!, score, doc)) break;
        scores[i] = scores[c]!;
        docs[i] = docs[c]!;
        i = c;
      }
    }
    scores[i] = score;
    docs[i] = doc;
  }

  sorted(): Scored[] {
    const out: Scored[] = [];
    for (let i = 0; i < this.size; i++) out.push({ doc: this.docs[i]!, score: this.scores[i]! });
    return out.sort((a, b) => b.score - a.score || a.doc - b.doc);
  }
}

/** (a) ranks below (b): a lower score, or the same score at a higher position. */
function worse(aScore: number, aDoc: number, bScore: number, bDoc: number): boolean {
  return aScore < bScore || (aScore === bScore && aDoc > bDoc);
}
