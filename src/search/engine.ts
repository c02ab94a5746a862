/**
 * Full-text retrieval over the compact index of postings.ts (title, abstract and link text,
 * stemmed), with a cascade that only loosens matching when exact matching finds too little.
 *
 * Scoring, which tests/search/reference-scorer.ts recomputes by brute force:
 * - each query word has one or more stems with weights: its own stem (1) and, when it is rare,
 *   its prefix and typo expansions (below 1);
 * - a stem scores BM25+ per field, summed over fields: weight × boost[field] × idf × (d + tf(k+1) /
 *   (tf + k(1 - b + b·length/avgLength))), idf = ln(1 + (N - n + 0.5)/(n + 0.5)) with n the papers
 *   having the stem in that field, lengths in distinct tokens;
 * - a word scores its best stem in the paper (two spellings of one word are still one word);
 * - a paper scores the sum of its words' scores times the number of query words it has
 *   (MiniSearch's "quality" factor, counted in query words);
 * - papers with every word (AND) come first; when fewer than MIN_AND_HITS, papers with some of
 *   them (OR) follow, scaled to score below the last AND paper.
 *
 * Why per-word looseness: fuzzy/prefix matching on every word pollutes long descriptive
 * queries (every word drags in look-alikes) and costs a vocabulary walk per word. So a word
 * is matched loosely only when it is rare or unknown in the corpus ("difusion", "equivar");
 * known words match exactly, which keeps typical queries to plain index lookups.
 *
 * Why loose matching goes through surface words, not stems: a typo is a typo of a word
 * ("transfomer" is one edit from "transformer"), while stems distort distances (stem
 * "transfom" is two edits from "transfer"). And a half-typed word has no reliable stem
 * ("generat" is not a prefix of "gener"). So loose words are expanded against the corpus's
 * words (near-words.ts for one edit; sorted-words.ts for prefixes and two edits), keeping the
 * closest few, and searched by those words' stems.
 *
 * Why not MiniSearch's own search: it scores and materialises every matching document as an
 * object (with per-term match lists) before any ranking cut, so a long query over 100,000
 * papers touches ~10^5 Map entries and allocates as many objects (0.1–2 s). This engine scores
 * term at a time into flat typed arrays (docs/performance.md has the numbers); when the rarest
 * word bounds the papers that have every word, it scores only those (all-words.ts).
 */
import { AllWords, type ScoredWord } from './all-words.js';
import { gallop } from './gallop.js';
import { FIELDS, type IndexData } from './postings.js';
import { NearWords } from './near-words.js';
import { SortedWords } from './sorted-words.js';
import { compoundParts, planQuery, type PlanVocabulary, type QueryPlan } from './query-plan.js';
import { byCodeUnits, isContentWord, stem } from './text.js';
import { builtPositions, positionsBuilder, type WordPositions } from './word-positions.js';

/** Field boosts: a title match is worth three abstract matches. */
export const BOOST = [3, 1, 0.5];
/**
 * Long descriptive queries describe an idea; a title sharing a few of their common words
 * should not outweigh an abstract that matches the description, so titles count less there.
 */
const LONG_QUERY_WORDS = 5;
const LONG_QUERY_BOOST = [1.5, 1, 0.5];
/** BM25+ parameters: MiniSearch's defaults, so scores stay comparable with it. */
export const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
/** A word seen in fewer documents than this also matches by prefix and typo. */
const LOOSE_BELOW_DF = 2;
/** AND results fewer than this get OR results appended (ranked below them). */
const MIN_AND_HITS = 5;
/** Loose matches expand to at most this many words each, the most frequent first: bounded cost. */
const MAX_PREFIX_WORDS = 8;
const MAX_FUZZY_WORDS = 3;
/** Alternatives with fewer postings than the word's main stem divided by this take the fast path. */
const RARE_ALTERNATIVES = 8;
/** Score weights of loose matches relative to an exact match (fuzzy: by edit distance). */
const PREFIX_WEIGHT = 0.6;
const FUZZY_WEIGHT = [1, 0.5, 0.3] as const;

/** Matching documents (indices into the papers array) with their scores, unordered. */
export interface Candidates {
  docs: Int32Array;
  scores: Float64Array;
  /** 1 where the document has every query word: those rank above the rest ("all words first"). */
  full: Uint8Array;
  length: number;
}

