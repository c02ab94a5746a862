/**
 * More-like-this: TF-IDF vectors over stemmed title + abstract, compared by cosine.
 * Vectors are built once, lazily (the first `similar` or digest call pays for it), from the
 * term frequencies the inverted index already holds: no second pass over the text.
 * Lookups go through an inverted index from term to postings, so a query only touches
 * documents that share one of its strongest terms instead of scanning the whole corpus. Those
 * candidates are then ranked by their full cosine: scored on the strongest terms alone, one rare
 * shared title word outranked whole shared topics ("Diffusion Models Beat GANs" found
 * "N-BEATS", a time-series paper, through "beat").
 * Both directions are stored as CSR typed arrays (8 bytes per entry) to stay small at scale.
 */
import type { SearchHit } from '../core/library.js';
import type { Paper } from '../corpus/paper.js';
import { buildIndex, type IndexData } from './postings.js';
import { topKByValue } from './top-k.js';

/** Sparse, L2-normalised vector: term ids ascending, with weights. */
interface SparseVector {
  terms: Int32Array;
  weights: Float32Array;
}

/** Titles say what a paper is about more densely than abstracts do. */
const TITLE_WEIGHT = 2;
/**
 * Words fewer papers than this share weigh as if this many did: a word only two papers have is
 * as often a homonym or a name ("N-BEATS" and "beat") as a shared topic.
 */
const RARE_DF = 5;
/** Only the strongest terms of the query paper are looked up (classic more-like-this). */
const QUERY_TERMS = 30;
/** Candidates (best on those terms) re-ranked by full cosine, per paper asked for; at least MIN_RERANK. */
const RERANK_FACTOR = 20;
const MIN_RERANK = 200;
const TITLE = 0;
const ABSTRACT = 1;

export class TfIdf {
  private readonly docOffsets: Uint32Array;
  private readonly docTerms: Int32Array;
  private readonly docWeights: Float32Array;
  private readonly termOffsets: Uint32Array;
  private readonly termDocs: Int32Array;
  private readonly termWeights: Float32Array;
  private scratch: { scores: Float64Array; touched: Int32Array } | undefined;

  /** From papers (tokenised here) or from an index built over the same papers. */
  constructor(source: readonly Paper[] | IndexData) {
    const index = 'docCount' in source ? source : buildIndex(source);
    const n = index.docCount;
    const terms = index.terms.length;
    const idf = Float64Array.from(index.stemDf, (df) => Math.log((1 + n) / (1 + Math.max(df, RARE_DF))));
    const title = index.fields[TITLE]!;
    const abstract = index.fields[ABSTRACT]!;

    // Visits (doc, weighted count) of term t in doc order, merging title and abstract postings.
    const eachPosting = (t: number, visit: (doc: number, count: number) => void) => {
      let i = title.offsets[t]!;
      let j = abstract.offsets[t]!;
      const iEnd = title.offsets[t + 1]!;
      const jEnd = abstract.offsets[t + 1]!;
      while (i < iEnd || j < jEnd) {
        const a = i < iEnd ? title.docs[i]! : Infinity;
        const b = j < jEnd ? abstract.docs[j]! : Infinity;
        if (a === b) visit(a, TITLE_WEIGHT * title.tfs[i++]! + abstract.tfs[j++]!);
        else if (a < b) visit(a, TITLE_WEIGHT * title.tfs[i++]!);
        else visit(b, abstract.tfs[j++]!);
      }
    };

    this.docOffsets = new Uint32Array(n + 1);
    for (let t = 0; t < terms; t++) if (idf[t]! > 0) eachPosting(t, (doc) => this.docOffsets[doc + 1]!++);
    for (let d = 0; d < n; d++) this.docOffsets[d + 1]! += this.docOffsets[d]!;
    const total = this.docOffsets[n]!;
    this.docTerms = new Int32Array(total);
    this.docWeights = new Float32Array(total);
    const cursor = this.docOffsets.slice(0, n);
    const sumSquares = new Float64Array(n);
    // Terms in ascending order, so each document's entries come out sorted by term id.
    for (let t = 0; t < terms; t++) {
      if (!(idf[t]! > 0)) continue;
      eachPosting(t, (doc, count) => {
        const w = (1 + Math.log(count)) * idf[t]!;
        const at = cursor[doc]!++;
        this.docTerms[at] = t;
        this.docWeights[at] = w;
        sumSquares[doc]! += w * w;
      });
    }
    for (let d = 0; d < n; d++) {
      const norm = Math.sqrt(sumSquares[d]!) || 1;
      for (let p = this.docOffsets[d]!; p < this.docOffsets[d + 1]!; p++) this.docWeights[p]! /= norm;
    }

    this.termOffsets = new Uint32Array(terms + 1);
    for (let p = 0; p < total; p++) this.termOffsets[this.docTerms[p]! + 1]!++;
    for (let t = 0; t < terms; t++) this.termOffsets[t + 1]! += this.termOffsets[t]!;
    this.termDocs = new Int32Array(total);
    this.termWeights = new Float32Array(total);
    const termCursor = this.termOffsets.slice(0, terms);
    for (let d = 0; d < n; d++) {
      for (let p = this.docOffsets[d]!; p < this.docOffsets[d + 1]!; p++) {
        const at = termCursor[this.docTerms[p]!]!++;
        this.termDocs[at] = d;
        this.termWeights[at] = this.docWeights[p]!;
      }
    }
  }

