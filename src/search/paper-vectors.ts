/**
 * The papers' vectors in memory, one row per paper of the library (by its position), all from one
 * embedding model, with a flag per paper that has one (a paper whose vector is not computed yet,
 * or that the model cannot place, has none).
 *
 * Rows are kept as 8-bit codes with one scale each (code × scale ≈ the number), padded to a
 * multiple of 16: about a quarter of the memory of 32-bit floats (100 numbers: 117 bytes a paper,
 * 11 MB per 100,000). A query is rounded the same way. The rounding moves a cosine by well under
 * 0.01, far below the gaps that order search results (the evaluation set's figures are unchanged
 * by it), and makes every score an integer dot product times two scales.
 *
 * Nearest neighbours are found by scanning every row, exactly, with no index to build or keep in
 * step with new papers: 100,000 papers × 100 numbers is 10⁷ multiply-adds, about 1 ms with
 * WebAssembly SIMD (simd-scan.ts), about 10 ms in plain JavaScript where SIMD is missing; the best
 * ones go through a small heap.
 */
import { scanBuffer, type ScanBuffer } from './simd-scan.js';

export interface Scored {
  doc: number;
  score: number;
}

const CODE_MAX = 127;

export class PaperVectors {
  /** Row length in the buffer: `dimensions` rounded up to a multiple of 16. */
  readonly stride: number;
  /** `count × stride` codes, row-major, padded with zeros. */
  readonly codes: Int8Array;
  /** Per paper, what a code of 1 stands for. */
  readonly scales: Float32Array;
  /** 1 where the paper has a vector. */
  readonly present: Uint8Array;
  // The scan's memory: the codes, then the query's codes, then one int32 result per paper.
  private readonly memory: ScanBuffer;
  private readonly queryCodes: Int8Array;
  private readonly out: Int32Array;
  private lastQuery: { vector: Float32Array; scale: number } | undefined;

  private constructor(
    /** The embedding model's name (`EmbeddingProvider.model`). */
    readonly model: string,
    readonly dimensions: number,
    count: number,
    simd: boolean,
  ) {
    this.stride = Math.ceil(dimensions / 16) * 16;
    const codeBytes = count * this.stride;
    const outAt = codeBytes + this.stride;
    this.memory = scanBuffer(outAt + count * 4, simd);
    this.codes = new Int8Array(this.memory.buffer, 0, codeBytes);
    this.queryCodes = new Int8Array(this.memory.buffer, codeBytes, this.stride);
    this.out = new Int32Array(this.memory.buffer, outAt, count);
    this.scales = new Float32Array(count);
    this.present = new Uint8Array(count);
  }

  /** Vectors for `count` papers, none of them known yet. `simd: false` forces the plain scan (tests). */
  static empty(model: string, dimensions: number, count: number, options: { simd?: boolean } = {}): PaperVectors {
    return new PaperVectors(model, dimensions, count, options.simd ?? true);
  }

  /** From unit vectors as floats (`count × dimensions`, row-major) and which papers have one. */
  static fromFloats(model: string, dimensions: number, data: Float32Array, present: Uint8Array): PaperVectors {
    const v = PaperVectors.empty(model, dimensions, present.length);
    for (let d = 0; d < present.length; d++) if (present[d]) v.setRow(d, data, d * dimensions);
    return v;
  }

  /**
   * Vectors for `count` papers whose arrays `fill` writes in place (a cache read straight from its
   * file): the codes land in the scan's memory without passing through a copy.
   */
  static filled(model: string, dimensions: number, count: number, fill: (codes: Int8Array, scales: Float32Array, present: Uint8Array) => void): PaperVectors {
    const v = PaperVectors.empty(model, dimensions, count);
    fill(v.codes, v.scales, v.present);
    return v;
  }

  get count(): number {
    return this.present.length;
  }

  /** Whether nearest runs the WebAssembly SIMD scan. */
  get simd(): boolean {
    return this.memory.scan !== undefined;
  }

  /** How many papers have a vector. */
  get known(): number {
    let n = 0;
    for (let d = 0; d < this.present.length; d++) n += this.present[d]!;
    return n;
  }

  /** Bytes held. */
  get bytes(): number {
    return this.memory.buffer.byteLength + this.scales.byteLength + this.present.byteLength;
  }

  /** The paper's vector (as stored, after rounding), or undefined. */
  vector(doc: number): Float32Array | undefined {
    if (!(doc >= 0 && doc < this.count) || !this.present[doc]) return undefined;
    const scale = this.scales[doc]!;
    return Float32Array.from(this.codes.subarray(doc * this.stride, doc * this.stride + this.dimensions), (c) => c * scale);
  }