export interface Vocabulary {
  /** Documents containing a stem. */
  df(stem: string): number;
  /** True for lowercased surface words of the corpus. */
  hasWord(word: string): boolean;
  /**
   * The closest tier of surface words to a typo, with the documents containing each: those one
   * edit away; when there are none and the word has 8 letters or more, those two edits away.
   * Beside a word one edit away, words two edits away are noise.
   */
  closestWords(word: string): Closest;
}

export interface Closest {
  words: ReadonlyMap<string, number>;
  edits: 1 | 2;
}

/** One query word: the stems it searches for, with their weights; a document counts its best one. */
interface WordQuery {
  stems: Map<string, number>;
}

/** Scratch for words with several stems: each stem's scores, then the word's best per document. */
interface AlternativeScratch {
  stemScore: Float64Array;
  stemDocs: Int32Array;
  best: Float64Array;
  bestDocs: Int32Array;
}

export class SearchEngine implements Vocabulary, PlanVocabulary {
  private termIdTable: Map<string, number> | undefined;
  // A typo is looked up twice per query, to search for it and to offer corrections: asked once.
  private readonly closest = new Memo<Closest>();
  private readonly plans = new Memo<QueryPlan>();
  // Per-query scratch, sized to the corpus once and reset through `touched` after each query.
  // A score is never 0 once touched (every BM25+ contribution is positive), so 0 means untouched.
  private readonly score: Float64Array;
  private readonly wordsMatched: Uint16Array;
  private readonly lastWord: Int32Array;
  private readonly touched: Int32Array;
  private alternatives: AlternativeScratch | undefined;
  private found: { docs: Int32Array; scores: Float64Array; full: Uint8Array } | undefined;
  private allWords: AllWords | undefined;

  /**
   * `allWordsFrom`: the postings a query needs before the all-words path (all-words.ts) is tried;
   * `Infinity` scores every query term at a time, reading every posting: the reference that path
   * is checked against.
   */
  constructor(
    readonly index: IndexData,
    private readonly options: { allWordsFrom?: number } = {},
  ) {
    const n = index.docCount;
    this.score = new Float64Array(n);
    this.wordsMatched = new Uint16Array(n);
    this.lastWord = new Int32Array(n).fill(-1);
    this.touched = new Int32Array(n);
  }

  /** Stem → term id, made on the first query (or by `warmSteps`), not at start-up: 0.1 s at 100,000 papers. */
  private get termIds(): Map<string, number> {
    return (this.termIdTable ??= termIdsOf(this.index));
  }

  /** Built on first use (or by `warmSteps`), as are the word tables below: only queries with rare or unknown words need them. */
  get surfaces(): SortedWords {
    const tables = tablesOf(this.index);
    return (tables.sorted ??= new SortedWords(this.index.surfaceWords, this.index.surfaceDf));
  }

  private get nearWords(): NearWords {
    const tables = tablesOf(this.index);
    return (tables.near ??= new NearWords(this.index.surfaceWords, this.index.surfaceDf));
  }

  /**
   * What queries with rare words need, built ahead of them: the word tables, and the scratch of
   * words with several stems; then what phrases need, the word positions, in several steps. One
   * step each, so a caller can yield between them: at a million papers a table takes up to a
   * second.
   */
  warmSteps(): (() => void)[] {
    return [
      () => void this.termIds,
      () => void this.nearWords,
      () => void this.surfaces,
      () => {
        this.alternatives ??= newScratch(this.index.docCount);
      },
      ...positionsBuilder(this.index.streams, this.index.surfaceWords.length).steps(),
    ];
  }

  /** Where each word stands (word-positions.ts), once the warm-up has built it; phrases are checked on the streams until then. */
  get positions(): WordPositions | undefined {
    return builtPositions(this.index.streams);
  }

  /** The id of a stem in the index, if the corpus has it. */
  termId(stem: string): number | undefined {
    return this.termIds.get(stem);
  }

  df(stem: string): number {
    const id = this.termIds.get(stem);
    return id === undefined ? 0 : (this.index.stemDf[id] ?? 0);
  }

  isCompound(stem: string): boolean {
    const id = this.termIds.get(stem);
    return id !== undefined && this.index.compound[id] === 1;
  }

  hasWord(word: string): boolean {
    return this.nearWords.has(word);
  }

  /** The id of a lowercased surface word of titles and abstracts, if the corpus has it. */
  surfaceId(word: string): number | undefined {
    return this.nearWords.id(word);
  }

