/**
 * The papers that have every word of a query, scored, without scoring every paper that has any
 * of them. Term at a time (engine.ts) reads every posting of every word: a query with one rare
 * word and a few common ones ("preconditioned gradient descent", a pasted sentence) scores
 * hundreds of thousands of papers at a million, to keep the few hundred that have them all.
 *
 * Here the rarest word's papers are the candidates, each other word (rarest first) keeps those
 * that have it, found by galloping forward through its postings, and only the papers left are
 * scored. A paper's score is added up in the order term at a time adds it (word by word, field by
 * field, a word's best spelling as the engine picks it), so the scores are the same to the last
 * bit and the ranking cannot change. When the candidates drop below what the caller needs, it
 * gives up: papers with only some of the words are then ranked too, which needs every posting.
 */
import { gallop } from './gallop.js';
import { FIELDS, type IndexData } from './postings.js';

/** One stem of a query word, with its weight and its postings over all fields. */
export interface StemRef {
  id: number;
  weight: number;
  postings: number;
}

/**
 * A query word as the engine scores it: `stems` most postings first; `one`: its only stem;
 * `rare`: the first stem, corrected up to the best of the rare others where they occur; `best`:
 * per paper, the best of its stems.
 */
export interface ScoredWord {
  stems: StemRef[];
  mode: 'one' | 'rare' | 'best';
}

export interface AllWordsMatch {
  /** Ascending. */
  docs: Int32Array;
  /** Each paper's sum of its words' scores (before the engine's words-matched factor). */
  scores: Float64Array;
  length: number;
}

/** Scoring parameters, the engine's own. */
export interface Bm25 {
  k: number;
  b: number;
  d: number;
}

/**
 * Checking a candidate against a word costs about this many postings read term at a time (a
 * gallop through each of its lists, then scoring by lookups): the candidates times this, per
 * word checked, must stay below the postings term at a time would read. At 2, two common words
 * (a million papers, 300,000 and 680,000 postings) took 47 ms instead of 33; at 3 and 4 they
 * go term at a time, and the benchmark's queries took about as long at either.
 */
const PROBE_COST = 3;
/**
 * Below this many postings term at a time takes a few tens of microseconds, less than setting up
 * the cursors: on the real corpus (488 papers) the path made first-sight queries of several
 * words 15–25% slower.
 */
export const MIN_POSTINGS = 1 << 14;

/** A stem's postings in one field, with a cursor that only moves forward. */
interface Run {
  docs: Uint32Array;
  tfs: Uint16Array;
  field: number;
  start: number;
  end: number;
  at: number;
  /** weight × boost × idf, as the engine computes it for this field. */
  factor: number;
  /** b / average field length. */
  lengthNorm: number;
}

export class AllWords {
  private a = new Int32Array(0);
  private b = new Int32Array(0);
  private scores = new Float64Array(0);

  /** `from`: the postings a query must have for this path to be tried. */
  constructor(
    private readonly index: IndexData,
    private readonly bm25: Bm25,
    private readonly from = MIN_POSTINGS,
  ) {}

  /**
   * The papers with every word and their scores, or undefined when fewer than `atLeast` have
   * them or when term at a time would read fewer postings. `within` (ascending): only these
   * papers can be wanted (those with a quoted phrase); they are then the candidates, and fewer
   * than `atLeast` of them are enough when `atLeast` papers have every word (the others are
   * then never ranked). The arrays are valid until the next call.
   */
  match(words: readonly ScoredWord[], boost: readonly number[], atLeast: number, within?: Int32Array): AllWordsMatch | undefined {
    if (words.length < (within ? 1 : 2) || words.some((w) => w.stems.length === 0)) return undefined;
    const postings = words.map((w) => w.stems.reduce((sum, s) => sum + s.postings, 0));
    const order = words.map((_, i) => i).sort((x, y) => postings[x]! - postings[y]!);
    const probed = within ? order : order.slice(1);
    const read = probed.reduce((sum, w) => sum + postings[w]!, 0);
    if (read < this.from || (within?.length ?? postings[order[0]!]!) * PROBE_COST * probed.length > read) return undefined;

    const runs = words.map((w) => w.stems.map((s) => this.runsOf(s, boost)));
    let length = within ? this.load(within) : this.union(runs[order[0]!]!.flat(), postings[order[0]!]!);
    for (const w of probed) {
      length = this.keepHaving(runs[w]!.flat(), length);
      if (length < atLeast && !within) return undefined;
    }
    if (within && length < atLeast && words.length > 1) {
      const few = this.a.slice(0, length);
      if (!this.someHaveAll(runs, order, atLeast)) return undefined;
      this.a.set(few);
    }
    for (const run of runs.flat(2)) run.at = run.start;
    const docs = this.a;
    if (this.scores.length < length) this.scores = new Float64Array(this.a.length);
    for (let i = 0; i < length; i++) {
      const doc = docs[i]!;
      let score = 0;
      for (let w = 0; w < words.length; w++) score = this.addWord(score, words[w]!.mode, runs[w]!, doc);
      this.scores[i] = score;
    }
    return { docs: docs.subarray(0, length), scores: this.scores.subarray(0, length), length };
  }