  /** Cosine of the paper's vector with `query` (both unit length, both rounded); 0 when the paper has none. */
  similarity(doc: number, query: Float32Array): number {
    if (!(doc >= 0 && doc < this.count) || !this.present[doc] || query.length !== this.dimensions) return 0;
    const scale = this.loadQuery(query);
    const { codes, queryCodes } = this;
    let sum = 0;
    for (let j = 0, at = doc * this.stride; j < this.dimensions; j++) sum += codes[at + j]! * queryCodes[j]!;
    return sum * scale * this.scales[doc]!;
  }

  /**
   * The `limit` papers closest to `query`, best first (ties: lower position first), among those
   * `allowed` when given, leaving out `skip`.
   */
  nearest(query: Float32Array, limit: number, allowed?: (doc: number) => boolean, skip = -1): Scored[] {
    if (query.length !== this.dimensions || limit <= 0) return [];
    const queryScale = this.loadQuery(query);
    const { codes, scales, present, queryCodes, out, stride } = this;
    const n = this.count;
    if (this.memory.scan) {
      this.memory.scan(0, n, stride, codes.length, out.byteOffset);
    } else {
      for (let d = 0; d < n; d++) {
        let s0 = 0;
        let s1 = 0;
        for (let j = 0, at = d * stride; j < stride; j += 2) {
          s0 += codes[at + j]! * queryCodes[j]!;
          s1 += codes[at + j + 1]! * queryCodes[j + 1]!;
        }
        out[d] = s0 + s1;
      }
    }
    const heap = new TopHeap(limit);
    for (let d = 0; d < n; d++) {
      if (!present[d] || d === skip) continue;
      const score = out[d]! * queryScale * scales[d]!;
      if (heap.admits(score, d) && (!allowed || allowed(d))) heap.push(score, d);
    }
    return heap.sorted();
  }

  /**
   * A copy for `count` papers (the first `this.count` keep their rows, the rest start without
   * one), with the rows in `rows` set (a doc → unit vector map; wrong-sized vectors are left out).
   */
  with(count: number, rows: ReadonlyMap<number, Float32Array | undefined> = new Map()): PaperVectors {
    // Nothing changes: the same rows serve (a million papers' vectors are not copied for nothing).
    if (count === this.count && rows.size === 0) return this;
    const next = PaperVectors.empty(this.model, this.dimensions, count, { simd: this.simd });
    const keep = Math.min(count, this.count);
    next.codes.set(this.codes.subarray(0, keep * this.stride));
    next.scales.set(this.scales.subarray(0, keep));
    next.present.set(this.present.subarray(0, keep));
    for (const [doc, vector] of rows) {
      if (!(doc >= 0 && doc < count)) continue;
      if (vector && vector.length === this.dimensions) next.setRow(doc, vector, 0);
      else next.clearRow(doc);
    }
    return next;
  }

  /** Rounds the query into its codes (once per query vector); returns its scale. */
  private loadQuery(query: Float32Array): number {
    if (this.lastQuery?.vector === query) return this.lastQuery.scale;
    const scale = quantise(query, 0, this.dimensions, this.queryCodes, 0);
    this.lastQuery = { vector: query, scale };
    return scale;
  }

  private setRow(doc: number, source: ArrayLike<number>, from: number): void {
    const scale = quantise(source, from, this.dimensions, this.codes, doc * this.stride);
    if (scale === 0) return this.clearRow(doc);
    this.scales[doc] = scale;
    this.present[doc] = 1;
  }

  private clearRow(doc: number): void {
    this.codes.fill(0, doc * this.stride, (doc + 1) * this.stride);
    this.scales[doc] = 0;
    this.present[doc] = 0;
  }
}

/** Writes `source[from .. from+k)` as codes at `to[at ..]`; returns the scale (0 for a zero or broken vector, codes zeroed). */
function quantise(source: ArrayLike<number>, from: number, k: number, to: Int8Array, at: number): number {
  let max = 0;
  for (let j = 0; j < k; j++) max = Math.max(max, Math.abs(source[from + j]!));
  if (!(max > 0) || !Number.isFinite(max)) {
    to.fill(0, at, at + k);
    return 0;
  }
  const scale = max / CODE_MAX;
  for (let j = 0; j < k; j++) to[at + j] = Math.round(source[from + j]! / scale);
  return scale;
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