  closestWords(word: string): Closest {
    return this.closest.get(word, () => {
      const one = this.nearWords.oneEdit(word);
      if (one.size > 0 || word.length < 8 || !this.nearWords.twoEditsMayReach(word)) return { words: one, edits: 1 };
      const two = [...this.surfaces.fuzzy(word, 2)].filter(([, [, d]]) => d === 2).map(([w, [n]]): [string, number] => [w, n]);
      return { words: new Map(two), edits: 2 };
    });
  }

  /** The words of `texts` (each its own run of words) and the stems each accepts: query-plan.ts. */
  plan(texts: readonly string[]): QueryPlan {
    // Retrieval and proximity both plan each query: planned once.
    return this.plans.get(texts.join('\u0000'), () => planQuery(texts, this));
  }

  /** True when document `doc` has `stem` in field `field` (an index of FIELDS). */
  has(stem: string, doc: number, field: number): boolean {
    const id = this.termIds.get(stem);
    const postings = this.index.fields[field];
    return id !== undefined && postings !== undefined && findDoc(postings.docs, postings.offsets[id]!, postings.offsets[id + 1]!, doc) >= 0;
  }

  /** The parts of a lowercased word the corpus has as a hyphenated compound ("selfsupervised" → self, supervised). */
  compoundParts(word: string): string[] | undefined {
    return compoundParts(word, this);
  }

  /** Marks (1) the documents containing every one of these words (in any spelling the plan accepts, never loosely), in any field. */
  docsWithAll(words: string[]): Uint8Array {
    const planned = this.plan(words).words;
    const n = this.index.docCount;
    if (planned.length === 0) return new Uint8Array(n);
    // count[doc] is the number of words so far that the document has all of; a document counts
    // word i once, however many of its spellings and fields have it (once counted, it is not i).
    const count = new Uint8Array(n);
    planned.forEach((word, i) => {
      for (const s of [word.stem, ...word.joined]) {
        const id = this.termIds.get(s);
        if (id === undefined) continue;
        for (const field of this.index.fields) {
          for (let p = field.offsets[id]!; p < field.offsets[id + 1]!; p++) {
            const doc = field.docs[p]!;
            if (count[doc] === i) count[doc] = i + 1;
          }
        }
      }
    });
    for (let d = 0; d < n; d++) count[d] = count[d] === planned.length ? 1 : 0;
    return count;
  }

  /**
   * Candidates for free words: AND first; if that finds fewer than MIN_AND_HITS,
   * OR results follow, scaled to score below every AND result.
   * `strict` words (from quoted phrases) never match loosely. Documents `accept` rejects are left
   * out (after the AND/OR choice, which counts every match: filters do not loosen a query).
   * `within` (ascending), when given, holds every document `accept` takes (those with a quoted
   * phrase): only those are then scored, where they can be.
   *
   * The arrays returned are the engine's own, valid until its next `retrieve`: a query over a
   * million papers can match most of them, and fresh arrays of that size on every query made V8
   * collect its whole heap every few queries.
   */
  retrieve(words: string[], strict: string[] = [], accept?: (doc: number) => boolean, within?: Int32Array): Candidates {
    const queries = [...this.wordQueries([words.join(' ')], false), ...this.wordQueries(strict, true)];
    if (queries.length === 0) return { docs: new Int32Array(0), scores: new Float64Array(0), full: new Uint8Array(0), length: 0 };
    const boost = queries.length >= LONG_QUERY_WORDS ? LONG_QUERY_BOOST : BOOST;
    const scored = queries.map((q) => this.scoredWord(q));
    // Enough papers with every word: the others are never shown, so only those are scored.
    const all = (this.allWords ??= new AllWords(this.index, BM25, this.options.allWordsFrom)).match(scored, boost, MIN_AND_HITS, within);
    if (all) return this.collectAll(all.docs, all.scores, all.length, scored.length, accept);
    const touchedCount = this.accumulate(scored, boost);
    try {
      return this.collect(touchedCount, queries.length, accept);
    } finally {
      this.reset(touchedCount);
    }
  }