  /** True when at least `count` papers have every word: the rarest word's papers, until that many have the others. */
  private someHaveAll(runs: Run[][][], order: number[], count: number): boolean {
    for (const run of runs.flat(2)) run.at = run.start;
    const driver = runs[order[0]!]!.flat();
    const length = this.union(driver, driver.reduce((sum, r) => sum + r.end - r.start, 0));
    const others = order.slice(1).map((w) => runs[w]!.flat());
    let found = 0;
    for (let i = 0; i < length && found < count; i++) {
      const doc = this.a[i]!;
      if (others.every((wordRuns) => wordRuns.some((run) => seek(run, doc)))) found++;
    }
    return found >= count;
  }

  /** `docs` into `a`; returns their count. */
  private load(docs: Int32Array): number {
    this.reserve(docs.length);
    this.a.set(docs);
    return docs.length;
  }

  private reserve(size: number): void {
    if (this.a.length >= size) return;
    const length = Math.max(size, this.a.length * 2, 1024);
    this.a = new Int32Array(length);
    this.b = new Int32Array(length);
  }

  private runsOf(stem: StemRef, boost: readonly number[]): Run[] {
    const { index } = this;
    const n = index.docCount;
    const runs: Run[] = [];
    index.fields.forEach((field, f) => {
      const start = field.offsets[stem.id]!;
      const end = field.offsets[stem.id + 1]!;
      if (end === start) return;
      const matching = end - start;
      const idf = Math.log(1 + (n - matching + 0.5) / (matching + 0.5));
      const factor = stem.weight * (boost[f] ?? 1) * idf;
      runs.push({ docs: field.docs, tfs: field.tfs, field: f, start, end, at: start, factor, lengthNorm: this.bm25.b / (index.avgFieldLength[f] || 1) });
    });
    return runs;
  }

  /** The papers of `runs`, ascending and once each, into `a`; returns their count. */
  private union(runs: Run[], total: number): number {
    this.reserve(total);
    let length = 0;
    runs.forEach((run, r) => {
      // Merge run into a[0..length) through b, then swap.
      const { docs, end } = run;
      const into = r === 0 ? this.a : this.b;
      let i = 0;
      let p = run.start;
      let k = 0;
      while (i < length || p < end) {
        const x = i < length ? this.a[i]! : Infinity;
        const y = p < end ? docs[p]! : Infinity;
        if (x <= y) {
          into[k++] = x;
          i++;
          if (x === y) p++;
        } else {
          into[k++] = y;
          p++;
        }
      }
      if (r > 0) [this.a, this.b] = [this.b, this.a];
      length = k;
    });
    return length;
  }

  /** Keeps, in place in `a`, the papers that some run has; returns how many remain. */
  private keepHaving(runs: Run[], length: number): number {
    const { a } = this;
    let kept = 0;
    for (let i = 0; i < length; i++) {
      const doc = a[i]!;
      for (const run of runs) {
        if (seek(run, doc)) {
          a[kept++] = doc;
          break;
        }
      }
    }
    return kept;
  }

  /** `score` plus word's score in `doc`, added in the order term at a time adds it (engine.ts accumulate). */
  private addWord(score: number, mode: ScoredWord['mode'], stems: Run[][], doc: number): number {
    if (mode === 'one') {
      for (const run of stems[0]!) if (seek(run, doc)) score += this.term(run, doc);
      return score;
    }
    if (mode === 'best') return score + this.best(stems, 0, doc);
    // `rare`: the main stem's terms go in one by one; the others lift the word to its best.
    let main = 0;
    for (const run of stems[0]!) {
      if (!seek(run, doc)) continue;
      const term = this.term(run, doc);
      score += term;
      main += term;
    }
    const best = this.best(stems, 1, doc);
    const gain = best - main;
    return best > 0 && gain > 0 ? score + gain : score;
  }

  /** The best sum over fields among stems[from..] in `doc` (0 when none has it). */
  private best(stems: Run[][], from: number, doc: number): number {
    let best = 0;
    for (let s = from; s < stems.length; s++) {
      let value = 0;
      for (const run of stems[s]!) if (seek(run, doc)) value += this.term(run, doc);
      if (value > best) best = value;
    }
    return best;
  }

  /** The BM25+ term of the posting under `run`'s cursor, exactly as engine.ts computes it. */
  private term(run: Run, doc: number): number {
    const { k, b, d } = this.bm25;
    const tf = run.tfs[run.at]!;
    const norm = k * (1 - b + run.lengthNorm * this.index.fieldLength[doc * FIELDS.length + run.field]!);
    return run.factor * (d + (tf * (k + 1)) / (tf + norm));
  }
}

/** Moves `run`'s cursor to its first posting at or after `doc`; true when that posting is `doc`'s. */
function seek(run: Run, doc: number): boolean {
  const at = (run.at = gallop(run.docs, run.at, run.end, doc));
  return at < run.end && run.docs[at] === doc;
}
