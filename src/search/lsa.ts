/**
 * Latent semantic analysis: a semantic model learnt from the corpus itself, so paperbot needs no
 * download to match "dataset condensation" with "dataset distillation". Papers are TF-IDF rows
 * (the weighting of similar.ts: titles count double, log term frequency); a truncated SVD of
 * that matrix keeps its strongest `dimensions` directions, where words used in the same papers
 * fall close together. A paper is then the sum of its words' directions weighted by TF-IDF
 * ("fold-in"), a query the sum of its words' directions at unit length, each normalised; two
 * texts are as similar as the cosine of their vectors.
 *
 * The SVD is randomised (Halko, Martinsson & Tropp 2011): the matrix times a seeded Gaussian
 * block, a few power iterations, then an exact SVD of the small projected matrix through the
 * eigendecomposition of its Gram matrix. Cost grows with the training papers × dimensions, so
 * a large corpus trains on an evenly spaced sample of `maxTrainingPapers` and every paper is
 * folded in afterwards (one pass over the index's postings). Deterministic: the same papers and
 * options give the same model, bit for bit.
 */
import { gaussianMatrix, multiply, multiplyTransposed, orthonormalColumns, symmetricEigen } from './linalg.js';
import type { IndexData } from './postings.js';
import { joinedCompounds, normalize, processNormalized, tokenize } from './text.js';

export interface LsaOptions {
  /** Directions kept (the vectors' length). */
  dimensions: number;
  /** Extra random directions sampled beyond `dimensions`, for accuracy. */
  oversampling: number;
  powerIterations: number;
  /** Larger corpora train on an evenly spaced sample of this many papers. */
  maxTrainingPapers: number;
  /** Words in fewer papers than this are left out of the model (they co-occur with too little to place). */
  minDf: number;
  /** At most this many words, the most widespread first. */
  maxTerms: number;
  /** Paper coordinates are U·Σ^exponent: 1 is classic LSA, 0 weighs every direction alike. */
  exponent: number;
  seed: number;
}

export const LSA_DEFAULTS: LsaOptions = {
  dimensions: 100,
  oversampling: 10,
  powerIterations: 2,
  maxTrainingPapers: 8000,
  minDf: 2,
  maxTerms: 40_000,
  exponent: 1,
  seed: 1,
};

export interface LsaModel {
  readonly dimensions: number;
  /** The model's words (stems), by model word id. */
  readonly terms: readonly string[];
  readonly idf: Float32Array;
  /** `terms × dimensions`, row-major: each word's direction. */
  readonly basis: Float32Array;
  readonly singularValues: Float32Array;
  /** Papers in the corpus it was learnt from, and how many of them it was trained on. */
  readonly corpusSize: number;
  readonly trainedOn: number;
}

/** Titles say what a paper is about more densely than abstracts (as in similar.ts). */
const TITLE_WEIGHT = 2;
const TITLE = 0;
const ABSTRACT = 1;

/** Visits (doc, title-weighted count) of index term `t`, in doc order. */
function eachPosting(index: IndexData, t: number, visit: (doc: number, count: number) => void): void {
  const title = index.fields[TITLE]!;
  const abstract = index.fields[ABSTRACT]!;
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
}

const termWeight = (count: number, idf: number) => (1 + Math.log(count)) * idf;