  /** A word's stems in the index, most postings first, and how term at a time scores them (below). */
  private scoredWord({ stems }: WordQuery): ScoredWord {
    const ids = [...stems]
      .flatMap(([s, weight]) => {
        const id = this.termIds.get(s);
        return id === undefined ? [] : [{ id, weight, postings: this.postings(id) }];
      })
      .sort((a, b) => b.postings - a.postings);
    const [main, ...rest] = ids;
    if (!main || rest.length === 0) return { stems: ids, mode: 'one' };
    return { stems: ids, mode: rest.reduce((sum, r) => sum + r.postings, 0) * RARE_ALTERNATIVES <= main.postings ? 'rare' : 'best' };
  }

  /**
   * Term at a time. A word with one stem adds that stem's BM25+ score straight to each document;
   * a word with several (typo and prefix expansions, joined forms) adds, per document, the best
   * of them: two spellings of one word in a paper are still one word. Returns the number of
   * touched documents.
   */
  private accumulate(words: ScoredWord[], boost: number[]): number {
    let touchedCount = 0;
    words.forEach(({ stems, mode }, w) => {
      const [main, ...rest] = stems;
      if (!main) return;
      if (mode === 'one') {
        touchedCount = this.addStem(main.id, main.weight, boost, this.score, this.touched, touchedCount, w);
      } else if (mode === 'rare') {
        touchedCount = this.addWithRareAlternatives(main, rest, boost, touchedCount, w);
      } else {
        touchedCount = this.addBestOf(stems, boost, touchedCount, w);
      }
    });
    return touchedCount;
  }

  /** Postings of a stem over all fields. */
  private postings(id: number): number {
    return this.index.fields.reduce((sum, f) => sum + f.offsets[id + 1]! - f.offsets[id]!, 0);
  }

  /** Adds, per document, the best of these stems' scores, and counts word `w` as matched. */
  private addBestOf(ids: { id: number; weight: number }[], boost: number[], touchedCount: number, w: number): number {
    const { best, bestDocs } = this.bestOf(ids, boost);
    const { score, touched, lastWord, wordsMatched } = this;
    for (let i = 0; i < bestDocs.length; i++) {
      const doc = bestDocs[i]!;
      if (score[doc] === 0) touched[touchedCount++] = doc;
      score[doc]! += best[doc]!;
      best[doc] = 0;
      lastWord[doc] = w;
      wordsMatched[doc]! += 1;
    }
    return touchedCount;
  }

  /**
   * `addBestOf` when the other stems are rare next to `main` (a joined compound beside "image"):
   * main's scores go straight in, and only the few documents with another stem are corrected up
   * to their best, reading main's score for them from its postings. One pass over the long list
   * instead of three.
   */
  private addWithRareAlternatives(main: { id: number; weight: number }, rest: { id: number; weight: number }[], boost: number[], touchedCount: number, w: number): number {
    touchedCount = this.addStem(main.id, main.weight, boost, this.score, this.touched, touchedCount, w);
    const { best, bestDocs } = this.bestOf(rest, boost);
    const { score, touched, lastWord, wordsMatched } = this;
    for (let i = 0; i < bestDocs.length; i++) {
      const doc = bestDocs[i]!;
      const gain = best[doc]! - this.stemScoreOf(main.id, main.weight, boost, doc);
      best[doc] = 0;
      if (gain > 0) {
        if (score[doc] === 0) touched[touchedCount++] = doc;
        score[doc]! += gain;
      }
      if (lastWord[doc] !== w) {
        lastWord[doc] = w;
        wordsMatched[doc]! += 1;
      }
    }
    return touchedCount;
  }

  /** Per document, the best score among these stems, in the `best` scratch (the caller zeroes it), and the documents that have one. */
  private bestOf(ids: { id: number; weight: number }[], boost: number[]): { best: Float64Array; bestDocs: Int32Array } {
    const { stemScore, stemDocs, best, bestDocs } = (this.alternatives ??= newScratch(this.index.docCount));
    let bestCount = 0;
    for (const { id, weight } of ids) {
      const stemCount = this.addStem(id, weight, boost, stemScore, stemDocs, 0, -1);
      for (let i = 0; i < stemCount; i++) {
        const doc = stemDocs[i]!;
        const value = stemScore[doc]!;
        stemScore[doc] = 0;
        if (best[doc] === 0) bestDocs[bestCount++] = doc;
        if (value > best[doc]!) best[doc] = value;
      }
    }
    return { best, bestDocs: bestDocs.subarray(0, bestCount) };
  }