  private vector(doc: number): SparseVector | undefined {
    if (!(doc >= 0 && doc < this.docOffsets.length - 1)) return undefined;
    const start = this.docOffsets[doc]!;
    const end = this.docOffsets[doc + 1]!;
    return { terms: this.docTerms.subarray(start, end), weights: this.docWeights.subarray(start, end) };
  }

  /** Cosine of two documents (vectors are normalised, so a sparse dot product). */
  cosine(a: number, b: number): number {
    const n = this.docOffsets.length - 1;
    if (!(a >= 0 && a < n && b >= 0 && b < n)) return 0;
    // The dot product over the CSR ranges directly: digests call this thousands of times.
    const { docOffsets: offsets, docTerms: terms, docWeights: weights } = this;
    let i = offsets[a]!;
    let j = offsets[b]!;
    const iEnd = offsets[a + 1]!;
    const jEnd = offsets[b + 1]!;
    let sum = 0;
    while (i < iEnd && j < jEnd) {
      const ta = terms[i]!;
      const tb = terms[j]!;
      if (ta === tb) sum += weights[i++]! * weights[j++]!;
      else if (ta < tb) i++;
      else j++;
    }
    return sum;
  }

  /** Documents most similar to `doc`, best first, excluding itself. */
  nearest(doc: number, limit: number): { doc: number; score: number }[] {
    const v = this.vector(doc);
    if (!v) return [];
    const strongest = [...v.terms.keys()].sort((i, j) => (v.weights[j] ?? 0) - (v.weights[i] ?? 0)).slice(0, QUERY_TERMS);
    // Accumulate into a dense array (reset through `touched`): a Map per call is slow at 100k papers.
    const n = this.docOffsets.length - 1;
    this.scratch ??= { scores: new Float64Array(n), touched: new Int32Array(n) };
    const { scores, touched } = this.scratch;
    let count = 0;
    for (const i of strongest) {
      const qw = v.weights[i] ?? 0;
      const t = v.terms[i]!;
      for (let p = this.termOffsets[t]!; p < this.termOffsets[t + 1]!; p++) {
        const other = this.termDocs[p]!;
        if (other === doc) continue;
        if (scores[other] === 0) touched[count++] = other;
        scores[other]! += qw * this.termWeights[p]! || Number.MIN_VALUE;
      }
    }
    const docs = touched.slice(0, count);
    const partial = Float64Array.from(docs, (d) => scores[d]!);
    for (const d of docs) scores[d] = 0;
    const candidates = topKByValue(partial, count, Math.max(limit * RERANK_FACTOR, MIN_RERANK), (i) => docs[i]!).map((i) => docs[i]!);
    const full = Float64Array.from(candidates, (d) => this.cosine(doc, d));
    return topKByValue(full, candidates.length, limit, (i) => candidates[i]!).map((i) => ({ doc: candidates[i]!, score: full[i]! }));
  }
}

/** Papers most like `papers[doc]`, best first; none for an unknown paper, without building the vectors. */
export function similarPapers(papers: readonly Paper[], vectors: () => TfIdf, doc: number | undefined, limit: number): SearchHit[] {
  if (doc === undefined) return [];
  return vectors()
    .nearest(doc, limit)
    .map(({ doc: d, score }) => ({ paper: papers[d] as Paper, score }));
}