/** Learns a model from the papers of an index (title and abstract postings). */
export function trainLsa(index: IndexData, options: Partial<LsaOptions> = {}): LsaModel {
  const o = { ...LSA_DEFAULTS, ...options };
  const n = index.docCount;
  // The vocabulary: widespread enough words, the most widespread first when there are too many.
  let vocabulary = [...index.stemDf.keys()].filter((t) => index.stemDf[t]! >= o.minDf);
  if (vocabulary.length > o.maxTerms) vocabulary = vocabulary.sort((a, b) => index.stemDf[b]! - index.stemDf[a]! || a - b).slice(0, o.maxTerms).sort((a, b) => a - b);
  const terms = vocabulary.length;
  const idf = Float32Array.from(vocabulary, (t) => Math.log((1 + n) / (1 + index.stemDf[t]!)));

  // Training rows: all papers, or an evenly spaced sample.
  const step = Math.max(1, n / o.maxTrainingPapers);
  const rowOf = new Int32Array(n).fill(-1);
  let rows = 0;
  for (let x = 0; Math.floor(x) < n; x += step) rowOf[Math.floor(x)] = rows++;

  // The training matrix, word-major (each word's rows and weights), rows L2-normalised.
  const offsets = new Uint32Array(terms + 1);
  const entries: { row: number[]; weight: number[] } = { row: [], weight: [] };
  const sumSquares = new Float64Array(rows);
  vocabulary.forEach((t, m) => {
    eachPosting(index, t, (doc, count) => {
      const row = rowOf[doc]!;
      if (row < 0) return;
      const w = termWeight(count, idf[m]!);
      entries.row.push(row);
      entries.weight.push(w);
      sumSquares[row]! += w * w;
    });
    offsets[m + 1] = entries.row.length;
  });
  const rowIds = Int32Array.from(entries.row);
  const weights = Float64Array.from(entries.weight, (w, p) => w / Math.sqrt(sumSquares[rowIds[p]!]!));

  const width = Math.min(o.dimensions + o.oversampling, rows, terms);
  if (width === 0) return { dimensions: 0, terms: [], idf: new Float32Array(0), basis: new Float32Array(0), singularValues: new Float32Array(0), corpusSize: n, trainedOn: rows };

  // A·X (rows × cols) and Aᵀ·Y (terms × cols), walking the word-major entries.
  const times = (x: Float64Array, cols: number): Float64Array => {
    const out = new Float64Array(rows * cols);
    for (let m = 0; m < terms; m++) {
      const xm = m * cols;
      for (let p = offsets[m]!; p < offsets[m + 1]!; p++) {
        const w = weights[p]!;
        const r = rowIds[p]! * cols;
        for (let j = 0; j < cols; j++) out[r + j]! += w * x[xm + j]!;
      }
    }
    return out;
  };
  const transposeTimes = (y: Float64Array, cols: number): Float64Array => {
    const out = new Float64Array(terms * cols);
    for (let m = 0; m < terms; m++) {
      const zm = m * cols;
      for (let p = offsets[m]!; p < offsets[m + 1]!; p++) {
        const w = weights[p]!;
        const r = rowIds[p]! * cols;
        for (let j = 0; j < cols; j++) out[zm + j]! += w * y[r + j]!;
      }
    }
    return out;
  };

  // Subspace iteration on the row side only (rows ≪ words): every step costs a pass over the
  // entries and a small Gram matrix, never a dense words × width product.
  const ata = (q: Float64Array, cols: number) => times(transposeTimes(q, cols), cols);
  let cols = width;
  let y = times(gaussianMatrix(terms, cols, o.seed), cols);
  for (let i = 0; i < o.powerIterations; i++) {
    const q = orthonormalColumns(y, rows, cols);
    cols = q.cols;
    y = ata(q.q, cols);
  }
  const q = orthonormalColumns(y, rows, cols);
  cols = q.cols;
  // With B = QᵀA: BBᵀ = Qᵀ(AAᵀQ), small (width × width); its eigenvectors W and values σ² give
  // the SVD B = W·Σ·Vᵀ, and A ≈ (QW)·Σ·Vᵀ.
  const small = multiplyTransposed(q.q, ata(q.q, cols), rows, cols);
  for (let i = 0; i < cols; i++) for (let j = 0; j < i; j++) small[i * cols + j] = small[j * cols + i] = (small[i * cols + j]! + small[j * cols + i]!) / 2;
  const { values, vectors } = symmetricEigen(small, cols);
  let k = 0;
  while (k < Math.min(o.dimensions, cols) && values[k]! > (values[0] ?? 0) * 1e-12 && values[k]! > 0) k++;
  // Word directions V·Σ^(exponent-1) = Aᵀ·Q·W·Σ^(exponent-2), so that a training row folds in to U·Σ^exponent.
  const w = new Float64Array(cols * k);
  for (let i = 0; i < cols; i++) for (let j = 0; j < k; j++) w[i * k + j] = vectors[i * cols + j]! * Math.sqrt(values[j]!) ** (o.exponent - 2);
  const basis = Float32Array.from(transposeTimes(multiply(q.q, rows, cols, w, k), k));
  return {
    dimensions: k,
    terms: vocabulary.map((t) => index.terms[t]!),
    idf,
    basis,
    singularValues: Float32Array.from(values.subarray(0, k), Math.sqrt),
    corpusSize: n,
    trainedOn: rows,
  };
}

/** Adds `weight` × word `m`'s direction to `out` at `at`. */
function addDirection(model: LsaModel, m: number, weight: number, out: Float32Array, at: number): void {
  const k = model.dimensions;
  const base = m * k;
  for (let j = 0; j < k; j++) out[at + j]! += weight * model.basis[base + j]!;
}

/** Scales `out[at .. at+k)` to unit length; false when it is all zeros (no known word). */
export function normaliseRow(out: Float32Array, at: number, k: number): boolean {
  let sum = 0;
  for (let j = 0; j < k; j++) sum += out[at + j]! ** 2;
  if (sum === 0) return false;
  const inv = 1 / Math.sqrt(sum);
  for (let j = 0; j < k; j++) out[at + j]! *= inv;
  return true;
}

/** Papers per block of embedIndex: 4,096 rows of 100 floats, 1.6 MB. */
const FOLD_BLOCK = 4096;

/**
 * Folds every paper of an index into the model: `docCount × dimensions` unit vectors, row-major,
 * and which papers got one (a paper with no word of the model gets none).
 *
 * Word at a time, one block of papers after another: each posting adds its word's direction to
 * its paper's row, and a block's rows (FOLD_BLOCK × dimensions floats) stay in the processor's
 * cache while every word adds to them. Over all the papers at once, each posting fetched a row
 * from memory: at a million papers, 400 MB of rows read and written some 80 million times, half
 * a minute of a first start. A paper still gets its words' additions in the index's order, so the
 * vectors are exactly those of one pass.
 */