  /** Stem `id`'s score in one document (0 if it lacks the stem), summed over fields as addStem sums them. */
  private stemScoreOf(id: number, weight: number, boost: number[], doc: number): number {
    const { index } = this;
    let sum = 0;
    index.fields.forEach((field, f) => {
      const p = findDoc(field.docs, field.offsets[id]!, field.offsets[id + 1]!, doc);
      if (p < 0) return;
      sum += this.contribution(field.offsets[id + 1]! - field.offsets[id]!, weight, boost, f, field.tfs[p]!, doc);
    });
    return sum;
  }

  /** One field's BM25+ term for a document, exactly as addStem computes it. */
  private contribution(matching: number, weight: number, boost: number[], f: number, tf: number, doc: number): number {
    const { index } = this;
    const idf = Math.log(1 + (index.docCount - matching + 0.5) / (matching + 0.5));
    const factor = weight * (boost[f] ?? 1) * idf;
    const norm = BM25.k * (1 - BM25.b + (BM25.b / (index.avgFieldLength[f] || 1)) * index.fieldLength[doc * FIELDS.length + f]!);
    return factor * (BM25.d + (tf * (BM25.k + 1)) / (tf + norm));
  }

  /**
   * Adds stem `id`'s BM25+ contribution, times `weight`, into `into` for every document that has
   * it, listing newly touched documents in `docs` from `count` on; returns the new count. With
   * `word` ≥ 0 it also counts the word as matched in each of those documents.
   */
  private addStem(id: number, weight: number, boost: number[], into: Float64Array, docs: Int32Array, count: number, word: number): number {
    const { index, lastWord, wordsMatched } = this;
    const N = index.docCount;
    const F = FIELDS.length;
    index.fields.forEach((field, f) => {
      const start = field.offsets[id]!;
      const end = field.offsets[id + 1]!;
      if (end === start) return;
      const matching = end - start;
      const idf = Math.log(1 + (N - matching + 0.5) / (matching + 0.5));
      const factor = weight * (boost[f] ?? 1) * idf;
      const lengthNorm = BM25.b / (index.avgFieldLength[f] || 1);
      for (let p = start; p < end; p++) {
        const doc = field.docs[p]!;
        const tf = field.tfs[p]!;
        const norm = BM25.k * (1 - BM25.b + lengthNorm * index.fieldLength[doc * F + f]!);
        if (into[doc] === 0) docs[count++] = doc;
        into[doc]! += factor * (BM25.d + (tf * (BM25.k + 1)) / (tf + norm));
        if (word >= 0 && lastWord[doc] !== word) {
          lastWord[doc] = word;
          wordsMatched[doc]! += 1;
        }
      }
    });
    return count;
  }

  /**
   * AND hits, or AND then OR (scaled below) when AND finds too few. Scores are multiplied by the
   * number of query words a document matched (MiniSearch's "quality" factor, counted in words).
   */
  private collect(touchedCount: number, wordCount: number, accept: ((doc: number) => boolean) | undefined): Candidates {
    const { score, wordsMatched, touched } = this;
    let andCount = 0;
    let floor = Infinity;
    let orTop = 0;
    for (let i = 0; i < touchedCount; i++) {
      const doc = touched[i]!;
      const s = score[doc]! * wordsMatched[doc]!;
      if (wordsMatched[doc] === wordCount) {
        andCount++;
        if (s < floor) floor = s;
      } else if (s > orTop) orTop = s;
    }
    const withOr = andCount < MIN_AND_HITS && wordCount > 1;
    const scale = withOr && orTop > 0 && Number.isFinite(floor) ? Math.min(1, (floor * 0.99) / orTop) : 1;
    const { docs, scores, full } = this.foundArrays();
    let k = 0;
    for (let i = 0; i < touchedCount; i++) {
      const doc = touched[i]!;
      const isAnd = wordsMatched[doc] === wordCount;
      if ((!isAnd && !withOr) || (accept && !accept(doc))) continue;
      docs[k] = doc;
      full[k] = isAnd ? 1 : 0;
      scores[k++] = score[doc]! * wordsMatched[doc]! * (isAnd ? 1 : scale);
    }
    return { docs: docs.subarray(0, k), scores: scores.subarray(0, k), full: full.subarray(0, k), length: k };
  }

  /** Candidates from papers that have every word (all-words.ts): scored as `collect` scores them. */
  private collectAll(all: Int32Array, sums: Float64Array, length: number, wordCount: number, accept: ((doc: number) => boolean) | undefined): Candidates {
    const { docs, scores, full } = this.foundArrays();
    let k = 0;
    for (let i = 0; i < length; i++) {
      const doc = all[i]!;
      if (accept && !accept(doc)) continue;
      docs[k] = doc;
      full[k] = 1;
      scores[k++] = sums[i]! * wordCount;
    }
    return { docs: docs.subarray(0, k), scores: scores.subarray(0, k), full: full.subarray(0, k), length: k };
  }

  private foundArrays(): { docs: Int32Array; scores: Float64Array; full: Uint8Array } {
    const n = this.index.docCount;
    return (this.found ??= { docs: new Int32Array(n), scores: new Float64Array(n), full: new Uint8Array(n) });
  }

  private reset(touchedCount: number): void {
    for (let i = 0; i < touchedCount; i++) {
      const doc = this.touched[i]!;
      this.score[doc] = 0;
      this.wordsMatched[doc] = 0;
      this.lastWord[doc] = -1;
    }
  }

  /** A word accepts its stem and its joined forms; a rare word typed by hand also its loose matches. */
  private wordQueries(texts: string[], strict: boolean): WordQuery[] {
    return this.plan(texts).words.map((word) => {
      const stems = new Map([[word.stem, 1], ...word.joined.map((j): [string, number] => [j, 1])]);
      if (!strict && !word.fromSplit && word.joined.length === 0 && this.df(word.stem) < LOOSE_BELOW_DF) this.expand(word.token, stems);
      return { stems };
    });
  }

  /** Adds the stems of corpus words that start like `word` (3+ chars) or are a typo away (4+ chars). */
  private expand(word: string, stems: Map<string, number>): void {
    const add = (w: string, weight: number) => {
      const s = stem(w);
      if (isContentWord(w) && (stems.get(s) ?? 0) < weight) stems.set(s, weight);
    };
    if (word.length >= 3) {
      for (const w of this.mostFrequent(this.surfaces.atPrefix(word), MAX_PREFIX_WORDS)) {
        if (w !== word) add(w, PREFIX_WEIGHT * (word.length / w.length) ** 0.5);
      }
    }
    if (word.length >= 4) {
      const { words, edits } = this.closestWords(word);
      for (const w of this.mostFrequent(words, MAX_FUZZY_WORDS)) add(w, FUZZY_WEIGHT[edits]);
    }
  }

  private mostFrequent(words: Iterable<[string, number]>, limit: number): string[] {
    return [...words]
      .sort((a, b) => b[1] - a[1] || byCodeUnits(a[0], b[0]))
      .slice(0, limit)
      .map(([w]) => w);
  }
}

/**
 * The word tables of an index, shared by every engine over it: a library rebuilt over the same
 * postings (semantic search attached at start-up, new vectors from a remote model) does not build
 * them again. At a million papers the stems' ids alone take a few hundred milliseconds.
 */
interface WordTables {
  termIds?: Map<string, number>;
  near?: NearWords;
  sorted?: SortedWords;
}
const wordTables = new WeakMap<IndexData, WordTables>();
function tablesOf(index: IndexData): WordTables {
  let tables = wordTables.get(index);
  if (!tables) wordTables.set(index, (tables = {}));
  return tables;
}

function termIdsOf(index: IndexData): Map<string, number> {
  const tables = tablesOf(index);
  if (!tables.termIds) {
    const ids = new Map<string, number>();
    for (let i = 0; i < index.terms.length; i++) ids.set(index.terms[i]!, i);
    tables.termIds = ids;
  }
  return tables.termIds;
}

/** The last few answers by word: enough for the words of the queries in flight. */
class Memo<T> {
  private readonly values = new Map<string, T>();
  get(key: string, make: () => T): T {
    let value = this.values.get(key);
    if (value === undefined) {
      value = make();
      if (this.values.size >= MEMO_SIZE) this.values.delete(this.values.keys().next().value as string);
      this.values.set(key, value);
    }
    return value;
  }
}
const MEMO_SIZE = 256;

function newScratch(n: number): AlternativeScratch {
  return { stemScore: new Float64Array(n), stemDocs: new Int32Array(n), best: new Float64Array(n), bestDocs: new Int32Array(n) };
}

/** Position of `doc` in the ascending `docs[from..to)`, or -1. */
function findDoc(docs: Uint32Array, from: number, to: number, doc: number): number {
  const at = gallop(docs, from, to, doc);
  return at < to && docs[at] === doc ? at : -1;
}