export function embedIndex(model: LsaModel, index: IndexData, block = FOLD_BLOCK): { vectors: Float32Array; present: Uint8Array } {
  const k = model.dimensions;
  const { basis, idf } = model;
  const n = index.docCount;
  const vectors = new Float32Array(n * k);
  const present = new Uint8Array(n);
  const ids = termIds(model);
  const title = index.fields[TITLE]!;
  const abstract = index.fields[ABSTRACT]!;
  // The index's terms the model knows, in the index's order, and how far each has got in its two postings lists.
  const terms: number[] = [];
  const rows: number[] = [];
  index.terms.forEach((term, t) => {
    const m = ids.get(term);
    if (m === undefined) return;
    terms.push(t);
    rows.push(m);
  });
  const inTitle = Uint32Array.from(terms, (t) => title.offsets[t]!);
  const inAbstract = Uint32Array.from(terms, (t) => abstract.offsets[t]!);
  const add = (doc: number, count: number, m: number) => {
    const w = (1 + Math.log(count)) * idf[m]!;
    const at = doc * k;
    const from = m * k;
    for (let j = 0; j < k; j++) vectors[at + j]! += w * basis[from + j]!;
  };
  for (let blockEnd = Math.min(block, n); ; blockEnd = Math.min(blockEnd + block, n)) {
    for (let c = 0; c < terms.length; c++) {
      const t = terms[c]!;
      const m = rows[c]!;
      let i = inTitle[c]!;
      let j = inAbstract[c]!;
      const iEnd = title.offsets[t + 1]!;
      const jEnd = abstract.offsets[t + 1]!;
      // The two lists merged, up to the block's end (n: past every paper).
      for (;;) {
        const a = i < iEnd ? title.docs[i]! : n;
        const b = j < jEnd ? abstract.docs[j]! : n;
        if ((a < b ? a : b) >= blockEnd) break;
        if (a === b) add(a, TITLE_WEIGHT * title.tfs[i++]! + abstract.tfs[j++]!, m);
        else if (a < b) add(a, TITLE_WEIGHT * title.tfs[i++]!, m);
        else add(b, abstract.tfs[j++]!, m);
      }
      inTitle[c] = i;
      inAbstract[c] = j;
    }
    if (blockEnd >= n) break;
  }
  for (let d = 0; d < n; d++) present[d] = normaliseRow(vectors, d * k, k) ? 1 : 0;
  return { vectors, present };
}

const idCache = new WeakMap<LsaModel, Map<string, number>>();
function termIds(model: LsaModel): Map<string, number> {
  let ids = idCache.get(model);
  if (!ids) idCache.set(model, (ids = new Map(model.terms.map((t, i) => [t, i] as const))));
  return ids;
}

/** Stems of a text as the index counts them: words and joined hyphenated compounds. */
function countStems(text: string, weight: number, counts: Map<string, number>): void {
  const normalized = normalize(text);
  for (const word of [...tokenize(normalized), ...joinedCompounds(normalized)]) {
    const s = processNormalized(word);
    if (s) counts.set(s, (counts.get(s) ?? 0) + weight);
  }
}

/** The unit vector of a paper's title and abstract, as embedIndex would fold it in; undefined when no word is known. */
export function embedPaperText(model: LsaModel, title: string, abstract: string): Float32Array | undefined {
  const counts = new Map<string, number>();
  countStems(title, TITLE_WEIGHT, counts);
  countStems(abstract, 1, counts);
  return foldIn(model, counts);
}

/**
 * The unit vector of a query; undefined when it has no word the model knows. Each known word adds
 * its direction at unit length: a query is a few words and each of them counts, where a word's
 * TF-IDF weight and the length of its direction would let one word stand for the whole query.
 * Measured against the papers' weighting on the evaluation set (docs/search-quality.md).
 */
export function embedQueryText(model: LsaModel, query: string): Float32Array | undefined {
  const counts = new Map<string, number>();
  countStems(query, 1, counts);
  const ids = termIds(model);
  const k = model.dimensions;
  const out = new Float32Array(k);
  for (const term of counts.keys()) {
    const m = ids.get(term);
    if (m === undefined) continue;
    let length = 0;
    for (let j = 0; j < k; j++) length += model.basis[m * k + j]! ** 2;
    if (length > 0) addDirection(model, m, 1 / Math.sqrt(length), out, 0);
  }
  return normaliseRow(out, 0, k) ? out : undefined;
}

function foldIn(model: LsaModel, counts: ReadonlyMap<string, number>): Float32Array | undefined {
  const ids = termIds(model);
  const out = new Float32Array(model.dimensions);
  for (const [term, count] of counts) {
    const m = ids.get(term);
    if (m !== undefined) addDirection(model, m, termWeight(count, model.idf[m]!), out, 0);
  }
  return normaliseRow(out, 0, model.dimensions) ? out : undefined;
}
